/**
 * Reads a corpus file as text, refusing what is not text: a file must be UTF-8 and free of the
 * control characters binary data is full of. Without this, a PDF or a block of random bytes named
 * ".txt" would be indexed as hundreds of mojibake "articles" and names (issue 14). A refusal is a
 * message for /sources, worded as what to do about it.
 */
import { readFileSync } from 'node:fs';

export type TextFile = { ok: true; text: string } | { ok: false; message: string };

/** ignoreBOM keeps a byte-order mark in the text, as readFileSync(…, 'utf8') did: the front matter reader expects it. */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Controls other than tab, line feed, vertical tab, form feed (a story separator), carriage return and escape. */
function countBinaryControls(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d) && c !== 0x1b) || c === 0x7f) count++;
  }
  return count;
}
/** Text may carry a stray control character or two; binary data carries many. */
const MAX_CONTROL_SHARE = 0.001;

/** The bytes as text, or why they are not text. */
export function decodeText(bytes: Uint8Array): TextFile {
  if (bytes.includes(0)) return { ok: false, message: 'binary data (zero bytes), not text' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return {
      ok: false,
      message: 'not UTF-8 text (binary data, or text in another encoding: save it as UTF-8)',
    };
  }
  const controls = countBinaryControls(text);
  if (controls > 2 && controls > text.length * MAX_CONTROL_SHARE)
    return { ok: false, message: `binary data (${controls} control characters), not text` };
  return { ok: true, text };
}

/** The file's text, or why it is not text; throws only if it cannot be read (the caller reports that). */
export function readTextFile(path: string): TextFile {
  return decodeText(readFileSync(path));
}
