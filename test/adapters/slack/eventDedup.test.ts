import { describe, expect, it } from 'vitest';
import { EventDedup } from '../../../src/adapters/slack/eventDedup.ts';

describe('EventDedup', () => {
  it('says yes once per key', () => {
    const dedup = new EventDedup();
    expect(dedup.firstTime('Ev1')).toBe(true);
    expect(dedup.firstTime('Ev1')).toBe(false);
    expect(dedup.firstTime('Ev2')).toBe(true);
  });

  it('forgets a key after its time to live', () => {
    let now = 0;
    const dedup = new EventDedup({ ttlMs: 1000, now: () => now });
    expect(dedup.firstTime('Ev1')).toBe(true);
    now = 999;
    expect(dedup.firstTime('Ev1')).toBe(false);
    now = 1000;
    expect(dedup.firstTime('Ev1')).toBe(true);
    expect(dedup.size).toBe(1);
  });

  it('keeps at most maxEntries keys, dropping the oldest', () => {
    const dedup = new EventDedup({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) dedup.firstTime(key);
    expect(dedup.size).toBe(3);
    expect(dedup.firstTime('a')).toBe(true);
    expect(dedup.firstTime('d')).toBe(false);
  });

  it('by default remembers longer than Slack retries (5 minutes)', () => {
    let now = 0;
    const dedup = new EventDedup({ now: () => now });
    dedup.firstTime('Ev1');
    now = 6 * 60_000;
    expect(dedup.firstTime('Ev1')).toBe(false);
  });
});
