/**
 * The rules by which an instance takes shards, on locks held in memory and a clock the test turns
 * (each look is called by hand): the first free shard at once; another only after it stayed free
 * claimDelayMs (holding one) or twice that (holding more); everything left when the locks are lost; a shard that failed to start given
 * back and left alone for a while. PostgreSQL's locks and real sessions: discordShards.test.ts.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ShardClaims } from '../../../src/adapters/discord/shardClaims.ts';
import { type ShardLocks, ShardLocksLost } from '../../../src/state/shardLocks.ts';

/** Locks shared by the "instances" of one test, as the database would hold them. */
class MemoryShardLocks implements ShardLocks {
  readonly held = new Set<number>();
  lost = false;

  constructor(private readonly owners: Map<number, MemoryShardLocks>) {}

  async tryLock(shard: number): Promise<boolean> {
    const owner = this.owners.get(shard);
    if (owner && owner !== this) return false;
    this.owners.set(shard, this);
    this.held.add(shard);
    return true;
  }

  async isFree(shard: number): Promise<boolean> {
    return !this.owners.has(shard);
  }

  async unlock(shard: number): Promise<void> {
    if (this.owners.get(shard) === this) this.owners.delete(shard);
    this.held.delete(shard);
  }

  async check(): Promise<void> {
    if (!this.lost) return;
    this.lost = false;
    const shards = [...this.held];
    for (const shard of shards) await this.unlock(shard);
    throw new ShardLocksLost(shards);
  }

  async close(): Promise<void> {
    for (const shard of [...this.held]) await this.unlock(shard);
  }
}

const log = pino({ level: 'silent' });

function setUp(shardCount = 3) {
  const owners = new Map<number, MemoryShardLocks>();
  let now = 0;
  const instance = (failing = new Set<number>()) => {
    const locks = new MemoryShardLocks(owners);
    const left: number[] = [];
    const attempts: number[] = [];
    const claims = new ShardClaims({
      locks,
      shardCount,
      log,
      now: () => now,
      claimDelayMs: 10_000,
      retryAfterMs: 30_000,
      serve: async (shard) => {
        attempts.push(shard);
        if (failing.has(shard)) throw new Error('gateway refused');
      },
      leave: async (shard) => {
        left.push(shard);
      },
    });
    return { locks, claims, left, attempts };
  };
  return { instance, owners, advance: (ms: number) => (now += ms) };
}

describe('ShardClaims', () => {
  it('takes the first free shard at once, then one more only after it stayed free claimDelayMs', async () => {
    const { instance, advance } = setUp(3);
    const a = instance();
    const b = instance();
    await a.claims.look();
    await b.claims.look();
    expect([a.claims.serving(), b.claims.serving()]).toEqual([[0], [1]]);
    await a.claims.look(); // shard 2 seen free: the clock starts
    advance(9_000);
    await a.claims.look();
    expect(a.claims.serving()).toEqual([0]);
    advance(1_000);
    await a.claims.look();
    expect(a.claims.serving()).toEqual([0, 2]);
    await b.claims.look();
    expect(b.claims.serving()).toEqual([1]);
  });

  it('waits twice claimDelayMs when holding two shards or more, and no longer', async () => {
    const { instance, advance } = setUp(5);
    const a = instance();
    await a.claims.look();
    await a.claims.look(); // shards 1 to 4 seen free
    advance(10_000);
    await a.claims.look();
    expect(a.claims.serving()).toEqual([0, 1]);
    advance(9_999); // shard 2 has been free 19.999 s: not yet, when holding two
    await a.claims.look();
    expect(a.claims.serving()).toEqual([0, 1]);
    advance(1);
    await a.claims.look();
    await a.claims.look();
    await a.claims.look();
    // Holding 2, 3, then 4: each waited 2 × 10 s from when it was first seen free, not 3 × or 4 ×.
    expect(a.claims.serving()).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes over the shards of an instance that died, one a round, the one holding least first', async () => {
    const { instance, advance } = setUp(2);
    const a = instance();
    const b = instance();
    await a.claims.look();
    await b.claims.look();
    await b.locks.close(); // B's connection is gone: its lock with it
    await a.claims.look();
    advance(10_000);
    await a.claims.look();
    expect(a.claims.serving()).toEqual([0, 1]);
  });

  it('leaves every shard when the locks are lost, and takes one again on the next look', async () => {
    const { instance } = setUp(2);
    const a = instance();
    await a.claims.look();
    a.locks.lost = true;
    await a.claims.look();
    expect(a.left).toEqual([0]);
    expect(a.claims.serving()).toEqual([]);
    await a.claims.look();
    expect(a.claims.serving()).toEqual([0]);
  });

  it('gives back a shard whose session failed to start, and leaves it to others for retryAfterMs', async () => {
    const { instance, owners, advance } = setUp(2);
    const a = instance(new Set([0]));
    await a.claims.look();
    expect(a.claims.serving()).toEqual([]);
    expect(owners.has(0)).toBe(false);
    await a.claims.look();
    expect(a.claims.serving()).toEqual([1]);
    advance(29_000);
    await a.claims.look();
    expect(a.attempts).toEqual([0, 1]);
    advance(1_000);
    await a.claims.look(); // free since now
    advance(10_000);
    await a.claims.look();
    // Tried again (and failed again): given back again.
    expect(a.attempts).toEqual([0, 1, 0]);
    expect(owners.has(0)).toBe(false);
  });

  it('gives everything back when stopped', async () => {
    const { instance, owners } = setUp(2);
    const a = instance();
    await a.claims.look();
    await a.claims.stop();
    expect(a.left).toEqual([0]);
    expect(owners.size).toBe(0);
  });
});
