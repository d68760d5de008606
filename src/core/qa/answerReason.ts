/** "why ...?": the reason a found sentence gives for the asked act. */

import { distance } from 'fastest-levenshtein';
import { wordKey } from '../../text/wordForms.ts';
import { contentTerms } from '../answers/snippets.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { bestSentence } from './bestSentence.ts';
import {
  type Candidate,
  causalAfterClause,
  causalAsClause,
  namedReason,
  reasonClause,
} from './candidates.ts';
import { composeAnswer } from './composeAnswer.ts';
import { type Evidence, neighbour } from './evidence.ts';

import {
  best,
  constraints,
  type Strategy,
  saysAskedAct,
  saysEveryPredicateWord,
  saysPredicate,
} from './pickAnswer.ts';
import { rankCandidates, type Typed } from './rankCandidates.ts';

const THE_REASON =
  /\b(?:this|that|which|it)\s+(?:may\s+be|might\s+be|is|was|could\s+be)\s+(?:the|one|a)\s+(?:main\s+|chief\s+|real\s+)?reason\b/i;

/** "Because of this he was known as Gimpy": the reason is what the sentence before says. */
const POINTS_BACK =
  /^because\s+of\s+(?:this|that|it)\b|^(?:for\s+this\s+reason|that\s+is\s+why|this\s+is\s+why|as\s+a\s+result|therefore|hence|so)\b/i;

/** "An earthquake led it to suspend exports": the cause as the subject, the act after "to". */
const LED_TO =
  /^(.{8,260}?)\s+(?:led|forced|prompted|caused|compelled|drove|pushed)\s+(?:it|them|him|her|us|the\s+[\p{L}-]+|\p{Lu}[\p{L}-]*)\s+to\s+(.{3,80})/u;

const AIM = /^(?:to|so\s+as\s+to|in\s+order\s+to|in\s+a\s+bid\s+to|in\s+an\s+(?:effort|attempt)\s+to)\s/i;

/**
 * "Brown is to freeze fuel duty, fund a £1bn package to avoid council tax rises", asked why he
 * froze fuel duty: an aim belongs to the act just before it, here the funding, not the freeze.
 */
function aimOfOtherAct(text: string, clause: Candidate, a: QuestionAnalysis): boolean {
  if (!AIM.test(clause.text)) return false;
  const before = text.slice(0, clause.start);
  const part = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  return !saysPredicate(part, a);
}

/** "This is because ...", "That was partly because ...": a sentence that gives the reason for the one before it. */
const REASON_FOR_BEFORE = /^(?:this|that|it)\s+(?:is|was)\s+(?:\w+ly\s+)?(?:because|due\s+to)\b/i;

/**
 * Whether a reason clause read in a neighbour of the found sentence is the reason for what the
 * found sentence says. "Up until last week the US had not intervened, due to the policies of ..."
 * gives the reason for not intervening, not for the change the next sentence tells of. A clause
 * in another sentence answers where that sentence says the asked act (its verb, where the
 * question has one); one after the found sentence also where the clause is what its sentence says
 * ("Because ...", "It blamed the results on ...") or the sentence points back ("This is because ...").
 */
