/**
 * "where did michael howard go when he left tokyo?": chat is often typed in lower case, and a
 * question's names are read by their capitals ("left Tokyo" is where he went from, not an
 * answer). A question that capitalises no word (acronyms aside) has each run of words the archive
 * knows as a name, and writes as one, written as a name ("Michael Howard", "Tokyo", "Reagan's",
 * "VW"). A run the archive writes in lower case stays as typed ("sales", "central bank"), even
 * where a headline made a name of it; so does one holding a function word ("if japan brings").
 */
import { nameGazetteer } from '../knowledge/extract/nameLexicon.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { STOP_WORDS } from '../search/stopWords.ts';
import { escapeRegExp } from '../text/normalizeText.ts';
import { nameKey } from '../text/words.ts';

/** Longest run of words read as one name. */
const MAX_NAME_WORDS = 4;

/** Words inside a name that stay lower case ("Bank of England", "Charles de Gaulle"). */
const LINKS = new Set([
  'of',
  'the',
  'and',
  'de',
  'du',
  'da',
  'di',
  'la',
  'le',
  'van',
  'von',
  'der',
  'for',
  'on',
  'in',
]);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;

/** A word that may be part of a name as typed (not "the", "of", "2004"). */
function nameWord(word: string): boolean {
  const bare = word.replace(/['’]s$/, '').replace(/\.$/, '');
  return bare.length >= 2 && !STOP_WORDS.has(bare) && !LINKS.has(bare) && !/^\d/.test(bare);
}

/** Passages read to tell how the archive writes a run of words. */
const PASSAGES_READ = 20;

/**
 * Whether the archive writes the words as a name: capitalised more often than not where they do
 * not open a sentence ("Tokyo", "Michael Howard"; not "sales", even where a headline made a name
 * of it). Titles are passed over, since news writes them in capitals.
 */
function writtenAsName(kb: KnowledgeBase, span: string): boolean {
  const words = span.split(/\s+/).map((w) => escapeRegExp(w.replace(/['’]s$/, '')));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  let named = 0;
  let plain = 0;
  for (const hit of kb.passageIndex.search(span, { all: true, fuzzy: false, limit: PASSAGES_READ })) {
    if (hit.passage.paragraph < 0) continue;
    const text = hit.passage.text;
    for (const m of text.matchAll(pattern)) {
      if (m.index === 0 || /[.!?:"“‘(]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) {
        // Opening a sentence, only a later word's capital tells: "Judy Boynton finally left ...".
        const later = m[0].split(/\s+/).slice(1);
        if (later.length && later.every((w) => /^\p{Lu}/u.test(w))) named++;
        continue;
      }
      if (/^\p{Lu}/u.test(m[0])) named++;
      else plain++;
    }
  }
  return named > plain;
}

/** The span with each word of the name capitalised, the links between them as typed. */
function capitalised(span: string): string {
  return span.replace(WORD, (w: string, offset: number) =>
    offset > 0 && LINKS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1),
  );
}

export function truecased(kb: KnowledgeBase, text: string): string {
  // (A question that capitalises any word as a name is read as typed; an acronym alone, "EEP", is no sign.)
  // (Nor is the first word's capital: "Where did michael howard go?")
  const rest = text.trimStart().replace(/^\S+/, '');
  if (/(?:^|[^\p{L}])\p{Lu}\p{Ll}/u.test(rest) || text.trimStart().startsWith('/')) return text;
  const words = [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  let out = '';
  let at = 0;
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let n = Math.min(MAX_NAME_WORDS, words.length - i); n >= 1; n--) {
      const run = words.slice(i, i + n);
      const first = run[0];
      const last = run[n - 1];
      if (!first || !last || LINKS.has(first.text) || LINKS.has(last.text)) continue;
      // Single spaces only: a name is not read across punctuation.
      const span = text.slice(first.start, last.end);
      if (/\s{2,}|[,;:?!]/.test(span)) continue;
      // Every word a proper noun's, or a link inside the name ("bank of england" is no name).
      if (!run.every((w, k) => nameWord(w.text) || (k > 0 && LINKS.has(w.text)))) continue;
      if (!nameKey(span)) continue;
      const [match] = kb.names.exactMatches(span);
      // "judy boynton", where the archive's names hold "Boynton" alone: a given name and the word
      // after it, written so in the text, are a name too.
      const given = !match && n >= 2 && n <= 3 && nameGazetteer().classOf(first.text) === 'given';
      if ((!match && !given) || !writtenAsName(kb, span)) continue;
      // Written as the archive writes the name ("VW", "McDonald's"), where it is the whole span.
      // (Not as a dateline shouts it: "OSTBY, May 2 -" gives "Ostby"; an acronym keeps its capitals.)
      const matched = match?.matched ?? '';
      const shouted = !/\p{Ll}/u.test(matched) && matched.replace(/[^\p{L}]/gu, '').length > 4;
      const written = matched.toLowerCase() === span && !shouted ? matched : capitalised(span);
      out += text.slice(at, first.start) + written;
      at = last.end;
      taken = n;
      break;
    }
    i += taken || 1;
  }
  return out + text.slice(at);
}
