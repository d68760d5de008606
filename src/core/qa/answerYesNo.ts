/**
 * Yes/no questions: the sentence that best states the question's claim is the evidence; a
 * negation next to the claim's words ("never ... expel", "not permitted"), or a word of the
 * opposite sense ("banished" for "allowed"), makes the answer "No"; a question asked in the
 * negative ("Wasn't he ...?") turns it round. Too weak a match: "The archive doesn't say".
 */
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { wordKey, wordsOf } from '../../text/wordForms.ts';
import type { Reply } from '../reply.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { composeAnswer, windowAround } from './composeAnswer.ts';
import { keysAround, neighbour } from './evidence.ts';
import { keysOfText, type SentenceHit, type WeightedTerm, weighTerms } from './findSentences.ts';

/** Evidence for yes or no must hold more of the question than an answer of another type. */
const MIN_YES_NO_COVERAGE = 0.5;
/** A negation counts when it stands this close (in words) to one of the question's words. */
const NEGATION_REACH = 8;

/** Words that deny what stands near them; "except" too ("accepted everywhere except Spain"). */
const NEGATORS = /^(?:not|never|no|nor|neither|nobody|none|nothing|without|cannot|except|n't)$|n't$/i;

/** Pairs of opposite senses, as family keys of their verbs and adjectives. */
const OPPOSITES: [string[], string[]][] = [
  [
    ['allow', 'permit', 'let', 'admit', 'accept', 'welcom', 'toler'],
    ['banish', 'forbid', 'forbad', 'ban', 'expel', 'exclud', 'bar', 'prohibit', 'reject', 'deni', 'refus'],
  ],
  [
    ['spare', 'save', 'keep', 'preserv', 'surviv'],
    ['destroy', 'burn', 'kill'],
  ],
  [
    ['win', 'won'],
    ['lose', 'lost', 'defeat'],
  ],
  [
    ['live', 'aliv'],
    ['die', 'dead', 'death'],
  ],
  [
    ['agre', 'approv', 'support'],
    ['oppos', 'disagre', 'reject', 'refus'],
  ],
  [['succe', 'pass'], ['fail']],
  [['includ'], ['exclud', 'omit']],
  [
    ['friend', 'warm', 'cordial'],
    ['frost', 'cold', 'hostil', 'tens'],
  ],
  [
    ['stop', 'ceas', 'halt', 'quit', 'abandon'],
    ['continu', 'persist'],
  ],
  [
    ['increas', 'rise', 'rose', 'grow', 'grew'],
    ['decreas', 'fall', 'fell', 'declin', 'drop', 'shrink'],
  ],
];

function oppositeOf(key: string): string[] {
  for (const [a, b] of OPPOSITES) {
    if (a.some((k) => key.startsWith(k))) return b;
    if (b.some((k) => key.startsWith(k))) return a;
  }
  return [];
}

/** A negation counts for a word when it stands this close before it ("not banished"). */
const NEGATES_NEXT = 3;

/**
 * Whether the evidence denies the claim: a word of the opposite sense ("banished" for "allowed"),
 * or a negation near the question's words ("never ... expel"); a negated opposite ("not
 * banished") affirms.
 */
export function denies(sentence: string, anchorKeys: readonly string[]): boolean {
  const words = wordsOf(sentence);
  const keys = words.map((w) => wordKey(w.text));
  // "far from being Cubans" denies as "not" does.
  const isNegator = (i: number) =>
    NEGATORS.test(words[i]?.text ?? '') ||
    (/^far$/i.test(words[i]?.text ?? '') && /^from$/i.test(words[i + 1]?.text ?? ''));
  const negatedAt = (i: number) =>
    Array.from({ length: NEGATES_NEXT }, (_, d) => i - d - 1).some((j) => j >= 0 && isNegator(j));
  const opposites = anchorKeys.flatMap(oppositeOf);
  let oppositeAffirmed = false;
  let oppositeNegated = false;
  keys.forEach((k, i) => {
    if (anchorKeys.includes(k) || !opposites.some((o) => k.startsWith(o))) return;
    if (negatedAt(i)) oppositeNegated = true;
    else oppositeAffirmed = true;
  });
  const anchorAt = keys.flatMap((k, i) => (anchorKeys.includes(k) ? [i] : []));
  const negated = words.some(
    (_, i) => isNegator(i) && anchorAt.some((j) => Math.abs(i - j) <= NEGATION_REACH),
  );
  // "The United States might well have exploited the opportunity to push ...": what might have
  // been, and was not.
  const counterfactual = COUNTERFACTUAL.exec(sentence);
  const imagined =
    counterfactual !== null && anchorAt.some((j) => (words[j]?.start ?? 0) > counterfactual.index);
  return oppositeAffirmed || (negated && !oppositeNegated) || (imagined && !negated);
}

const COUNTERFACTUAL =
  /\b(?:might|could|would|should)\s+(?:well\s+|easily\s+|surely\s+)?have\s+[a-z]+(?:ed|en|wn|ne)\b/i;

/**
 * The share of the claim a sentence speaks to, a word counting where the sentence has it in other
 * words ("support" for "backing") or says its opposite ("continue" for "stop"): "Does he expect
 * Russia to stop backing Assad?" is answered by "I expect the Russians to continue to ... support
 * Assad".
 */
function claimCoverage(kb: KnowledgeBase, hit: SentenceHit, terms: readonly WeightedTerm[]): number {
  const keys = keysAround(kb, hit, 0)[0];
  if (!keys) return 0;
  let total = 0;
  let found = 0;
  for (const t of terms) {
    total += t.weight;
    const said =
      equivalentKeys(t.key).some((e) => keys.has(e)) ||
      oppositeOf(t.key).some((o) => [...keys.keys].some((k) => k.startsWith(o)));
    if (said) found += t.weight;
  }
  return total ? found / total : 0;
}

/** Whether the sentence holds the claim's predicate, or a word of the opposite sense. */
function speaksTo(sentence: string, predicateKeys: readonly string[]): boolean {
  if (!predicateKeys.length) return true;
  const keys = keysOfText(sentence);
  return predicateKeys.some(
    (p) =>
      equivalentKeys(p).some((e) => keys.has(e)) ||
      oppositeOf(p).some((o) => [...keys.keys].some((k) => k.startsWith(o))),
  );
}

const SLOT_PREPOSITIONS = 'in|at|to|from|with|by|near|into';

/**
 * "Did Tillerson meet Lavrov in Moscow?" against "... met Lavrov in Washington": the claim puts a
 * name after a preposition, and the evidence puts another name there and never the asked one.
 */
export function namesAnotherInSlot(question: string, sentence: string, names: readonly string[]): boolean {
  const lower = sentence.toLowerCase();
  return names.some((name) => {
    const slot = new RegExp(`\\b(${SLOT_PREPOSITIONS})\\s+(?:the\\s+)?${escapeRegExp(name)}\\b`, 'i').exec(
      question,
    );
    if (!slot || lower.includes(name.toLowerCase())) return false;
    const other = new RegExp(`\\b${slot[1]}\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]+`, 'u');
    return other.test(sentence);
  });
}

/**
 * "Was it sent from Tartus to Crimea?" against "dispatched from Crimea to ... Tartus": the evidence
 * puts an asked name after the other of "from" and "to".
 */
export function swapsDirection(question: string, sentence: string, names: readonly string[]): boolean {
  return names.some((name) => {
    const asked = new RegExp(`\\b(from|to)\\s+(?:the\\s+)?${escapeRegExp(name)}\\b`, 'i').exec(question)?.[1];
    if (!asked) return false;
    const other = asked.toLowerCase() === 'from' ? 'to' : 'from';
    const said = new RegExp(
      `\\b${other}\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?${escapeRegExp(name)}\\b`,
      'iu',
    );
    const same = new RegExp(
      `\\b${asked}\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?${escapeRegExp(name)}\\b`,
      'iu',
    );
    return said.test(sentence) && !same.test(sentence);
  });
}

/**
 * "Had they already met?" against "... even before he and Putin have even had their first
 * meeting", "is yet to", "not yet": what is asked about as done has not happened yet.
 */
export const NOT_YET =
  /\b(?:(?:is|are|was|were|has|have)\s+yet\s+to|not\s+yet|still\s+to\s+(?:be|come)|before\s+(?:[\p{L}'’-]+\s+){0,5}(?:has|have)\s+(?:even\s+|yet\s+)?[\p{L}-]+)/iu;
const ASKS_DONE = /\b(?:already|yet|so\s+far|by\s+then)\b/i;

/** A sentence that goes on from the one before: it opens by pointing back or qualifying it. */
const GOES_ON =
  /^(?:if|and|also|besides|moreover|furthermore|in\s+addition|but|however|this|these|that|those|such|so|then|still|yet|instead|otherwise|in\s+that\s+case|for\s+(?:this|that)\s+reason)\b|^(?:\S+\s+){0,7}(?:these|such)\s/i;

export function answerYesNo(kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]): Reply | undefined {
  // The sentence that states most of the claim, counting what its neighbours supply ("he"), and
  // among those, one that speaks to what is claimed (the verb, or its opposite).
  const weighted = weighTerms(kb, a.terms);
  const support = (h: SentenceHit) =>
    Math.max(h.coverage, 0.9 * h.contextCoverage, h.coverage >= 0.3 ? claimCoverage(kb, h, weighted) : 0);
  const ranked = hits
    .filter((h) => support(h) >= MIN_YES_NO_COVERAGE)
    .sort((x, y) => support(y) - support(x) || y.score - x.score);
  const top = ranked.find((h) => speaksTo(h.text, a.predicateKeys));
  if (!top) return undefined;
  // "Has he ever called it obsolete?" against "NATO is no longer obsolete": it once was, so yes.
  const once = /\bever\b/i.test(a.question) && /\bno\s+longer\b|\bnot\s+any\s*more\b/i.test(top.text);
  const denied =
    (!once && denies(top.text, a.anchorKeys)) ||
    namesAnotherInSlot(a.question, top.text, a.names) ||
    swapsDirection(a.question, top.text, a.names) ||
    (ASKS_DONE.test(a.question) && NOT_YET.test(top.text));
  const no = denied !== a.negated;
  const evidence = { text: top.text, articleId: top.passage.articleId, hit: top, offset: 0 };
  // "If you plan to visit any of these countries, ...": the next sentence goes on about the claim.
  const next = neighbour(kb, top, 1);
  const more = next && GOES_ON.test(next) ? [{ text: next, articleId: top.passage.articleId }] : [];
  return composeAnswer(kb, {
    headline: `${no ? 'No' : 'Yes'}: ${windowAround(top.text, a.anchorKeys)}`,
    evidence,
    more,
  });
}
