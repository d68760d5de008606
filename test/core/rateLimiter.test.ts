import { describe, expect, it } from 'vitest';
import { NOTICE_WINDOW_MS, RateLimiter, TokenBuckets } from '../../src/core/rateLimiter.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TokenBuckets', () => {
  it('allows a burst of perMinute, then one more every 60/perMinute seconds', () => {
    const buckets = new TokenBuckets(6);
    for (let i = 0; i < 6; i++) {
      expect(buckets.waitMs('u', 0)).toBe(0);
      buckets.take('u', 0);
    }
    expect(buckets.waitMs('u', 0)).toBe(10_000);
    expect(buckets.waitMs('u', 4_000)).toBe(6_000);
    expect(buckets.waitMs('u', 10_000)).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping the least recently used', () => {
    const buckets = new TokenBuckets(1, 3);
    for (const key of ['a', 'b', 'c']) buckets.take(key, 0);
    buckets.waitMs('a', 0); // a is used again: b is now the oldest
    buckets.take('d', 0);
    expect(buckets.size).toBe(3);
    expect(buckets.waitMs('a', 0)).toBeGreaterThan(0); // still remembered, still empty
    expect(buckets.waitMs('b', 0)).toBe(0); // forgotten: starts full again
  });

  it('refuses a limit of 0 (the caller turns the limit off instead)', () => {
    expect(() => new TokenBuckets(0)).toThrow(RangeError);
  });
});

describe('RateLimiter', () => {
  it('refuses a user over the limit, says so once per window, then lets them in again', () => {
    const time = clock();
    const limiter = new RateLimiter({ userPerMinute: 2, channelPerMinute: 0 }, time.now);
    const ann = { platform: 'slack', userId: 'U1', channelId: 'C1' };
    expect(limiter.admit(ann)).toEqual({ ok: true });
    expect(limiter.admit(ann)).toEqual({ ok: true });
    expect(limiter.admit(ann)).toEqual({ ok: false, scope: 'user', notify: true, retryAfterMs: 30_000 });
    for (let i = 0; i < 5; i++) expect(limiter.admit(ann)).toMatchObject({ ok: false, notify: false });
    // Another user in the same channel is not affected.
    expect(limiter.admit({ ...ann, userId: 'U2' })).toEqual({ ok: true });
    time.advance(30_000);
    expect(limiter.admit(ann)).toEqual({ ok: true });
    // Refused again within the same minute: still no second notice.
    expect(limiter.admit(ann)).toMatchObject({ ok: false, notify: false });
    time.advance(NOTICE_WINDOW_MS);
    limiter.admit(ann);
    limiter.admit(ann);
    expect(limiter.admit(ann)).toMatchObject({ ok: false, notify: true });
  });

  it('counts each workspace apart: the same user and channel ids in another workspace have their own limits', () => {
    const time = clock();
    const limiter = new RateLimiter({ userPerMinute: 1, channelPerMinute: 1 }, time.now);
    const inA = { platform: 'slack', workspaceId: 'TA', userId: 'U1', channelId: 'C1' };
    expect(limiter.admit(inA)).toEqual({ ok: true });
    expect(limiter.admit(inA)).toMatchObject({ ok: false });
    expect(limiter.admit({ ...inA, workspaceId: 'TB' })).toEqual({ ok: true });
    expect(limiter.admit({ ...inA, userId: 'U2', workspaceId: 'TC' })).toEqual({ ok: true });
  });

  it("limits a channel whoever asks, and a refused request uses up no one's tokens", () => {
    const time = clock();
    const limiter = new RateLimiter({ userPerMinute: 2, channelPerMinute: 3 }, time.now);
    const at = (userId: string) => ({ platform: 'discord', userId, channelId: 'busy' });
    expect(limiter.admit(at('a')).ok).toBe(true);
    expect(limiter.admit(at('b')).ok).toBe(true);
    expect(limiter.admit(at('c')).ok).toBe(true);
    expect(limiter.admit(at('d'))).toMatchObject({ ok: false, scope: 'channel', notify: true });
    // d was refused by the channel; elsewhere d still has both tokens.
    expect(limiter.admit({ platform: 'discord', userId: 'd', channelId: 'quiet' }).ok).toBe(true);
    expect(limiter.admit({ platform: 'discord', userId: 'd', channelId: 'quiet' }).ok).toBe(true);
  });

  it('keys by platform, and lets requests without a user or channel through the limit they lack', () => {
    const limiter = new RateLimiter({ userPerMinute: 1, channelPerMinute: 0 }, () => 0);
    expect(limiter.admit({ platform: 'slack', userId: 'X' }).ok).toBe(true);
    expect(limiter.admit({ platform: 'discord', userId: 'X' }).ok).toBe(true);
    expect(limiter.admit({ platform: 'slack', userId: 'X' }).ok).toBe(false);
    for (let i = 0; i < 10; i++) expect(limiter.admit({ platform: 'slack', channelId: 'C' }).ok).toBe(true);
  });

  it('turns each limit off with 0', () => {
    const limiter = new RateLimiter({ userPerMinute: 0, channelPerMinute: 0 }, () => 0);
    for (let i = 0; i < 1000; i++) expect(limiter.admit({ userId: 'u', channelId: 'c' }).ok).toBe(true);
    expect(limiter.size).toEqual({ users: 0, channels: 0, notices: 0 });
  });

  it('stays within its memory bound under a flood of distinct users', () => {
    const limiter = new RateLimiter({ userPerMinute: 1, channelPerMinute: 1, maxKeys: 100 }, () => 0);
    for (let i = 0; i < 5_000; i++) limiter.admit({ userId: `u${i}`, channelId: `c${i % 300}` });
    const size = limiter.size;
    expect(size.users).toBeLessThanOrEqual(100);
    expect(size.channels).toBeLessThanOrEqual(100);
    expect(size.notices).toBeLessThanOrEqual(100);
  });
});
