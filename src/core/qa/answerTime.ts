/** "when ...?": the date of the asked act, a full date before a year, from the sentence that says it. */

import { equivalentKeys } from '../../text/equivalentWords.ts';
import { wordKey, wordTexts } from '../../text/wordForms.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { type Candidate, DAY_IN_WORDS, dateMentions } from './candidates.ts';
import { composeAnswer } from './composeAnswer.ts';
import type { Evidence } from './evidence.ts';
import {
  alone,
  anotherOfKind,
  best,
  constraints,
  HEDGE_BELOW,
  hedged,
  inAnotherPlace,
  predicateOfAnother,
  SAYS_ASKED,
  type Strategy,
  saysAskedAct,
  saysWeightyPredicate,
} from './pickAnswer.ts';
import { rankCandidates, type Typed } from './rankCandidates.ts';

function dateWeight(text: string): number {
  const hasYear = /\d{3,4}/.test(text);
  const hasMonth = /[A-Za-z]{3}/.test(text) && !/century/i.test(text);
  if (hasYear && hasMonth && /\d{1,2}(?:st|nd|rd|th)?\b[^\d]*\d{3,4}|\d{1,2}\s+\p{L}+\s+\d{4}/u.test(text))
    return 1.6;
  if (hasYear && hasMonth) return 1.3;
  // "on November 28th": a day of a month says more than a bare year.
  // ("On February Six": the day in words.)
  if (hasMonth && (/\d/.test(text) || DAY_IN_WORDS.test(text)) && !/century/i.test(text)) return 1;
  if (hasYear) return 1;
  if (/century/i.test(text)) return 0.7;
  if (/\d/.test(text)) return 0.6;
  // A weekday or "last week": news dates its events this way, but it says less than a date.
  return 0.5;
}

/**
 * "March, 1845" and "March 21, 1845" are one answer (the fuller is shown); a bare "1845" is kept
 * apart, since it may date something else that year.
 */
function sameTime(text: string): string {
  const year = /\b\d{3,4}\b/.exec(text)?.[0];
  const month = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/.exec(text)?.[0]?.slice(0, 3);
  return year && month
    ? `${year} ${month}`
    : text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}

