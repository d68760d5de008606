/** Leases behave alike in memory, in PostgreSQL and in Redis (the real servers). */
import { afterEach, describe, expect, it } from 'vitest';
import {
  postgresRateCounters,
  redisRateCounters,
  sweepExpiredRateLimits,
} from '../../src/state/flexibleRateCounters.ts';
import { type Leases, MemoryLeases, onceAcross } from '../../src/state/leases.ts';
import { openPostgres } from '../../src/state/postgres/database.ts';
import { PgLeases } from '../../src/state/postgres/pgLeases.ts';
import type { RateCounters } from '../../src/state/rateCounters.ts';
import { RedisLeases } from '../../src/state/redis/redisLeases.ts';
import { freshRedis, freshSchema } from '../helpers/postgres.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Pair = () => Promise<[Leases, Leases]>;

const kinds: [string, Pair][] = [
  [
    'memory',
    async () => {
      const one = new MemoryLeases();
      return [one, one];
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = await freshSchema();
      const a = await openPostgres({ url: schema.url, max: 2 });
      const b = await openPostgres({ url: schema.url, max: 2 });
      cleanups.push(
        schema.drop,
        () => a.end(),
        () => b.end(),
      );
      return [new PgLeases(a), new PgLeases(b)];
    },
  ],
  [
    'Redis',
    async () => {
      const a = freshRedis();
      const b = freshRedis();
      cleanups.push(a.close, () => Promise.resolve(b.redis.disconnect()));
      return [new RedisLeases(a.redis, a.prefix), new RedisLeases(b.redis, a.prefix)];
    },
  ],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(kinds)('leases in %s', (_kind, pair) => {
  it('gives a key to one holder; done stays done; released is free again', async () => {
    const [a, b] = await pair();
    const outcomes = await Promise.all([
      a.acquire('e1', 10_000),
      b.acquire('e1', 10_000),
      b.acquire('e1', 10_000),
    ]);
    expect(outcomes.filter((o) => o === 'acquired')).toHaveLength(1);
    const holder = outcomes[0] === 'acquired' ? a : b;
    expect(await a.acquire('e1', 10_000)).toBe('held');
    await holder.complete('e1', 60_000);
    expect(await b.acquire('e1', 10_000)).toBe('done');
    expect(await a.acquire('e2', 10_000)).toBe('acquired');
    await a.release('e2');
    expect(await b.acquire('e2', 10_000)).toBe('acquired');
  });

  it('frees a key whose holder went quiet once the lease runs out', async () => {
    const [a, b] = await pair();
    expect(await a.acquire('e3', 150)).toBe('acquired');
    expect(await b.acquire('e3', 150)).toBe('held');
    await sleep(250);
    expect(await b.acquire('e3', 10_000)).toBe('acquired');
  });

  it('runs work once across holders, and lets a failed run be retried', async () => {
    const [a, b] = await pair();
    let runs = 0;
    const timing = { leaseMs: 10_000, keepMs: 60_000 };
    await expect(
      onceAcross(a, 'x', timing, async () => {
        throw new Error('posting failed');
      }),
    ).rejects.toThrow('posting failed');
    const outcomes = await Promise.all(
      [a, b, a, b].map((l) =>
        onceAcross(l, 'x', timing, async () => {
          runs++;
          await sleep(20);
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o === 'acquired')).toHaveLength(1);
  });
});

describe.each<[string, () => Promise<[RateCounters, RateCounters]>]>([
  [
    'PostgreSQL',
    async () => {
      const schema = await freshSchema();
      const a = await openPostgres({ url: schema.url, max: 2 });
      const b = await openPostgres({ url: schema.url, max: 2 });
      cleanups.push(
        schema.drop,
        () => a.end(),
        () => b.end(),
      );
      return [
        postgresRateCounters(a, (e) => {
          throw e;
        }),
        postgresRateCounters(b, (e) => {
          throw e;
        }),
      ];
    },
  ],
  [
    'Redis',
    async () => {
      const a = freshRedis();
      cleanups.push(a.close);
      return [
        redisRateCounters(
          a.redis,
          (e) => {
            throw e;
          },
          a.prefix,
        ),
        redisRateCounters(
          a.redis,
          (e) => {
            throw e;
          },
          a.prefix,
        ),
      ];
    },
  ],
])('rate counters in %s', (_kind, pair) => {
  it('count one allowance across instances, and give back what another limit refused', async () => {
    const [a, b] = await pair();
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await (i % 2 ? b : a).take('slack:T1:U1', 5));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refused = results[7];
    expect(refused?.ok === false && refused.retryAfterMs > 0 && refused.retryAfterMs <= 60_000).toBe(true);
    expect((await a.take('slack:T2:U1', 5)).ok).toBe(true);
    await a.giveBack('slack:T1:U1', 5);
    await a.giveBack('slack:T1:U1', 5);
    await a.giveBack('slack:T1:U1', 5);
    await a.giveBack('slack:T1:U1', 5);
    expect((await b.take('slack:T1:U1', 5)).ok).toBe(true);
  });
});

describe('rate counters in PostgreSQL: expired rows', () => {
  it('are swept as requests come, so the table holds only the keys of the last minutes', async () => {
    const schema = await freshSchema();
    const pool = await openPostgres({ url: schema.url, max: 2 });
    cleanups.push(schema.drop, () => pool.end());
    // 300 users who asked two hours ago, and one whose window is still running.
    const twoHoursAgo = Date.now() - 2 * 3600_000;
    await pool.query(
      `INSERT INTO rate_limits (key, points, expire)
       SELECT 'rl5:slack:T1:OLD' || n, 1, $1 FROM generate_series(1, 300) AS n`,
      [twoHoursAgo],
    );
    const counters = postgresRateCounters(
      pool,
      (e) => {
        throw e;
      },
      { sweepEvery: 4 },
    );
    for (let i = 0; i < 3; i++) expect((await counters.take(`slack:T1:NEW${i}`, 5)).ok).toBe(true);
    const count = async () => Number((await pool.query('SELECT count(*) AS n FROM rate_limits')).rows[0].n);
    expect(await count()).toBe(303);
    // The fourth request sweeps: the old rows go, the running windows stay and still count.
    expect((await counters.take('slack:T1:NEW0', 5)).ok).toBe(true);
    expect(await count()).toBe(3);
    const { rows } = await pool.query("SELECT points FROM rate_limits WHERE key LIKE '%:NEW0'");
    expect(rows[0].points).toBe(2);
    // A window that ended under a minute ago is kept (the writers' clocks may differ a little).
    await pool.query("UPDATE rate_limits SET expire = $1 WHERE key LIKE '%:NEW1'", [Date.now() - 5000]);
    expect(await sweepExpiredRateLimits(pool)).toBe(0);
    expect(await sweepExpiredRateLimits(pool, Date.now() + 120_000)).toBe(3);
  });
});

describe('onceAcross when the lease store fails', () => {
  it('does the work anyway and reports the failure: answering twice beats not answering', async () => {
    const broken: Leases = {
      owner: 'x',
      acquire: () => Promise.reject(new Error('connection refused')),
      complete: () => Promise.reject(new Error('connection refused')),
      release: () => Promise.reject(new Error('connection refused')),
    };
    const errors: unknown[] = [];
    let runs = 0;
    const outcome = await onceAcross(
      broken,
      'k',
      { leaseMs: 1000, keepMs: 1000, onError: (e) => errors.push(e) },
      async () => {
        runs++;
      },
    );
    expect({ outcome, runs, errors: errors.length }).toEqual({ outcome: 'acquired', runs: 1, errors: 1 });
  });
});
