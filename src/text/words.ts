/**
 * Word-level helpers used on several floors (indexing, extraction, answers, digests, autocomplete):
 * tokens, the key a name is looked up by, and short wording. They know nothing of articles.
 */
import { foldPunctuation, stripAccents } from './normalizeText.ts';

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** A plain-ASCII word or number; the fast path of tokenize and of the passage index. */
export const ASCII_TOKEN = /[A-Za-z0-9]+(?:'[A-Za-z]+)?/g;
/** Any character outside ASCII: text without one takes the fast paths. */
export const NON_ASCII = /[\u0080-\uffff]/;

/** Words and numbers; "Russia's" stays one token. Plain-ASCII text takes a faster path. */
export function tokenize(text: string): string[] {
  if (!NON_ASCII.test(text)) return text.match(ASCII_TOKEN) ?? [];
  return foldPunctuation(text).match(TOKEN) ?? [];
}

/** The form a name is compared in: no accents, lower case, no possessive, no leading article. */
export function nameKey(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^(the|a|an) /, '')
    .trim();
}

/** Length of an excerpt in a reply, in characters. */
export const SNIPPET_CHARS = 280;

/** Cuts text to at most max characters at a word boundary. */
export function shorten(text: string, max = SNIPPET_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * The gap between a name's words as an expression's source, where a middle initial may stand:
 * "Henry A. Duffy", "John F. Kennedy" for "Henry Duffy", "John Kennedy".
 */
export const NAME_WORD_GAP = '\\s+(?:[A-Z]\\.\\s+)?';

/** The initials of a name's capitalised words, lower-cased: "cme" of "Chicago Mercantile Exchange". */
export function nameInitials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('')
    .toLowerCase();
}

/** Whether a text holds an odd number of quotation marks: a quotation opened (or closed) and not matched. */
export function quotationOpen(text: string): boolean {
  return (text.match(/["“”]/g)?.length ?? 0) % 2 === 1;
}

/** A word in small letters ("&lt;" is markup): a text with none is written all in capitals. */
export const ANY_LOWER_WORD = /\b\p{Ll}{3,}/u;

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/**
 * A count with thousands separators ("352,000"). One formatter for all: `toLocaleString` makes a
 * new one on every call, a tenth of a millisecond each (ten for /sources' list of articles).
 */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

const ASCII_WORD_CHAR = /^\w$/;

/**
 * Where `word` is written in the text at the start of a word, as a regular expression's \b reads
 * it: the character before it ends a word (letter, digit or _) exactly when the word's first does not.
 */
export function* wordStarts(text: string, word: string): Generator<number> {
  if (!word) return;
  const startsWord = ASCII_WORD_CHAR.test(word.charAt(0));
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (ASCII_WORD_CHAR.test(text.charAt(at - 1)) !== startsWord) yield at;
}
