/**
 * Turns a follow-up into a question that stands on its own, from the thread's context: pronouns
 * ("what did he say about the strike?", "when was that?", "what happened there?") become the
 * names they stand for, and an elliptical question ("and Tillerson?", "what about Moscow?") is the
 * last question asked again about the new name. When a pronoun could mean two names of its kind
 * (two people in the last question, and "he"), it does not guess: it says which were meant, so
 * the bot can ask. Platform-neutral and pure: the context comes in, a question or a clarifying
 * question goes out.
 */
import { escapeRegExp } from '../../text/normalizeText.ts';
import type { Mention, MentionKind, ThreadContext, Turn } from './threadContext.ts';

export type FollowUp =
  /** The question to answer; `rewritten` when the context changed it. */
  | { question: string; rewritten: boolean }
  /** The pronoun could mean several names: ask which, offering each as a ready question. */
  | { ask: string; choices: { label: string; question: string }[] };

export interface ResolveOptions {
  /** What kind of thing a name is, from the archive (for "and Moscow?" to replace a place). */
  kindOf?: (name: string) => MentionKind | undefined;
}

interface PronounRule {
  pattern: RegExp;
  kinds: readonly MentionKind[];
  /** Stands for a possessive ("his role" -> "Lavrov's role"). */
  possessive?: boolean;
  /**
   * Of `kinds`, those an answer's names may supply (the BBC an answer cites is no "it"; the event
   * it was about is). Default: all of them.
   */
  fromAnswers?: readonly MentionKind[];
  /** Kinds tried only when no turn has one of `kinds` ("it" is a place only when nothing else fits). */
  otherwise?: readonly MentionKind[];
  /** A gendered pronoun never stands for a person of the other gender. */
  gender?: 'male' | 'female';
  /** Stands for "in <place>" ("what happened there" -> "what happened in Moscow"). */
  adverb?: boolean;
}

const PERSON: readonly MentionKind[] = ['person'];
const PLURAL: readonly MentionKind[] = ['group'];
const PLACE: readonly MentionKind[] = ['place'];
const THING: readonly MentionKind[] = ['event', 'thing'];
const IT: readonly MentionKind[] = ['event', 'thing', 'group'];

/** "her" before a noun is a possessive ("her role"); before a preposition or the end, an object. */
const NOT_A_NOUN =
  '(?:about|to|in|on|at|for|with|from|by|and|or|that|when|if|say|said|tell|told|meet|met|be|was|is)\\b';

const RULES: readonly PronounRule[] = [
  { pattern: /\b(?:his)\b/gi, kinds: PERSON, possessive: true, gender: 'male' },
  {
    pattern: new RegExp(`\\bher\\b(?=\\s+(?!${NOT_A_NOUN})[a-z])`, 'gi'),
    kinds: PERSON,
    possessive: true,
    gender: 'female',
  },
  { pattern: /\b(?:he|him|himself)\b/gi, kinds: PERSON, gender: 'male' },
  { pattern: /\b(?:she|her|herself)\b/gi, kinds: PERSON, gender: 'female' },
  { pattern: /\b(?:their)\b/gi, kinds: PLURAL, possessive: true },
  { pattern: /\b(?:they|them|themselves)\b/gi, kinds: PLURAL },
  // "were there casualties?" asks whether something exists; "what happened there", "who was
  // there?" point at a place.
  {
    pattern:
      /(?<!\b(?:is|are|was|were|be)\s+)\bthere\b(?!\s+(?:is|are|was|were)\b)|(?<=\b(?:is|are|was|were)\s+)\bthere\b(?=[\s?.!]*$)/gi,
    kinds: PLACE,
    adverb: true,
  },
  { pattern: /\bits\b/gi, kinds: IT, fromAnswers: THING, otherwise: PLACE, possessive: true },
  // "is it true that ...", "it was reported": an empty "it" stands for nothing.
  {
    pattern:
      /\bit\b(?!\s+(?:(?:is|was|would\s+be|seems?|seemed)\s+)?(?:true|possible|likely|clear|known|said|reported|thought|believed|expected|important|necessary)\b)/gi,
    kinds: IT,
    fromAnswers: THING,
    otherwise: PLACE,
  },
  // "when was that?", "where did that happen?": that as a thing, not "said that ...".
  { pattern: /\b(?:that|this)\b(?=\s*(?:[?.!]|$|happen|take\s+place|start|end))/gi, kinds: THING },
];

const ELLIPSIS = /^(?:and|what\s+about|how\s+about|and\s+what\s+about)\s+(.+?)[\s?.!]*$/i;

/** "and Tillerson?" names something; "and then what happened?" is a question of its own. */
const NOT_A_NAME =
  /\b(?:who|whom|what|which|when|where|why|how|did|does|do|is|was|were|are|has|have|had|then|else)\b/i;

