/** Finds passages that mention a name, by index lookup then a literal check of the text. */
import type { Passage } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { memoized } from '../../text/memoized.ts';
import { foldedInto, foldPunctuation } from '../../text/normalizeText.ts';
import { NAME_WORD_GAP } from '../../text/words.ts';

function charPattern(ch: string, exactCase: boolean): string {
  // Characters the text may write for this one ("Moscow’s" for "Moscow's"), as foldPunctuation folds them.
  const folded = foldedInto(ch);
  if (folded.length) return `[${folded.join('')}]`;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (!exactCase && lower !== upper && lower.length === 1 && upper.length === 1) return `[${lower}${upper}]`;
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * One expression per name, run on the text as written: the name's words in order, in any case and
 * spacing, with curly and straight quotes alike. It is plain (no Unicode classes), so it is cheap to
 * build; whole words are checked around each match.
 */
interface NamePattern {
  body: RegExp;
  /** A name written with a capital is mentioned only where the text writes its first word so. */
  capital: boolean;
}

function namePattern(name: string): NamePattern | undefined {
  const words = foldPunctuation(name).trim().split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  const capital = /^\p{Lu}/u.test(words[0] ?? '');
  // "Henry A. Duffy", "John F. Kennedy": a middle initial may stand between a name's words.
  // (Only in a person's name of two words: a given name and a surname.)
  const person = words.length === 2 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w));
  const between = person ? NAME_WORD_GAP : '\\s+';
  const body = words
    .map((word, i) => [...word].map((ch) => charPattern(ch, capital && i === 0)).join(''))
    .join(between);
  return { body: new RegExp(body, 'g'), capital };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A letter or digit at this position: ASCII by code, anything else by its Unicode class. */
function wordCharAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // A surrogate pair: read the whole code point.
  const point = text.codePointAt(c >= 0xdc00 && c <= 0xdfff ? at - 1 : at) ?? c;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(point));
}

const PATTERN_LIMIT = 5_000;
const patternOf = memoized(PATTERN_LIMIT, namePattern);

/**
 * Whether the text names the name: its words, whole, in any case, except that a name written with
 * a capital is mentioned only where the text writes its first word so: "Masters" (Selena Masters)
 * is not the "soldier-masters" of another story. Each name's expression is built once.
 */
export function mentionsName(text: string, name: string): boolean {
  const pattern = patternOf(name);
  if (!pattern) return false;
  const { body, capital } = pattern;
  body.lastIndex = 0;
  for (let match = body.exec(text); match; match = body.exec(text)) {
    const at = match.index;
    const end = at + match[0].length;
    const joined = capital && text[at - 1] === '-';
    if (!joined && !wordCharAt(text, at - 1) && !wordCharAt(text, end)) return true;
    body.lastIndex = at + 1;
  }
  return false;
}

/** Passages naming any of the names, in corpus order, at most limit. */
export function passagesMentioning(kb: KnowledgeBase, names: readonly string[], limit = 20): Passage[] {
  const found = new Map<number, Passage>();
  for (const name of names) {
    for (const hit of kb.passageIndex.search(name, { all: true, fuzzy: false, limit: limit * 3 })) {
      if (!found.has(hit.passage.id) && mentionsName(hit.passage.text, name))
        found.set(hit.passage.id, hit.passage);
    }
  }
  return [...found.values()].sort((a, b) => a.id - b.id).slice(0, limit);
}
