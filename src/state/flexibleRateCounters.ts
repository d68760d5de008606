/**
 * RateCounters on rate-limiter-flexible: a fixed one-minute window per key, counted atomically in
 * PostgreSQL (the `rate_limits` table of the migrations) or Redis (keys that expire by themselves).
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

/** Counters on rate-limiter-flexible, one limiter per allowance, made on first use. */
class FlexibleCounters implements RateCounters {
  readonly #limiters = new Map<number, RateLimiterAbstract>();

  constructor(
    private readonly make: (points: number) => RateLimiterAbstract,
    private readonly onStoreError: (error: unknown) => void,
  ) {}

  #limiter(perMinute: number): RateLimiterAbstract {
    let limiter = this.#limiters.get(perMinute);
    if (!limiter) {
      limiter = this.make(perMinute);
      this.#limiters.set(perMinute, limiter);
    }
    return limiter;
  }

  async take(key: string, perMinute: number): Promise<CounterOutcome> {
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

/** Counters in PostgreSQL's `rate_limits` table (created by the migrations). */
export function postgresRateCounters(pool: pg.Pool, onStoreError: (error: unknown) => void): RateCounters {
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
