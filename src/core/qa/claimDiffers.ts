/**
 * Claims the text gives otherwise, each a No whatever the best sentence's wording: a prize that
 * went to another, another count, share or amount of the thing claimed, a charge of another
 * thing, the one asked about beaten to it.
 */
import { splitSentences } from '../../knowledge/splitSentences.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { wordKey, wordsOf } from '../../text/wordForms.ts';
import { amountValue, isShare } from './amounts.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { dateMentions, looksLikeYear, numberMentions } from './candidates.ts';
import { neighbour } from './evidence.ts';
import { keysOfText, type SentenceHit } from './findSentences.ts';
import { sameSense } from './opposites.ts';
import { lastName } from './questionNames.ts';

/**
 * Evidence for yes or no must hold this much of the claim (below FIRM_YES_NO in answerYesNo.ts, the
 * answer is hedged: "Yes, it seems: ...").
 */
export const MIN_YES_NO_COVERAGE = 0.35;

/** "Did Doom 3 win best online game at the ... awards?": the prize claimed, after its verb. */
const CLAIMS_PRIZE =
  /^(?:did|does|has|have|had)\s+(.+?)\s+(?:win|won|get|got|take|took|receive|received|scoop|claim|land)\s+(?:the\s+|a\s+)?(.+?)(?:\s+(?:at|in|during|for)\s+(?:the\s+)?[\p{Lu}\d].*)?$/iu;
/** "... went to Battlefield Vietnam", "... was won by Halo 2": whom a prize went to. */
const WENT_TO =
  /\b(?:went|goes|go|was\s+awarded|were\s+awarded|was\s+given|was\s+handed|was\s+won\s+by|were\s+won\s+by)\s+(?:to\s+)?(?:the\s+)?(\p{Lu}[\p{L}\d'’:.-]*(?:\s+(?:\p{Lu}|\d)[\p{L}\d'’.-]*)*)/u;

/** Nouns that name a prize as such ("the Academy Award", "the title"). */
const PRIZE_NOUN = /\b(?:awards?|prizes?|oscars?|medals?|trophy|trophies|honou?rs?|titles?|cups?|crowns?)\b/i;

/**
 * "Did Doom 3 win best online game?" against "The top honour for the best online game of the year
 * went to Battlefield Vietnam": a sentence that says the whole prize went to another, by name.
 */
export function prizeWentToAnother(
  kb: KnowledgeBase,
  question: string,
  hits: readonly SentenceHit[],
): { other: string; hit: SentenceHit; text: string } | undefined {
  const m = CLAIMS_PRIZE.exec(question.trim().replace(/[?.!\s]+$/, ''));
  const claimant = m?.[1];
  // "the best actor Oscar he was nominated for": the prize, without the clause that describes it.
  const prize = m?.[2]?.replace(/\s+(?:that|which|he|she|they|it|we|you|i)\s.*$/i, '');
  if (!claimant || !prize) return undefined;
  const prizeKeys = wordsOf(prize)
    .map((w) => wordKey(w.text))
    .filter((k) => k.length > 2);
  if (!prizeKeys.length) return undefined;
  const mine = lastName(claimant).toLowerCase();
  // Each found sentence, then the one after it, which may give the prize it spoke of to another.
  const read = hits.slice(0, 10).flatMap((hit) => {
    const next = neighbour(kb, hit, 1);
    return [
      { hit, text: hit.text, previous: () => neighbour(kb, hit, -1) ?? '' },
      ...(next ? [{ hit, text: next, previous: () => hit.text }] : []),
    ];
  });
  for (const { hit, text, previous } of read) {
    const went = WENT_TO.exec(text);
    if (!went?.[1]) continue;
    const before = keysOfText(text.slice(0, went.index));
    if (!prizeKeys.every((k) => before.has(k))) {
      // "... nominated for best actor at the 1955 Oscars. The year he was nominated, the Academy
      // Award was won by Marlon Brando": a prize's noun, the prize named in the sentence before.
      if (!PRIZE_NOUN.test(text.slice(0, went.index))) continue;
      // (Most of its words there: "his Oscar nomination ... a supporting actor", for "best actor Oscar".)
      const earlier = keysOfText(previous());
      const named = prizeKeys.filter((k) => before.has(k) || earlier.has(k)).length;
      if (named < Math.max(2, Math.ceil((prizeKeys.length * 2) / 3))) continue;
    }
    if (went[1].toLowerCase().includes(mine)) continue;
    return { other: went[1], hit, text };
  }
  return undefined;
}

