/**
 * What the bot remembers of a conversation (a Slack thread, a Discord thread or reply chain, the
 * console session) so a follow-up can lean on it: the last few questions as they were answered,
 * the names each one asked about (its focus) and the names its answer gave. Small on purpose: a
 * few turns of names, kept as JSON in the state store and forgotten after a silence.
 */
import type { EntityKind } from '../../knowledge/types.ts';

/** What a pronoun can stand for: "he" a person, "they" a group, "there" a place, "it"/"that" an event or thing. */
export type MentionKind = 'person' | 'group' | 'place' | 'event' | 'thing';

export interface Mention {
  /** The archive's name for it ("Sergei Lavrov"). */
  name: string;
  /** How the question or answer wrote it ("Lavrov", "the strike"): what a rewrite puts in. */
  said: string;
  kind: MentionKind;
  /** A person's, where the given name tells ("Nikki" a woman's): "she" then never means "Lavrov". */
  gender?: 'male' | 'female';
}

export interface Turn {
  /** The question as it was answered, pronouns already replaced. */
  question: string;
  /** What the question asked about, first named first. */
  focus: Mention[];
  /** Other names the answer gave (the people "who met in Moscow?" was answered with). */
  named: Mention[];
}

/** One answer to "Who do you mean: Lavrov or Tillerson?": the name, and the question it makes. */
export interface Choice {
  label: string;
  question: string;
}

export interface ThreadContext {
  /** Newest first, at most MAX_TURNS. */
  turns: Turn[];
  /** The choices of the clarifying question just asked: "Tillerson" alone then picks one. */
  pending?: Choice[];
}

/** Follow-ups reach back this many answers; older names are forgotten. */
export const MAX_TURNS = 3;

export const EMPTY_CONTEXT: ThreadContext = { turns: [] };

export function mentionKind(kind: EntityKind): MentionKind {
  if (kind === 'organisation') return 'group';
  if (kind === 'vessel') return 'thing';
  return kind;
}

/** The context with a new turn in front, the oldest dropped past MAX_TURNS (and no question pending). */
export function withTurn(context: ThreadContext, turn: Turn): ThreadContext {
  return { turns: [turn, ...context.turns].slice(0, MAX_TURNS) };
}

/** The answer to a pending clarifying question, when the reply is one of its names ("Tillerson", "tillerson?"). */
export function pickedChoice(context: ThreadContext, text: string): Choice | undefined {
  const said = text
    .trim()
    .replace(/^(?:i\s+mean|the\s+one\s+called)\s+/i, '')
    .replace(/[\s?!.]+$/, '')
    .toLowerCase();
  return context.pending?.find((c) => c.label.toLowerCase() === said);
}

/** A stored context read back; anything malformed (an older format, a damaged row) is an empty one. */
export function parseContext(data: string): ThreadContext {
  try {
    const parsed = JSON.parse(data) as Partial<ThreadContext>;
    if (!Array.isArray(parsed.turns)) return EMPTY_CONTEXT;
    const turns = parsed.turns.filter(
      (t): t is Turn => typeof t?.question === 'string' && Array.isArray(t.focus) && Array.isArray(t.named),
    );
    const pending = Array.isArray(parsed.pending)
      ? parsed.pending.filter(
          (c): c is Choice => typeof c?.label === 'string' && typeof c.question === 'string',
        )
      : [];
    return { turns: turns.slice(0, MAX_TURNS), ...(pending.length ? { pending } : {}) };
  } catch {
    return EMPTY_CONTEXT;
  }
}
