/**
 * Best-k passages for a set of terms, straight from their postings, scored with exactly the BM25+
 * formula and arithmetic MiniSearch uses (a test compares the two). MiniSearch's own search
 * builds a result object for every passage of every term and sorts them all; here each posting
 * costs a few array reads and only the best `limit` are kept, which is what keeps searches of
 * common words fast as the archive grows.
 */
import { TopK } from './topK.ts';

/** Passage (short id) -> how often the term occurs in it. */
export type Postings = Map<number, number>;

export interface Bm25Stats {
  documentCount: number;
  averageLength: number;
  /** Field length of each passage (its distinct terms), by short id. */
  lengths: ArrayLike<number>;
}

export interface Bm25Match {
  shortId: number;
  score: number;
}

/** MiniSearch's default BM25+ parameters. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

function inverseDocumentFrequency(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** One term's score in one passage: MiniSearch's calcBM25Score, operation for operation. */
function termScore(idf: number, tf: number, length: number, avg: number): number {
  const { k, b, d } = BM25;
  return idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
}

/**
 * Passages holding every list, best `limit` first (ties: lower short id first). The score is the
 * sum of the terms' scores in list order, as MiniSearch's AND adds them; `accept` may refuse a
 * passage before it is scored. Walks the shortest list and probes the others.
 */
export function bestOfAll(
  lists: readonly Postings[],
  stats: Bm25Stats,
  limit: number,
  accept?: (shortId: number) => boolean,
): Bm25Match[] {
  if (!lists.length) return [];
  const n = stats.documentCount;
  const avg = stats.averageLength;
  const lengths = stats.lengths;
  const idfs = lists.map((list) => inverseDocumentFrequency(list.size, n));
  let shortest = 0;
  lists.forEach((list, i) => {
    if (list.size < (lists[shortest] as Postings).size) shortest = i;
  });
  const best = new TopK(limit);
  const count = lists.length;
  (lists[shortest] as Postings).forEach((_, shortId) => {
    let score = 0;
    for (let i = 0; i < count; i++) {
      const tf = (lists[i] as Postings).get(shortId);
      if (tf === undefined) return;
      score += termScore(idfs[i] as number, tf, lengths[shortId] ?? 0, avg);
    }
    if (score > best.threshold || score === best.threshold) {
      if (!accept || accept(shortId)) best.offer(shortId, score);
    }
  });
  return best.sorted().map(({ key, score }) => ({ shortId: key, score }));
}

/** Reused per-passage accumulators of bestOfAny, grown with the index. */
export class ScoreScratch {
  scores = new Float64Array(0);
  matched = new Uint32Array(0);
  first = new Uint32Array(0);

  fit(size: number): void {
    if (this.scores.length >= size) return;
    const capacity = Math.max(size, this.scores.length * 2);
    this.scores = new Float64Array(capacity);
    this.matched = new Uint32Array(capacity);
    this.first = new Uint32Array(capacity);
  }
}

/**
 * Passages holding any list, best `limit` first, scored as MiniSearch's OR search scores them: the
 * sum of the matched terms' scores times how many terms matched. Ties keep MiniSearch's order
 * (passages found by an earlier list first, then by short id).
 */
export function bestOfAny(
  lists: readonly Postings[],
  stats: Bm25Stats,
  limit: number,
  scratch: ScoreScratch,
  accept?: (shortId: number) => boolean,
): Bm25Match[] {
  const n = stats.documentCount;
  const avg = stats.averageLength;
  const lengths = stats.lengths;
  scratch.fit(lengths.length);
  const { scores, matched, first } = scratch;
  const touched: number[] = [];
  lists.forEach((list, i) => {
    const idf = inverseDocumentFrequency(list.size, n);
    list.forEach((tf, shortId) => {
      const score = termScore(idf, tf, lengths[shortId] ?? 0, avg);
      if (matched[shortId] === 0) {
        touched.push(shortId);
        scores[shortId] = score;
        first[shortId] = i;
      } else scores[shortId] = (scores[shortId] as number) + score;
      matched[shortId] = (matched[shortId] as number) + 1;
    });
  });
  const best = new TopK(limit);
  const span = lengths.length + 1;
  for (const shortId of touched) {
    const score = (scores[shortId] as number) * (matched[shortId] as number);
    if (!accept || accept(shortId)) best.offer(shortId, score, (first[shortId] as number) * span + shortId);
    matched[shortId] = 0;
  }
  return best.sorted().map(({ key, score }) => ({ shortId: key, score }));
}