const COUNT_WORD =
  '(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)';
/** "a four-year contract", "three goals": a count, its unit, and the noun it measures, if any. */
const COUNTED = new RegExp(`\\b(${COUNT_WORD})[- ]([a-z]+?)s?\\b(?:\\s+([a-z]+))?`, 'gi');

/** A sentence without what it quotes: paired quotations, and one left open at either end. */
function ownWords(sentence: string): string {
  const paired = sentence.replace(/[“"][^”"]*[”"]/g, ' ');
  const mark = /[“”"]/.exec(paired);
  if (!mark) return paired;
  // An opening mark with words after it quotes to the end; else the quotation ran up to it.
  const opens =
    mark[0] === '“' || (mark[0] === '"' && /^\s*\S/.test(paired.slice(mark.index + 1)) && mark.index === 0);
  return opens ? paired.slice(0, mark.index) : paired.slice(mark.index + 1);
}

/**
 * "Was Hoddle handed a four-year contract?" against "he has been given a six-month contract": the
 * text gives the thing claimed with another count; the sentence that does, if any.
 */
export function countDiffers(
  kb: KnowledgeBase,
  question: string,
  hits: readonly SentenceHit[],
): { text: string; hit: SentenceHit } | undefined {
  const top = hits[0];
  if (!top) return undefined;
  // The claim's own words may be quoted elsewhere ("most managers want a four-year contract"):
  // the article of the best sentence is read, in what the text itself says (not what someone is
  // quoted saying), for the count it gives; a sentence that says the claimed count confirms it.
  let sentences: { text: string; own: string }[] | undefined;
  for (const claim of question.matchAll(COUNTED)) {
    const [, count, unit] = claim;
    const noun = claim[3];
    // "Was she banned for three years?" against "handed a two-year ban": the verb is the thing counted.
    const verb = /\b([a-z]{3,})\s+for\s+$/i.exec(question.slice(0, claim.index))?.[1];
    if (count && unit && verb && (!noun || noun.length < 4 || COUNT_STOP.test(noun))) {
      sentences ??= ownSentences(kb, top);
      const found = countOfVerb(sentences, wordKey(verb), unit);
      if (found && !found.counts.includes(count.toLowerCase())) return { text: found.text, hit: top };
      continue;
    }
    if (count && unit && (!noun || COUNT_STOP.test(noun))) {
      // "Is he facing a maximum of 25 years in jail?" against "a jail sentence of up to 85
      // years": the best sentence counts the same unit otherwise, and the article never says 25.
      sentences ??= ownSentences(kb, top);
      const same = new RegExp(`\\b${escapeRegExp(count)}[- ]${escapeRegExp(unit)}s?\\b`, 'i');
      if (sentences.some((t) => same.test(t.own))) continue;
      const given = new RegExp(`\\b(${COUNT_WORD})[- ]${escapeRegExp(unit)}s?\\b`, 'gi');
      const counts = [...top.text.matchAll(given)].map((m) => (m[1] ?? '').toLowerCase());
      if (counts.length && !counts.includes(count.toLowerCase())) return { text: top.text, hit: top };
      continue;
    }
    if (!count || !unit || !noun || noun.length < 4) continue;
    sentences ??= ownSentences(kb, top);
    const other = new RegExp(`\\b(${COUNT_WORD})[- ][a-z]+?s?\\s+${escapeRegExp(noun)}`, 'i');
    const claimed = new RegExp(
      `\\b${escapeRegExp(count)}[- ]${escapeRegExp(unit)}s?\\s+${escapeRegExp(noun)}`,
      'i',
    );
    if (sentences.some((t) => claimed.test(t.own))) continue;
    for (const { text, own } of sentences) {
      const m = other.exec(own);
      if (m?.[1] && m[1].toLowerCase() !== count.toLowerCase()) return { text, hit: top };
    }
  }
  return undefined;
}

/** Words after a count that are not what it counts ("for three years in a row"). */
const COUNT_STOP = /^(?:in|on|at|for|and|or|but|after|before|ago|since|by|to|from|with|of)$/i;

/** The article's sentences of the best hit, with what each says in its own words (quotations out). */
function ownSentences(kb: KnowledgeBase, top: SentenceHit): { text: string; own: string }[] {
  return splitSentences(kb.articles.get(top.passage.articleId)?.body ?? '').map((text) => ({
    text,
    own: ownWords(text),
  }));
}

/**
 * The counts the text gives a verb's deed in a unit ("a two-year ban", "banned for two years"),
 * with the first sentence that gives one; undefined where it gives none.
 */
function countOfVerb(
  sentences: readonly { text: string; own: string }[],
  verbKey: string,
  unit: string,
): { text: string; counts: string[] } | undefined {
  const unitRe = escapeRegExp(unit);
  const before = new RegExp(`\\b(${COUNT_WORD})[- ]${unitRe}s?\\s+([a-z]+)`, 'gi');
  const after = new RegExp(
    `\\b([a-z]+)\\s+for\\s+(?:a\\s+period\\s+of\\s+)?(${COUNT_WORD})[- ]${unitRe}s?\\b`,
    'gi',
  );
  const counts: string[] = [];
  let first: string | undefined;
  for (const { text, own } of sentences) {
    for (const m of own.matchAll(before))
      if (m[1] && m[2] && wordKey(m[2]) === verbKey) {
        counts.push(m[1].toLowerCase());
        first ??= text;
      }
    for (const m of own.matchAll(after))
      if (m[1] && m[2] && wordKey(m[1]) === verbKey) {
        counts.push(m[2].toLowerCase());
        first ??= text;
      }
  }
  return first ? { text: first, counts } : undefined;
}

const SHARE_WORDS: Record<string, number> = {
  half: 50,
  'a third': 100 / 3,
  'one third': 100 / 3,
  'a quarter': 25,
  'one quarter': 25,
  'two thirds': 200 / 3,
  'two-thirds': 200 / 3,
  'three quarters': 75,
  'three-quarters': 75,
  'a fifth': 20,
  'a tenth': 10,
  all: 100,
  'the whole of': 100,
  'all of': 100,
  'the entire': 100,
};
// ("a third term", "a quarter century", "the second half of the year": an ordinal or a part of a
// time, no share; "a third of", "a third stake", "half the company" are.)
const SHARE =
  /\b((?<!\b(?:first|second|last|latter|former|other|back|front)\s)half(?!\s+(?:of\s+)?(?:the\s+)?(?:year|century|decade|season|term|time|hour|day|week|month)\b)|(?:a|one)\s(?:third|quarter|fifth|tenth)(?!\s+(?!(?:of|stake|share|holding|interest)\b)[a-z])|two(?:\s|-)thirds|three(?:\s|-)quarters|\d+(?:\.\d+)?\s*(?:%|per\s?cent|pct))(?![\w%])/gi;

/** The verb before a share, past words of degree ("gone up about 10 pct", "jumped over 30 pct"). */
function verbBefore(text: string): string | undefined {
  const words = [...text.matchAll(/[a-z]+/gi)].map((m) => m[0]);
  while (
    words.length &&
    /^(?:about|around|some|nearly|almost|roughly|over|under|only|just|by|more|less|than|up|down|a|an|the)$/i.test(
      words.at(-1) ?? '',
    )
  )
    words.pop();
  const word = words.at(-1);
  return word && word.length >= 3 ? word : undefined;
}

/** A share as a percentage: "half" 50, "30%" 30. */
function percentOf(share: string): number | undefined {
  const known =
    SHARE_WORDS[share.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ')] ??
    SHARE_WORDS[share.toLowerCase()];
  if (known !== undefined) return known;
  const n = Number.parseFloat(share);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * "Does Shell own half of the project?" against "the group will own 30% of the project": the
 * share the best sentence's article gives the claimed verb, the same as claimed or another.
 */
export function shareDiffers(
  kb: KnowledgeBase,
  question: string,
  hits: readonly SentenceHit[],
): { text: string; hit: SentenceHit; same: boolean } | undefined {
  const top = hits[0];
  if (!top) return undefined;
  const claims = [
    ...question.matchAll(SHARE),
    // "Did Dixons end up with a majority stake?" against "a 21.7 pct stake": more than half, or less.
    ...question.matchAll(/\b(majority|minority)(?=\s+(?:stake|share|holding|interest)\b)/gi),
    // "Did Foster's buy the whole of Southcorp?" against "bought an 18.8% stake in Southcorp".
    ...question.matchAll(/\b(the\s+whole\s+of|all\s+of|the\s+entire)(?=\s+\p{Lu})/giu),
  ];
  for (const claim of claims) {
    const word = (claim[1] ?? '').toLowerCase();
    const claimed = word === 'majority' || word === 'minority' ? undefined : percentOf(claim[1] ?? '');
    const fits = (given: number) =>
      word === 'majority'
        ? given > 50
        : word === 'minority'
          ? given < 50
          : Math.abs(given - (claimed ?? 0)) <= 1;
    const verb = verbBefore(question.slice(0, claim.index));
    // Or the noun the share is of: "a majority stake", "a 21.7 pct stake".
    const noun = /^\s+([a-z]{3,})/i.exec(question.slice((claim.index ?? 0) + claim[0].length))?.[1];
    if ((claimed === undefined && word !== 'majority' && word !== 'minority') || (!verb && !noun)) continue;
    const verbKey = verb ? wordKey(verb) : undefined;
    const nounKey = noun ? wordKey(noun) : undefined;
    for (const { text, own } of ownSentences(kb, top)) {
      for (const m of own.matchAll(SHARE)) {
        const before = verbBefore(own.slice(0, m.index));
        const after = /^\s+([a-z]{3,})/i.exec(own.slice((m.index ?? 0) + m[0].length))?.[1];
        const sameVerb = before !== undefined && verbKey !== undefined && sameSense(wordKey(before), verbKey);
        const sameNoun = after !== undefined && nounKey !== undefined && wordKey(after) === nounKey;
        if (!sameVerb && !sameNoun) continue;
        const given = percentOf(m[1] ?? '');
        if (given !== undefined) return { text, hit: top, same: fits(given) };
      }
    }
  }
  return undefined;
}

/** Within this share, two amounts are one ("about 69 billion" for 69.2 billion). */
const SAME_AMOUNT = 0.03;

/**
 * "Did the governor put the reserves at around 80 billion dollars?" against "the reserves totalled
 * about 69 billion U.S. Dlrs": no sentence of the article gives the claimed amount with what it is
 * of, while one of the best gives another of its size; the sentence that does, if any.
 */
export function amountDiffers(
  kb: KnowledgeBase,
  a: QuestionAnalysis,
  hits: readonly SentenceHit[],
): { text: string; hit: SentenceHit } | undefined {
  const top = hits[0];
  if (!top) return undefined;
  const claims = numberMentions(a.question)
    .filter((c) => /\d/.test(c.text) && !looksLikeYear(c.text) && !isShare(c.text))
    .map((c) => amountValue(c.text))
    .filter((v): v is number => v !== undefined && v >= 1000);
  if (!claims.length) return undefined;
  const claimKeys = a.predicateKeys.filter((k) => !/\d/.test(k) && !SCALE_OR_CURRENCY.test(k));
  const about = (text: string) => {
    const keys = keysOfText(text);
    return claimKeys.filter((k) => equivalentKeys(k).some((e) => keys.has(e))).length * 2 >= claimKeys.length;
  };
  const amounts = (text: string) =>
    numberMentions(text)
      .filter((c) => !looksLikeYear(c.text))
      .map((c) => amountValue(c.text))
      .filter((v): v is number => v !== undefined);
  for (const claimed of claims) {
    const same = (v: number) => Math.abs(v - claimed) <= SAME_AMOUNT * claimed;
    if (ownSentences(kb, top).some(({ text }) => amounts(text).some(same) && about(text))) continue;
    for (const hit of hits.slice(0, 5)) {
      if (hit.passage.articleId !== top.passage.articleId || hit.coverage < MIN_YES_NO_COVERAGE) continue;
      if (!about(hit.text)) continue;
      if (amounts(hit.text).some((v) => v > claimed / 5 && v < claimed * 5 && !same(v)))
        return { text: hit.text, hit };
    }
  }
  return undefined;
}

/** Words of scale and currency: said of every amount, they tell nothing of what it is of. */
const SCALE_OR_CURRENCY =
  /^(?:hundr|thousand|million|mln|billion|bln|trillion|dollar|dlr|pound|stg|franc|mark|yen|euro|cent|around|about|nearli|some|roughli|approxim)/;

/**
 * "Was Depardieu France's best-paid actor?" against "Jugnot has beaten Gerard Depardieu to become
 * France's best-paid actor": the one asked about was beaten to it.
 */
export function beatenTo(sentence: string, names: readonly string[]): boolean {
  // (Each word of a name: "Depardieu France's" is read as one name.)
  return names
    .flatMap((name) => name.split(/\s+/))
    .some((name) =>
      new RegExp(
        `\\b(?:beat|beats|beaten|defeated|pipped|edged\\s+out|overtook|overtaken|ousted)\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,3}?${escapeRegExp(name)}\\b[^.;]{0,20}?\\s+to\\s+(?:become|be|win|take|claim|top|lead)\\b`,
        'u',
      ).test(sentence),
    );
}

/** A charge and what it is of: "charged with trespassing", "accused of fraud". */
const CHARGE =
  /\b(charged|accused|convicted|arrested|fined|jailed|sentenced|cleared|acquitted|indicted|sued|suspected)\s+(?:with|of|for|over)\s+(?:the\s+|a\s+|an\s+)?([a-z-]+)/gi;

/**
 * "Was Otis Ferry charged with trespassing?" against "have been charged with disorderly conduct":
 * the sentence gives the claimed charge another object, and never names the claimed one.
 */
export function chargeDiffers(question: string, sentence: string): boolean {
  const keys = keysOfText(sentence);
  for (const claim of question.matchAll(CHARGE)) {
    const verb = wordKey(claim[1] ?? '');
    const object = wordKey(claim[2] ?? '');
    if (keys.has(object)) continue;
    for (const given of sentence.matchAll(CHARGE))
      if (wordKey(given[1] ?? '') === verb && wordKey(given[2] ?? '') !== object) return true;
  }
  return false;
}

/**
 * "Was his wife still alive when he died?", "Did his wife outlive him?": a claim that one survived
 * another, and the word that names the survivor ("wife").
 */
const SURVIVAL_CLAIMED =
  /\b([\p{L}'’-]+)\s+(?:still\s+alive\s+when|alive\s+when|outli(?:ve|ved|ves)|surviv(?:e|ed|es)\s+(?:him|her))\b/iu;
/** "just 11 days after his wife Audrey died", "after the death of his wife": one who died first. */
const DIED_BEFORE =
  /\bafter\s+(?:the\s+death\s+of\s+|(?:his|her|their)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:died|death)\b)/iu;

/** Whether the question claims one survived another and the sentence tells who died first. */
export function tellsWhoDiedFirst(question: string, sentence: string): boolean {
  return SURVIVAL_CLAIMED.test(question) && DIED_BEFORE.test(sentence);
}

/**
 * "Was Lord Callaghan's wife still alive when he died?" against "He passed away just 11 days after
 * his wife Audrey died": the one claimed to survive died first.
 */
export function survivalDenied(question: string, sentence: string): boolean {
  const survivor = SURVIVAL_CLAIMED.exec(question)?.[1]
    ?.replace(/['’]s$/, '')
    .toLowerCase();
  const first = DIED_BEFORE.exec(sentence)?.[0].toLowerCase();
  // (The one who died first must be the one claimed to survive: "after his wife died", asked of the wife.)
  return survivor !== undefined && (first?.split(/\s+/).includes(survivor) ?? false);
}

/** "Did it shake up the market?", "Has the ban hurt sales?": a claim that something had an effect. */
const EFFECT_CLAIMED =
  /\b(?:shak(?:e|es|en|ing)|shook|affect(?:s|ed|ing)?|hit|hits|hurt(?:s|ing)?|boost(?:s|ed|ing)?|disrupt(?:s|ed|ing)?|impact(?:s|ed|ing)?|influenc(?:e|es|ed|ing)|rattl(?:e|es|ed|ing)|upset(?:s|ting)?|dent(?:s|ed|ing)?|chang(?:e|es|ed|ing)|transform(?:s|ed|ing)?)\b/i;
/** "appears to be having little effect", "had no impact on prices": what had next to none. */
const LITTLE_EFFECT =
  /\b(?:little|no|negligible|minimal|hardly\s+any|not\s+much|scant)\s+(?:real\s+|noticeable\s+|discernible\s+|lasting\s+)?(?:effect|impact|influence|change|difference)\b/i;

/**
 * "Did scrapping the price limits shake up the metals market?" against "appears to be having
 * little effect on the market": the claim is of an effect, and the evidence says there was next to none.
 */
export function effectDenied(question: string, sentence: string): boolean {
  return EFFECT_CLAIMED.test(question) && !LITTLE_EFFECT.test(question) && LITTLE_EFFECT.test(sentence);
}

/** "Do students have to attend?", "Is attendance compulsory?": the claim that something is required. */
const OBLIGED =
  /\b(?:ha(?:ve|s|d)\s+to|must|(?:required|obliged|compelled|forced)\s+to|compulsory|mandatory|obligatory)\b/i;
/** "attendance is voluntary", "is optional", "is not compulsory", "need not": what is not required. */
const NOT_OBLIGED =
  /\b(?:voluntary|voluntarily|optional|(?:not|never|no\s+longer)\s+(?:required|compulsory|mandatory|obligatory|obliged)|need\s+not|needn['’]t|free\s+to\s+choose)\b/i;

/**
 * "Do Carleton students have to attend chapel?" against "services at which attendance is
 * voluntary": the claim is that it is required, and the evidence says it is not.
 */
export function obligationDenied(question: string, sentence: string): boolean {
  return OBLIGED.test(question) && !NOT_OBLIGED.test(question) && NOT_OBLIGED.test(sentence);
}

/**
 * "Was he to get a permanent tattoo?" against "a non-permanent logo"; "Was the loan repaid?"
 * against "the loan remains unrepaid": the sentence writes the claimed word with a prefix that
 * negates it, where the question does not.
 */
export function negatedByPrefix(question: string, sentence: string): boolean {
  for (const word of question.match(/\b\p{Ll}{4,}\b/gu) ?? []) {
    const escaped = escapeRegExp(word);
    const negated = /(?:ed|id|en|wn)$/.test(word)
      ? new RegExp(`\\b(?:non-?|un)${escaped}\\b`, 'i')
      : new RegExp(`\\bnon-?${escaped}\\b`, 'i');
    if (negated.test(sentence) && !negated.test(question)) return true;
  }
  return false;
}

/** Superlatives that rank by size or standing, one rank each: "biggest" and "largest" say the same. */
const SIZE_SUPERLATIVE = 'biggest|largest|greatest|leading|top';
const SUPERLATIVE = `${SIZE_SUPERLATIVE}|highest|lowest|smallest|oldest|youngest|richest|poorest|best|worst|fastest|busiest|most\\s+[a-z]+`;

const ORDINAL_RANK: Record<string, number> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

const RANKED = new RegExp(
  `\\b(?:(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th))[- ]+)?(${SUPERLATIVE})\\s+((?:[a-z-]+\\s+){0,2}[a-z-]+)`,
  'gi',
);

/** "the first British woman to ...", "only the second Briton to ...": an order of doing, no superlative. */
const ORDERED =
  /\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\s+(?:to|ever\s+to)\s/gi;

interface Rank {
  rank: number;
  superlative: string;
  nounKeys: string[];
}

function ranksOf(text: string): Rank[] {
  const ordered = [...text.matchAll(ORDERED)].map((m) => {
    const ordinal = (m[1] ?? '').toLowerCase();
    return {
      rank: ordinal === 'first' ? 1 : (ORDINAL_RANK[ordinal] ?? Number.parseInt(ordinal, 10)),
      superlative: 'order',
      nounKeys: (m[2] ?? '').split(/\s+/).map(wordKey),
    };
  });
  return ordered.concat(
    [...text.matchAll(RANKED)].map((m) => {
      const ordinal = (m[1] ?? '').toLowerCase();
      const superlative = (m[2] ?? '').toLowerCase();
      return {
        rank: ordinal ? (ORDINAL_RANK[ordinal] ?? Number.parseInt(ordinal, 10)) : 1,
        superlative: new RegExp(`^(?:${SIZE_SUPERLATIVE})$`).test(superlative) ? 'size' : superlative,
        nounKeys: (m[3] ?? '').split(/\s+/).map(wordKey),
      };
    }),
  );
}

/**
 * "Is Malaysia the world's biggest cocoa producer?" against "Malaysia is the world's fourth
 * largest cocoa producer": the sentence ranks the same thing another place.
 */
export function rankDiffers(question: string, sentence: string): boolean {
  const given = ranksOf(sentence);
  if (!given.length) return false;
  return ranksOf(question).some((claim) =>
    given.some(
      (g) =>
        g.superlative === claim.superlative &&
        g.rank !== claim.rank &&
        g.nounKeys.some((k) => claim.nounKeys.includes(k)),
    ),
  );
}

const MONTH_OF = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/;

/** A date's day and month ("15 July", "July 15th" -> "15 jul"), if it gives both. */
function dayAndMonth(text: string): string | undefined {
  const month = MONTH_OF.exec(text)?.[1];
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text.replace(/\b\d{4}\b/g, ''))?.[1];
  return month && day ? `${Number(day)} ${month.toLowerCase()}` : undefined;
}

/**
 * "Was the Glasgow gig moved to 15 July?" against "Tuesday's gig has been rescheduled for 15
 * June": the article never gives the claimed day, and a sentence of it that speaks of the same
 * thing gives another.
 */
export function dateDiffers(kb: KnowledgeBase, a: QuestionAnalysis, top: SentenceHit): string | undefined {
  const claimed = dateMentions(a.question)
    .map((d) => dayAndMonth(d.text))
    .filter((d): d is string => d !== undefined);
  if (!claimed.length) return undefined;
  const sentences = ownSentences(kb, top);
  const given = sentences.map((t) => ({
    text: t.text,
    days: dateMentions(t.own)
      .map((d) => dayAndMonth(d.text))
      .filter((d): d is string => d !== undefined),
  }));
  if (given.some((g) => g.days.some((d) => claimed.includes(d)))) return undefined;
  const about = a.predicateKeys.filter((k) => !/^\d/.test(k) && !MONTH_OF.test(k));
  for (const g of given) {
    if (!g.days.length) continue;
    const keys = keysOfText(g.text);
    if (about.some((k) => equivalentKeys(k).some((e) => keys.has(e)))) return g.text;
  }
  return undefined;
}

/** "from Manchester", "based in Leeds" closing a yes/no question: where the thing is from. */
const CLAIMED_ORIGIN =
  /\b(?:from|based\s+in)\s+(?:the\s+)?(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)?)\s*[?.!]*\s*$/u;
const ORIGIN_GIVEN =
  /\b(\p{Lu}[\p{L}'’-]+)(?:\s+|-based\s+)(?:(?:[\p{Ll}-]+|\d+-piece)\s+)?(?:band|group|club|firm|company|team|side|outfit|act|singer|rapper|duo|trio|quartet)\b|\b(?:from|based\s+in)\s+(\p{Lu}[\p{L}'’-]+)/gu;

/**
 * "Is the band Kasabian from Manchester?" against "The four-piece Leicester band ...": the article
 * never names the claimed place, and gives the thing another place it is from.
 */
export function originDiffers(
  kb: KnowledgeBase,
  question: string,
  top: SentenceHit,
  isPlace: (name: string) => boolean,
): string | undefined {
  const claimed = CLAIMED_ORIGIN.exec(question)?.[1];
  if (!claimed || !isPlace(claimed)) return undefined;
  const sentences = ownSentences(kb, top);
  if (sentences.some((t) => t.text.includes(claimed))) return undefined;
  for (const { text, own } of sentences) {
    for (const m of own.matchAll(ORIGIN_GIVEN)) {
      const place = m[1] ?? m[2];
      if (place && place !== claimed && isPlace(place)) return text;
    }
  }
  return undefined;
}

/**
 * "Was she the first British woman to win it?" against "She is only the second British woman to
 * land the title", anywhere in the best sentence's article: another place in the order of doing.
 */
export function orderDiffers(kb: KnowledgeBase, question: string, top: SentenceHit): string | undefined {
  const claims = ranksOf(question).filter((r) => r.superlative === 'order');
  if (!claims.length) return undefined;
  for (const { text, own } of ownSentences(kb, top)) {
    const given = ranksOf(own).filter((r) => r.superlative === 'order');
    const differs = claims.some((claim) =>
      given.some((g) => g.rank !== claim.rank && g.nounKeys.some((k) => claim.nounKeys.includes(k))),
    );
    if (differs) return text;
  }
  return undefined;
}

/** Words that end what a verb takes: a preposition, a conjunction, a word of time. */
const FILLER_END =
  /^(?:in|at|on|to|from|with|by|for|of|during|after|before|over|against|than|as|and|or|but|when|while|because|since|this|that|last|next|earlier|later|yesterday|today)$/i;
const SLOT_PREPOSITION = /^(?:of|from|with|in|at|for|to|by|against)$/i;
const ARTICLE = /^(?:a|an|the|his|her|its|their)$/i;

interface Filler {
  prep?: string;
  words: string[];
}

/** What a verb takes, from word `i` on: a preposition, if any, then up to three words. */
function fillerAt(words: readonly { text: string }[], i: number): Filler {
  let j = i;
  const prep = SLOT_PREPOSITION.test(words[j]?.text ?? '') ? words[j++]?.text.toLowerCase() : undefined;
  while (ARTICLE.test(words[j]?.text ?? '')) j++;
  const out: string[] = [];
  for (; j < words.length && out.length < 3; j++) {
    const text = words[j]?.text ?? '';
    if (FILLER_END.test(text) || /^\d/.test(text)) break;
    out.push(text);
  }
  return { ...(prep ? { prep } : {}), words: out };
}

const capitalised = (w: string) => /^\p{Lu}/u.test(w);

/**
 * "Did England beat Samoa in the final?" against "England beat Fiji 26-21 in a dramatic final";
 * "Did she die of a heart attack?" against "has died of lung cancer": the evidence gives the asked
 * verb another name, or after the same preposition another thing, and never says the asked one.
 * A common noun the verb takes straight ("win the award") may be said otherwise, so it is not read.
 */
export function fillerDiffers(question: string, sentence: string): boolean {
  const asked = wordsOf(question.replace(/[?.!]+\s*$/, ''));
  const said = wordsOf(sentence);
  const saidKeys = keysOfText(sentence);
  const saidLower = new Set(said.map((w) => w.text.toLowerCase()));
  for (let i = 1; i < asked.length - 1; i++) {
    const verb = asked[i]?.text ?? '';
    if (!/^\p{Ll}{3,}$/u.test(verb) || FILLER_END.test(verb) || ARTICLE.test(verb)) continue;
    const verbs = equivalentKeys(wordKey(verb));
    const claim = fillerAt(asked, i + 1);
    if (!claim.words.length) continue;
    const named = claim.words.every(capitalised);
    // A thing after a preposition, or a name: what the verb's slot holds.
    if (!named && !claim.prep) continue;
    const claimSaid = named
      ? claim.words.some((w) => saidLower.has(w.toLowerCase()))
      : claim.words.some((w) => equivalentKeys(wordKey(w)).some((k) => saidKeys.has(k)));
    if (claimSaid) continue;
    for (let j = 0; j < said.length - 1; j++) {
      const word = said[j]?.text ?? '';
      if (!/^\p{Ll}/u.test(word) || !verbs.includes(wordKey(word))) continue;
      const other = fillerAt(said, j + 1);
      if (other.prep !== claim.prep || !other.words.length) continue;
      if (named ? capitalised(other.words[0] ?? '') : !other.words.some(capitalised)) return true;
    }
  }
  return false;
}
