/**
 * A fast rule-based sentence splitter. Intl.Segmenter splits after "Mr." and "Gen." and costs
 * about half a second per million words; this handles the abbreviations news text uses.
 */

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen col lt maj capt sgt adm cmdr st jr sr rev hon pres supt insp det ' +
    'u.s u.k u.n e.u no vs etc inc ltd co corp dept univ est approx jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'fig al ft mt a.m p.m i.e e.g'
  ).split(' '),
);

const BOUNDARY = /([.!?]+)(["'”’)\]]*)\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu;

export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  if (!text) return [];
  const out: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    if (m[1] === '.' && !m[2]) {
      // The word before the full stop; a short window, since an end-anchored regex scans it all.
      const before = text.slice(Math.max(start, m.index - 32), m.index);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      // "U.S." / "Gen." / a single initial ("J. Smith") / initials ("F.W. Woolworth") do not end a sentence.
      if (ABBREVIATIONS.has(word) || /^(?:\p{L}\.)*\p{L}$/u.test(word)) continue;
    }
    out.push(text.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