function explainsFound(evidence: Evidence, clause: Candidate, a: QuestionAnalysis): boolean {
  if (evidence.offset === 0) return true;
  // ("But why can't I give my father blood?" / "Because, Fred, it could do him no good.")
  const before = evidence.text.slice(0, clause.start);
  // ("... unsatisfactory earnings." / "It blamed the poor results on a wet summer.")
  const opens = /^[\s"'“‘(]*(?:(?:it|they|he|she|we)\s+)?$/i.test(before);
  if (evidence.offset > 0 && (opens || REASON_FOR_BEFORE.test(evidence.text.trim()))) return true;
  return a.verbKeys?.length ? saysAskedAct(before, a) : saysPredicate(before, a);
}

/**
 * "British Printing withdrew its offer because of the recapitalization plan", asked why Harcourt
 * announced the plan: a reason that is only the question's own thing explains something else.
 */
function circular(reason: string, a: QuestionAnalysis): boolean {
  const words = contentTerms(reason).filter(
    (t) => !/^(?:because|due|owing|result|since|reason|reasons)$/i.test(t),
  );
  // (Misspelt as the text may write it: "recapitalizaton".)
  const asked = (t: string) =>
    a.anchorKeys.includes(wordKey(t)) ||
    (t.length >= 6 && a.terms.some((q) => distance(q.toLowerCase(), t.toLowerCase()) <= 1));
  return words.length > 0 && words.length <= 3 && words.every(asked);
}

export const reason: Strategy = (kb, a, hits) => {
  const extract = (evidence: Evidence): Typed[] => {
    // "Part of the reason why it was unexpected was his rhetoric": the reason, named.
    // It answers only a question about what it is the reason for.
    const named = namedReason(evidence.text);
    if (named && saysPredicate(named.about, a)) return [{ candidate: named, weight: 1.1 }];
    const clause = reasonClause(evidence.text);
    const pointsBack = POINTS_BACK.test(evidence.text.trim());
    if (clause && !pointsBack && !POINTS_BACK.test(clause.text)) {
      if (!explainsFound(evidence, clause, a) || circular(clause.text, a)) return [];
      return [{ candidate: clause, weight: aimOfOtherAct(evidence.text, clause, a) ? 0.5 : 1 }];
    }
    // "Profits fell as research costs rose": a causal "as", where the sentence says the asked predicate.
    const as = clause ? undefined : causalAsClause(evidence.text);
    if (as && saysPredicate(evidence.text.slice(0, as.start), a)) return [{ candidate: as, weight: 0.8 }];
    // "AK issued the ban after Chepkemei failed to turn up": what brought the asked act about.
    const after = clause || as ? undefined : causalAfterClause(evidence.text);
    // (Where no verb of the question was read as its act, "why has she been banned?", its other words.)
    const before = after ? evidence.text.slice(0, after.start) : '';
    if (after && (a.verbKeys?.length ? saysAskedAct(before, a) : saysEveryPredicateWord(before, a)))
      return [{ candidate: after, weight: 0.7 }];
    // "an earthquake in Ecuador yesterday led it to suspend oil exports": what led to the asked act.
    const led = LED_TO.exec(evidence.text);
    // (Where the question's verb was not read as one, its other words must be what it led to.)
    const ledToAsked = led?.[2] && (a.verbKeys?.length ? saysAskedAct(led[2], a) : saysPredicate(led[2], a));
    if (led?.[1] && led[2] && ledToAsked) {
      // ("The company said the rejection ... led Firestone to close": the cause, not who said it.)
      const text = led[1]
        .replace(/^(?:also|and|but|however|meanwhile),?\s+/i, '')
        .replace(/^(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:said|says)\s+(?:that\s+)?(?=\p{Ll})/iu, '');
      const start = evidence.text.indexOf(text);
      return [{ candidate: { text, start, end: start + text.length }, weight: 0.9 }];
    }
    // "They are desperate to be seen as major players, and this may be the reason why they ...":
    // the reason is what comes before "this is the reason".
    const pointed = THE_REASON.exec(evidence.text);
    if (pointed && pointed.index > 20) {
      const text = evidence.text.slice(0, pointed.index).replace(/[\s,;(]+(?:and|but)?\s*$/i, '');
      return [{ candidate: { text, start: 0, end: text.length }, weight: 1.1 }];
    }
    // The reason stated just before, pointed back to: the sentence before this one.
    if (evidence.offset === 0 && pointsBack) {
      const before = neighbour(kb, evidence.hit, -1);
      if (before) {
        const candidate = { text: before, start: 0, end: before.length };
        return [{ candidate, weight: 1.2 }];
      }
    }
    return [];
  };
  const ranked = rankCandidates(kb, hits, extract, {
    ...constraints(kb, a),
    reach: 2,
  });
  // A stated reason ("because ...", "this is the reason") read two sentences on, or in words
  // other than the question's, is still worth more than a sentence that gives none.
  const top = best(ranked, 0.3);
  if (top) {
    // "was intended to distance ..." reads as "Intended to distance ...".
    // "results from the termination of ..." reads as "The termination of ...".
    const said = top.text
      // ", saying it undervalued the business" reads as "Saying it undervalued the business".
      .replace(/^,\s*/, '')
      .replace(/^(?:was|is|were|are)\s+(?=(?:intended|designed|meant|aimed)\b)/i, '')
      .replace(
        /^(?:(?:results?|resulted|stems?|stemmed|arises|arose)\s+from|(?:was|were|is|are)\s+(?:\w+\s+)?(?:attributed|blamed)\s+(?:to|on)|citing|blam(?:ed|es|ing)\s+(?:[\p{L}'’-]+\s+){1,5}?on)\s+/iu,
        '',
      );
    const text = said.charAt(0).toUpperCase() + said.slice(1);
    return composeAnswer(kb, { headline: text, evidence: top.evidence });
  }
  return bestSentence(kb, a, hits);
};
