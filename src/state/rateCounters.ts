/**
 * Request counters shared by every bot instance, for rate limits that hold across them: with N
 * instances a user still gets the limit once, not N times. The core's rate limiter uses this
 * interface, free of any driver; the composition root hands it an implementation on Redis or
 * PostgreSQL (flexibleRateCounters.ts).
 */
export type CounterOutcome = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateCounters {
  /** Counts one request against key's allowance of perMinute a minute. */
  take(key: string, perMinute: number): Promise<CounterOutcome>;
  /** Uncounts one (the request was refused by another limit, so it costs nothing). */
  giveBack(key: string, perMinute: number): Promise<void>;
}
