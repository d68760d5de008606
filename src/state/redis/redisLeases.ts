/**
 * Leases (see ../leases.ts) in Redis: a key is taken with SET NX PX (its value says who holds it
 * and whether the work is done) and expires by itself; completing and releasing check the holder
 * in a script, so an instance whose lease ran out cannot finish or free someone else's.
 */
import type { Redis } from 'ioredis';
import { instanceOwner, type LeaseOutcome, type Leases } from '../leases.ts';

const COMPLETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) else return nil end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export class RedisLeases implements Leases {
  readonly owner = instanceOwner();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'newsbot:lease:',
  ) {}

  async acquire(key: string, leaseMs: number): Promise<LeaseOutcome> {
    const k = this.prefix + key;
    const set = await this.redis.set(k, `held:${this.owner}`, 'PX', Math.max(1, Math.round(leaseMs)), 'NX');
    if (set === 'OK') return 'acquired';
    const value = await this.redis.get(k);
    if (value === null) return this.acquire(key, leaseMs); // it ran out in between
    return value.startsWith('done:') ? 'done' : 'held';
  }

  async complete(key: string, keepMs: number): Promise<void> {
    await this.redis.eval(
      COMPLETE,
      1,
      this.prefix + key,
      `held:${this.owner}`,
      `done:${this.owner}`,
      String(Math.max(1, Math.round(keepMs))),
    );
  }

  async release(key: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.prefix + key, `held:${this.owner}`);
  }
}
