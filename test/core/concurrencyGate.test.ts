import { describe, expect, it } from 'vitest';
import { ConcurrencyGate } from '../../src/core/concurrencyGate.ts';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('ConcurrencyGate', () => {
  it('runs at most maxConcurrent at once, queues up to maxQueued in order, and turns the rest away', async () => {
    const gate = new ConcurrencyGate({ maxConcurrent: 2, maxQueued: 2 });
    const started: number[] = [];
    const gates = [0, 1, 2, 3].map(() => deferred());
    const runs = gates.map((g, i) =>
      gate.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    expect(gate.run(() => 'late')).toBeUndefined();
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([gate.active, gate.queued]).toEqual([2, 2]);
    gates[1]?.resolve();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    // A newcomer does not overtake the one still queued.
    const newcomer = gate.run(() => 'newcomer');
    gates[0]?.resolve();
    gates[2]?.resolve();
    gates[3]?.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(await newcomer).toBe('newcomer');
    expect(started).toEqual([0, 1, 2, 3]);
    await gate.idle();
    expect([gate.active, gate.queued]).toEqual([0, 0]);
  });

  it('frees the slot when work throws', async () => {
    const gate = new ConcurrencyGate({ maxConcurrent: 1, maxQueued: 0 });
    await expect(
      gate.run(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await gate.run(() => 'next')).toBe('next');
  });

  it('idle() waits for everything running and queued', async () => {
    const gate = new ConcurrencyGate({ maxConcurrent: 1, maxQueued: 5 });
    let finished = 0;
    for (let i = 0; i < 4; i++) {
      void gate.run(async () => {
        await new Promise((r) => setTimeout(r, 5));
        finished += 1;
      });
    }
    await gate.idle();
    expect(finished).toBe(4);
  });
});
