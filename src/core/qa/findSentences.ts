/**
 * Sentence-level retrieval: passage search (BM25) finds the paragraphs, with each question word's
 * family ("founded" also finds "founder"); then every sentence of them is scored by how much of
 * the question it holds, each word weighted by its rarity (IDF) so that "Guideposts" counts for
 * more than "year". A sentence keeps its neighbours, since an answer often stands one sentence
 * before or after the words that match ("He was Julius Kahn.").
 */
import { isRoleWord } from '../../knowledge/extract/rolePhrases.ts';
import { splitSentences } from '../../knowledge/splitSentences.ts';
import type { Passage } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { hasPhrasalVerb, withPhrasalVerbsAsWords } from '../../text/phrasalVerbs.ts';
import { longerKeysOf, sameFamily, wordKey, wordTexts } from '../../text/wordForms.ts';
import { nameInitials } from '../../text/words.ts';
import { passagesMentioning } from '../answers/mentions.ts';

export interface SentenceHit {
  passage: Passage;
  /** Every sentence of the passage, so neighbours can be read. */
  sentences: readonly string[];
  index: number;
  text: string;
  /** Rarity-weighted share of the question's words the sentence holds (0 to 1). */
  coverage: number;
  /**
   * The same share over the sentence and its two neighbours, with the words found only elsewhere
   * in its paragraph counting half (an article about the Capitol Rotunda need not name it in the
   * sentence that says who designed it).
   */
  contextCoverage: number;
  score: number;
}

export interface WeightedTerm {
  term: string;
  key: string;
  weight: number;
  /** Keys of words that say the same ("wreck" for "ruin"), the term's own key first. */
  keys: readonly string[];
}

/** Question words with their family keys and IDF weights (and any other key a word may be written as). */
export function weighTerms(
  kb: KnowledgeBase,
  terms: readonly string[],
  aliases: ReadonlyMap<string, string> = new Map(),
): WeightedTerm[] {
  const n = Math.max(1, kb.passageIndex.size);
  const out: WeightedTerm[] = [];
  for (const term of terms) {
    const key = wordKey(term);
    if (out.some((t) => t.key === key)) continue;
    let df = Math.max(
      kb.passageIndex.documentFrequency(term),
      ...kb.passageIndex.family(term, 3).map((t) => kb.passageIndex.documentFrequency(t)),
    );
    // "trump and putn": a word the archive never writes is read as the word it nearly spells.
    // (Not a form of its own word the index keeps apart: "build" for "built".)
    const typed = df === 0 ? misspeltFor(kb, term) : undefined;
    const meant = typed && wordKey(typed) !== key ? typed : undefined;
    if (meant) df = kb.passageIndex.documentFrequency(meant);
    const alias = aliases.get(key);
    const keys = [...equivalentKeys(key), ...(meant ? [wordKey(meant)] : []), ...(alias ? [alias] : [])];
    out.push({ term, key, weight: Math.log(1 + n / (df + 0.5)), keys });
  }
  return out;
}

/**
 * The archive's word a question's unknown word was likely typed for: one edit away (two for a
 * long word), as long or longer (a letter left out is the commonest slip: "rusia", "clintn"), with
 * the same first letter; the commonest such word.
 */
function misspeltFor(kb: KnowledgeBase, term: string): string | undefined {
  if (term.length < 4 || !/^[a-z]+$/.test(term)) return undefined;
  return kb.passageIndex
    .corrections(term, term.length >= 8 ? 2 : 1)
    .find((t) => t.length >= term.length && t[0] === term[0]);
}

const NAME_LINKS = /^(?:of|the|and|for|de|du|la|on|in|to|&)$/i;

/**
 * "the Chicago Mercantile Exchange", where the text goes on to write "CME": each word of a
 * question's name of two or more words may be written as its initials, where the archive writes them.
 */
