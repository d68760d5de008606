/**
 * Shard locks on PostgreSQL advisory locks: one holder per shard, freed when the holder closes or
 * its connection is cut, apart per schema and per shard count (advisory locks are database-wide).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgShardLocks } from '../../src/state/postgres/pgShardLocks.ts';
import { ShardLocksLost } from '../../src/state/shardLocks.ts';
import { freshSchema, POSTGRES_BASE_URL, type TestSchema } from '../helpers/postgres.ts';

let one: TestSchema;
let other: TestSchema;
const opened: PgShardLocks[] = [];

function locks(schema: TestSchema, shardCount = 2): PgShardLocks {
  const l = new PgShardLocks({ url: schema.url, shardCount });
  opened.push(l);
  return l;
}

beforeAll(async () => {
  [one, other] = await Promise.all([freshSchema(), freshSchema()]);
});

afterAll(async () => {
  for (const l of opened) await l.close();
  await one?.drop();
  await other?.drop();
});

describe('PgShardLocks', () => {
  it('lets one holder have a shard; the others see it taken until the holder gives it back or closes', async () => {
    const a = locks(one);
    const b = locks(one);
    expect(await a.tryLock(0)).toBe(true);
    expect(await a.tryLock(0)).toBe(true);
    expect(await b.tryLock(0)).toBe(false);
    expect(await b.isFree(0)).toBe(false);
    expect(await b.isFree(1)).toBe(true);
    // Asking did not take it.
    expect(b.held.size).toBe(0);
    await a.unlock(0);
    expect(await b.tryLock(0)).toBe(true);
    await b.close();
    expect(await a.tryLock(0)).toBe(true);
    expect([...a.held]).toEqual([0]);
  });

  it('keeps schemas and shard counts apart', async () => {
    const here = locks(one, 3);
    const there = locks(other, 3);
    const otherCount = locks(one, 4);
    expect(await here.tryLock(2)).toBe(true);
    expect(await there.tryLock(2)).toBe(true);
    expect(await otherCount.tryLock(2)).toBe(true);
  });

  it('reports the shards as lost once its connection is cut, then takes shards again on a new one', async () => {
    const a = locks(one, 5);
    expect(await a.tryLock(3)).toBe(true);
    const admin = new pg.Client({ connectionString: POSTGRES_BASE_URL });
    await admin.connect();
    try {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND objsubid = 2 AND granted
           AND classid = (hashtext($1 || ':discord-shard:5')::bigint & 4294967295)::oid AND objid = 3`,
        [one.schema],
      );
    } finally {
      await admin.end();
    }
    const lost = await a.check().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(lost).toBeInstanceOf(ShardLocksLost);
    expect((lost as ShardLocksLost).shards).toEqual([3]);
    expect(a.held.size).toBe(0);
    expect(await a.tryLock(3)).toBe(true);
  });
});
