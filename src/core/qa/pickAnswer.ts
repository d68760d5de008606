/**
 * What every typed strategy of the answer engine shares: the constraints a found sentence must
 * meet, picking the best-ranked candidate with enough confidence (or saying it only "seems"),
 * and whether a sentence says the asked predicate or act.
 */

import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { wordKey, wordsOf } from '../../text/wordForms.ts';
import { nameInitials } from '../../text/words.ts';
import type { Reply } from '../reply.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { HEADLINE_CHARS, windowAround } from './composeAnswer.ts';
import { type KeySet, keysOfText, type SentenceHit } from './findSentences.ts';
import { lowerWords, nameAnchors, personAnchors } from './questionNames.ts';
import type { Ranked } from './rankCandidates.ts';

/** Below this share of the question's (weighted) words, a sentence does not answer it. */
export const MIN_CONFIDENCE = 0.5;

/** How far below the confidence floor an answer scored well above the next (by half again) may stand. */
const NEAR_FLOOR = 0.05;
/** The sure answer is weak beside the top one when it scores under this share of it. */
const SURE_SHARE = 0.65;

export type Strategy = (kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]) => Reply | undefined;

/**
 * What every typed answer must satisfy: stand near the question's words, come from evidence that
 * holds what is asked (its predicate) and from an article that names what the question names.
 */
export function constraints(kb: KnowledgeBase, a: QuestionAnalysis) {
  // "when is Lyng going to Japan?": a verb as light as "go" is said in any other words ("when he
  // visits that country", "plans to be in Japan"), so it is no word a sentence must hold.
  const weighty = weightyKeys(a);
  return {
    anchorKeys: a.anchorKeys,
    requireKeys: weighty.length || a.predicateKeys.length > 1 ? weighty : [],
    requireNames: nameAnchors(kb, a),
    requirePeople: personAnchors(kb, a),
  };
}

/** The question's predicate keys a sentence must hold: not the light verbs. */
function weightyKeys(a: QuestionAnalysis): string[] {
  // "when is the Great Run taking place?": that it happens is no word a sentence must hold either.
  const happens = TAKES_PLACE.test(a.question) ? HAPPENS_KEYS : [];
  return a.predicateKeys.filter((k) => !LIGHT_PREDICATES.has(k) && !happens.includes(k));
}

/** Whether a text holds one of the question's weighty predicate words (true where it has none). */
export function saysWeightyPredicate(text: string, a: QuestionAnalysis): boolean {
  const weighty = weightyKeys(a);
  if (!weighty.length) return true;
  const keys = keysOfText(text);
  return weighty.some((k) => saysKey(keys, k));
}

const TAKES_PLACE = /\b(?:take|takes|took|taken|taking)\s+place\b/i;
const HAPPENS_KEYS = ['take', 'place'].map(wordKey);

/** Verbs so light that a sentence may say them in any other words. */
const LIGHT_PREDICATES = new Set(['go', 'come', 'get'].map(wordKey));

/** Told the ranked candidates of each step, while answerQuestion runs with a tracer (eval --explain). */
let tracer: ((line: string) => void) | undefined;

export function best(ranked: Ranked[], floor = MIN_CONFIDENCE): Ranked | undefined {
  if (tracer) {
    for (const r of ranked.slice(0, 6))
      tracer(
        `${r.score.toFixed(3)} conf ${r.confidence.toFixed(2)} @${r.evidence.offset} ${r.text} | ${r.evidence.text.slice(0, 100)}`,
      );
  }
  // The best-scored answer among those whose evidence matches the question well enough; but one
  // scored far above it whose evidence falls only just short ("He went into the Army in March,
  // 1957", "he" being the one asked about) beats a weak answer from a sentence that says more.
  const sure = ranked.find((r) => r.confidence >= floor);
  const top = ranked[0];
  if (
    top &&
    sure &&
    top !== sure &&
    top.confidence >= floor - NEAR_FLOOR &&
    sure.score < top.score * SURE_SHARE
  )
    return top;
  return sure;
}

/** Below this confidence an answer is given with the words it was read from, not as a fact. */
export const HEDGE_BELOW = 0.7;

