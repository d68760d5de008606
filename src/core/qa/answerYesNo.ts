/**
 * Yes/no questions: the sentence that best states the question's claim is the evidence; a
 * negation next to the claim's words ("never ... expel", "not permitted"), or a word of the
 * opposite sense ("banished" for "allowed"), makes the answer "No"; a question asked in the
 * negative ("Wasn't he ...?") turns it round. Too weak a match: "The archive doesn't say".
 */
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { wordKey, wordsOf } from '../../search/wordForms.ts';
import type { Reply } from '../reply.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { composeAnswer, windowAround } from './composeAnswer.ts';
import type { SentenceHit } from './findSentences.ts';

/** Evidence for yes or no must hold more of the question than an answer of another type. */
const MIN_YES_NO_COVERAGE = 0.6;
/** A negation counts when it stands this close (in words) to one of the question's words. */
const NEGATION_REACH = 8;

const NEGATORS = /^(?:not|never|no|nor|neither|nobody|none|nothing|without|cannot|n't)$|n't$/i;

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
];

function oppositeOf(key: string): string[] {
  for (const [a, b] of OPPOSITES) {
    if (a.some((k) => key.startsWith(k))) return b;
    if (b.some((k) => key.startsWith(k))) return a;
  }
  return [];
}

/** Whether the evidence denies the claim: a negation near the question's words, or its opposite. */
export function denies(sentence: string, anchorKeys: readonly string[]): boolean {
  const words = wordsOf(sentence);
  const keys = words.map((w) => wordKey(w.text));
  const anchorAt = keys.flatMap((k, i) => (anchorKeys.includes(k) ? [i] : []));
  const negated = words.some(
    (w, i) => NEGATORS.test(w.text) && anchorAt.some((j) => Math.abs(i - j) <= NEGATION_REACH),
  );
  const opposite = anchorKeys.some((ak) => {
    const opposites = oppositeOf(ak);
    return (
      opposites.length > 0 &&
      keys.some((k) => !anchorKeys.includes(k) && opposites.some((o) => k.startsWith(o)))
    );
  });
  // A negated opposite ("not banished") affirms; either alone denies.
  return negated !== opposite;
}

export function answerYesNo(kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]): Reply | undefined {
  // The sentence that states most of the claim, counting what its neighbours supply ("he").
  const support = (h: SentenceHit) => Math.max(h.coverage, 0.9 * h.contextCoverage);
  const top = hits.slice(0, 4).sort((x, y) => support(y) - support(x) || y.score - x.score)[0];
  if (!top || support(top) < MIN_YES_NO_COVERAGE) return undefined;
  const no = denies(top.text, a.anchorKeys) !== a.negated;
  const evidence = { text: top.text, articleId: top.passage.articleId, hit: top, offset: 0 };
  return composeAnswer(kb, {
    headline: `${no ? 'No' : 'Yes'}: ${windowAround(top.text, a.anchorKeys)}`,
    evidence,
  });
}
