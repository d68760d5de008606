/**
 * Which names could a typed name mean, without looking at every name: a word index in the SymSpell
 * manner. Every word of every name is stored with its deletions (one for words of 4-5 letters, up
 * to two from 6 letters, the typo budget `wordsAlign` allows), so the words within that edit
 * distance of a query word are found by looking up the query word's own deletions; words it
 * starts come from a sorted word list. A name is a candidate when each query word finds one of its
 * words, so fuse.js then scores a few dozen names instead of scanning all of them.
 */
import { distance } from 'fastest-levenshtein';
import { wordsStartingWith } from './sortedWords.ts';

/** Edits a query word of this length may differ by (the rule of EntityIndex's word alignment). */
export function typoBudget(length: number): number {
  return length >= 6 ? 2 : length >= 4 ? 1 : 0;
}

/** Whether two words differ by two neighbouring letters swapped ("Kahn" for "Khan"), the commonest typo. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Whether a query word is within its typo budget of a word: Levenshtein edits, a swap counting one. */
export function withinTypos(query: string, word: string, budget = typoBudget(query.length)): boolean {
  if (budget <= 0) return query === word;
  return distance(query, word) <= budget || swapped(query, word);
}

/** The strings made by deleting up to `max` letters of `word` (the word itself included). */
function deletions(word: string, max: number): Set<string> {
  const all = new Set([word]);
  let level = [word];
  for (let k = 0; k < max; k++) {
    const next: string[] = [];
    for (const s of level) {
      for (let i = 0; i < s.length; i++) {
        const shorter = s.slice(0, i) + s.slice(i + 1);
        if (!all.has(shorter)) {
          all.add(shorter);
          next.push(shorter);
        }
      }
    }
    level = next;
  }
  return all;
}

export class NameCandidates<T> {
  /** Name word -> the names (entries) that hold it. */
  private readonly byWord = new Map<string, Set<T>>();
  /** A deletion -> the words it comes from (kept when a word goes: every use checks byWord). */
  private readonly byDeletion = new Map<string, string | string[]>();
  /** Words in order, for prefixes; rebuilt lazily after additions. */
  private sorted: string[] | undefined = [];

  add(words: readonly string[], entry: T): void {
    for (const word of new Set(words)) {
      if (!word) continue;
      let holders = this.byWord.get(word);
      if (!holders) {
        holders = new Set();
        this.byWord.set(word, holders);
        this.sorted = undefined;
        this.indexDeletions(word);
      }
      holders.add(entry);
    }
  }

  remove(words: readonly string[], entry: T): void {
    for (const word of new Set(words)) {
      const holders = this.byWord.get(word);
      if (!holders) continue;
      holders.delete(entry);
      if (!holders.size) {
        this.byWord.delete(word);
        this.sorted = undefined;
      }
    }
  }

  private indexDeletions(word: string): void {
    // A stored word needs the deletions that meet a query word within budget: up to two when it has
    // 6 letters or more, one for 4-5 (a longer query word with two edits reaches it by its own).
    const max = word.length >= 6 ? 2 : word.length >= 4 ? 1 : 0;
    for (const d of deletions(word, max)) {
      const prev = this.byDeletion.get(d);
      if (prev === undefined) this.byDeletion.set(d, word);
      else if (typeof prev === 'string') {
        if (prev !== word) this.byDeletion.set(d, [prev, word]);
      } else if (!prev.includes(word)) prev.push(word);
    }
  }

  /** Stored words a query word aligns with: equal, started by it (4+ letters), or within its typo budget. */
  wordsFor(query: string): string[] {
    const found = new Set<string>();
    if (this.byWord.has(query)) found.add(query);
    const budget = typoBudget(query.length);
    if (query.length >= 4) {
      for (const word of wordsStartingWith(this.sortedWords(), query)) found.add(word);
    }
    if (budget > 0) {
      for (const d of deletions(query, budget)) {
        const words = this.byDeletion.get(d);
        if (words === undefined) continue;
        for (const w of typeof words === 'string' ? [words] : words) {
          if (!found.has(w) && this.byWord.has(w) && withinTypos(query, w, budget)) found.add(w);
        }
      }
    }
    return [...found];
  }

  /** The entries of which every query word aligns with some word. */
  candidates(queryWords: readonly string[]): Set<T> {
    let result: Set<T> | undefined;
    // The query word with the fewest entries first keeps the intersection small.
    const perWord = queryWords.map((q) => {
      const entries = new Set<T>();
      for (const w of this.wordsFor(q)) for (const e of this.byWord.get(w) ?? []) entries.add(e);
      return entries;
    });
    perWord.sort((a, b) => a.size - b.size);
    for (const entries of perWord) {
      if (!result) result = entries;
      else {
        const next = new Set<T>();
        for (const e of result) if (entries.has(e)) next.add(e);
        result = next;
      }
      if (!result.size) break;
    }
    return result ?? new Set();
  }

  private sortedWords(): string[] {
    if (!this.sorted) this.sorted = [...this.byWord.keys()].sort();
    return this.sorted;
  }
}
