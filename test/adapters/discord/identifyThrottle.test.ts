/**
 * The identify throttle shared by instances: one IDENTIFY per bucket per 5 s, the bucket being
 * shard id % max_concurrency, kept through the leases the instances share (PostgreSQL and Redis
 * here, as in production). Two throttlers stand for two processes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDENTIFY_WINDOW_MS,
  SharedIdentifyThrottler,
} from '../../../src/adapters/discord/identifyThrottle.ts';
import type { Leases } from '../../../src/state/leases.ts';
import { openPostgres } from '../../../src/state/postgres/database.ts';
import { PgLeases } from '../../../src/state/postgres/pgLeases.ts';
import { RedisLeases } from '../../../src/state/redis/redisLeases.ts';
import { freshRedis, freshSchema, type TestSchema } from '../../helpers/postgres.ts';

let schema: TestSchema;
let pool: Awaited<ReturnType<typeof openPostgres>>;
let redis: ReturnType<typeof freshRedis>;

beforeAll(async () => {
  schema = await freshSchema();
  pool = await openPostgres({ url: schema.url });
  redis = freshRedis();
});

afterAll(async () => {
  await pool?.end();
  await schema?.drop();
  await redis?.close();
});

describe.each<[string, () => Leases]>([
  ['PostgreSQL', () => new PgLeases(pool)],
  ['Redis', () => new RedisLeases(redis.redis, redis.prefix)],
])('identify throttled across instances through %s', (_store, leases) => {
  it('lets the second instance identify in a bucket only once the first one’s 5-second window has passed', async () => {
    const first = new SharedIdentifyThrottler(leases(), 1, { pollMs: 100 });
    const second = new SharedIdentifyThrottler(leases(), 1, { pollMs: 100 });
    const signal = new AbortController().signal;
    await first.waitForIdentify(0, signal);
    const started = Date.now();
    let secondDone = false;
    const waiting = second.waitForIdentify(1, signal).then(() => {
      secondDone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(secondDone).toBe(false);
    await waiting;
    // Never earlier than the window (less the second it took to ask); the database keeps the time.
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDENTIFY_WINDOW_MS - 1500);
  }, 20_000);

  it('keeps buckets apart: with max_concurrency 3, shards 1 and 2 identify at once; a wait can be cut short', async () => {
    const first = new SharedIdentifyThrottler(leases(), 3);
    const second = new SharedIdentifyThrottler(leases(), 3);
    // Buckets 1 and 2 (bucket 0 is the test above's).
    expect([first.bucketKey(1), first.bucketKey(2), first.bucketKey(4)]).toEqual([
      'discord:identify:1',
      'discord:identify:2',
      'discord:identify:1',
    ]);
    const signal = new AbortController().signal;
    await Promise.all([first.waitForIdentify(1, signal), second.waitForIdentify(2, signal)]);
    // Shard 4 shares shard 1's bucket: it waits, until its shard closes.
    const third = new SharedIdentifyThrottler(leases(), 3, { pollMs: 50 });
    const aborted = new AbortController();
    const waiting = third.waitForIdentify(4, aborted.signal);
    aborted.abort();
    await expect(waiting).rejects.toThrow();
  }, 20_000);
});

describe('identify throttle when the shared store fails', () => {
  it('falls back to this process’s own throttle and reports the failure', async () => {
    const errors: unknown[] = [];
    const broken: Leases = {
      owner: 'broken',
      acquire: () => Promise.reject(new Error('database down')),
      complete: () => Promise.resolve(),
      release: () => Promise.resolve(),
    };
    const throttler = new SharedIdentifyThrottler(broken, 1, { onError: (e) => errors.push(e) });
    await throttler.waitForIdentify(0, new AbortController().signal);
    expect(errors).toHaveLength(1);
  });
});
