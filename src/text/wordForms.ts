/**
 * One key per word family, so a question's "founded" finds the text's "founder" and "founded",
 * "built" finds "build", "died" finds "dies": wink-lemmatizer undoes irregular verbs (a lookup
 * table), the Porter stemmer (stemmer) folds regular endings. Keys are cached: the same few
 * thousand words recur in every answer, and a cache lookup is far cheaper than lemmatising.
 * wink-lemmatizer is loaded on the first word that needs it: loading its lexicon takes about
 * 150 ms, which a one-shot `npm run ask` that never folds a word should not pay.
 */
import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';
import type Lemmatizer from 'wink-lemmatizer';
import { stripAccents } from './normalizeText.ts';

const require = createRequire(import.meta.url);
let lemmatizer: typeof Lemmatizer | undefined;

// Above the number of distinct words of a million-word archive (about 50,000 as written), so a
// large archive's words are folded once, not again after each clearing.
const CACHE_LIMIT = 200_000;
/** By the word as written: most lookups are of a word seen before, and need no lower-casing. */
const cache = new Map<string, string>();

/** Agent nouns share their verb's key ("founder" -> "found", "conductor" -> "conduct"). */
function withoutAgentEnding(stem: string): string {
  if (stem.length > 6 && /(?:er|or)$/.test(stem)) return stem.slice(0, -2);
  return stem;
}

/**
 * One key for the two spellings of English: "licenced" and "licensed", "labour" and "labor",
 * "organised" and "organized", "analysed" and "analyzed".
 */
function britishAsAmerican(stem: string): string {
  return stem
    .replace(/enc$/, 'ens')
    .replace(/(\w{3})our$/, '$1or')
    .replace(/([iy])z$/, '$1s');
}

function lemmatizeVerb(word: string): string {
  lemmatizer ??= require('wink-lemmatizer') as typeof Lemmatizer;
  return lemmatizer.lemmatizeVerb(word);
}

/**
 * Every key made so far, under each of its own short forms that sameFamily accepts ("catholic"
 * under "catho", "cathol", "catholi"): so whether a text holds a longer form of a key is a few
 * set lookups, with nothing kept per text. Not cleared with the cache (a text read before may
 * hold a key made before); past REGISTRY_LIMIT keys, newer keys match by their own form only.
 */
const REGISTRY_LIMIT = 300_000;
const registered = new Set<string>();
const longerForms = new Map<string, string[]>();

function register(key: string): void {
  if (key.length < 6 || registered.has(key) || registered.size >= REGISTRY_LIMIT) return;
  registered.add(key);
  for (let n = Math.max(5, key.length - 3); n < key.length; n++) {
    const short = key.slice(0, n);
    const list = longerForms.get(short);
    if (list) list.push(key);
    else longerForms.set(short, [key]);
  }
}

/** The keys made so far that are `key` plus one to three letters (for keys of five letters or more). */
export function longerKeysOf(key: string): readonly string[] {
  return longerForms.get(key) ?? [];
}

/** The family key of one word (lower-cased, no possessive). */
export function wordKey(word: string): string {
  const known = cache.get(word);
  if (known !== undefined) return known;
  let lower = word.toLowerCase();
  if (lower.endsWith("'s") || lower.endsWith('’s')) lower = lower.slice(0, -2);
  // "U.S.", "U.N.": initials written with full stops are the word written without ("US", "UN").
  if (lower.length <= 8 && INITIALS_WITH_STOPS.test(lower)) lower = lower.replace(/\./g, '');
  // "Iklé", "GRUCAÑA": accents folded, as the search index and the question's terms fold them.
  lower = stripAccents(lower);
  let key = cache.get(lower);
  if (key === undefined) {
    key = foldLower(lower);
    register(key);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(lower, key);
  }
  // "the Fed", "Rose Kennedy": a capitalised word the lemmatizer reads as another verb's irregular
  // past ("feed", "rise") is a name, and keeps its own key.
  if (irregularPast.has(lower) && /^\p{Lu}\p{Ll}+$/u.test(word)) {
    key = stemKey(lower);
    register(key);
  }
  if (word !== lower) cache.set(word, key);
  return key;
}

const INITIALS_WITH_STOPS = /^(?:\p{L}\.)+\p{L}\.?$/u;

/** Lower-case words the lemmatizer reads as the irregular past of another ("fed", "rose"). */
const irregularPast = new Set<string>();

function foldLower(lower: string): string {
  if (!/^[a-z]+$/.test(lower)) return lower;
  const lemma = lemmatizeVerb(lower);
  if (lemma !== lower && !lower.startsWith(lemma.slice(0, -1))) irregularPast.add(lower);
  return stemKey(lemma);
}

/** The key of a word already undone of irregular forms: its stem, agent ending and spelling folded. */
function stemKey(word: string): string {
  return britishAsAmerican(withoutAgentEnding(stemmer(word)));
}

/**
 * How many more words may be folded ahead of need (KeyWarmer): half the cache, so words folded
 * early never crowd out the words answers actually read.
 */
export function wordKeyRoom(): number {
  return CACHE_LIMIT / 2 - cache.size;
}

/** Words of a text, as written, with their offsets. */
export interface TextWord {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Words of a text, as written (no offsets: cheaper where only the words are read). */
export function wordTexts(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function wordsOf(text: string): TextWord[] {
  const out: TextWord[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Whether two keys name one family: equal, or one a long prefix of the other ("catholic"/"cathol"). */
export function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3;
}
