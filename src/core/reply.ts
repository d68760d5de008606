/** The platform-neutral answer: data that every adapter renders in its own way. */

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

/** Who sees a reply: unset lets each adapter decide by kind; 'asker' keeps it to the person who asked. */
export type ReplyVisibility = 'asker';

export interface Reply {
  kind: ReplyKind;
  /** One line that answers the question on its own. */
  headline: string;
  headlineCites: number[];
  lines: ReplyLine[];
  fields: ReplyField[];
  suggestions: Suggestion[];
  citations: Citation[];
  /** 'asker': a preview or other private answer that must never be posted to the whole channel. */
  visibility?: ReplyVisibility;
}