/** Names of `kinds` in one turn's focus, else in its answer; the newest turn that has any decides. */
function referents(context: ThreadContext, rule: PronounRule, used: ReadonlySet<string>): Mention[] {
  const tiers: [readonly MentionKind[], readonly MentionKind[]][] = [
    [rule.kinds, rule.fromAnswers ?? rule.kinds],
    [rule.otherwise ?? [], rule.otherwise ?? []],
  ];
  for (const [kinds, answerKinds] of tiers) {
    const found = referentsOf(context, kinds, answerKinds, rule.gender, used);
    if (found.length > 0) return found;
  }
  return [];
}

function referentsOf(
  context: ThreadContext,
  kinds: readonly MentionKind[],
  answerKinds: readonly MentionKind[],
  gender: PronounRule['gender'],
  used: ReadonlySet<string>,
): Mention[] {
  // Two pronouns of one question ("what did they say about it?") stand for two names.
  const fits = (of: readonly MentionKind[]) => (m: Mention) =>
    of.includes(m.kind) && !(gender && m.gender && m.gender !== gender) && !used.has(m.name);
  for (const turn of context.turns) {
    for (const [pool, of] of [
      [turn.focus, kinds],
      [turn.named, answerKinds],
    ] as const) {
      const found = uniqueByName(pool.filter(fits(of)));
      if (found.length === 0) continue;
      // "it" after a question about an event and an organisation: the kind listed first wins.
      const firstKind = kinds.find((k) => found.some((m) => m.kind === k));
      return found.filter((m) => m.kind === firstKind);
    }
  }
  return [];
}

function uniqueByName(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => !seen.has(m.name) && seen.add(m.name));
}

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** The words a pronoun becomes: "Lavrov", "Lavrov's", or "in Moscow" for "there" (but "from Moscow"). */
function replacement(asked: string, start: number, rule: PronounRule, m: Mention): string {
  if (rule.possessive) return possessive(m.said);
  if (rule.adverb && !/\b(?:in|at|to|from|near|into|of)\s+$/i.test(asked.slice(0, start)))
    return `in ${m.said}`;
  return m.said;
}

/** "Lavrov or Tillerson", "Putin, Lavrov or Tillerson". */
function orList(labels: string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

function clarifying(kinds: readonly MentionKind[], labels: string[]): string {
  const word = kinds === PERSON ? 'Who' : kinds === PLACE ? 'Where' : 'Which';
  return `${word} do you mean: ${orList(labels)}?`;
}

/** "and Tillerson?" after "what did Putin say about the strike?": the same question about Tillerson. */
function elliptical(last: Turn, name: string, options: ResolveOptions): string | undefined {
  if (RULES.some((r) => new RegExp(`^${r.pattern.source}$`, 'i').test(name))) return undefined;
  const kind = options.kindOf?.(name);
  const replaced =
    (kind && last.focus.find((m) => m.kind === kind && last.question.includes(m.said))) ??
    last.focus.find((m) => last.question.includes(m.said));
  if (!replaced) return undefined;
  const at = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(replaced.said)}(?![\\p{L}\\p{N}])`, 'u');
  return at.test(last.question) ? last.question.replace(at, name) : undefined;
}

export function resolveFollowUp(
  question: string,
  context: ThreadContext,
  options: ResolveOptions = {},
): FollowUp {
  const asked = question.trim();
  const last = context.turns[0];
  if (!last) return { question: asked, rewritten: false };

  const ellipsis = ELLIPSIS.exec(asked);
  if (ellipsis?.[1] && !NOT_A_NAME.test(ellipsis[1]) && ellipsis[1].split(/\s+/).length <= 6) {
    const again = elliptical(last, ellipsis[1].trim(), options);
    if (again) return { question: again, rewritten: true };
  }

  // Each pronoun, left to right, with the rule that reads it; a word is read by one rule only.
  const found: { start: number; end: number; rule: PronounRule }[] = [];
  for (const rule of RULES) {
    for (const m of asked.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!found.some((f) => start < f.end && end > f.start)) found.push({ start, end, rule });
    }
  }
  found.sort((a, b) => a.start - b.start);

  let rewritten = '';
  let from = 0;
  let changed = false;
  const used = new Set<string>();
  for (const f of found) {
    const options = referents(context, f.rule, used);
    if (options.length === 0) continue;
    if (options.length > 1) {
      const labels = options.map((m) => m.said);
      const choices = options.map((m) => ({
        label: m.said,
        question: resolveWith(asked, f, m),
      }));
      return { ask: clarifying(f.rule.kinds, labels), choices };
    }
    const [only] = options;
    if (!only) continue;
    rewritten += asked.slice(from, f.start) + replacement(asked, f.start, f.rule, only);
    used.add(only.name);
    from = f.end;
    changed = true;
  }
  if (!changed) return { question: asked, rewritten: false };
  return { question: rewritten + asked.slice(from), rewritten: true };
}

/** The question with one pronoun replaced by one name: what a clarifying choice asks. */
function resolveWith(
  asked: string,
  f: { start: number; end: number; rule: PronounRule },
  m: Mention,
): string {
  return asked.slice(0, f.start) + replacement(asked, f.start, f.rule, m) + asked.slice(f.end);
}
