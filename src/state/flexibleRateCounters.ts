/**
 * RateCounters on rate-limiter-flexible: a fixed one-minute window per key, counted atomically in
 * PostgreSQL (the `rate_limits` table of the migrations) or Redis (keys that expire by themselves).
 *
 * PostgreSQL rows do not expire by themselves: a row per user and channel that ever asked would
 * stay. The library's own sweep (clearExpiredByTimeout) runs a timer per limiter (one per
 * allowance here) that nothing can stop at shutdown, so instead every SWEEP_EVERY-th request of
 * this process deletes the rows whose window ended over a minute ago, as the leases are swept.
 * The table then holds the keys of the last couple of minutes, whatever the traffic.
 */
import type { Redis } from 'ioredis';
import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { CounterOutcome, RateCounters } from './rateCounters.ts';

const WINDOW_SECONDS = 60;
const SWEEP_EVERY = 500;
/** A row is deleted this long after its window ended (the writers' clocks may differ a little). */
const SWEEP_GRACE_MS = 60_000;

/** Counters on rate-limiter-flexible, one limiter per allowance, made on first use. */
class FlexibleCounters implements RateCounters {
  readonly #limiters = new Map<number, RateLimiterAbstract>();

  constructor(
    private readonly make: (points: number) => RateLimiterAbstract,
    private readonly onStoreError: (error: unknown) => void,
    private readonly sweep?: { every: number; run: () => Promise<unknown> },
  ) {}

  #sinceSweep = 0;

  #limiter(perMinute: number): RateLimiterAbstract {
    let limiter = this.#limiters.get(perMinute);
    if (!limiter) {
      limiter = this.make(perMinute);
      this.#limiters.set(perMinute, limiter);
    }
    return limiter;
  }

  async take(key: string, perMinute: number): Promise<CounterOutcome> {
    if (this.sweep && ++this.#sinceSweep >= this.sweep.every) {
      this.#sinceSweep = 0;
      await this.sweep.run().catch((error: unknown) => this.onStoreError(error));
    }
    try {
      await this.#limiter(perMinute).consume(key, 1);
      return { ok: true };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterMs: refusal.msBeforeNext };
      // The store is unreachable: answering beats going silent, and the failure is reported.
      this.onStoreError(refusal);
      return { ok: true };
    }
  }

  async giveBack(key: string, perMinute: number): Promise<void> {
    await this.#limiter(perMinute)
      .reward(key, 1)
      .catch((error: unknown) => this.onStoreError(error));
  }
}

/** Deletes the `rate_limits` rows whose window ended over a minute ago; returns how many. */
export async function sweepExpiredRateLimits(pool: pg.Pool, now = Date.now()): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM rate_limits WHERE expire < $1', [now - SWEEP_GRACE_MS]);
  return rowCount ?? 0;
}

/** Counters in PostgreSQL's `rate_limits` table (created by the migrations), swept every sweepEvery requests. */
export function postgresRateCounters(
  pool: pg.Pool,
  onStoreError: (error: unknown) => void,
  options: { sweepEvery?: number } = {},
): RateCounters {
  return new FlexibleCounters(
    (points) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: `rl${points}`,
        points,
        duration: WINDOW_SECONDS,
      }),
    onStoreError,
    { every: options.sweepEvery ?? SWEEP_EVERY, run: () => sweepExpiredRateLimits(pool) },
  );
}

/** Counters in Redis, expiring by themselves. */
export function redisRateCounters(
  redis: Redis,
  onStoreError: (error: unknown) => void,
  prefix = 'newsbot:',
): RateCounters {
  return new FlexibleCounters(
    (points) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}rl${points}`,
        points,
        duration: WINDOW_SECONDS,
      }),
    onStoreError,
  );
}
