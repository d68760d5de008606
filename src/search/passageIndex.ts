/**
 * Ranked full-text search over passages (BM25 via MiniSearch), typo tolerant on longer terms.
 * Only passage ids are stored in the index; the text lives in the knowledge base.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { foldPunctuation, stripAccents } from '../knowledge/normalizeText.ts';
import type { Passage } from '../knowledge/types.ts';
import { STOP_WORDS } from './stopWords.ts';

export interface PassageHit {
  passage: Passage;
  score: number;
  /** Index terms that matched, for highlighting. */
  terms: string[];
}

export interface PassageSearchOptions {
  limit?: number;
  /** Every query term must match (default: ranked OR). */
  all?: boolean;
  /** Allow typo-tolerant matching (default true). */
  fuzzy?: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function tokenize(text: string): string[] {
  return foldPunctuation(text).match(TOKEN) ?? [];
}

export function normalizeTerm(term: string): string | null {
  const t = stripAccents(term.toLowerCase()).replace(/'s$/, '');
  if (t.length < 2 && !/\d/.test(t)) return null;
  return STOP_WORDS.has(t) ? null : t;
}

/** Longer terms tolerate more typos; short ones must match exactly (keeps large vocabularies fast). */
function fuzziness(term: string): number | false {
  if (term.length >= 8) return 2;
  if (term.length >= 5) return 1;
  return false;
}

export const defaultPassageSearchOptions: SearchOptions = {
  combineWith: 'OR',
  fuzzy: (term) => fuzziness(term),
  maxFuzzy: 2,
  weights: { fuzzy: 0.4, prefix: 0.3 },
};

export class PassageIndex {
  private readonly index: MiniSearch<{ id: number; text: string }>;

  constructor(private readonly passages: readonly Passage[]) {
    this.index = new MiniSearch({
      fields: ['text'],
      storeFields: [],
      tokenize,
      processTerm: normalizeTerm,
      searchOptions: defaultPassageSearchOptions,
    });
    this.index.addAll(passages);
  }

  get size(): number {
    return this.passages.length;
  }

  /** Index terms close to the query's words ("reyse" -> "reyes"), for "did you mean" hints. */
  similarTerms(query: string, limit = 3): string[] {
    const asked = new Set(tokenize(query).map((t) => normalizeTerm(t)));
    const out: string[] = [];
    // Wider than normal search: a swapped pair of letters ("reyse") is two edits.
    const wide = (term: string) => (term.length >= 5 ? 2 : term.length >= 4 ? 1 : false);
    for (const r of this.index.search(query, { fuzzy: wide, maxFuzzy: 2, prefix: false })) {
      for (const term of r.terms) if (!asked.has(term) && !out.includes(term)) out.push(term);
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  search(query: string, options: PassageSearchOptions = {}): PassageHit[] {
    const { limit = 10, all = false, fuzzy = true } = options;
    if (!tokenize(query).some((t) => normalizeTerm(t) !== null)) return [];
    const results = this.index.search(query, {
      combineWith: all ? 'AND' : 'OR',
      fuzzy: fuzzy ? (term) => fuzziness(term) : false,
    });
    const hits: PassageHit[] = [];
    for (const r of results) {
      const passage = this.passages[r.id as number];
      if (!passage) continue;
      hits.push({ passage, score: r.score, terms: r.terms });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
