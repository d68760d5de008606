/**
 * Sentence-level retrieval: passage search (BM25) finds the paragraphs, with each question word's
 * family ("founded" also finds "founder"); then every sentence of them is scored by how much of
 * the question it holds, each word weighted by its rarity (IDF) so that "Guideposts" counts for
 * more than "year". A sentence keeps its neighbours, since an answer often stands one sentence
 * before or after the words that match ("He was Julius Kahn.").
 */
import type { Passage } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { passageSentences } from '../../search/passageSentences.ts';
import { sameFamily, wordKey } from '../../text/wordForms.ts';

export interface SentenceHit {
  passage: Passage;
  /** Every sentence of the passage, so neighbours can be read. */
  sentences: readonly string[];
  index: number;
  text: string;
  /** Rarity-weighted share of the question's words the sentence holds (0 to 1). */
  coverage: number;
  /**
   * The same share over the sentence and its two neighbours, with the words found only elsewhere
   * in its paragraph counting half (an article about the Capitol Rotunda need not name it in the
   * sentence that says who designed it).
   */
  contextCoverage: number;
  score: number;
}

export interface WeightedTerm {
  term: string;
  key: string;
  weight: number;
}

/** Question words with their family keys and IDF weights. */
export function weighTerms(kb: KnowledgeBase, terms: readonly string[]): WeightedTerm[] {
  const n = Math.max(1, kb.passageIndex.size);
  const out: WeightedTerm[] = [];
  for (const term of terms) {
    const key = wordKey(term);
    if (out.some((t) => t.key === key)) continue;
    const df = Math.max(
      kb.passageIndex.documentFrequency(term),
      ...kb.passageIndex.family(term, 3).map((t) => kb.passageIndex.documentFrequency(t)),
    );
    out.push({ term, key, weight: Math.log(1 + n / (df + 0.5)) });
  }
  return out;
}

/** The family keys of a text's words (kept with the passage search, which caches them per passage). */
export { keysOfText } from '../../search/passageSentences.ts';

export function holdsKey(keys: ReadonlySet<string>, key: string): boolean {
  if (keys.has(key)) return true;
  if (key.length < 5) return false;
  for (const k of keys) if (sameFamily(k, key)) return true;
  return false;
}

/** Weighted share of the terms whose family occurs among the keys. */
export function coverageOf(keys: ReadonlySet<string>, terms: readonly WeightedTerm[]): number {
  let total = 0;
  let found = 0;
  for (const t of terms) {
    total += t.weight;
    if (holdsKey(keys, t.key)) found += t.weight;
  }
  return total ? found / total : 0;
}

export interface FindOptions {
  /** Paragraphs to read (default 30). */
  paragraphs?: number;
  /** Sentences to return (default 12). */
  limit?: number;
}

export function findSentences(
  kb: KnowledgeBase,
  terms: readonly string[],
  options: FindOptions = {},
): { hits: SentenceHit[]; weighted: WeightedTerm[] } {
  const { paragraphs = 30, limit = 12 } = options;
  const weighted = weighTerms(kb, terms);
  if (!weighted.length) return { hits: [], weighted };
  const query = [...new Set(terms.flatMap((t) => kb.passageIndex.family(t)))].join(' ');
  const found = kb.passageIndex.search(query || terms.join(' '), { limit: paragraphs });
  const top = found[0]?.score ?? 1;
  const hits: SentenceHit[] = [];
  found.forEach((hit, rank) => {
    // Split and keyed once per passage, then cached (search/passageSentences.ts).
    const { sentences, keys, around, all } = passageSentences(hit.passage);
    const paragraphCoverage = coverageOf(all, weighted);
    keys.forEach((k, i) => {
      const coverage = coverageOf(k, weighted);
      if (coverage === 0) return;
      const near = coverageOf(around[i] ?? k, weighted);
      const contextCoverage = near + 0.5 * (paragraphCoverage - near);
      // Titles rarely answer a question; a passage's rank breaks ties between equal sentences.
      const titlePenalty = hit.passage.paragraph < 0 ? 0.15 : 0;
      const score = coverage + 0.25 * contextCoverage + 0.1 * (hit.score / top) - 0.002 * rank - titlePenalty;
      hits.push({
        passage: hit.passage,
        sentences,
        index: i,
        text: sentences[i] ?? '',
        coverage,
        contextCoverage,
        score,
      });
    });
  });
  hits.sort((a, b) => b.score - a.score);
  return { hits: hits.slice(0, limit), weighted };
}
