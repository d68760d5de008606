/**
 * The command core: parse -> route -> handler -> Reply. Imports no platform library; adapters
 * call respond() and render the Reply their own way. Who sees each reply (the channel or the
 * asker alone) is decided here, once, and set on the Reply (withVisibility in reply.ts).
 *
 * respond() is also where the chat adapters are kept polite under load: per-user and per-channel
 * rate limits (a "slow down" reply once per window, then silence) and a bounded number of answers
 * at once (a "busy" reply when too many wait).
 */
import { LiveKnowledge } from '../corpus/liveKnowledge.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import type { RateCounters } from '../state/rateCounters.ts';
import { commandRegistry } from './commands/registry.ts';
import type { CommandDefinition } from './commands/types.ts';
import { ConcurrencyGate, type ConcurrencyLimits } from './concurrencyGate.ts';
import { type FollowUpOptions, FollowUps } from './followUp/followUps.ts';
import { articleByUrl } from './links/articleByUrl.ts';
import { articlePreview } from './links/articlePreview.ts';
import { MAX_INPUT_CHARS, parseRequest } from './parseRequest.ts';
import { RateLimiter, type RateLimits, SharedRateLimiter } from './rateLimiter.ts';
import { apologyReply, type Reply, type ReplyKind, withVisibility } from './reply.ts';
import { ReplyBuilder } from './replyBuilder.ts';
import type { ParsedRequest, Request } from './request.ts';
import { truecased } from './truecaseQuestion.ts';

export interface Bot {
  readonly commands: readonly CommandDefinition[];
  /**
   * Answers at once: every command that only reads the knowledge base. A command that has to wait
   * (/digest, which reads and writes state) answers only through respond().
   */
  answer(request: Request): Reply;
  /**
   * Answers any request, waiting for commands that read or write state. What the adapters call.
   * Rate limits and the concurrency bound apply here: null means "say nothing" (the asker was
   * already told to slow down in this window).
   */
  respond(request: Request): Promise<Reply | null>;
  /** The knowledge base answers come from now (the live one's current()). */
  knowledge(): KnowledgeBase;
  /**
   * What to show for a link someone shared: a preview of the article at that address (for the
   * channel), an offer to add the page (for the sharer alone, when BotOptions.unknownLink makes
   * one), or nothing.
   */
  previewLink(request: Request, url: string): Reply | undefined;
}

export interface BotOptions {
  /** The registry (commandRegistry with the features' commands); the core's own commands by default. */
  commands?: readonly CommandDefinition[];
  /** Called when a handler throws; the user gets a short apology either way. */
  onError?: (error: unknown, request: Request) => void;
  /** Per-user and per-channel limits on respond(); none when unset (tools, tests, the console). */
  rateLimits?: RateLimits;
  /** Counters shared by every bot instance: the rate limits then hold across all of them. */
  rateCounters?: RateCounters;
  /** Answers at once and answers waiting in respond(); unbounded when unset. */
  concurrency?: ConcurrencyLimits;
  /** The clock of the rate limits (ms since the epoch); Date.now by default. */
  now?: () => number;
  /** Told about every request respond() handled, for metrics and request logs. */
  observe?: (event: AnswerEvent) => void;
  /**
   * A shared link to a page the archive does not hold: what the sharer alone is offered (editors:
   * a button that adds it), or nothing. Made by the archive feature (ingest/addToArchiveOffer.ts).
   */
  unknownLink?: (url: string, request: Request) => Reply | undefined;
  /**
   * Follow-up questions in a conversation (requests with a `thread`): the context's store and
   * expiry. Unset: every question stands alone.
   */
  followUps?: FollowUpOptions;
}

/** One request handled by respond(). */
export interface AnswerEvent {
  request: Request;
  /** The command it was routed to; 'unknown' for a slash command that does not exist. */
  command: string;
  /** The reply's kind, or 'silent' when nothing was said (rate limited again within the window). */
  outcome: ReplyKind | 'silent';
  /** Why it was not answered, when it was not. */
  throttled?: 'user' | 'channel' | 'busy';
  /** Time from receipt to reply, queueing included. */
  seconds: number;
}

/** "Slow down": told once per window; the asker alone sees it. */
export function slowDownReply(retryAfterMs: number, scope: 'user' | 'channel'): Reply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const who = scope === 'user' ? 'You are asking' : 'This channel is asking';
  return {
    kind: 'throttled',
    headline: `${who} faster than I answer: please slow down.`,
    headlineCites: [],
    lines: [
      {
        text: `Try again in ${seconds} second${seconds === 1 ? '' : 's'}. Until then I stay quiet rather than repeat this.`,
        cites: [],
      },
    ],
    fields: [],
    suggestions: [],
    citations: [],
    visibility: 'asker',
  };
}

/** Too many answers already waiting: said every time, to the asker alone. */
export function busyReply(): Reply {
  return {
    kind: 'throttled',
    headline: 'I am busy answering other questions right now.',
    headlineCites: [],
    lines: [{ text: 'Please ask again in a few seconds.', cites: [] }],
    fields: [],
    suggestions: [],
    citations: [],
    visibility: 'asker',
  };
}

