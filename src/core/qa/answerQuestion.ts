/**
 * The question-answering pipeline every free question ends in: analysis (analyzeQuestion) ->
 * sentence retrieval (findSentences) -> candidates of the expected type (candidates.ts), scored by
 * closeness to the question's words and agreement (rankCandidates) -> the answer as the first
 * line, or "the archive doesn't say" when nothing answers well enough (composeAnswer).
 */

import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys, MOVEMENT_KEYS } from '../../text/equivalentWords.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { wordKey, wordsOf } from '../../text/wordForms.ts';
import { authorAnswer } from '../answers/authorOf.ts';
import { roleHolderAnswer } from '../answers/roleHolder.ts';
import { contentTerms } from '../answers/snippets.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import {
  countsNamedNoun,
  countsOtherNoun,
  countsUnit,
  enumeratedCount,
  isMoney,
  MONEY_QUESTION,
  MONEY_VERBS,
  unitFamily,
  withUnit,
} from './amounts.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { answerYesNo, NOT_YET } from './answerYesNo.ts';
import {
  type Candidate,
  causalAfterClause,
  causalAsClause,
  dateMentions,
  looksLikeYear,
  namedReason,
  nameRuns,
  numberMentions,
  placeMentions,
  placeModifiers,
  reasonClause,
} from './candidates.ts';
import { abstain, composeAnswer, HEADLINE_CHARS, windowAround } from './composeAnswer.ts';
import { type Evidence, evidenceAround, keysAround, neighbour } from './evidence.ts';
import { articleKeysOf, findSentences, keysOfText, type SentenceHit } from './findSentences.ts';
import { people } from './people.ts';
import {
  articleNames,
  inQuestion,
  kindsOf,
  lastName,
  lowerWords,
  nameAnchorSets,
  nameAnchors,
  personAnchors,
} from './questionNames.ts';
import { type Ranked, rankCandidates, type Typed } from './rankCandidates.ts';

/** Below this share of the question's (weighted) words, a sentence does not answer it. */
export const MIN_CONFIDENCE = 0.5;

/** How far below the confidence floor an answer scored well above the next (by half again) may stand. */
const NEAR_FLOOR = 0.05;
/** The sure answer is weak beside the top one when it scores under this share of it. */
const SURE_SHARE = 0.65;

type Strategy = (kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]) => Reply | undefined;

/**
 * What every typed answer must satisfy: stand near the question's words, come from evidence that
 * holds what is asked (its predicate) and from an article that names what the question names.
 */
function constraints(kb: KnowledgeBase, a: QuestionAnalysis) {
  return {
    anchorKeys: a.anchorKeys,
    requireKeys: a.predicateKeys,
    requireNames: nameAnchors(kb, a),
    requirePeople: personAnchors(kb, a),
  };
}

/** Told the ranked candidates of each step, while answerQuestion runs with a tracer (eval --explain). */
let tracer: ((line: string) => void) | undefined;

