/**
 * A name as the archive spells it: "/who Grabsky" where the text writes "Grabski", "/who Mike
 * Flynn" where it writes "Michael Flynn". Each word the passages never use is replaced by the
 * nearest word they do (the passage index's own typo corrections), and the result must be named
 * in the text.
 */
import { distance } from 'fastest-levenshtein';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { nameVariants } from '../../text/givenNames.ts';
import { passagesMentioning } from './mentions.ts';

export interface Spelled {
  name: string;
  /** Letters changed from the asked spelling (a given name in another form counts none). */
  edits: number;
}

/** At most this many spellings are checked against the text. */
const MAX_TRIES = 9;
/** ... and this many, two letters off, where a word of the name anchors it (see respellings). */
const WIDE_OPTIONS = 20;

function termOf(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, '');
}

/** The name's spellings nearest first: each unknown word by its closest known ones. */
function respellings(kb: KnowledgeBase, name: string, wide = false): Spelled[] {
  let out: Spelled[] = [{ name: '', edits: 0 }];
  const words = name
    .trim()
    .split(/\s+/)
    .map((text) => {
      const term = termOf(text);
      return { text, term, known: term.length < 4 || kb.passageIndex.documentFrequency(term) > 0 };
    });
  // "Elton Yeats" for "Elton Yates" (wide): where another word of the name is written as the
  // archive writes it, a shorter word may be two letters off, since the whole must be in the text.
  // (Two or three words, one of them unknown: "Elton Yeats", not "Committee Barco Island".)
  const anchored =
    words.length > 1 &&
    words.length <= 3 &&
    words.filter((w) => !w.known).length === 1 &&
    words.some((w) => w.term.length >= 4 && w.known);
  // (Without such a word the wide reading tries nothing new: the name is not looked for again.)
  if (wide && !anchored) return [];
  for (const { text, term, known } of words) {
    const options = known
      ? [{ text, edits: 0 }]
      : kb.passageIndex
          .corrections(term, term.length >= 6 || (wide && term.length >= 5) ? 2 : 1, wide)
          .slice(0, wide ? WIDE_OPTIONS : 3)
          .map((t) => ({ text: t.charAt(0).toUpperCase() + t.slice(1), edits: distance(term, t) }));
    if (!options.length) return [];
    out = out.flatMap((s) =>
      options.map((o) => ({ name: s.name ? `${s.name} ${o.text}` : o.text, edits: s.edits + o.edits })),
    );
  }
  return out.sort((a, b) => a.edits - b.edits).slice(0, wide ? WIDE_OPTIONS : MAX_TRIES);
}

export function spelledInText(kb: KnowledgeBase, name: string): Spelled | undefined {
  const asked = [name, ...nameVariants(name)];
  const inText = (wide: boolean) => {
    for (const spelled of asked.flatMap((n) => respellings(kb, n, wide)).sort((a, b) => a.edits - b.edits))
      if (passagesMentioning(kb, [spelled.name], 1).length) return spelled;
    return undefined;
  };
  // The nearest spellings first; only where none is in the text, those two letters off.
  return inText(false) ?? inText(true);
}

/** How far a name is from one the index matched: each asked word against its nearest word there. */
export function nameDistance(asked: string, matched: string): number {
  const theirs = matched.toLowerCase().split(/\s+/);
  return asked
    .toLowerCase()
    .split(/\s+/)
    .reduce((sum, w) => sum + Math.min(...theirs.map((t) => distance(w, t))), 0);
}
