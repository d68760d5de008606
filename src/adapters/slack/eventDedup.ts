/**
 * Remembers which Slack deliveries were already handled. Slack retries an event it thinks was
 * missed (after about 3 seconds, a minute, and five minutes), carrying the same event_id; the
 * second delivery must not produce a second answer. Bounded and in memory: one process's view.
 */
export interface EventDedupOptions {
  /** How long a key is remembered; longer than Slack's last retry (5 minutes). */
  ttlMs?: number;
  /** The most keys kept; the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

export const defaultDedupOptions = { ttlMs: 15 * 60_000, maxEntries: 10_000 } as const;

export class EventDedup {
  readonly #expiry = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor({ ttlMs, maxEntries, now }: EventDedupOptions = {}) {
    this.#ttlMs = Math.max(1, ttlMs ?? defaultDedupOptions.ttlMs);
    this.#maxEntries = Math.max(1, maxEntries ?? defaultDedupOptions.maxEntries);
    this.#now = now ?? Date.now;
  }

  /** True the first time a key is seen (and remembers it); false while it is remembered. */
  firstTime(key: string): boolean {
    const now = this.#now();
    this.#forgetExpired(now);
    if (this.#expiry.has(key)) return false;
    this.#expiry.set(key, now + this.#ttlMs);
    for (const oldest of this.#expiry.keys()) {
      if (this.#expiry.size <= this.#maxEntries) break;
      this.#expiry.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.#expiry.size;
  }

  // Every key gets the same TTL, so insertion order is expiry order.
  #forgetExpired(now: number): void {
    for (const [key, expires] of this.#expiry) {
      if (expires > now) break;
      this.#expiry.delete(key);
    }
  }
}
