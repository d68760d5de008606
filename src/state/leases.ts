/**
 * Leases on keys, so that of several bot instances exactly one does a piece of work: answers a
 * Slack event (and its retries) or a Discord message, fetches a URL, polls a feed this interval.
 *
 *   acquire ──> held (for leaseMs) ──> complete ──> done (for keepMs): never again
 *                  │                └─> release ──> free: the next delivery may take it
 *                  └─> (the holder dies) lease runs out ──> free
 *
 * A key is marked done only once the work is finished (the answer posted), so an instance that
 * crashes mid-answer leaves a lease that runs out, and a retry reaching another instance is
 * answered, once. Implementations: in memory (one process, the default), PostgreSQL (the `leases`
 * table) and Redis (SET NX PX), chosen in the composition root.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export type LeaseOutcome =
  /** This instance holds the key now and should do the work. */
  | 'acquired'
  /** Another holder is working on it. */
  | 'held'
  /** The work was done already. */
  | 'done';

export interface Leases {
  /** Who this instance is in the leases it holds. */
  readonly owner: string;
  /** Takes the key for leaseMs, unless it is held (and not run out) or done. */
  acquire(key: string, leaseMs: number): Promise<LeaseOutcome>;
  /** Marks a held key done, remembered for keepMs. */
  complete(key: string, keepMs: number): Promise<void>;
  /** Gives a held key back unfinished, so another delivery may take it at once. */
  release(key: string): Promise<void>;
}

/** A name for this instance in leases: host and process, plus a random part. */
export function instanceOwner(): string {
  return `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

interface Entry {
  done: boolean;
  expires: number;
}

/** One process's leases, bounded (the oldest go first): the default with no shared database. */
export class MemoryLeases implements Leases {
  readonly owner = instanceOwner();
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.#maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.#now = options.now ?? Date.now;
  }

  async acquire(key: string, leaseMs: number): Promise<LeaseOutcome> {
    const now = this.#now();
    const found = this.#entries.get(key);
    if (found && found.expires > now) return found.done ? 'done' : 'held';
    this.#entries.delete(key);
    this.#entries.set(key, { done: false, expires: now + leaseMs });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
    return 'acquired';
  }

  async complete(key: string, keepMs: number): Promise<void> {
    const found = this.#entries.get(key);
    if (found) this.#entries.set(key, { done: true, expires: this.#now() + keepMs });
  }

  async release(key: string): Promise<void> {
    if (this.#entries.get(key)?.done === false) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Runs `work` once across every instance sharing `leases`: skipped when another holds or has done
 * the key; marked done after `work` resolves; released when it throws (and the error rethrown).
 * If the lease store cannot be reached, the work is done anyway (answering twice beats not
 * answering) and the failure is reported through onError.
 */
export async function onceAcross(
  leases: Leases,
  key: string,
  timing: { leaseMs: number; keepMs: number; onError?: (error: unknown) => void },
  work: () => Promise<void>,
): Promise<LeaseOutcome> {
  const report = (error: unknown) => timing.onError?.(error);
  let outcome: LeaseOutcome;
  try {
    outcome = await leases.acquire(key, timing.leaseMs);
  } catch (error) {
    report(error);
    await work();
    return 'acquired';
  }
  if (outcome !== 'acquired') return outcome;
  try {
    await work();
  } catch (error) {
    await leases.release(key).catch(report);
    throw error;
  }
  await leases.complete(key, timing.keepMs).catch(report);
  return 'acquired';
}
