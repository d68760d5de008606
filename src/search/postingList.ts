/**
 * One term's postings (passage short id -> term frequency) in two typed arrays sorted by id,
 * standing in for the Map MiniSearch keeps per term. It offers the Map methods MiniSearch uses
 * (get, has, set, delete, size, iteration), so MiniSearch indexes, removes, searches and saves
 * as before. Why: a Map entry costs 30-40 bytes and a hash per insert; here a posting is 5-8
 * bytes, appended (passages are indexed in id order), and a list is walked in id order, which
 * lets a search of several terms merge lists instead of probing hash tables. At 10 M words the
 * postings are 6.5 million entries.
 */
export class PostingList {
  private ids: Uint32Array;
  private tfs: Uint8Array | Uint32Array;
  private count = 0;

  constructor(capacity = 2) {
    this.ids = new Uint32Array(capacity);
    this.tfs = new Uint8Array(capacity);
  }

  /** A list of one posting (a new term's first passage). */
  static of(id: number, tf: number): PostingList {
    return new PostingList(1).set(id, tf);
  }

  /** From MiniSearch's saved form: { "id": tf, ... } (integer keys come in ascending order). */
  static fromObject(saved: Record<string, number>): PostingList {
    const keys = Object.keys(saved);
    const list = new PostingList(Math.max(1, keys.length));
    for (const key of keys) list.set(Number(key), saved[key] as number);
    return list;
  }

  get size(): number {
    return this.count;
  }

  /** The ids (ascending) and frequencies, valid up to `size`: for merging lists without copies. */
  get sortedIds(): Uint32Array {
    return this.ids;
  }

  get frequencies(): Uint8Array | Uint32Array {
    return this.tfs;
  }

  get(id: number): number | undefined {
    const i = this.find(id);
    return i >= 0 ? this.tfs[i] : undefined;
  }

  has(id: number): boolean {
    return this.find(id) >= 0;
  }

  set(id: number, tf: number): this {
    if (tf > 255 && this.tfs instanceof Uint8Array) this.tfs = Uint32Array.from(this.tfs);
    const n = this.count;
    if (n === 0 || id > (this.ids[n - 1] as number)) {
      if (n === this.ids.length) this.grow();
      this.ids[n] = id;
      this.tfs[n] = tf;
      this.count = n + 1;
      return this;
    }
    const i = this.find(id);
    if (i >= 0) {
      this.tfs[i] = tf;
      return this;
    }
    // Out of order (not while building): insert at its place.
    const at = -i - 1;
    if (n === this.ids.length) this.grow();
    this.ids.copyWithin(at + 1, at, n);
    this.tfs.copyWithin(at + 1, at, n);
    this.ids[at] = id;
    this.tfs[at] = tf;
    this.count = n + 1;
    return this;
  }

  delete(id: number): boolean {
    const i = this.find(id);
    if (i < 0) return false;
    this.ids.copyWithin(i, i + 1, this.count);
    this.tfs.copyWithin(i, i + 1, this.count);
    this.count -= 1;
    return true;
  }

  forEach(callback: (tf: number, id: number, list: this) => void): void {
    const { ids, tfs } = this;
    for (let i = 0; i < this.count; i++) callback(tfs[i] as number, ids[i] as number, this);
  }

  /**
   * Positions in id order, as Map iteration goes on when entries are deleted or added meanwhile
   * (MiniSearch's discard and vacuum delete the entry being visited): after each step the walk
   * goes on from the first id above the one it was at.
   */
  private *positions(): Generator<number> {
    let i = 0;
    while (i < this.count) {
      const id = this.ids[i] as number;
      yield i;
      i = this.ids[i] === id ? i + 1 : this.firstAbove(id);
    }
  }

  *keys(): IterableIterator<number> {
    for (const i of this.positions()) yield this.ids[i] as number;
  }

  *values(): IterableIterator<number> {
    for (const i of this.positions()) yield this.tfs[i] as number;
  }

  *entries(): IterableIterator<[number, number]> {
    for (const i of this.positions()) yield [this.ids[i] as number, this.tfs[i] as number];
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  /**
   * The list as saved: the gaps between successive ids (small numbers, so short JSON), and the
   * frequencies only when one is not 1.
   */
  toSaved(): [gaps: number[], counts?: number[]] {
    const gaps: number[] = new Array(this.count);
    let previous = 0;
    let allOnes = true;
    for (let i = 0; i < this.count; i++) {
      const id = this.ids[i] as number;
      gaps[i] = id - previous;
      previous = id;
      if (this.tfs[i] !== 1) allOnes = false;
    }
    return allOnes ? [gaps] : [gaps, Array.from(this.tfs.subarray(0, this.count))];
  }

  static fromSaved(gaps: readonly number[], counts?: readonly number[]): PostingList {
    const list = new PostingList(Math.max(1, gaps.length));
    let id = 0;
    const big = counts?.some((c) => c > 255);
    if (big) list.tfs = new Uint32Array(list.ids.length);
    for (let i = 0; i < gaps.length; i++) {
      id += gaps[i] as number;
      list.ids[i] = id;
      list.tfs[i] = counts ? (counts[i] as number) : 1;
    }
    list.count = gaps.length;
    return list;
  }

  /** Gives back the unused capacity (once the corpus is indexed). */
  trim(): void {
    if (this.ids.length === this.count) return;
    this.ids = this.ids.slice(0, this.count);
    this.tfs = this.tfs.slice(0, this.count);
  }

  /** The first position whose id is above `id`. */
  private firstAbove(id: number): number {
    const i = this.find(id);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Index of id, or -(insertion point) - 1. The last id is checked first: the build's cases. */
  private find(id: number): number {
    const { ids } = this;
    let high = this.count - 1;
    if (high < 0 || (ids[high] as number) < id) return -this.count - 1;
    if (ids[high] === id) return high;
    let low = 0;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = ids[mid] as number;
      if (at < id) low = mid + 1;
      else if (at > id) high = mid - 1;
      else return mid;
    }
    return -low - 1;
  }

  private grow(): void {
    const capacity = Math.max(4, this.ids.length * 2);
    const ids = new Uint32Array(capacity);
    ids.set(this.ids);
    const tfs = this.tfs instanceof Uint8Array ? new Uint8Array(capacity) : new Uint32Array(capacity);
    tfs.set(this.tfs);
    this.ids = ids;
    this.tfs = tfs;
  }
}