/** "since the end of the Cold War": what a "since when?" question asks for, dated or not. */
function sincePhrases(sentence: string, word: string): Candidate[] {
  return [
    ...sentence.matchAll(new RegExp(`\\b${word}\\s+((?:the\\s+)?[^,;:.()]{3,60}?)(?=[,;:.()]|$)`, 'gi')),
  ].map((m) => ({
    text: m[1] ?? '',
    start: (m.index ?? 0) + m[0].length - (m[1] ?? '').length,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/**
 * "despite a 2013 agreement", "ITV1's Saturday morning show": a time that describes another thing, not when the asked thing
 * happened ("when was the agreement made?" is answered by it).
 */
function attributiveYear(text: string, c: Candidate, a: QuestionAnalysis): boolean {
  // "on the eve of last year's Athens Olympics": a time that owns an event names that event.
  const owned = /^['’]s\s+([A-Za-z]+)/.exec(text.slice(c.end))?.[1]?.toLowerCase();
  if (owned !== undefined && !a.anchorKeys.includes(wordKey(owned))) return true;
  // ("the 2000 Sydney Games": the year of a named event, which the question does not name.)
  const noun = /^\s+([A-Za-z]+)/.exec(text.slice(c.end))?.[1]?.toLowerCase();
  // "ITV1's Saturday morning children's music show": a time owned by a name names a programme.
  if (!/\d/.test(c.text) && /[\p{L}\p{N}]['’]s\s+$/u.test(text.slice(Math.max(0, c.start - 30), c.start)))
    return true;
  return (
    /^\d{4}$/.test(c.text) &&
    // "the Soviets' 1945 liberation of the camp": after an owner too.
    (/\b(?:a|an|the|its|their|his|her|this|that)\s+$/i.test(text.slice(0, c.start)) ||
      /\p{L}(?:['’]s?|s['’])\s+$/u.test(text.slice(Math.max(0, c.start - 30), c.start))) &&
    noun !== undefined &&
    !a.anchorKeys.includes(wordKey(noun)) &&
    !a.predicateKeys.includes(wordKey(noun))
  );
}

/** Verbs that a date in a life or a history is written after ("born about 1565", "died in 1600"). */
const DATED_VERB =
  /\b(born|died|married|founded|elected|appointed|built|opened|closed|published|executed|killed|crowned|baptized|baptised|buried|retired|graduated|completed|finished|started|began|established|signed|launched|arrived|left|moved|resigned|inherited)\s+(?:(?:about|around|circa|c\.|in|on|at|early|late|during|by)\s+){0,2}$/i;

/**
 * "Edward Greville, born about 1565, had inherited Milcote on the execution of his father ... in
 * 1589", asked when the father was executed: a date written after another event's verb dates that
 * event, not the asked one.
 */
function datesAnotherEvent(text: string, c: Candidate, a: QuestionAnalysis): boolean {
  const verb = DATED_VERB.exec(text.slice(Math.max(0, c.start - 40), c.start))?.[1];
  if (!verb) return false;
  const key = wordKey(verb);
  return !a.predicateKeys.some((k) => equivalentKeys(k).includes(key) || k === key);
}

/** "until April 30 from", "originally scheduled to start", "the original 22 February show": the former date of something moved. */
const MOVED_FROM =
  /\b(?:until|till|to)\s+[^,;]{2,30}?\s+from\s+$|\b(?:originally|initially|previously|formerly)\s+[^,;.]{0,40}$|\b(?:the|its|their|his|her)\s+(?:original|initial|previous|earlier|first)\s+$/i;

/** A newspaper's issue named by its date: "the Asheville Times of Wednesday, June 21". */
const DATED_ISSUE =
  /\b(?:Times|Post|News|Herald|Journal|Gazette|Tribune|Star|Chronicle|Courier|Observer|Daily|issue|edition)\s+of\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$/;

/** A law's, a treaty's or a meeting's name that ends in its year ("the Securities Act of"). */
const NAMED_BY_YEAR =
  /\b\p{Lu}\p{L}*\s+(?:Act|Acts|Law|Code|Treaty|Convention|Accords?|Agreement|Charter|Declaration|Conference|Congress)\s+of\s+$/u;

/** "when did Inco become part of the index?": a start is asked, which "a member since 1928" gives. */
const STARTS_ASKED = /\b(?:become|became|join|joined|start|started|begin|began|first)\b/i;

/** "when is a ruling expected?", "when is it due?": a time something is awaited by. */
const DUE_ASKED = /\b(?:expected|due|scheduled|deadline)\b/i;

/** "On what date ...?", "what day ...?": a day is asked, not a month or a year. */
const ASKS_DAY = /\b(?:what|which)\s+(?:date|day)\b/i;
/** A time that names its day: "23 January", "May 19", "Monday", "yesterday". */
const GIVES_DAY =
  /\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?\p{Lu}|\p{Lu}[\p{L}.]*\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Tt]oday|[Tt]onight)\b|\b(?:first|second|third|[a-z]+th|twenty-[a-z]+|thirty-[a-z]+)\s+of\s+\p{Lu}|\p{Lu}\p{L}*\s+(?:first|second|third|[a-z]+th|twenty-[a-z]+|thirty-[a-z]+)\b/u;

/**
 * "ISLAMABAD, June 29 - Pakistan allowed ...", "ROME, March 29 (Reuters) -": a wire story's dateline
 * dates the report. It may date what the story tells of as done, but never what is still to
 * come: "when does the policy kick in?", "when is the tunnel due to be finished?".
 */
const DATELINE =
  /^\s*\p{Lu}[\p{Lu}\p{L}. '’-]{1,40},\s+(?:\p{Lu}[\p{L}.]*\s+\d{1,2}|\d{1,2}\s+\p{Lu}[\p{L}.]*)(?:\s*\([^)]{1,30}\))?\s+(?:-{1,2}|–|—)\s/u;
const FUTURE_ASKED =
  /^when\s+(?:does|do|will|is|are|shall)\b|\b(?:rescheduled|postponed|delayed|put\s+off|pushed\s+back|moved)\b.*\b(?:for|to|until)\W*$/i;

function inDateline(text: string, c: Candidate): boolean {
  const m = DATELINE.exec(text);
  return m !== null && c.end <= m[0].length;
}

/** Whether the time stands in a ", who ..., " (or "which") aside that never says the asked act. */
function inOtherAside(text: string, c: Candidate, a: QuestionAnalysis): boolean {
  for (const m of text.matchAll(/,\s+(?:who|which)\s+[^,;]+,/g)) {
    if (m.index <= c.start && c.end <= m.index + m[0].length) return !saysAskedAct(m[0], a);
  }
  return false;
}

/**
 * "its ties with Moscow before assuming power", "after leaving office": a time told by another act
 * (a verb in -ing after before, after or upon), up to the end of its clause. It answers "when ...?"
 * only where the words before it are the question's; it weighs less than a year or a date, more
 * than "last week".
 */
const RELATIVE_TIME =
  /\b(?:before|after|upon)\s+\p{Ll}{3,}ing\b[^,;:.()"“”]{0,40}?(?=\s*[,;:.()"“”]|\s*$|\s+(?:and|but|or|which|who|where)\b)/gu;
const RELATIVE_TIME_WEIGHT = 0.8;

function relativeTimes(sentence: string): Candidate[] {
  return [...sentence.matchAll(RELATIVE_TIME)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Words right before a relative time that say what it dates. */
const DATED_WORDS = 5;

/**
 * Whether the words right before the time are the question's: "its ties with Moscow before assuming
 * power" dates the ties, not the resignation the same sentence tells of.
 */
function followsAsked(sentence: string, c: Candidate, a: QuestionAnalysis): boolean {
  const before = wordTexts(sentence.slice(Math.max(0, c.start - 60), c.start)).slice(-DATED_WORDS);
  return before.some((w) => a.anchorKeys.includes(wordKey(w)));
}

export const time: Strategy = (kb, a, hits) => {
  const asksDay = ASKS_DAY.test(a.question);
  const future = FUTURE_ASKED.test(a.question);
  const bound = /^(since|until|till)\s+when\b/i.exec(a.question)?.[1]?.toLowerCase();
  const ofAnother = anotherOfKind(a);
  const elsewhere = inAnotherPlace(a);
  const extract = (evidence: Evidence): Typed[] =>
    predicateOfAnother(evidence.hit.text, a) ||
    ofAnother(evidence.text) ||
    elsewhere(evidence.hit.text) ||
    (evidence.offset !== 0 && elsewhere(evidence.text))
      ? []
      : [
          ...(bound
            ? sincePhrases(evidence.text, bound).map((candidate) => ({ candidate, weight: 1.2 }))
            : relativeTimes(evidence.text)
                .filter((c) => !a.question.includes(c.text) && followsAsked(evidence.text, c, a))
                .map((candidate) => ({ candidate, weight: RELATIVE_TIME_WEIGHT }))),
        ].concat(
          dateMentions(evidence.text)
            .filter((c) => !a.question.includes(c.text))
            // "On what date did he die?" asks for a day: "in May", "last year" or "2001" gives none.
            .filter((c) => !asksDay || GIVES_DAY.test(c.text))
            .filter((c) => !(future && inDateline(evidence.text, c)))
            // "the Securities Act of 1934": a year in a name dates the name, not the asked act.
            .filter((c) => !NAMED_BY_YEAR.test(evidence.text.slice(Math.max(0, c.start - 40), c.start)))
            // "Oersted was born in 1777", asked when he died: another event's date, in a sentence
            // that never says the asked act, answers nothing.
            .filter((c) => !(datesAnotherEvent(evidence.text, c, a) && !saysAskedAct(evidence.text, a)))
            // "before last week", "until 1950": a bound on the time, not the time itself.
            .map((candidate) => ({
              candidate,
              weight:
                dateWeight(candidate.text) *
                (/\b(?:before|after|until|since|by)\s+(?:(?:around|about)\s+)?$/i.test(
                  evidence.text.slice(0, candidate.start),
                ) &&
                !bound &&
                // "when is a decision expected?": "expected by mid-March" is the time it is due;
                // "when is it now due out?": "postponed the launch until 3 February".
                !(
                  DUE_ASKED.test(a.question) &&
                  /\b(?:by|until|till)\s+(?:(?:around|about)\s+)?$/i.test(
                    evidence.text.slice(0, candidate.start),
                  )
                ) &&
                !(
                  STARTS_ASKED.test(a.question) &&
                  /\bsince\s+$/i.test(evidence.text.slice(0, candidate.start))
                )
                  ? 0.6
                  : 1) *
                (attributiveYear(evidence.text, candidate, a) ? 0.4 : 1) *
                // "the Asheville Times of Wednesday, June 21, announced": the date of the paper.
                (DATED_ISSUE.test(evidence.text.slice(Math.max(0, candidate.start - 60), candidate.start))
                  ? 0.4
                  : 1) *
                (datesAnotherEvent(evidence.text, candidate, a) ? 0.4 : 1) *
                // "Johnson, who captained England to glory in 2003, will play his final match in
                // June": a date in an aside about something else he did.
                (inOtherAside(evidence.text, candidate, a) ? 0.4 : 1) *
                // "postponed until April 30 from April 2": the date it was moved from is no longer it.
                (MOVED_FROM.test(evidence.text.slice(Math.max(0, candidate.start - 60), candidate.start))
                  ? 0.4
                  : 1) *
                // "It fell, February 6, 1827": a date in a sentence that says the asked act.
                (saysAskedAct(evidence.text, a) ? SAYS_ASKED : 1),
            })),
        );
  const ranked = rankCandidates(kb, hits, extract, {
    asidesCountLess: true,
    ...constraints(kb, a),
    reach: 1,
    sameAnswer: sameTime,
  });
  const top = best(ranked) ?? alone(ranked, hits);
  if (!top) return undefined;
  // A loose match from a sentence that says none of the question's words beyond its names ("the
  // Spider-Man series ... the 2002 original", asked when the Foreverman film is due) dates nothing asked.
  if (top.confidence < HEDGE_BELOW && !saysWeightyPredicate(top.evidence.text, a)) return undefined;
  return composeAnswer(kb, {
    headline: hedged(top, a) ?? top.text.replace(/\s+/g, ' '),
    evidence: top.evidence,
  });
};
