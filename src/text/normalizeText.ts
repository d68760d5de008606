/** Text normalisation shared by the loader, the excerpt check and the indexes. */

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u2026': '...',
};

const QUOTE_RE =
  /[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2212\u00A0\u2026]/g;

/** The characters foldPunctuation turns into `ch`, `ch` first ("'" -> ' ‘ ’ ‚ ‛ ′): none if it folds nothing into it. */
export function foldedInto(ch: string): string[] {
  const from = Object.keys(QUOTES).filter((c) => QUOTES[c] === ch);
  return from.length ? [ch, ...from] : [];
}

/** Straight quotes and dashes, single spaces: the form in which excerpts are compared with articles. */
export function foldPunctuation(text: string): string {
  return text.replace(QUOTE_RE, (c) => QUOTES[c] ?? c);
}

/** Case-insensitive comparison form: folded punctuation, collapsed whitespace, lower case. */
export function comparable(text: string): string {
  return foldPunctuation(text).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Removes accents so "Medvédev" and "Medvedev" compare equal. */
export function stripAccents(text: string): string {
  // Most text is plain ASCII: skip the costly normalisation then.
  if (!/[\u0080-\uffff]/.test(text)) return text;
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whitespace-separated tokens that hold at least one letter or digit. A character loop, with no
 * allocation: it runs on every line of every article.
 */
export function countWords(text: string): number {
  let n = 0;
  let inToken = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) {
      inToken = false;
      continue;
    }
    if (!inToken) {
      inToken = true;
      counted = false;
    }
    const wordChar =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c > 127 && LETTER_OR_DIGIT.test(text[i] ?? ''));
    if (wordChar && !counted) {
      n++;
      counted = true;
    }
  }
  return n;
}

/** A URL- and file-safe identifier made from free text. */
export function slugify(text: string): string {
  return (
    stripAccents(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'untitled'
  );
}

/** Text to match literally inside a regular expression: its special characters escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
