/** What an adapter hands the core: the user's text and where it came from. */
export interface Request {
  text: string;
  /** A short id for this request, to find its log lines (the adapters set one per incoming event). */
  id?: string;
  platform?: 'console' | 'slack' | 'discord' | 'scheduler' | (string & {});
  /** The Slack workspace (team) or Discord server it came from; rate limits are kept per workspace. */
  workspaceId?: string;
  userId?: string;
  channelId?: string;
  /**
   * How it was asked: 'command' for a slash command or a button click (the platform can answer the
   * asker alone), 'message' (or unset) for a mention, a DM, a listen channel or the console.
   */
  via?: 'command' | 'message';
  /**
   * The conversation the message belongs to, for follow-up questions: `id` is the thread (Slack's
   * thread_ts, a Discord thread or the message itself, the console session) whose context this
   * question's answer is remembered under; `follows`, when it differs, the one it continues (a
   * Discord reply to an answer continues the question that answer answered). Unset: no context.
   * The core scopes both to the platform, workspace and channel.
   */
  thread?: { id: string; follows?: string };
}

/** A request after parsing: which command, and its arguments. */
export interface ParsedRequest {
  command: string;
  /** Everything after the command word, as typed. */
  text: string;
  /** The person, place or thing asked about, when a natural question names one. */
  subject?: string;
  /** What the question is about ("about NATO"), for quotes and timelines. */
  topic?: string;
  /** The original question, for handlers that search with all of its words. */
  question?: string;
  /** The input was longer than MAX_INPUT_CHARS and only its start was read. */
  inputCut?: boolean;
}
