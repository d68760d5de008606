/**
 * A passage's sentences with the word-family keys of each, of each with its neighbours, and of
 * the whole passage: what the answer engine scores a found passage by (core/qa/findSentences.ts).
 * They depend on the passage's text alone, so they are kept for the passages read most recently
 * (a bounded cache): a passage found again, by the same question or another, is not split and
 * keyed again.
 */
import { splitSentences } from '../knowledge/splitSentences.ts';
import type { Passage } from '../knowledge/types.ts';
import { wordKey, wordsOf } from '../text/wordForms.ts';

export interface PassageSentences {
  sentences: string[];
  /** Family keys of each sentence. */
  keys: Set<string>[];
  /** Family keys of each sentence with the one before and the one after it. */
  around: Set<string>[];
  /** Family keys of the whole passage. */
  all: Set<string>;
}

/** The family keys of a text's words. */
export function keysOfText(text: string): Set<string> {
  const keys = new Set<string>();
  for (const w of wordsOf(text)) keys.add(wordKey(w.text));
  return keys;
}

const LIMIT = 4_096;
const cache = new Map<Passage, PassageSentences>();

export function passageSentences(passage: Passage): PassageSentences {
  const known = cache.get(passage);
  if (known) {
    // Most recently used last: the first entry is the one to evict.
    cache.delete(passage);
    cache.set(passage, known);
    return known;
  }
  const sentences = splitSentences(passage.text);
  const keys = sentences.map(keysOfText);
  const around = keys.map((k, i) => new Set([...(keys[i - 1] ?? []), ...k, ...(keys[i + 1] ?? [])]));
  const entry = { sentences, keys, around, all: new Set(keys.flatMap((k) => [...k])) };
  if (cache.size >= LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest) cache.delete(oldest);
  }
  cache.set(passage, entry);
  return entry;
}
