/**
 * A title for a text that has none (plain .txt with no title line or front matter): its first
 * sentence, cut at a word boundary near 80 characters, so replies cite something a reader
 * recognises rather than a file name such as "cc03".
 */
import { splitSentences } from './splitSentences.ts';

const MAX_TITLE = 80;

export function titleFromText(paragraph: string): string | undefined {
  const sentence = splitSentences(paragraph)[0]?.replace(/\s+/g, ' ').trim();
  if (!sentence || !/\p{L}/u.test(sentence)) return undefined;
  const plain = sentence.replace(/\s*[.;:,]+$/, '');
  if (plain.length <= MAX_TITLE) return plain;
  const cut = plain.lastIndexOf(' ', MAX_TITLE);
  const head = (cut > MAX_TITLE / 2 ? plain.slice(0, cut) : plain.slice(0, MAX_TITLE)).replace(
    /[\s,;:.-]+$/,
    '',
  );
  return `${head}…`;
}
