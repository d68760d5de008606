/** The platform-neutral answer: data that every adapter renders in its own way. */
import type { EntityKind } from '../knowledge/types.ts';
import type { Request } from './request.ts';

export interface Citation {
  articleId: string;
  title: string;
  publication?: string;
  published?: string;
  url?: string;
}

export interface ReplyLine {
  text: string;
  /** Indexes into Reply.citations of the sources that support this line. */
  cites: number[];
}

export interface ReplyField {
  label: string;
  value: string;
}

/** Something the user can ask next; adapters show these as buttons where they can. */
export interface Suggestion {
  label: string;
  ask: string;
}

/**
 * 'throttled': the bot declined to answer now (the asker or channel is over its rate limit, or too
 * many answers are waiting); adapters show it to the asker alone.
 */
export type ReplyKind = 'answer' | 'not_found' | 'ambiguous' | 'help' | 'error' | 'throttled';

/** An entity or event an answer is about, as the archive names it. */
export interface ReplyAbout {
  name: string;
  kind: EntityKind;
}

/** Who sees a reply: everyone in the channel, or the person who asked alone. */
export type ReplyVisibility = 'channel' | 'asker';

export interface Reply {
  kind: ReplyKind;
  /** One line that answers the question on its own. */
  headline: string;
  headlineCites: number[];
  lines: ReplyLine[];
  fields: ReplyField[];
  suggestions: Suggestion[];
  citations: Citation[];
  /**
   * The entities and events the answer is about, its subject first (the person a /who answer
   * describes; an event, its participants and place). Not shown: follow-up questions lean on it.
   */
  about?: ReplyAbout[];
  /**
   * Who sees it. A command sets 'asker' for a private answer (a digest preview, /ingest refusals);
   * otherwise the core decides when it answers (withVisibility) and adapters only map it.
   */
  visibility?: ReplyVisibility;
}

/**
 * The one rule for who sees a reply. Asked through a slash command or a button, where the platform
 * can answer privately, only answers go to the channel: "not found", errors, help and "did you
 * mean" go to the asker alone. Asked in a message (a mention, a DM, a listen channel, the console),
 * the reply goes where the question was, unless the command made it private.
 */
export function withVisibility(reply: Reply, request: Pick<Request, 'via'>): Reply {
  if (reply.visibility) return reply;
  const visibility = request.via === 'command' && reply.kind !== 'answer' ? 'asker' : 'channel';
  return { ...reply, visibility };
}

/** The one apology, whoever failed (a command, the core, or an adapter before anything was sent). */
export const APOLOGY = {
  headline: 'Sorry, something went wrong answering that.',
  line: 'The problem has been logged. Try again in a moment, or rephrase the question.',
} as const;

export function apologyReply(request: Pick<Request, 'via'>): Reply {
  return withVisibility(
    {
      kind: 'error',
      headline: APOLOGY.headline,
      headlineCites: [],
      lines: [{ text: APOLOGY.line, cites: [] }],
      fields: [],
      suggestions: [],
      citations: [],
    },
    request,
  );
}