/**
 * "Michael Flynn, it seems: … investigations from both Congress and the FBI over its ties …": an
 * answer read from a sentence that matches the question only loosely is shown with that sentence,
 * so the reader judges it (and sees the other names it gives).
 */
export function hedged(top: Ranked, a: QuestionAnalysis, shown = top.text): string | undefined {
  if (top.confidence >= HEDGE_BELOW) return undefined;
  const lead = `${shown.replace(/\s+/g, ' ')}, it seems: `;
  const keys = [...a.anchorKeys, ...wordsOf(top.text).map((w) => wordKey(w.text))];
  return `${lead}${windowAround(top.evidence.text, keys, HEADLINE_CHARS - lead.length)}`;
}

/** Below the confidence floor, what the best sentence must still match for its lone answer. */
const ALONE_FLOOR = 0.4;

/**
 * "Sometime on Saturday evening, August 22nd, ... you jimmied a window of our home": the best
 * sentence words the question otherwise, yet gives the one answer of the asked type, far ahead
 * of any other.
 */
export function alone(ranked: Ranked[], hits: readonly SentenceHit[]): Ranked | undefined {
  const [top] = ranked;
  if (!top) return undefined;
  if (top.evidence.offset !== 0 || !hits.slice(0, 2).includes(top.evidence.hit)) return undefined;
  // Another answer from the same sentence ("on Saturday evening" beside "August 22nd") is a part
  // of the same account; one from another sentence competes.
  const next = ranked.find((r) => r.evidence.text !== top.evidence.text);
  if (top.confidence < ALONE_FLOOR || (next && top.score < 2 * next.score)) return undefined;
  return top;
}

/** Other answers that other articles give (sources that disagree are each shown). */
export function others(ranked: Ranked[], top: Ranked): { text: string; articleId: string }[] {
  return ranked
    .filter((r) => r !== top && r.evidence.articleId !== top.evidence.articleId)
    .filter((r) => r.score >= top.score * 0.5 && r.confidence >= MIN_CONFIDENCE)
    .slice(0, 2)
    .map((r) => ({ text: `Also: ${r.text} (${r.evidence.text})`, articleId: r.evidence.articleId }));
}

const AUXILIARIES = new Set([
  'was',
  'were',
  'had',
  'has',
  'have',
  'is',
  'are',
  'been',
  'be',
  'did',
  'also',
  'then',
  'finally',
]);

/**
 * "Ritter died in 1810 and Oersted ...", asked when Oersted died: every place the sentence uses the
 * asked verb, another name is its subject. Such a sentence dates or places someone else.
 */