export function acronymAliases(kb: KnowledgeBase, names: readonly string[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const name of names) {
    const words = name
      .replace(/['’]s$/, '')
      .split(/[\s-]+/)
      .filter((w) => w && !NAME_LINKS.test(w));
    if (words.length < 2 || words.length > 6 || !words.every((w) => /^\p{Lu}/u.test(w))) continue;
    const initials = nameInitials(words.join(' '));
    if (kb.passageIndex.documentFrequency(initials) === 0) continue;
    for (const w of words) aliases.set(wordKey(w), initials);
  }
  for (const name of names) {
    if (!ACRONYM.test(name)) continue;
    const expansion = expansionCached(kb, name);
    if (!expansion) continue;
    // Its rarest word stands for it: "PlayStation" for "PSP", "Deposit" for "FDIC".
    const df = (w: string) => kb.passageIndex.documentFrequency(w.toLowerCase());
    const rarest = expansion.filter((w) => !NAME_LINKS.test(w) && df(w) > 0).sort((a, b) => df(a) - df(b))[0];
    if (rarest) aliases.set(wordKey(name), wordKey(rarest));
  }
  return aliases;
}

/** What each archive's acronyms were found to stand for, by acronym (null: nothing). */
const EXPANSIONS = new WeakMap<KnowledgeBase, Map<string, string[] | null>>();

function expansionCached(kb: KnowledgeBase, acronym: string): string[] | undefined {
  let known = EXPANSIONS.get(kb);
  if (!known) {
    known = new Map();
    EXPANSIONS.set(kb, known);
  }
  if (!known.has(acronym)) {
    if (known.size >= 1_000) known.clear();
    known.set(acronym, expansionOf(kb, acronym) ?? null);
  }
  return known.get(acronym) ?? undefined;
}

/** A name written in capitals, as an acronym is: "PSP", "FDIC", "AT&T". */
const ACRONYM = /^[A-Z][A-Z&]{1,5}$/;

/** The first letters of a name's words but its links, lower-cased: "fdic" of "Federal Deposit Insurance Corp". */
function firstInitials(words: readonly string[]): string {
  return words
    .filter((w) => !NAME_LINKS.test(w))
    .map((w) => w.charAt(0))
    .join('')
    .toLowerCase();
}

/** The capitals of a name's words, those inside a word too: "psp" of "PlayStation Portable". */
function innerInitials(words: readonly string[]): string {
  return words
    .filter((w) => !NAME_LINKS.test(w))
    .map((w) => w.replace(/[^\p{Lu}]/gu, ''))
    .join('')
    .toLowerCase();
}

/**
 * "Sony's new PlayStation Portable (PSP) games console": the words an acronym stands for, where
 * the archive spells it out before it in brackets, or names it in a story that writes the letters.
 * Undefined where it never does.
 */
export function expansionOf(kb: KnowledgeBase, acronym: string): string[] | undefined {
  const spelled = new RegExp(
    `((?:\\p{Lu}[\\p{L}'’&.-]*\\s+(?:(?:of|the|and|for|de|&)\\s+)*){1,8})\\(${acronym}\\)`,
    'u',
  );
  const wanted = acronym.toLowerCase().replace(/&/g, '');
  const mentioning = passagesMentioning(kb, [acronym], 10);
  for (const passage of mentioning) {
    const m = spelled.exec(passage.text);
    if (!m?.[1]) continue;
    const words = m[1].trim().split(/\s+/);
    // The run may start earlier than the name ("Sony's PlayStation Portable"): the shortest tail that spells it.
    for (let from = words.length - 1; from >= 0; from--) {
      const tail = words.slice(from);
      if (firstInitials(tail) === wanted || innerInitials(tail) === wanted) return tail;
    }
  }
  // "CSA 'could close'", in a story that names the Child Support Agency: a name in the stories
  // that write the letters, whose initials they are, without brackets.
  // (Three letters or more: "US" would be any two capitals' initials.)
  if (wanted.length < 3) return undefined;
  const articles = new Set(mentioning.map((p) => p.articleId));
  const run = /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|the|and|for|de|&)\s+)?\p{Lu}[\p{L}'’-]*)+/gu;
  for (const id of articles) {
    for (const m of (kb.articles.get(id)?.body ?? '').matchAll(run)) {
      const words = m[0].split(/\s+/);
      if (firstInitials(words) === wanted) return words;
    }
  }
  return undefined;
}

/**
 * The word-family keys of a text, so that "is this word's family here?" costs a few set lookups
 * instead of a scan: two keys are one family when equal, or when one is the other plus at most
 * three letters and the shorter has at least five (see sameFamily). The longer forms of a key are
 * looked up among all keys made (longerKeysOf), so a text keeps only its own keys.
 */
export class KeySet {
  /** The keys, as given: the set is the KeySet's own from then on. */
  constructor(readonly keys: Set<string>) {}

  has(key: string): boolean {
    if (this.keys.has(key)) return true;
    if (key.length < 5) return false;
    for (const longer of longerKeysOf(key)) if (this.keys.has(longer)) return true;
    for (let n = Math.max(5, key.length - 3); n < key.length; n++)
      if (this.keys.has(key.slice(0, n))) return true;
    return false;
  }

  static union(...sets: (KeySet | undefined)[]): KeySet {
    const keys = new Set<string>();
    for (const s of sets) if (s) for (const k of s.keys) keys.add(k);
    return new KeySet(keys);
  }
}

/**
 * Sentences and passages whose keys are kept (each about 1.5 KB). A long-running bot at a million
 * words levelled off near 200 MB of heap with 20,000 of each, and near 165 MB with 5,000; answers
 * were no slower, since most questions read passages no earlier question read.
 */
const TEXT_KEYS_LIMIT = 5_000;
const textKeys = new Map<string, KeySet>();

/**
 * The family keys of a text's words, cached: answers read the same sentences again and again.
 * When full, the fifth read longest ago is dropped, not the whole cache (which made every
 * answer after it read its sentences afresh).
 */
export function keysOfText(text: string): KeySet {
  const known = textKeys.get(text);
  if (known) return known;
  const keys = keysOfWords(text);
  if (textKeys.size >= TEXT_KEYS_LIMIT) {
    let drop = TEXT_KEYS_LIMIT / 5;
    for (const old of textKeys.keys()) {
      if (drop-- <= 0) break;
      textKeys.delete(old);
    }
  }
  textKeys.set(text, keys);
  return keys;
}

/** A web address's name: "Shadowcrew.com", "Amazon.co.uk". */
const SITE_NAME = /^([\p{L}\d-]{3,})\.(?:com|org|net|co\.uk|co|uk|info|biz|tv|fm|de|fr|eu)$/iu;

/** The family keys of a text's words, read afresh (for texts kept elsewhere, as passages are). */
function keysOfWords(text: string): KeySet {
  const keys = new Set<string>();
  // "set up by Filo and Yang": the one-word verb a two-word one stands for is a word of the text too.
  const read = hasPhrasalVerb(text) ? `${text} ${withPhrasalVerbsAsWords(text)}` : text;
  const words = wordTexts(read);
  // "Born in 1942 in Tredegar, he ...": a text's first word has a capital whatever it is, so it is
  // also read as the word it is in small letters ("born" of "bear", which "Born" as a name is not).
  const first = words[0];
  if (first && first !== first.toLowerCase()) keys.add(wordKey(first.toLowerCase()));
  for (const w of words) {
    keys.add(wordKey(w));
    // "Washington-Moscow tensions": each part of a hyphenated word is a word of the text too.
    if (w.includes('-')) for (const part of w.split('-')) if (part) keys.add(wordKey(part));
    // "Shadowcrew.com": a site's address holds its name ("Shadowcrew").
    const site = w.includes('.') ? SITE_NAME.exec(w)?.[1] : undefined;
    if (site) keys.add(wordKey(site));
  }
  return new KeySet(keys);
}

/**
 * Whether the term's family is among the keys, or a word that says the same: those only as
 * listed ("birth" for "born" is not "birthday").
 */
function hasTerm(set: KeySet, t: WeightedTerm): boolean {
  if (set.has(t.key)) return true;
  for (const k of t.keys) if (set.keys.has(k)) return true;
  return false;
}

/**
 * Which of the terms (by their order) have their family among the keys: read once per sentence,
 * so that a sentence's context and its paragraph are weighed without asking its keys again.
 */
function termsFound(keys: KeySet, terms: readonly WeightedTerm[]): boolean[] {
  return terms.map((t) => hasTerm(keys, t));
}

/** Weighted share of the terms found in any of the lists (termsFound, or undefined for none). */
function shareFound(
  found: readonly (readonly boolean[] | undefined)[],
  terms: readonly WeightedTerm[],
): number {
  let total = 0;
  let weight = 0;
  terms.forEach((t, i) => {
    total += t.weight;
    if (found.some((f) => f?.[i])) weight += t.weight;
  });
  return total ? weight / total : 0;
}

/** Weighted share of the terms whose family occurs among the keys. */
export function coverageOf(keys: KeySet, terms: readonly WeightedTerm[]): number {
  return shareFound([termsFound(keys, terms)], terms);
}

/** coverageOf for a text read once: no key set is built (cheaper for one-off texts such as quotes). */
export function textCoverage(text: string, terms: readonly WeightedTerm[]): number {
  let total = 0;
  for (const t of terms) total += t.weight;
  if (!total) return 0;
  const found = new Set<WeightedTerm>();
  for (const w of wordTexts(text)) {
    const key = wordKey(w);
    for (const t of terms)
      if (!found.has(t) && (sameFamily(key, t.key) || t.keys.includes(key))) found.add(t);
    if (found.size === terms.length) break;
  }
  let weight = 0;
  for (const t of found) weight += t.weight;
  return weight / total;
}

export interface FindOptions {
  /** Paragraphs to read (default 15). */
  paragraphs?: number;
  /** Sentences to return (default 12). */
  limit?: number;
  /**
   * Also read every paragraph of the articles the best paragraphs come from (default 1 article):
   * an answer often stands where the question's words are replaced by "he" or "the company".
   */
  focusArticles?: number;
  /** Another key a question word may be written as (its name's initials: acronymAliases). */
  aliases?: ReadonlyMap<string, string>;
}

/**
 * A passage's sentences, split once, and the word-family keys of each, made when first asked
 * for: a passage read only to count its sentences (evidence.ts's locate) or for the keys of the
 * one sentence next to a found one should not pay for keying all of them.
 */
export class ReadPassage {
  private readonly keyed: (KeySet | undefined)[] = [];

  constructor(readonly sentences: string[]) {}

  /** The keys of sentence `i` (undefined outside the passage). */
  keysOf(i: number): KeySet | undefined {
    const sentence = this.sentences[i];
    if (sentence === undefined) return undefined;
    let keys = this.keyed[i];
    if (!keys) {
      keys = keysOfWords(sentence);
      this.keyed[i] = keys;
    }
    return keys;
  }

  /** The keys of every sentence, in order. */
  allKeys(): KeySet[] {
    return this.sentences.map((_, i) => this.keysOf(i) as KeySet);
  }
}

const READ_CACHE_LIMIT = 5_000;
const readCache = new Map<Passage, ReadPassage>();

/** A passage's sentences (split once) and their keys (made once each, when asked for); cached. */
export function readPassage(passage: Passage): ReadPassage {
  const known = readCache.get(passage);
  if (known) return known;
  const entry = new ReadPassage(splitSentences(passage.text));
  if (readCache.size >= READ_CACHE_LIMIT) readCache.clear();
  readCache.set(passage, entry);
  return entry;
}

/** Passages of one article, in order (the knowledge base numbers an article's passages in a row). */
export function passagesOf(kb: KnowledgeBase, around: Passage, max: number): Passage[] {
  const out: Passage[] = [];
  let first = around.id;
  while (first > 0 && kb.passages[first - 1]?.articleId === around.articleId) first--;
  for (let id = first; out.length < max; id++) {
    const p = kb.passages[id];
    if (!p || p.articleId !== around.articleId) break;
    out.push(p);
  }
  return out;
}

const ARTICLE_CACHE_LIMIT = 2_000;
const articleCache = new Map<string, KeySet>();
const leadCache = new Map<string, KeySet>();

/**
 * The word-family keys of an article's first `max` paragraphs, from the words of each as it is
 * read for its sentences (and kept for the next reading); cached per article.
 */
function keysOfParagraphs(
  cache: Map<string, KeySet>,
  kb: KnowledgeBase,
  passage: Passage,
  max: number,
): KeySet {
  const cacheKey = `${passage.articleId}\u0000${kb.passages.length}`;
  const known = cache.get(cacheKey);
  if (known) return known;
  const keys = KeySet.union(...passagesOf(kb, passage, max).flatMap((p) => readPassage(p).allKeys()));
  if (cache.size >= ARTICLE_CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, keys);
  return keys;
}

/** The word-family keys of a whole article (cached). */
export function articleKeysOf(kb: KnowledgeBase, passage: Passage): KeySet {
  return keysOfParagraphs(articleCache, kb, passage, Number.POSITIVE_INFINITY);
}

/** The word-family keys of an article's title and first paragraph (what it is about; cached). */
export function leadKeysOf(kb: KnowledgeBase, passage: Passage): KeySet {
  return keysOfParagraphs(leadCache, kb, passage, 2);
}

/** A sentence that opens by referring back to a thing ("The new market ...", "It will ..."). */
const REFERS_TO_SUBJECT =
  /^(?:(?:The|This|That|These|Those)\s+(?:new\s+|proposed\s+|planned\s+|[$£€]\d[\d.,]*(?:m|bn|mn|mln|million|billion)?\s+)?(?:market|exchange|company|firm|group|bank|plant|project|scheme|plan|deal|agreement|bill|law|system|service|product|device|game|film|movie|album|book|novel|series|show|tour|concert|festival|event|fund|index|currency|programme|program|network|airline|carrier|unit|venture|body|board|committee|organi[sz]ation|union|party|club|team|console|machine|report|inquiry|case|trial|merger|takeover|bid|offer|sale|flotation|contract)\b|(?:It|They)\s+(?:will|would|has|have|had)\b)/;

/** "The actor, who was born in Beirut, ...": a sentence that opens by calling a person by a role. */
const ROLE_OPENING =
  /^The\s+(?:[a-z]+\s+)?([a-z]+)(?:,|\s+(?:who|has|had|was|is|will|would|said|says|added|told)\b)/;

/** Whether a sentence opens by referring back to what (or whom) the story is about. */
function refersToSubject(sentence: string): boolean {
  if (REFERS_TO_SUBJECT.test(sentence)) return true;
  const role = ROLE_OPENING.exec(sentence)?.[1];
  return role !== undefined && isRoleWord(role);
}

/** Paragraphs read beyond the searched ones, per focus article. */
const FOCUS_PASSAGES = 30;

export function findSentences(
  kb: KnowledgeBase,
  terms: readonly string[],
  options: FindOptions = {},
): { hits: SentenceHit[]; weighted: WeightedTerm[] } {
  const { paragraphs = 15, limit = 12, focusArticles = 1 } = options;
  const weighted = weighTerms(kb, terms, options.aliases);
  if (!weighted.length) return { hits: [], weighted };
  const aliasTerms = [...new Set(options.aliases?.values() ?? [])];
  // A common word's other forms add little but cost a scan of their long postings lists.
  const common = Math.max(50, kb.passageIndex.size * 0.01);
  const query = [
    ...new Set(
      terms.flatMap((t) =>
        kb.passageIndex.documentFrequency(t) > common ? [t] : kb.passageIndex.family(t, 4),
      ),
    ),
  ].join(' ');
  const found = kb.passageIndex.search([query || terms.join(' '), ...aliasTerms].join(' '), {
    limit: paragraphs,
  });
  const top = found[0]?.score ?? 1;

  // The articles the best paragraphs come from: their other paragraphs are read too, at a
  // discount, with what the article says elsewhere counting toward a sentence's context.
  const focus: Passage[] = [];
  const seenArticles = new Set<string>();
  for (const hit of found) {
    if (seenArticles.size >= focusArticles) break;
    if (seenArticles.has(hit.passage.articleId)) continue;
    seenArticles.add(hit.passage.articleId);
    focus.push(hit.passage);
  }
  const articleCoverages = new Map<string, number>();
  const scanned = new Map<Passage, { rank: number; bm25: number }>();
  found.forEach((hit, rank) => {
    scanned.set(hit.passage, { rank, bm25: hit.score / top });
  });
  for (const anchor of focus) {
    for (const p of passagesOf(kb, anchor, FOCUS_PASSAGES)) {
      if (!scanned.has(p)) scanned.set(p, { rank: paragraphs, bm25: 0 });
    }
    articleCoverages.set(anchor.articleId, coverageOf(articleKeysOf(kb, anchor), weighted));
  }

  const hits: SentenceHit[] = [];
  for (const [passage, { rank, bm25 }] of scanned) {
    const read = readPassage(passage);
    const { sentences } = read;
    const inSentence = read.allKeys().map((keys) => termsFound(keys, weighted));
    const paragraphCoverage = shareFound(inSentence, weighted);
    const articleCoverage = articleCoverages.get(passage.articleId) ?? paragraphCoverage;
    inSentence.forEach((own, i) => {
      const coverage = shareFound([own], weighted);
      if (coverage === 0) return;
      // "The new market, due to start operating in January 1988, ...", "The actor, who was born
      // in ...": a sentence that opens by referring back to what the story is about reads the
      // story's lead as its context.
      const lead = refersToSubject(sentences[i] ?? '')
        ? termsFound(leadKeysOf(kb, passage), weighted)
        : undefined;
      const near = shareFound([inSentence[i - 1], own, inSentence[i + 1], lead], weighted);
      const inParagraph = Math.max(near, paragraphCoverage);
      const contextCoverage =
        near + 0.5 * (inParagraph - near) + 0.25 * Math.max(0, articleCoverage - inParagraph);
      // Titles rarely answer a question; a passage's rank breaks ties between equal sentences.
      const titlePenalty = passage.paragraph < 0 ? 0.15 : 0;
      const score = coverage + 0.25 * contextCoverage + 0.1 * bm25 - 0.002 * rank - titlePenalty;
      hits.push({ passage, sentences, index: i, text: sentences[i] ?? '', coverage, contextCoverage, score });
    });
  }
  hits.sort((a, b) => b.score - a.score);
  return { hits: hits.slice(0, limit), weighted };
}
