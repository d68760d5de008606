/**
 * The command core: parse -> route -> handler -> Reply. Imports no platform library; adapters
 * call answer() and render the Reply their own way.
 */
import type { DigestService } from '../digest/digestService.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { COMMANDS } from './commands/registry.ts';
import type { CommandDefinition } from './commands/types.ts';
import { parseRequest } from './parseRequest.ts';
import type { Reply } from './reply.ts';
import { ReplyBuilder } from './replyBuilder.ts';
import type { Request } from './request.ts';

export interface Bot {
  readonly commands: readonly CommandDefinition[];
  /**
   * Answers at once: every command that only reads the knowledge base. A command that has to wait
   * (/digest, which reads and writes state) answers only through respond().
   */
  answer(request: Request): Reply;
  /** Answers any request, waiting for commands that read or write state. What the adapters call. */
  respond(request: Request): Promise<Reply>;
  /** Swaps in a newly built knowledge base (after a corpus reload). */
  setKnowledge(kb: KnowledgeBase): void;
  knowledge(): KnowledgeBase;
}

export interface BotOptions {
  commands?: readonly CommandDefinition[];
  /** Called when a handler throws; the user gets a short apology either way. */
  onError?: (error: unknown, request: Request) => void;
  /** Scheduled digests for /digest; without them /digest says digests are not set up here. */
  digests?: DigestService;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

export function createBot(initial: KnowledgeBase, options: BotOptions = {}): Bot {
  let kb = initial;
  const commands = options.commands ?? COMMANDS;
  const byName = new Map(commands.map((c) => [c.name, c]));
  const names = new Set(byName.keys());
  const apology = () =>
    new ReplyBuilder(kb, 'error', 'Sorry, something went wrong answering that.')
      .line('The problem has been logged. Try rephrasing, or /search for the words.')
      .build();

  const run = (request: Request): Reply | Promise<Reply> => {
    const parsed = parseRequest(request.text, names);
    const command = byName.get(parsed.command);
    if (!command) {
      return new ReplyBuilder(kb, 'error', `There is no /${parsed.text} command.`)
        .line('Type help to see what I can do.')
        .suggest({ label: 'Help', ask: 'help' })
        .build();
    }
    try {
      return command.run(parsed, {
        kb,
        request,
        commands,
        ...(options.digests ? { digests: options.digests } : {}),
      });
    } catch (error) {
      options.onError?.(error, request);
      return apology();
    }
  };

  return {
    commands,
    knowledge: () => kb,
    setKnowledge(next) {
      kb = next;
    },
    answer(request) {
      const reply = run(request);
      if (!isPromise(reply)) return reply;
      reply.catch((error: unknown) => options.onError?.(error, request));
      return new ReplyBuilder(kb, 'error', 'Sorry, that command cannot answer here.')
        .line('It needs the chat adapters or the console: try it in Slack, Discord or `npm start`.')
        .build();
    },
    async respond(request) {
      try {
        return await run(request);
      } catch (error) {
        options.onError?.(error, request);
        return apology();
      }
    },
  };
}