/** Over-long input is read up to the limit, and the reply says so. */
function noteInputCut(reply: Reply): Reply {
  const note = {
    label: 'Note',
    value: `Your message was longer than ${MAX_INPUT_CHARS} characters: I read only the first ${MAX_INPUT_CHARS}.`,
  };
  return { ...reply, fields: [note, ...reply.fields] };
}

/** A follow-up's answer says what it was read as ("what did Putin say about the strike?"). */
function noteReadAs(reply: Reply, question: string): Reply {
  return { ...reply, fields: [...reply.fields, { label: 'Read as', value: question }] };
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/**
 * A bot over the live knowledge base (whose owner swaps it on reloads), or over a fixed one (tools
 * and tests).
 */
export function createBot(knowledge: LiveKnowledge | KnowledgeBase, options: BotOptions = {}): Bot {
  const live = knowledge instanceof LiveKnowledge ? knowledge : new LiveKnowledge(knowledge);
  const commands = options.commands ?? commandRegistry();
  const byName = new Map(commands.map((c) => [c.name, c]));
  const names = new Set(byName.keys());
  const limiter = options.rateLimits
    ? options.rateCounters
      ? new SharedRateLimiter(options.rateLimits, options.rateCounters)
      : new RateLimiter(options.rateLimits, options.now)
    : undefined;
  const gate = options.concurrency ? new ConcurrencyGate(options.concurrency) : undefined;
  const followUps = options.followUps ? new FollowUps(options.followUps) : undefined;

  const route = (request: Request) => {
    const parsed = parseRequest(truecased(live.current(), request.text), names);
    return { parsed, command: byName.get(parsed.command) };
  };

  const run = (
    request: Request,
    parsed: ParsedRequest,
    command: CommandDefinition | undefined,
  ): Reply | Promise<Reply> => {
    if (!command) {
      return new ReplyBuilder(live.current(), 'error', `There is no /${parsed.text} command.`)
        .line('Type help to see what I can do.')
        .suggest({ label: 'Help', ask: 'help' })
        .build();
    }
    try {
      const reply = command.run(parsed, { kb: live.current(), request, commands });
      if (!parsed.inputCut) return reply;
      return isPromise(reply) ? reply.then(noteInputCut) : noteInputCut(reply);
    } catch (error) {
      options.onError?.(error, request);
      return apologyReply(request);
    }
  };

  const respondNow = async (
    request: Request,
    parsed: ParsedRequest,
    command: CommandDefinition | undefined,
  ): Promise<Reply> => {
    try {
      return await run(request, parsed, command);
    } catch (error) {
      options.onError?.(error, request);
      return apologyReply(request);
    }
  };

  return {
    commands,
    knowledge: () => live.current(),
    previewLink(request, url) {
      try {
        const kb = live.current();
        const article = articleByUrl(kb, url);
        if (article) return articlePreview(kb, article);
        const offer = options.unknownLink?.(url, request);
        return offer && { ...offer, visibility: 'asker' };
      } catch (error) {
        options.onError?.(error, request);
        return undefined;
      }
    },
    answer(request) {
      const { parsed, command } = route(request);
      const reply = run(request, parsed, command);
      if (!isPromise(reply)) return withVisibility(reply, request);
      reply.catch((error: unknown) => options.onError?.(error, request));
      return withVisibility(
        new ReplyBuilder(live.current(), 'error', 'Sorry, that command cannot answer here.')
          .line('It needs the chat adapters or the console: try it in Slack, Discord or `npm start`.')
          .build(),
        request,
      );
    },
    async respond(asked) {
      const started = performance.now();
      let request = asked;
      let { parsed, command } = route(request);
      const done = (reply: Reply | null, throttled?: AnswerEvent['throttled']): Reply | null => {
        options.observe?.({
          request,
          command: command?.name ?? 'unknown',
          outcome: reply?.kind ?? 'silent',
          ...(throttled ? { throttled } : {}),
          seconds: (performance.now() - started) / 1000,
        });
        return reply && withVisibility(reply, request);
      };
      const admission =
        limiter instanceof SharedRateLimiter ? await limiter.admit(request) : limiter?.admit(request);
      if (admission && !admission.ok) {
        return done(
          admission.notify ? slowDownReply(admission.retryAfterMs, admission.scope) : null,
          admission.scope,
        );
      }
      // A follow-up ("what did he say?") is answered as the question it stands for, and every
      // answer in a conversation is remembered for the next one.
      const turn = request.thread && followUps ? await followUps.begin(request, live.current()) : undefined;
      if (turn?.clarify) {
        await turn.remember(parsed, turn.clarify);
        return done(turn.clarify);
      }
      if (turn && turn.request !== request) {
        request = turn.request;
        ({ parsed, command } = route(request));
      }
      const answerIt = async () => {
        const reply = await respondNow(request, parsed, command);
        await turn?.remember(parsed, reply);
        return request === asked ? reply : noteReadAs(reply, request.text);
      };
      if (!gate) return done(await answerIt());
      // Each answer waits for its turn on the event loop, so a burst queues behind the gate
      // (where its length is bounded) instead of starving the sockets of acks and heartbeats.
      const queued = gate.run(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return answerIt();
      });
      return queued ? done(await queued) : done(busyReply(), 'busy');
    },
  };
}
