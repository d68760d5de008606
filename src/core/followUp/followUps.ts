/**
 * Follow-up questions around one answer: before it, the conversation's context is read from the
 * store (unless it has been silent longer than the expiry) and the question resolved against it;
 * after it, the question's names and the answer's are written back. The key is made here from the
 * platform, workspace, channel and the adapter's thread id, so two channels never share a context
 * whatever the adapters pass. A store that fails costs only the context: the question is answered
 * as asked, and the failure reported.
 */
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import type { ThreadContexts } from '../../state/threadContexts.ts';
import type { Reply } from '../reply.ts';
import type { ParsedRequest, Request } from '../request.ts';
import { contextFromAnswer, kindIn } from './contextFromAnswer.ts';
import { resolveFollowUp } from './resolveFollowUp.ts';
import { EMPTY_CONTEXT, parseContext, pickedChoice, type ThreadContext, withTurn } from './threadContext.ts';

export interface FollowUpOptions {
  store: ThreadContexts;
  /** A context silent this long is forgotten (THREAD_CONTEXT_MINUTES). */
  ttlMs: number;
  /** ms since the epoch; Date.now by default (tests move it). */
  now?: () => number;
  /** Told when the store fails; the question is answered without its context. */
  onError?: (error: unknown, request: Request) => void;
}

/** One question in a conversation: what to answer, or the clarifying reply; and how to remember it. */
export interface FollowUpTurn {
  request: Request;
  /** The pronoun could mean several names: say this instead of answering. */
  clarify?: Reply;
  /** Records the answered question and its reply in the conversation's context. */
  remember(parsed: ParsedRequest, reply: Reply): Promise<void>;
}

/** platform:workspace:channel:thread, or undefined when the request belongs to no conversation. */
export function conversationKey(request: Request, threadId: string | undefined): string | undefined {
  if (!threadId) return undefined;
  return [request.platform ?? '', request.workspaceId ?? '', request.channelId ?? '', threadId].join(':');
}

function clarifyingReply(ask: string, choices: { label: string; question: string }[]): Reply {
  return {
    kind: 'ambiguous',
    headline: ask,
    headlineCites: [],
    lines: [{ text: 'Ask again with the name, or pick one.', cites: [] }],
    fields: [],
    suggestions: choices.map((c) => ({ label: c.label, ask: c.question })),
    citations: [],
  };
}

export class FollowUps {
  private readonly now: () => number;

  constructor(private readonly options: FollowUpOptions) {
    this.now = options.now ?? Date.now;
  }

  private async load(key: string, request: Request): Promise<ThreadContext> {
    try {
      const stored = await this.options.store.load(key);
      if (!stored || this.now() - stored.updatedAt > this.options.ttlMs) return EMPTY_CONTEXT;
      return parseContext(stored.data);
    } catch (error) {
      this.options.onError?.(error, request);
      return EMPTY_CONTEXT;
    }
  }

  async begin(request: Request, kb: KnowledgeBase): Promise<FollowUpTurn> {
    const saveKey = conversationKey(request, request.thread?.id);
    const readKey = conversationKey(request, request.thread?.follows ?? request.thread?.id);
    if (!saveKey || !readKey) return { request, remember: async () => undefined };
    const context = await this.load(readKey, request);
    const save = async (next: ThreadContext) => {
      const now = this.now();
      try {
        await this.options.store.save(saveKey, JSON.stringify(next), now, now - this.options.ttlMs);
      } catch (error) {
        this.options.onError?.(error, request);
      }
    };
    // "Tillerson", after "Who do you mean: Lavrov or Tillerson?": the question that choice makes.
    const picked = pickedChoice(context, request.text);
    const resolved = picked
      ? { question: picked.question, rewritten: true }
      : resolveFollowUp(request.text, context, { kindOf: kindIn(kb) });
    if ('ask' in resolved) {
      return {
        request,
        clarify: clarifyingReply(resolved.ask, resolved.choices),
        // The names stay as they were; the choices wait for the answer, in this conversation.
        remember: () => save({ ...context, pending: resolved.choices }),
      };
    }
    const asked = resolved.rewritten ? { ...request, text: resolved.question } : request;
    return {
      request: asked,
      remember: async (parsed, reply) => {
        const turn = contextFromAnswer(kb, parsed.question ?? asked.text, parsed, reply);
        if (turn) await save(withTurn(context, turn));
        // Nothing to add ("help"): a reply chain still carries the context on to this message.
        else if (saveKey !== readKey) await save(context);
      },
    };
  }
}
