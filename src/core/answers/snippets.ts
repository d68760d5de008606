/** Short excerpts of passages for replies: the sentence or window that holds the matched words. */
import { splitSentences } from '../../knowledge/splitSentences.ts';
import { normalizeTerm } from '../../search/passageIndex.ts';
import { SNIPPET_CHARS, shorten, tokenize } from '../../text/words.ts';

/** Normalised content words of a text, as the passage index sees them. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = normalizeTerm(token);
    if (term && !out.includes(term)) out.push(term);
  }
  return out;
}

/** How many of the terms a text contains, by word prefix so "attacks" counts for "attack". */
export function termHits(text: string, terms: readonly string[]): number {
  const words = contentTerms(text);
  let hits = 0;
  for (const term of terms) {
    const stem = term.slice(0, Math.max(4, term.length - 2));
    if (words.some((w) => w === term || (stem.length >= 4 && w.startsWith(stem)))) hits++;
  }
  return hits;
}

/** The sentence of a passage that best matches the terms (the first one on ties). */
export function bestSentence(text: string, terms: readonly string[]): string {
  const sentences = splitSentences(text);
  let best = sentences[0] ?? text;
  let bestHits = -1;
  for (const sentence of sentences) {
    const hits = termHits(sentence, terms);
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  return best;
}

/** A snippet centred on the best sentence, widened with its neighbours while it fits. */
export function snippetFor(text: string, terms: readonly string[], max = SNIPPET_CHARS): string {
  if (text.length <= max) return text;
  const sentences = splitSentences(text);
  const best = bestSentence(text, terms);
  let i = sentences.indexOf(best);
  if (i < 0) return shorten(text, max);
  let out = best;
  let j = i;
  while (true) {
    const next = sentences[j + 1];
    if (next && out.length + next.length + 1 <= max) {
      out = `${out} ${next}`;
      j++;
      continue;
    }
    const prev = sentences[i - 1];
    if (prev && out.length + prev.length + 1 <= max) {
      out = `${prev} ${out}`;
      i--;
      continue;
    }
    break;
  }
  return shorten(out, max);
}
