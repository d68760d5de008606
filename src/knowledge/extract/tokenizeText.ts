/**
 * The words of an article body that can make up names, with their offsets, sentence by sentence:
 * the loader's own rule-based sentence splitter (it knows "Gov." and "U.S." do not end a
 * sentence), and a tokenizer that keeps "U.S.", "O'Neil-Smith" and "al-Assad" whole and a
 * possessive "'s" apart. Lower-case words and punctuation that cannot be part of a name are all
 * one shared GAP token: only their place matters (they end a run of names).
 */
import { splitSentences } from '../splitSentences.ts';

export interface TextToken {
  text: string;
  start: number;
  end: number;
}

export interface TokenizedText {
  tokens: TextToken[];
  sentences: SentenceSpan[];
}

export interface SentenceSpan {
  /** First and last token. */
  first: number;
  last: number;
  /** Offsets of the sentence in the body. */
  start: number;
  end: number;
}

/** Stands for any word or mark that cannot be part of a name. */
export const GAP: TextToken = Object.freeze({ text: '', start: -1, end: -1 });

/** Lower-case particles inside names: "Ana de la Cruz", "Ludwig van Beethoven". */
export const NAME_PARTICLES = new Set([
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'al',
  'bin',
  'ibn',
  'ter',
]);
/** A surname joined to its particle: "al-Assad", "de'Medici". */
export const SURNAME_PREFIX = /^(?:al|el|bin|ibn|da|de|di|du|van|von|le|la)[-'’](?=\p{Lu})/iu;

const isJoiner = (code: number) => code === 45 || code === 39 || code === 0x2019;

/**
 * Whether a word starts with a particle joined to a surname (SURNAME_PREFIX). The particles have
 * two or three letters, so a word without a joiner at the third or fourth character is ruled out
 * before the (Unicode, case-blind) pattern runs: this is asked of nearly every lower-case word.
 */
export function hasSurnamePrefix(word: string): boolean {
  if (!isJoiner(word.charCodeAt(2)) && !isJoiner(word.charCodeAt(3))) return false;
  return SURNAME_PREFIX.test(word);
}

/** Lower-case words and marks a name may hold or that open a sentence; the rest are gaps. */
const KEPT_LOWER = new Set([
  ...NAME_PARTICLES,
  'of',
  'the',
  '&',
  '-',
  '"',
  "'",
  '“',
  '‘',
  '(',
  ':',
  '–',
  '—',
]);

const TOKEN =
  /(?:\p{L}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*)*|[^\s\p{L}\p{N}]/gu;
/** The same for plain ASCII text, which most sentences are: much faster without Unicode classes. */
const ASCII_TOKEN =
  /(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[A-Za-z0-9][A-Za-z0-9']*(?:-[A-Za-z0-9][A-Za-z0-9']*)*|[^\sA-Za-z0-9]/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** The longest kept lower-case word: a longer one is not looked up (most words of a text are). */
const KEPT_LOWER_LONGEST = Math.max(...[...KEPT_LOWER].map((w) => w.length));

function keep(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true; // A-Z
  if (c >= 97 && c <= 122)
    return (word.length <= KEPT_LOWER_LONGEST && KEPT_LOWER.has(word)) || hasSurnamePrefix(word);
  if (c < 128) return KEPT_LOWER.has(word);
  return /^\p{Lu}/u.test(word) || KEPT_LOWER.has(word) || hasSurnamePrefix(word);
}

export function tokenizeText(body: string): TokenizedText {
  const tokens: TextToken[] = [];
  const sentences: SentenceSpan[] = [];
  for (const paragraph of body.matchAll(/[^\n]+/g)) {
    let cursor = paragraph.index;
    for (const sentence of splitSentences(paragraph[0])) {
      const at = body.indexOf(sentence, cursor);
      if (at < 0) continue;
      cursor = at + sentence.length;
      const first = tokens.length;
      const pattern = NON_ASCII.test(sentence) ? TOKEN : ASCII_TOKEN;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
        const word = m[0];
        if (!keep(word)) {
          if (tokens.at(-1) !== GAP || tokens.length === first) tokens.push(GAP);
          continue;
        }
        const start = at + m.index;
        const possessive = word.length > 2 && (word.endsWith("'s") || word.endsWith('’s'));
        if (possessive) {
          tokens.push({ text: word.slice(0, -2), start, end: start + word.length - 2 });
          tokens.push(GAP);
        } else tokens.push({ text: word, start, end: start + word.length });
      }
      if (tokens.length > first)
        sentences.push({ first, last: tokens.length - 1, start: at, end: at + sentence.length });
    }
  }
  return { tokens, sentences };
}
