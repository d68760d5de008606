/**
 * Best-k passages for a set of terms, straight from their postings, scored with exactly the BM25+
 * formula and arithmetic MiniSearch uses (a test compares the two). MiniSearch's own search
 * builds a result object for every passage of every term and sorts them all; here each posting
 * costs a few typed-array reads and only the best `limit` are kept, which is what keeps searches of
 * common words fast as the archive grows.
 */
import type { PostingList } from './postingList.ts';
import { TopK } from './topK.ts';

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

/** The first index at or after `from` whose id is >= id (galloping, then binary search). */
function seek(ids: Uint32Array, count: number, from: number, id: number): number {
  if (from >= count || (ids[from] as number) >= id) return from;
  let step = 1;
  let low = from;
  let high = from + 1;
  while (high < count && (ids[high] as number) < id) {
    low = high;
    step *= 2;
    high = from + step;
  }
  high = Math.min(high, count);
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((ids[mid] as number) < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Passages holding every list, best `limit` first (ties: lower short id first). The score is the
 * sum of the terms' scores in list order, as MiniSearch's AND adds them; `accept` may refuse a
 * passage before it is scored. Walks the shortest list and seeks in the others (all are sorted).
 */
export function bestOfAll(
  lists: readonly PostingList[],
  stats: Bm25Stats,
  limit: number,
  accept?: (shortId: number) => boolean,
): Bm25Match[] {
  if (!lists.length) return [];
  const n = stats.documentCount;
  const avg = stats.averageLength;
  const lengths = stats.lengths;
  const count = lists.length;
  const idfs = lists.map((list) => inverseDocumentFrequency(list.size, n));
  const ids = lists.map((list) => list.sortedIds);
  const tfs = lists.map((list) => list.frequencies);
  const sizes = lists.map((list) => list.size);
  const cursors = lists.map(() => 0);
  let shortest = 0;
  for (let i = 1; i < count; i++) if ((sizes[i] as number) < (sizes[shortest] as number)) shortest = i;
  const walked = ids[shortest] as Uint32Array;
  const best = new TopK(limit);
  next: for (let j = 0; j < (sizes[shortest] as number); j++) {
    const shortId = walked[j] as number;
    let score = 0;
    for (let i = 0; i < count; i++) {
      const at =
        i === shortest ? j : seek(ids[i] as Uint32Array, sizes[i] as number, cursors[i] as number, shortId);
      cursors[i] = at;
      if (at >= (sizes[i] as number)) break next;
      if ((ids[i] as Uint32Array)[at] !== shortId) continue next;
      const tf = (tfs[i] as Uint8Array)[at] as number;
      score += termScore(idfs[i] as number, tf, lengths[shortId] ?? 0, avg);
    }
    // Ids come in ascending order, so a later passage that only ties the worst kept one loses to it.
    if (score > best.threshold && (!accept || accept(shortId))) best.offer(shortId, score);
  }
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
  lists: readonly PostingList[],
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
    const ids = list.sortedIds;
    const tfs = list.frequencies;
    for (let j = 0; j < list.size; j++) {
      const shortId = ids[j] as number;
      const score = termScore(idf, tfs[j] as number, lengths[shortId] ?? 0, avg);
      if (matched[shortId] === 0) {
        touched.push(shortId);
        scores[shortId] = score;
        first[shortId] = i;
      } else scores[shortId] = (scores[shortId] as number) + score;
      matched[shortId] = (matched[shortId] as number) + 1;
    }
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
