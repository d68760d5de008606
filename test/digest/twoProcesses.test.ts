/** Two scheduler processes on one SQLite file, ticking through the same day at once: each slot is posted once. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStateStore } from '../../src/state/sqliteStateStore.ts';
import { removeTempDirs, tempDir } from './support.ts';

afterEach(removeTempDirs);

function run(args: string[]): { ready: Promise<void>; done: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/digest/processes/schedulerProcess.ts', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const ready = new Promise<void>((resolve) => {
    child.stdout?.on('data', (d) => {
      out += String(d);
      if (out.includes('ready')) resolve();
    });
  });
  const done = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { ready, done };
}

describe('two scheduler processes sharing one database', () => {
  it('post every slot exactly once between them', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.sqlite');
    const log = join(dir, 'posts.log');
    const go = join(dir, 'go');
    writeFileSync(log, '');
    const store = new SqliteStateStore(file);
    for (const channelId of ['C-A', 'C-B']) {
      await store.addSubscription({
        platform: 'slack',
        channelId,
        spec: 'cron "*/15 * * * *"',
        cron: '*/15 * * * *',
        timeZone: 'UTC',
        skipQuiet: false,
        origin: 'chat',
        createdAt: new Date('2026-03-04T23:59:00Z'),
      });
    }
    await store.close();

    const a = run([file, log, go, 'process-a']);
    const b = run([file, log, go, 'process-b']);
    await Promise.all([a.ready, b.ready]);
    writeFileSync(go, '');
    expect(await Promise.all([a.done, b.done])).toEqual([0, 0]);

    const posts = readFileSync(log, 'utf8').trim().split('\n');
    const slots = posts.map((line) => line.split(' ').slice(0, 2).join(' '));
    // 00:00 to 24:00 every quarter hour, for each channel, once.
    expect(slots).toHaveLength(2 * (24 * 4 + 1));
    expect(new Set(slots).size).toBe(slots.length);
    const owners = new Set(posts.map((line) => line.split(' ')[2]));
    expect(owners).toEqual(new Set(['process-a', 'process-b']));
  }, 60_000);
});
