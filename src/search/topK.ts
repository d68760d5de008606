/**
 * Keeps the `size` best keys seen (a binary min-heap): no sorting of every candidate. Better is a
 * higher score, then a lower `order` (so ties break the same way a full stable sort would).
 */
export class TopK {
  private readonly keys: number[] = [];
  private readonly scores: number[] = [];
  private readonly orders: number[] = [];

  constructor(private readonly size: number) {}

  /** The score a new key must beat once the heap is full (-Infinity until then). */
  get threshold(): number {
    return this.keys.length < this.size ? Number.NEGATIVE_INFINITY : (this.scores[0] ?? 0);
  }

  offer(key: number, score: number, order = key): void {
    if (this.keys.length < this.size) {
      this.keys.push(key);
      this.scores.push(score);
      this.orders.push(order);
      this.up(this.keys.length - 1);
    } else if (this.size > 0 && this.beats(score, order, 0)) {
      this.keys[0] = key;
      this.scores[0] = score;
      this.orders[0] = order;
      this.down(0);
    }
  }

  /** Best first. */
  sorted(): { key: number; score: number }[] {
    return this.keys
      .map((key, i) => ({ key, score: this.scores[i] ?? 0, order: this.orders[i] ?? 0 }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map(({ key, score }) => ({ key, score }));
  }

  /** Whether (score, order) is better than the entry at i. */
  private beats(score: number, order: number, i: number): boolean {
    const other = this.scores[i] ?? 0;
    return score > other || (score === other && order < (this.orders[i] ?? 0));
  }

  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j] as number, this.keys[i] as number];
    [this.scores[i], this.scores[j]] = [this.scores[j] as number, this.scores[i] as number];
    [this.orders[i], this.orders[j]] = [this.orders[j] as number, this.orders[i] as number];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.beats(this.scores[parent] ?? 0, this.orders[parent] ?? 0, i)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      const n = this.keys.length;
      if (l < n && this.beats(this.scores[least] ?? 0, this.orders[least] ?? 0, l)) least = l;
      if (r < n && this.beats(this.scores[least] ?? 0, this.orders[least] ?? 0, r)) least = r;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }
}