export function predicateOfAnother(sentence: string, a: QuestionAnalysis): boolean {
  const words = wordsOf(sentence);
  const asked = new Set(a.names.flatMap((n) => [...lowerWords(n)]));
  // "China Aviation Oil (CAO), was arrested": the name's initials are the name.
  for (const n of a.names) asked.add(nameInitials(n));
  const uses = words.flatMap((w, i) => (a.predicateKeys.includes(wordKey(w.text)) ? [i] : []));
  if (!uses.length) return false;
  return uses.every((i) => {
    let j = i - 1;
    while (j >= 0 && AUXILIARIES.has((words[j]?.text ?? '').toLowerCase())) j--;
    const subject = words[j]?.text ?? '';
    if (!/^\p{Lu}/u.test(subject) || asked.has(subject.toLowerCase())) return false;
    // "U.S. Tariffs are due ...", asked of "the us tariffs": a word of the question, however written.
    if (a.anchorKeys.includes(wordKey(subject))) return false;
    // "in Saturday's final": a day owns no act; the final is still the asked one.
    if (nameGazetteer().classOf(subject.replace(/['’]s?$/, '').toLowerCase()) === 'time') return false;
    // "the Tarantino-directed episode": a word joined to the asked name is about it.
    if (subject.split('-').some((part) => asked.has(part.toLowerCase()))) return false;
    // At a sentence's start a capital says nothing: "The", "He" are no names.
    const known = nameGazetteer().classOf(subject.toLowerCase());
    return j > 0 || (known !== 'function' && known !== 'word');
  });
}

/**
 * "When is Stan Lee's Foreverman film due out?" against "A third Spider-Man film is scheduled for
 * release in 2007": the sentence gives the asked noun another name and never the asked one, so it
 * tells of another film. The question's names and nouns are read once; the test runs per sentence.
 */
export function anotherOfKind(a: QuestionAnalysis): (sentence: string) => boolean {
  const named = [...a.question.matchAll(/(\p{Lu}[\p{L}'’-]+)\s+(\p{Ll}{3,})\b/gu)].flatMap((m) => {
    const [, name = '', noun = ''] = m;
    return a.names.some((n) => n.includes(name))
      ? [{ name, other: new RegExp(`(\\p{Lu}[\\p{L}'’-]+)\\s+${noun}\\b`, 'u') }]
      : [];
  });
  // ("the Tarantino-directed episode", asked of the CSI episode Tarantino is directing, is that one.)
  const askedWords = new Set(a.names.flatMap((n) => n.toLowerCase().split(/[\s-]+/)));
  return (sentence) =>
    named.some(({ name, other }) => {
      if (sentence.includes(name)) return false;
      const given = other.exec(sentence)?.[1];
      return (
        given !== undefined &&
        given !== name &&
        !/^(?:The|A|An|This|That|Its|His|Her|Their)$/.test(given) &&
        !given
          .toLowerCase()
          .split(/[-'’]/)
          .some((w) => askedWords.has(w))
      );
    });
}

/** The other ways texts write the places questions most often shorten. */
const PLACE_VARIANTS: readonly (readonly string[])[] = [
  ['US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'America', 'American', 'Americans'],
  ['UK', 'U.K.', 'Britain', 'British', 'United Kingdom', 'England', 'English'],
  ['EU', 'European Union', 'Europe', 'European'],
];

/** "in the US", "in Japan": a place the question asks about, written after "in". */
const IN_PLACE = /\bin\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})/gu;

function isPlace(name: string): boolean {
  return (
    PLACE_VARIANTS.some((forms) => forms.includes(name)) ||
    nameGazetteer().classOf(name.toLowerCase()) === 'place'
  );
}

/**
 * "when does the PSP go on sale in the US?" against "the PSP, which went on sale in Japan on
 * Sunday": a sentence that places what it tells of in another place, and never names (or calls
 * otherwise) the one asked, tells of another event. The question's places are read once.
 */
export function inAnotherPlace(a: QuestionAnalysis): (sentence: string) => boolean {
  const asked = [...a.question.matchAll(IN_PLACE)].map((m) => m[1] ?? '').filter(isPlace);
  if (!asked.length) return () => false;
  const forms = asked.flatMap((place) => PLACE_VARIANTS.find((f) => f.includes(place)) ?? [place]);
  const named = new RegExp(`(?<![\\p{L}.])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'u');
  return (sentence) => {
    if (named.test(sentence)) return false;
    for (const m of sentence.matchAll(IN_PLACE)) if (isPlace(m[1] ?? '')) return true;
    return false;
  };
}

/** What a place in a sentence that says the question's predicate is worth more. */
export const SAYS_ASKED = 1.3;

/** Whether the keys hold the key's family or a word that says the same. */
function saysKey(keys: KeySet, key: string): boolean {
  return equivalentKeys(key).some((e) => keys.has(e));
}

/** Whether a text holds one of the question's words beyond its names (or a word that says the same). */
export function saysPredicate(text: string, a: QuestionAnalysis): boolean {
  const keys = keysOfText(text);
  return !a.predicateKeys.length || a.predicateKeys.some((k) => saysKey(keys, k));
}

/** Whether a text says every word of the question's predicate (or a word that says the same); none is not every. */
export function saysEveryPredicateWord(text: string, a: QuestionAnalysis): boolean {
  const keys = keysOfText(text);
  return a.predicateKeys.length > 0 && a.predicateKeys.every((k) => saysKey(keys, k));
}

/** Whether a text says the question's verb itself ("ban" for "why was she banned?"), or a word for it. */
export function saysAskedAct(text: string, a: QuestionAnalysis): boolean {
  if (!a.verbKeys?.length) return false;
  const keys = keysOfText(text);
  return a.verbKeys.some((k) => saysKey(keys, k));
}

/** Tells the ranked candidates of each step to `trace` (eval --explain), until called again with undefined. */
export function traceWith(trace: ((line: string) => void) | undefined): void {
  tracer = trace;
}
