import { describe, expect, it } from 'vitest';
import { runShutdown } from '../../src/ops/shutdown.ts';
import { memoryLogger } from '../adapters/slack/support.ts';

describe('runShutdown', () => {
  it('runs the steps in order, and a failed step does not stop the rest', async () => {
    const { log, entries } = memoryLogger();
    const ran: string[] = [];
    const outcome = await runShutdown(
      [
        { name: 'a', run: () => ran.push('a') },
        {
          name: 'b',
          run: async () => {
            ran.push('b');
            throw new Error('b failed');
          },
        },
        { name: 'c', run: async () => ran.push('c') },
      ],
      1000,
      log,
    );
    expect(outcome).toBe('clean');
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(entries.find((e) => e.msg.includes('a step failed'))).toMatchObject({ step: 'b' });
  });

  it('gives up at the bound, naming the step it was on', async () => {
    const { log, entries } = memoryLogger();
    const started = Date.now();
    const outcome = await runShutdown(
      [
        { name: 'hangs', run: () => new Promise(() => {}) },
        { name: 'never', run: () => {} },
      ],
      50,
      log,
    );
    expect(outcome).toBe('timed_out');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(entries.at(-1)).toMatchObject({ step: 'hangs', timeoutMs: 50 });
  });
});