function best(ranked: Ranked[], floor = MIN_CONFIDENCE): Ranked | undefined {
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
const HEDGE_BELOW = 0.7;

/**
 * "Michael Flynn, it seems: … investigations from both Congress and the FBI over its ties …": an
 * answer read from a sentence that matches the question only loosely is shown with that sentence,
 * so the reader judges it (and sees the other names it gives).
 */
function hedged(top: Ranked, a: QuestionAnalysis, shown = top.text): string | undefined {
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
function others(ranked: Ranked[], top: Ranked): { text: string; articleId: string }[] {
  return ranked
    .filter((r) => r !== top && r.evidence.articleId !== top.evidence.articleId)
    .filter((r) => r.score >= top.score * 0.5 && r.confidence >= MIN_CONFIDENCE)
    .slice(0, 2)
    .map((r) => ({ text: `Also: ${r.text} (${r.evidence.text})`, articleId: r.evidence.articleId }));
}

/** Below the floor, what a doer in the asked slot of the best sentence must still match of the question. */
const SLOT_FLOOR = 0.4;
/** How many times the next answer's score the slotted one must score. */
const STANDS_OUT = 1.5;

/**
 * "The BBC reported that an air strike ... 'damaged or destroyed' 20 per cent of Syria's
 * operational aircraft", asked who reported that it wrecked a fifth of Syria's working planes: the
 * question's words are the text's in other words, but the best sentence names one doer in the
 * asked slot, far ahead of any other.
 */
function standsOut(ranked: Ranked[], hits: readonly SentenceHit[]): Ranked | undefined {
  const [top, next] = ranked;
  if (!top?.slotted || top.evidence.hit !== hits[0] || top.evidence.offset !== 0) return undefined;
  if (top.confidence < SLOT_FLOOR || (next && top.score < STANDS_OUT * next.score)) return undefined;
  return top;
}

/** How near the best-scored answer a doer in the asked slot must score to be preferred. */
const SLOT_SHARE = 0.6;

/**
 * "It has since emerged, as the Daily Mirror states, that sarin was used", asked who reported it:
 * the name in the asked slot of a found sentence beats a name scored a little higher from a
 * sentence that does not say the verb of it ("... commander in chief, Donald Trump.").
 */
export function inSlot(ranked: Ranked[], hits: readonly SentenceHit[] = []): Ranked | undefined {
  const [top] = ranked;
  // A sentence read first as a better hit's neighbour may be a found sentence too.
  const found = (r: Ranked) =>
    r.evidence.offset === 0 ||
    hits.some((h) => h.passage.articleId === r.evidence.articleId && h.text === r.evidence.text);
  // Among names in the slot, the one whose sentence holds most of the question.
  const slotted = ranked
    .filter((r) => r.slotted && found(r) && r.confidence >= MIN_CONFIDENCE)
    .sort((x, y) => y.confidence - x.confidence || y.score - x.score)[0];
  return top && slotted && slotted.score >= SLOT_SHARE * top.score ? slotted : undefined;
}

/**
 * "Mike" -> "Mike Deegan", "Poor John" -> "John Cooper": a story calls people by their given name;
 * the answer gives the full name its article writes most often, where it writes one.
 */
export function fullName(kb: KnowledgeBase, name: string, articleId: string): string {
  const words = name.split(/\s+/);
  const given = words[words.length - 1] ?? '';
  const lexicon = nameGazetteer();
  if (lexicon.classOf(given.toLowerCase()) !== 'given') return withGivenName(kb, name, articleId);
  if (words.length > 2) return name;
  if (words.length === 2 && lexicon.classOf((words[0] ?? '').toLowerCase()) !== 'word') return name;
  const body = kb.articles.get(articleId)?.body ?? '';
  const counts = new Map<string, number>();
  const escaped = escapeRegExp(given);
  for (const m of body.matchAll(new RegExp(`\\b${escaped}\\s+(\\p{Lu}[\\p{L}'’-]+)`, 'gu'))) {
    const surname = (m[1] ?? '').replace(/['’]s$/, '');
    const kind = lexicon.classOf(surname.toLowerCase());
    if (kind === 'function' || kind === 'word' || kind === 'time' || kind === 'given') continue;
    counts.set(surname, (counts.get(surname) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((x, y) => y[1] - x[1]);
  return best ? `${given} ${best[0]}` : name;
}

/**
 * "Mr Bates" or "Bates" -> "Ken Bates": a man called by his surname gets the one given name his
 * article writes before it. Two ("John" and "Gorham" Palfrey, brothers) leave the name as it is;
 * so does "Mrs." or "Miss", whose given name is seldom her husband's or father's.
 */
function withGivenName(kb: KnowledgeBase, name: string, articleId: string): string {
  const m = /^(?:(?:Mr|Dr|Sir|Mister)\.?\s+)?(\p{Lu}[\p{L}'’-]+)$/u.exec(name);
  const surname = m?.[1];
  const lexicon = nameGazetteer();
  if (!surname || lexicon.classOf(surname.toLowerCase()) === 'given') return name;
  const body = kb.articles.get(articleId)?.body ?? '';
  const givens = new Set<string>();
  for (const g of body.matchAll(new RegExp(`\\b(\\p{Lu}[\\p{L}'’-]+)\\s+${escapeRegExp(surname)}\\b`, 'gu')))
    if (lexicon.classOf((g[1] ?? '').toLowerCase()) === 'given') givens.add(g[1] ?? '');
  const [only] = givens;
  return givens.size === 1 && only ? `${only} ${surname}` : name;
}

/** "who founded Warwick?" -> "Samuel Gorton founded Warwick". */
const doer: Strategy = (kb, a, hits) => {
  const ranked = rankCandidates(kb, hits, people(kb, a), {
    ...constraints(kb, a),
    reach: 1,
    depth: 12,
    asidesCountLess: true,
    sameAnswer: lastName,
  });
  const top = inSlot(ranked, hits.slice(0, 12)) ?? best(ranked) ?? standsOut(ranked, hits);
  if (!top) return undefined;
  // "the Damascus regime" opens the answer with a capital.
  const name = fullName(kb, top.text, top.evidence.articleId).replace(/^the\s/, 'The ');
  const predicate = a.question.replace(
    /^(?:who|whom|(?:which|what)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+(?=\s+[a-z]))\s+/iu,
    '',
  );
  // "who did Hoag say was in on the plot?" asks for an object: "Mahzeer did Hoag say ..." is no
  // sentence, so the name comes with the words it was read from.
  const asksObject =
    /^(?:did|does|do|has|have|had|will|would|can|could|should|is|was|are|were)\s+\p{Lu}/u.test(predicate);
  return composeAnswer(kb, {
    headline:
      hedged(top, a, name) ??
      (asksObject
        ? `${name}: ${windowAround(top.evidence.text, a.anchorKeys, HEADLINE_CHARS - name.length - 2)}`
        : `${name} ${predicate}`),
    evidence: top.evidence,
    more: others(ranked, top),
  });
};

/** Words for an organisation by what it is: "the company president" of the one its article names. */
const GENERIC_ORGANISATION =
  '(?:company|firm|corporation|college|university|school|club|bank|newspaper|paper|magazine|team|board|society|church|hospital|museum|orchestra|union|party|agency)';
/** The confidence that reading adds. */
const GENERIC_SUPPORT = 0.2;

/** How far into a sentence its subject's name may start ("Mr Iain Ferguson ..."). */
const OPENS_SENTENCE = 12;

/** "who was the president of Smith College?" -> the person the text gives that role. */
/** Titles of whoever heads a body, for "who is in charge of X?". */
const HEAD_TITLE_KEYS: readonly string[] = [
  ...new Set(
    'head chief president chairman chairwoman chair director leader boss manager governor commander captain principal dean superintendent'
      .split(' ')
      .map(wordKey),
  ),
];

const roleHolder: Strategy = (kb, a) => {
  const role = a.role ?? '';
  // "chef at the Palace Hotel in San Francisco": where the organisation is qualifies it; the
  // text that names the chef need not repeat it.
  const core = role.replace(/\s+in\s+(?:the\s+)?[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*)*$/u, '');
  const { hits } = findSentences(kb, contentTerms(core), { limit: 16 });
  const fromFacts = roleHolderAnswer(kb, role);
  if (fromFacts && fromFacts.kind !== 'not_found') return fromFacts;
  // The role's head noun: "president" of "president of Smith College", "minister" of
  // "Tunisia's defense minister"; the words before it ("defense") also make up a title.
  const title = role.split(/\s+(?:of|at|for|in|to|on)\s+/i)[0] ?? role;
  // "who is in charge of X?": the title of any head of it ("President of the Dog Writers ...").
  const titleKeys = a.anyHead ? [...HEAD_TITLE_KEYS] : contentTerms(title).map(wordKey);
  const head = titleKeys[titleKeys.length - 1];
  const heads = a.anyHead ? HEAD_TITLE_KEYS : head ? [head] : [];
  const anchorKeys = heads.length ? [...heads] : a.anchorKeys;
  const holders = people(kb, a, [role], titleKeys.length ? titleKeys : anchorKeys);
  const namedNext = people(kb, a, [role], titleKeys.length ? titleKeys : anchorKeys, true);
  // "old Mr. Lovejoy, the company president", in an article that names Smith & MacIsaacs: the
  // organisation asked about, called by what it is.
  const organisation = nameAnchors(kb, a);
  const generic = head
    ? new RegExp(`\\bthe\\s+${GENERIC_ORGANISATION}(?:['’]s)?\\s+(?:[a-z]+\\s+)?${head}`, 'i')
    : undefined;
  // "WMC chief executive Andrew Michelmore": the role held by a name written after it is not unnamed.
  const heldByName = (text: string) =>
    wordsOf(text).some((w) => heads.includes(wordKey(w.text)) && /^\s+\p{Lu}/u.test(text.slice(w.end)));
  const namesRole = (text: string) => {
    const said = keysOfText(text);
    return (
      heads.some((k) => said.has(k)) &&
      !heldByName(text) &&
      organisation.length > 0 &&
      organisation.every((n) => said.has(n))
    );
  };
  const extract = (evidence: Evidence): Typed[] => {
    const found = holders(evidence);
    // "Tate & Lyle's chief executive has been named ... . Iain Ferguson was awarded ...": the role
    // of the asked organisation, unnamed, and the holder opening the next sentence.
    if (!found.length && namesRole(evidence.text)) {
      const next = evidenceAround(kb, evidence.hit, 1).find((e) => e.offset === 1);
      return next ? namedNext(next).filter((t) => t.candidate.start < OPENS_SENTENCE) : [];
    }
    const meansIt =
      generic?.test(evidence.text) &&
      organisation.length > 0 &&
      organisation.every((n) => articleKeysOf(kb, evidence.hit.passage).has(n));
    return meansIt ? found.map((t) => ({ ...t, support: (t.support ?? 0) + GENERIC_SUPPORT })) : found;
  };
  const ranked = rankCandidates(kb, hits, extract, {
    anchorKeys,
    reach: 0,
    requireKeys: anchorKeys,
    // The holder's article names the organisation asked about ("chief executive Willie Walsh" of
    // Aer Lingus is not the chief executive of Orange).
    requireNames: organisation,
    sameAnswer: lastName,
  });
  const top = best(ranked);
  if (!top) return undefined;
  const copula = /^who\s+(?:was|were)\b/i.test(a.question) ? 'was' : 'is';
  return composeAnswer(kb, {
    // "Russia's defence minister" takes no "the".
    headline: `${top.text} ${copula} ${/^\S+['’]s?\s/.test(role) ? '' : 'the '}${role}`,
    evidence: top.evidence,
    more: others(ranked, top),
  });
};

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
function predicateOfAnother(sentence: string, a: QuestionAnalysis): boolean {
  const words = wordsOf(sentence);
  const asked = new Set(a.names.flatMap((n) => [...lowerWords(n)]));
  const uses = words.flatMap((w, i) => (a.predicateKeys.includes(wordKey(w.text)) ? [i] : []));
  if (!uses.length) return false;
  return uses.every((i) => {
    let j = i - 1;
    while (j >= 0 && AUXILIARIES.has((words[j]?.text ?? '').toLowerCase())) j--;
    const subject = words[j]?.text ?? '';
    if (!/^\p{Lu}/u.test(subject) || asked.has(subject.toLowerCase())) return false;
    // At a sentence's start a capital says nothing: "The", "He" are no names.
    const known = nameGazetteer().classOf(subject.toLowerCase());
    return j > 0 || (known !== 'function' && known !== 'word');
  });
}

function dateWeight(text: string): number {
  const hasYear = /\d{3,4}/.test(text);
  const hasMonth = /[A-Za-z]{3}/.test(text) && !/century/i.test(text);
  if (hasYear && hasMonth && /\d{1,2}(?:st|nd|rd|th)?\b[^\d]*\d{3,4}|\d{1,2}\s+\p{L}+\s+\d{4}/u.test(text))
    return 1.6;
  if (hasYear && hasMonth) return 1.3;
  // "on November 28th": a day of a month says more than a bare year.
  if (hasMonth && /\d/.test(text) && !/century/i.test(text)) return 1;
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
  const noun = /^\s+([a-z]+)/.exec(text.slice(c.end))?.[1];
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

/** A newspaper's issue named by its date: "the Asheville Times of Wednesday, June 21". */
const DATED_ISSUE =
  /\b(?:Times|Post|News|Herald|Journal|Gazette|Tribune|Star|Chronicle|Courier|Observer|Daily|issue|edition)\s+of\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$/;

/** "the Syrian port of Tartus": the place is the name after "port of", not the word before it. */
const PLACE_OF =
  /^\s+(?:port|city|town|village|capital|province|state|region|island|county|district)\s+of\s+$/;

const time: Strategy = (kb, a, hits) => {
  const bound = /^(since|until|till)\s+when\b/i.exec(a.question)?.[1]?.toLowerCase();
  const extract = (evidence: Evidence): Typed[] =>
    predicateOfAnother(evidence.hit.text, a)
      ? []
      : [
          ...(bound
            ? sincePhrases(evidence.text, bound).map((candidate) => ({ candidate, weight: 1.2 }))
            : []),
        ].concat(
          dateMentions(evidence.text)
            .filter((c) => !a.question.includes(c.text))
            // "before last week", "until 1950": a bound on the time, not the time itself.
            .map((candidate) => ({
              candidate,
              weight:
                dateWeight(candidate.text) *
                (/\b(?:before|after|until|since)\s+$/i.test(evidence.text.slice(0, candidate.start)) && !bound
                  ? 0.6
                  : 1) *
                (attributiveYear(evidence.text, candidate, a) ? 0.4 : 1) *
                // "the Asheville Times of Wednesday, June 21, announced": the date of the paper.
                (DATED_ISSUE.test(evidence.text.slice(Math.max(0, candidate.start - 60), candidate.start))
                  ? 0.4
                  : 1) *
                (datesAnotherEvent(evidence.text, candidate, a) ? 0.4 : 1) *
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
  return composeAnswer(kb, {
    headline: hedged(top, a) ?? top.text.replace(/\s+/g, ' '),
    evidence: top.evidence,
  });
};

/**
 * "Warwick" -> "Warwick, Rhode Island": the wider place the same article writes after the name
 * once, so a bare town says where it is.
 */
function withRegion(kb: KnowledgeBase, name: string, articleId: string): string {
  if (name.includes(',')) return name;
  const body = kb.articles.get(articleId)?.body ?? '';
  const escaped = escapeRegExp(name);
  const region = new RegExp(
    `\\b${escaped},\\s+(\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*){0,2})(?=[,;.)]|\\s+[a-z])`,
    'u',
  )
    .exec(body)?.[1]
    ?.replace(/\.$/, '');
  if (!region) return name;
  const known = kindsOf(kb, region).has('place') || nameGazetteer().classOf(region.toLowerCase()) === 'place';
  return known ? `${name}, ${region}` : name;
}

const WORKS_WHERE =
  /^where\s+(?:does|did|do|is|was)\s+(.+?)\s+(?:work|works|worked|working|teach|teaches|taught|teaching|employed|based)\b/i;

/**
 * "where does Andrew Hammond work?": the role the archive gives a person it knows ("associate at
 * LSE IDEAS at the London School of Economics"), from the facts or an author's closing note.
 */
function workplace(kb: KnowledgeBase, a: QuestionAnalysis): Reply | undefined {
  const name = WORKS_WHERE.exec(a.question)?.[1];
  if (!name) return undefined;
  const lookup = kb.names.lookup(name, { prefer: ['person'] });
  if (lookup.status !== 'found' || lookup.match.target.kind !== 'person') return undefined;
  const entity = kb.entities.get(lookup.match.target.id);
  const role = entity?.roles[0];
  if (!entity || !role) return undefined;
  const reply = new ReplyBuilder(kb, 'answer', `${entity.name}: ${role.title}`).citeHeadline(
    role.source.article,
  );
  for (const other of entity.roles.slice(1, 3)) reply.line(other.title, other.source.article);
  return reply.build();
}

/** What a place in a sentence that says the question's predicate is worth more. */
const SAYS_ASKED = 1.3;

/** What a place counts for more where it stands right after the question's own word ("based in X"). */
const AFTER_ASKED_WORD = 1.5;
/** ... and right after the verb the question ends with ("where are they based?"). */
const AFTER_ASKED_VERB = 2;

/** "troops from the Royal Gurkha Rifles, based in Brunei": the place follows a word of the question and its preposition. */
function afterAskedWord(text: string, start: number, keys: readonly string[]): boolean {
  const word = /([\p{L}-]+)\s+(?:in|at|on|near|from|to|into|outside|inside)\s+(?:the\s+)?$/u.exec(
    text.slice(Math.max(0, start - 40), start),
  )?.[1];
  return word !== undefined && keys.includes(wordKey(word));
}

const place: Strategy = (kb, a, hits) => {
  const known = workplace(kb, a);
  if (known) return known;
  const direction = a.direction ?? 'in';
  // Going from or to a place: the text may say "dispatched" where the question says "sailed".
  const moves = direction !== 'in' && a.predicateKeys.some((k) => MOVEMENT_KEYS.includes(k));
  // "where was the letter mailed from?": where the mailing was done, "in Tuxapoka", answers too.
  const doneAt =
    direction === 'from' && !moves && !/\b(?:come|came|comes|originat\w*|hail\w*)\b/i.test(a.question);
  const born = /\bborn\b/i.test(a.question);
  const mentionsIn = (text: string) => [
    ...placeMentions(text, direction),
    // "The Ballymena-born actor": where someone was born, written before "-born".
    ...(born
      ? [...text.matchAll(/\b(?!(?:The|A|An)\s)(\p{Lu}[\p{L}'’.]+(?:\s\p{Lu}[\p{L}'’.]+)?)-born\b/gu)].map(
          (m) => ({
            text: m[1] ?? '',
            start: m.index,
            end: m.index + (m[1] ?? '').length,
            fit: 1,
          }),
        )
      : []),
    ...(doneAt ? placeMentions(text, 'in').map((m) => ({ ...m, fit: m.fit * 0.6 })) : []),
    ...(direction === 'in' ? placeModifiers(text, a.predicateKeys) : []),
  ];
  const wordsOnly = a.predicateKeys.filter((k) => /^\p{L}+$/u.test(k));
  // "where are they based?", "where was it held?": the question's last word is the asked verb.
  const last = /([\p{L}-]+)$/u.exec(a.question)?.[1];
  const lastWord = last && wordsOnly.includes(wordKey(last)) ? [wordKey(last)] : [];
  const extract = (evidence: Evidence): Typed[] => {
    const found: Typed[] = [];
    if (predicateOfAnother(evidence.hit.text, a)) return found;
    const runs = nameRuns(evidence.text);
    // "where will Aston build the Vantage?": a place in the sentence that says "built" rather than
    // one that only names the car ("first shown ... in Detroit").
    const said = saysPredicate(evidence.text, { ...a, predicateKeys: wordsOnly }) ? SAYS_ASKED : 1;
    for (const plain of mentionsIn(evidence.text)) {
      // "the Syrian port of Tartus": the name after "port of", not the word before it.
      const named = runs.find(
        (r) => r.start > plain.end && PLACE_OF.test(evidence.text.slice(plain.end, r.start)),
      );
      const mention = named ? { ...named, fit: plain.fit } : plain;
      // "born at Gorton, England" for "where was Samuel Gorton born?": the part not asked about.
      const parts = mention.text.split(/,\s*/);
      while (parts.length > 1 && inQuestion(a, parts[0] ?? '')) parts.shift();
      while (parts.length > 1 && inQuestion(a, parts[parts.length - 1] ?? '')) parts.pop();
      const candidate = { ...mention, text: parts.join(', ') };
      if (inQuestion(a, candidate.text)) continue;
      const kinds = kindsOf(kb, candidate.text);
      if (kinds.has('person')) continue;
      // "where was X born?": a place in a sentence that never speaks of a birth is seldom the answer.
      const unborn = born && said === 1 ? 0.5 : 1;
      // "based in Brunei", asked where they are based: the place right after the asked word.
      const after = afterAskedWord(evidence.text, mention.start, lastWord)
        ? AFTER_ASKED_VERB
        : afterAskedWord(evidence.text, mention.start, wordsOnly)
          ? AFTER_ASKED_WORD
          : 1;
      found.push({ candidate, weight: (kinds.has('place') ? 1.3 : 1) * mention.fit * said * unborn * after });
    }
    return found;
  };
  const asked = constraints(kb, a);
  const ranked = rankCandidates(kb, hits, extract, {
    ...asked,
    requireKeys: moves ? [...asked.requireKeys, ...MOVEMENT_KEYS] : asked.requireKeys,
    reach: 1,
  });
  const top = best(ranked) ?? alone(ranked, hits);
  if (!top) return undefined;
  return composeAnswer(kb, {
    headline: hedged(top, a) ?? withRegion(kb, top.text, top.evidence.articleId),
    evidence: top.evidence,
    more: others(ranked, top),
  });
};

const FIRST_TIME = /\b(?:for\s+the\s+(?:very\s+)?first\s+time|first[- ]ever)\b/i;

/**
 * "How many meetings had they held by then?" against "... before he and Putin have even had their
 * first meeting": the count is none, where the sentence that best states the question says so.
 */
function noneYet(kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]): Reply | undefined {
  const top = hits[0];
  if (!top || Math.max(top.coverage, 0.9 * top.contextCoverage) < MIN_CONFIDENCE) return undefined;
  if (!a.unit || !keysOfText(top.text).has(wordKey(a.unit))) return undefined;
  // "How many times had he met him before?" against "he met him for the first time on Wednesday".
  const first = /^times?$/i.test(a.unit) && FIRST_TIME.test(top.text);
  if (!first && !NOT_YET.test(top.text)) return undefined;
  const evidence: Evidence = { text: top.text, articleId: top.passage.articleId, hit: top, offset: 0 };
  const none = first ? 'None before' : 'None yet';
  return composeAnswer(kb, { headline: `${none}: ${windowAround(top.text, a.anchorKeys)}`, evidence });
}

/** A sentence that supposes: "If ..., it might (would, could) ...". */
const SUPPOSED = /^\s*(?:if|unless|were)\b[^.;]*\b(?:might|would|could)\b/i;

const amount: Strategy = (kb, a, hits) => {
  const unitKey = a.unit ? wordKey(a.unit) : undefined;
  // The counted noun, and the words that qualify it ("overnight" guests: "fifty-four overnighters").
  const unitKeys = unitKey ? [unitKey, ...(a.unitQualifiers ?? []).map(wordKey)] : [];
  const anchorKeys = unitKey ? [unitKey] : a.anchorKeys;
  const money = MONEY_QUESTION.test(a.question);
  // "How many were killed in the US strike on Shayrat?": a count in sentences that never name
  // Shayrat counts the dead of something else; every name asked about stands in or next to it.
  const names = nameAnchorSets(kb, a);
  const namesAll = (hit: SentenceHit) => {
    const near = keysAround(kb, hit, 1);
    return names.every((any) => any.some((n) => near.some((keys) => keys.has(n))));
  };
  // A neighbour's sum of money must come with something asked beyond the money ("the safe").
  const asked = a.predicateKeys.filter((k) => k !== unitKey && !(unitKey && unitFamily(unitKey).includes(k)));
  const holdsAsked = (evidence: Evidence) => {
    const keys = keysOfText(evidence.text);
    return !asked.length || asked.some((k) => equivalentKeys(k).some((e) => keys.has(e)));
  };
  const extract = (evidence: Evidence): Typed[] => {
    if (!namesAll(evidence.hit)) return [];
    // "If sold then, the land might bring only $5,000": a sum supposed, not one paid.
    if (SUPPOSED.test(evidence.text)) return [];
    // "there were known to be twenty-two in Norton County": a count may leave out what it counts.
    const keys = unitKey ? keysOfText(evidence.text) : undefined;
    const namesUnit = unitKeys.some((u) => unitFamily(u).some((k) => keys?.has(k)));
    const named = unitKey && !money ? enumeratedCount(evidence.text, unitKey) : undefined;
    const counted: Typed[] = named ? [{ candidate: named, weight: 0.9 }] : [];
    return counted.concat(
      numberMentions(evidence.text).flatMap((candidate) => {
        if (looksLikeYear(candidate.text) || a.question.includes(candidate.text)) return [];
        if (unitKey && countsOtherNoun(evidence.text, candidate, unitKey)) return [];
        // "how much was it sold for?" asks for money: a number without a currency answers something else.
        if (money && !isMoney(evidence.text, candidate)) return [];
        const percent = /%|per\s?cent/i.test(candidate.text);
        let weight = percent && /^how\s+many/i.test(a.question) ? 0.5 : 1;
        // A count stands next to what it counts ("140,000 copies"); a number far from it counts other things.
        if (unitKey && namesUnit && !unitKeys.some((u) => countsUnit(evidence.text, candidate, u))) return [];
        if (unitKey && !namesUnit) {
          // "How many people died?" against "two great fires had burnt two hundred houses".
          if (!money && countsNamedNoun(evidence.text, candidate, unitKey)) return [];
          weight *= 0.6;
        }
        // The sentence next to the matching one answers only with what is asked: the counted
        // noun named, or a sum of money where it says what the money is for ("thirty-seven cents"
        // after "The safe at ...", but not "fifty dollars as compensation" beside "was sold").
        if (evidence.offset !== 0 && !namesUnit && !(money && holdsAsked(evidence))) return [];
        return [{ candidate, weight }];
      }),
    );
  };
  const required = constraints(kb, a);
  const ranked = rankCandidates(kb, hits, extract, {
    ...required,
    // A sum of money answers where the sentence tells of money changing hands, in any verb.
    requireKeys:
      money && required.requireKeys.some((k) => MONEY_VERBS.includes(k))
        ? [...required.requireKeys, ...MONEY_VERBS]
        : required.requireKeys,
    asidesCountLess: true,
    anchorKeys,
    reach: 1,
  });
  const top = best(ranked);
  if (!top) return noneYet(kb, a, hits);
  const candidate = { text: top.text, start: top.evidence.text.indexOf(top.text), end: 0 };
  candidate.end = candidate.start + top.text.length;
  const headline =
    hedged(top, a) ?? (candidate.start >= 0 ? withUnit(top.evidence.text, candidate, unitKey) : top.text);
  return composeAnswer(kb, { headline, evidence: top.evidence });
};

const THE_REASON =
  /\b(?:this|that|which|it)\s+(?:may\s+be|might\s+be|is|was|could\s+be)\s+(?:the|one|a)\s+(?:main\s+|chief\s+|real\s+)?reason\b/i;

/** "Because of this he was known as Gimpy": the reason is what the sentence before says. */
const POINTS_BACK =
  /^because\s+of\s+(?:this|that|it)\b|^(?:for\s+this\s+reason|that\s+is\s+why|this\s+is\s+why|as\s+a\s+result|therefore|hence|so)\b/i;

/** Whether a text holds one of the question's words beyond its names (or a word that says the same). */
function saysPredicate(text: string, a: QuestionAnalysis): boolean {
  const keys = keysOfText(text);
  return !a.predicateKeys.length || a.predicateKeys.some((k) => equivalentKeys(k).some((e) => keys.has(e)));
}

/** Whether a text says the question's verb itself ("ban" for "why was she banned?"), or a word for it. */
function saysAskedAct(text: string, a: QuestionAnalysis): boolean {
  if (!a.verbKeys?.length) return false;
  const keys = keysOfText(text);
  return a.verbKeys.some((k) => equivalentKeys(k).some((e) => keys.has(e)));
}

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

const reason: Strategy = (kb, a, hits) => {
  const extract = (evidence: Evidence): Typed[] => {
    // "Part of the reason why it was unexpected was his rhetoric": the reason, named.
    // It answers only a question about what it is the reason for.
    const named = namedReason(evidence.text);
    if (named && saysPredicate(named.about, a)) return [{ candidate: named, weight: 1.1 }];
    const clause = reasonClause(evidence.text);
    const pointsBack = POINTS_BACK.test(evidence.text.trim());
    if (clause && !pointsBack && !POINTS_BACK.test(clause.text))
      return [{ candidate: clause, weight: aimOfOtherAct(evidence.text, clause, a) ? 0.5 : 1 }];
    // "Profits fell as research costs rose": a causal "as", where the sentence says the asked predicate.
    const as = clause ? undefined : causalAsClause(evidence.text);
    if (as && saysPredicate(evidence.text.slice(0, as.start), a)) return [{ candidate: as, weight: 0.8 }];
    // "AK issued the ban after Chepkemei failed to turn up": what brought the asked act about.
    const after = clause || as ? undefined : causalAfterClause(evidence.text);
    if (after && saysAskedAct(evidence.text.slice(0, after.start), a))
      return [{ candidate: after, weight: 0.7 }];
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
    const said = top.text.replace(/^(?:was|is|were|are)\s+(?=(?:intended|designed|meant|aimed)\b)/i, '');
    const text = said.charAt(0).toUpperCase() + said.slice(1);
    return composeAnswer(kb, { headline: text, evidence: top.evidence });
  }
  return bestSentence(kb, a, hits);
};

/**
 * "The service, IT Safe, will issue warnings about viruses": the thing asked about set between
 * commas after what it is, and what it does; or "IT Safe, a service for home users, ...".
 */
function describedInPassing(
  hits: readonly SentenceHit[],
  subject: string,
): { hit: SentenceHit; description: string } | undefined {
  const name = escapeRegExp(subject);
  const before = new RegExp(
    `\\b(?:[Tt]he|[Aa]n?)\\s+((?:[a-z][\\p{L}-]*\\s+){0,3}[a-z][\\p{L}-]*),\\s+${name},\\s+((?:will|would|is|was|has|had|can|could|aims|helps|lets|allows|offers|provides|gives)\\b[^.;]*)`,
    'u',
  );
  const after = new RegExp(`\\b${name},\\s+((?:a|an|the)\\s+[a-z][^,;.()"]{3,100}),`, 'u');
  for (const hit of hits.slice(0, 8)) {
    const m = before.exec(hit.text);
    if (m?.[1] && m[2]) return { hit, description: `the ${m[1]} that ${m[2].trim()}` };
    const n = after.exec(hit.text);
    if (n?.[1]) return { hit, description: n[1].trim() };
  }
  return undefined;
}

/** A headline cut at a word, within the headline's length. */
function shortened(text: string): string {
  if (text.length <= HEADLINE_CHARS) return text;
  const cut = text.slice(0, HEADLINE_CHARS - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

/** "What is the AWOC?": the name whose initials the letters stand for, where the text spells it out. */
const definition: Strategy = (kb, a, hits) => {
  const subject = (a.subject ?? '').replace(/^(?:the|an?)\s+/i, '');
  const letters = subject.replace(/\./g, '');
  if (/^[A-Z]{2,8}$/.test(letters)) {
    for (const hit of hits) {
      for (const run of nameRuns(hit.text)) {
        const initials = run.text
          .split(/[\s-]+/)
          .filter((w) => !/^(?:of|the|and|for|de|du|la|on|in|to)$/i.test(w))
          .map((w) => w.charAt(0))
          .join('');
        if (initials.toUpperCase() === letters && run.text !== subject) {
          const evidence: Evidence = { text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 };
          return composeAnswer(kb, { headline: `${subject}: ${run.text}`, evidence });
        }
      }
    }
  }
  const described = /^\p{Lu}/u.test(subject) ? describedInPassing(hits, subject) : undefined;
  if (described) {
    const { hit, description } = described;
    const evidence: Evidence = { text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 };
    // What else the archive says of it, as a free question's answer shows.
    const more = hits
      .filter((h) => h !== hit && h.text.includes(subject))
      .slice(0, 2)
      .map((h) => ({ text: h.text, articleId: h.passage.articleId }));
    return composeAnswer(kb, { headline: shortened(`${subject}: ${description}`), evidence, more });
  }
  return bestSentence(kb, a, hits);
};

/**
 * "What was the name of the rebel-held town ...?": the name the text attaches to the thing itself
 * ("the town of X", "a town called X", "X, a rebel-held town", "the X town"), never a name that
 * only stands nearby ("a town in Syria").
 */
const properName: Strategy = (kb, a, hits) => {
  const thing =
    (a.subject ?? '').split(/\s+(?:hit|in|of|at|by|that|which|who|where|with|for|on|from|to)\s+/i)[0] ?? '';
  const head = thing
    .split(/\s+/)
    .pop()
    ?.replace(/[^\p{L}-]/gu, '');
  if (!head) return undefined;
  const h = escapeRegExp(head);
  const NAME = "(\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)*)";
  const attached = [
    new RegExp(`\\b${h}s?\\s+(?:of|called|named|known\\s+as)\\s+${NAME}`, 'u'),
    new RegExp(`${NAME},\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,3}${h}\\b`, 'u'),
    new RegExp(`\\bthe\\s+${NAME}\\s+${h}\\b`, 'u'),
  ];
  for (const hit of hits.filter((x) => Math.max(x.coverage, x.contextCoverage) >= MIN_CONFIDENCE)) {
    for (const pattern of attached) {
      const m = pattern.exec(hit.text);
      if (m?.[1] && !inQuestion(a, m[1])) {
        const evidence: Evidence = { text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 };
        return composeAnswer(kb, { headline: m[1], evidence });
      }
    }
  }
  return undefined;
};

/** "what did the committee decide?": a question that ends in its verb, asking for its object. */
const ASKED_VERB = /^[Ww]hat\s+(?:did|does|do|has|have|had|will|would)\s+.+\s+([a-z]{3,})$/;

/** A sentence that matches only this share of a free question is shown as "closest", not as the answer. */
const MIN_SENTENCE_SUPPORT = 0.4;

/** How far below the best sentence's match another still ties with it, for "what happened at X?". */
const TIED = 0.05;

/**
 * "what happened at the Kehl bridge?", where many sentences name it equally: the account as the
 * article tells it, from the first of them ("I told them I would be going to the Kehl bridge ... to
 * cross the Rhine into Germany"), not the last that happens to score highest.
 */
export function inTellingOrder(hits: SentenceHit[], support: (h: SentenceHit) => number): SentenceHit[] {
  const [best] = hits;
  if (!best) return hits;
  const tied = hits.filter(
    (h) => h.passage.articleId === best.passage.articleId && support(h) >= support(best) - TIED,
  );
  if (tied.length < 3) return hits;
  tied.sort((x, y) => x.passage.id - y.passage.id || x.index - y.index);
  return [...tied, ...hits.filter((h) => !tied.includes(h))];
}

/** A name, then what was done to it or what it did: "Liam Gallagher has been fined ...". */
function saysWhatHappened(sentence: string, name: string): boolean {
  const last = escapeRegExp(name.split(/\s+/).pop() ?? name);
  const outside = sentence.replace(/[“"][^”"]{1,400}[”"]/g, ' … ');
  return new RegExp(
    `\\b${last}(?:,[^,]{1,80},)?\\s+(?:(?:has|have|had|was|were|is|are)\\s+(?:been\\s+)?[a-z]+(?:ed|en|wn|ht|lt|nt|ck|ng)\\b|[a-z]+ed\\b)`,
    'u',
  ).test(outside);
}

/**
 * "what happened to Liam Gallagher over that fight?": of sentences that match about as well, one
 * where he is the subject of what happened ("Gallagher has been fined ...") before one that only
 * names him ("... kicked in the chest by Liam Gallagher").
 */
function happenedTo(
  hits: SentenceHit[],
  a: QuestionAnalysis,
  support: (h: SentenceHit) => number,
): SentenceHit[] {
  const name = /^what\s+happened\s+to\s+/i.test(a.question) ? a.names[0] : undefined;
  const [best] = hits;
  if (!name || !best || saysWhatHappened(best.text, name)) return hits;
  const subject = hits.find((h) => support(h) >= support(best) - 2 * TIED && saysWhatHappened(h.text, name));
  return subject ? [subject, ...hits.filter((h) => h !== subject)] : hits;
}

/** No typed answer is asked for: the sentence that best matches the question, if it matches well. */
/** "which constituency ...", "what colour ...": the kind of thing asked for. */
const WHICH_NOUN = /^(?:which|what)\s+([a-z][a-z-]+)\s/i;
const AUX_WORDS =
  '(?:is|was|are|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must|kind|sort|type|happened|else|about)';

function bestSentence(kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]): Reply | undefined {
  const support = (h: SentenceHit) => Math.max(h.coverage, 0.9 * h.contextCoverage);
  // "What did the G7 summit agree?": a sentence that only names the summit says nothing of what
  // it agreed; the asked verb (or its family) must stand in the sentence or next to it.
  const verb = a.type === 'any' ? ASKED_VERB.exec(a.question)?.[1] : undefined;
  const verbKey = verb ? wordKey(verb) : undefined;
  const saysVerb = (h: SentenceHit) =>
    !verbKey || keysAround(kb, h, 1).some((keys) => equivalentKeys(verbKey).some((k) => keys.has(k)));
  // "Which constituency is X the MP for?": a sentence that never says "constituency" near it
  // names none; the asked kind of thing must be written where the answer is.
  const kind = a.type === 'any' ? WHICH_NOUN.exec(a.question)?.[1] : undefined;
  const kindKey = kind && !new RegExp(`^${AUX_WORDS}$`, 'i').test(kind) ? wordKey(kind) : undefined;
  const saysKind = (h: SentenceHit) =>
    !kindKey || keysAround(kb, h, 1).some((keys) => equivalentKeys(kindKey).some((k) => keys.has(k)));
  const matching = hits.filter((h) => support(h) >= MIN_SENTENCE_SUPPORT && saysVerb(h) && saysKind(h));
  // "Veritas?": a question or a fragment of three words tells nothing; a sentence that says
  // something of the same words goes first (their order otherwise kept).
  const tells = (h: SentenceHit) => !/\?\W*$/.test(h.text) && h.text.split(/\s+/).length > 3;
  const kept = [...matching.filter(tells), ...matching.filter((h) => !tells(h))];
  const [top, ...rest] = a.type === 'event' ? happenedTo(inTellingOrder(kept, support), a, support) : kept;
  if (!top) return undefined;
  const evidence: Evidence = { text: top.text, articleId: top.passage.articleId, hit: top, offset: 0 };
  const more = rest.slice(0, 2).map((h) => ({ text: h.text, articleId: h.passage.articleId }));
  return composeAnswer(kb, {
    headline: windowAround(top.text, a.anchorKeys, HEADLINE_CHARS),
    evidence,
    more,
  });
}

const STRATEGIES: Record<QuestionAnalysis['type'], Strategy> = {
  person: doer,
  role: roleHolder,
  time,
  place,
  number: amount,
  reason,
  yesno: (kb, a, hits) => answerYesNo(kb, a, hits),
  definition,
  name: properName,
  quote: bestSentence,
  event: bestSentence,
  describe: bestSentence,
  any: bestSentence,
};

const SAYS_UNKNOWN =
  /\b(?:is|was|are|were|remains?|remained)\s+(?:not|never|still\s+not)\s+(?:known|revealed|recorded|clear|certain|disclosed|given|reported)\b|\bno\s+one\s+(?:knows|knew)\b|\bnobody\s+(?:knows|knew)\b|\b(?:is|was|remains?)\s+(?:unknown|a\s+mystery)\b|\b(?:has|have|is|are|was|were)\s+yet\s+to\s+be\s+(?:revealed|announced|named|decided|confirmed|disclosed|chosen|cast)\b/i;

/** A sentence about the question that says its answer is not known ("who bought it is not recorded"). */
function saysUnknown(hit: SentenceHit, a: QuestionAnalysis): boolean {
  if (Math.max(hit.coverage, hit.contextCoverage) < MIN_CONFIDENCE) return false;
  // The clause that says so must be about what is asked: "Who won is not revealed, but ... 1,212
  // words" leaves the count known.
  return hit.text.split(/[,;:]|\s(?:but|and|while|although)\s/).some((clause) => {
    if (!SAYS_UNKNOWN.test(clause)) return false;
    const keys = keysOfText(clause);
    return a.predicateKeys.length === 0 || a.predicateKeys.some((k) => keys.has(k));
  });
}

/**
 * The closest sentences worth offering: from articles that name every person asked about, and
 * those that name (or stand next to) every name asked about first; the others only if none does.
 */
function closestTo(kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]): SentenceHit[] {
  const people = personAnchors(kb, a);
  const about = hits.filter((h) => people.every((p) => articleNames(kb, h.passage.articleId, p)));
  const names = nameAnchors(kb, a);
  const naming = about.filter((h) => {
    const near = keysAround(kb, h, 1);
    return names.every((n) => near.some((keys) => keys.has(n)));
  });
  return naming.length ? naming : about;
}

/** Answers a question from the archive's text, or says that the archive doesn't say. */
export function answerQuestion(
  kb: KnowledgeBase,
  a: QuestionAnalysis,
  trace?: (line: string) => void,
): Reply {
  // "Who wrote the piece asking ...?": the author of an article, from what the archive knows of it.
  const byAuthor = a.type === 'person' ? authorAnswer(kb, a.question) : undefined;
  if (byAuthor) return byAuthor;
  // Reading the focus article whole pays for typed answers ("he" for the name); a free question
  // is answered by its best-matching sentence, which the searched paragraphs hold.
  const free = a.type === 'any' || a.type === 'event' || a.type === 'describe';
  const { hits } = findSentences(kb, a.terms, { limit: 24, focusArticles: free ? 0 : 1 });
  tracer = trace;
  trace?.(`${a.type}: terms ${a.terms.join(' ')}; predicate ${a.predicateKeys.join(' ')}`);
  for (const h of trace ? hits.slice(0, 5) : [])
    trace?.(
      `hit ${h.score.toFixed(2)} cov ${h.coverage.toFixed(2)}/${h.contextCoverage.toFixed(2)} ${h.text.slice(0, 100)}`,
    );
  // "Who won is not revealed": the text itself says the answer is not known.
  if (a.type !== 'yesno' && hits.slice(0, 5).some((h) => saysUnknown(h, a)))
    return abstain(kb, a.question, hits);
  let answer: Reply | undefined;
  try {
    answer = STRATEGIES[a.type](kb, a, hits);
  } finally {
    tracer = undefined;
  }
  if (answer) return answer;
  // "/where Mill Road" names a thing rather than asking a question: what the text says of it.
  if (a.fromHint) return bestSentence(kb, a, hits) ?? abstain(kb, a.question, closestTo(kb, a, hits));
  return abstain(kb, a.question, closestTo(kb, a, hits));
}
