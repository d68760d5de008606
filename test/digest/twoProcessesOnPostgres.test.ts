/**
 * Scheduler processes on one PostgreSQL: over a simulated day that crosses the change to summer
 * time, every slot is posted once between two of them; and when the instance that claimed a slot
 * is killed (kill -9) before posting, the other posts that slot once, after the lease runs out.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/state/postgres/database.ts';
import { PgStateStore } from '../../src/state/postgres/pgStateStore.ts';
import type { NewSubscription } from '../../src/state/stateStore.ts';
import { freshSchema, type TestSchema } from '../helpers/postgres.ts';
import { removeTempDirs, tempDir } from './support.ts';

const schemas: TestSchema[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const s of schemas.splice(0)) await s.drop();
  removeTempDirs();
});

function run(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', `test/digest/processes/${script}`, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  const saw = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => (out.includes(text) ? resolve() : setTimeout(check, 10));
      check();
    });
  const done = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, saw, done };
}

async function database(subscriptions: Partial<NewSubscription>[]): Promise<string> {
  const schema = await freshSchema();
  schemas.push(schema);
  const store = new PgStateStore(await openPostgres({ url: schema.url }));
  for (const s of subscriptions) {
    await store.addSubscription({
      platform: 'slack',
      channelId: 'C-A',
      spec: 'cron "*/15 * * * *"',
      cron: '*/15 * * * *',
      timeZone: 'Europe/London',
      skipQuiet: false,
      origin: 'chat',
      createdAt: new Date('2026-03-01T00:00:00Z'),
      ...s,
    });
  }
  await store.close();
  return schema.url;
}

describe('scheduler processes sharing one PostgreSQL', () => {
  it('post every slot exactly once between two, over the day London moves to summer time', async () => {
    const url = await database([
      { channelId: 'C-A' },
      { channelId: 'C-B' },
      { channelId: 'C-DAILY', spec: 'daily 08:00', cron: '0 8 * * *' },
    ]);
    const dir = tempDir();
    const log = join(dir, 'posts.log');
    const go = join(dir, 'go');
    writeFileSync(log, '');
    // 2026-03-29: at 01:00 UTC London's clocks go from 01:00 GMT to 02:00 BST.
    const a = run('schedulerProcess.ts', [url, log, go, 'process-a', '2026-03-29']);
    const b = run('schedulerProcess.ts', [url, log, go, 'process-b', '2026-03-29']);
    await Promise.all([a.saw('ready'), b.saw('ready')]);
    writeFileSync(go, '');
    expect(await Promise.all([a.done, b.done])).toEqual([0, 0]);

    const posts = readFileSync(log, 'utf8').trim().split('\n');
    const slots = posts.map((line) => line.split(' ').slice(0, 2).join(' '));
    expect(new Set(slots).size).toBe(slots.length);
    expect(slots.filter((s) => s.startsWith('C-A '))).toHaveLength(24 * 4 + 1);
    expect(slots.filter((s) => s.startsWith('C-B '))).toHaveLength(24 * 4 + 1);
    // 08:00 in London that day is 07:00 UTC (summer time), posted once.
    expect(slots.filter((s) => s.startsWith('C-DAILY '))).toEqual(['C-DAILY 2026-03-29T07:00:00.000Z']);
    expect(new Set(posts.map((line) => line.split(' ')[2]))).toEqual(new Set(['process-a', 'process-b']));
  }, 90_000);

  it('after kill -9 of the instance that claimed a slot, the other posts it once when the lease runs out', async () => {
    const url = await database([{ channelId: 'C-DAILY', spec: 'daily 08:00', cron: '0 8 * * *' }]);
    const dir = tempDir();
    const log = join(dir, 'posts.log');
    writeFileSync(log, '');
    const slot = '2026-03-30T07:00:00.000Z'; // 08:00 BST
    const a = run('claimingProcess.ts', [url, log, 'process-a', 'hang', '2026-03-30T07:00:30Z']);
    await a.saw('claimed');
    a.child.kill('SIGKILL');
    await a.done;
    const pool = await openPostgres({ url });
    const { rows } = await pool.query('SELECT status, owner FROM digest_runs WHERE slot = $1', [slot]);
    expect(rows).toEqual([{ status: 'claimed', owner: 'process-a' }]);

    // Within the lease (10 minutes) B leaves it; after it, B posts it once.
    const b = run('claimingProcess.ts', [
      url,
      log,
      'process-b',
      'post',
      ['2026-03-30T07:05:00Z', '2026-03-30T07:10:00Z', '2026-03-30T07:11:00Z', '2026-03-30T07:20:00Z'].join(
        ',',
      ),
    ]);
    expect(await b.done).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([`C-DAILY ${slot} process-b`]);
    const after = await pool.query('SELECT status, owner, attempts FROM digest_runs WHERE slot = $1', [slot]);
    expect(after.rows).toEqual([{ status: 'sent', owner: 'process-b', attempts: 1 }]);
    await pool.end();
  }, 60_000);
});
