/**
 * One scheduler process for the two-process tests: ticks through a day of quarter-hour slots on a
 * shared SQLite file (or PostgreSQL, given a postgres:// URL) with its own clock, appending every
 * post to a shared log file.
 * Usage: node --import tsx schedulerProcess.ts <db file | postgres URL> <post log> <go file> <owner> [day]
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Reply } from '../../../src/core/reply.ts';
import { DigestScheduler } from '../../../src/digest/digestScheduler.ts';
import { openPostgres } from '../../../src/state/postgres/database.ts';
import { PgStateStore } from '../../../src/state/postgres/pgStateStore.ts';
import { SqliteStateStore } from '../../../src/state/sqliteStateStore.ts';

const [file, log, go, owner, day = '2026-03-05'] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string?,
];
const store = file.startsWith('postgres://')
  ? new PgStateStore(await openPostgres({ url: file, max: 2 }))
  : new SqliteStateStore(file);
let now = new Date(`${day}T00:00:00Z`);
const scheduler = new DigestScheduler({
  store,
  owner,
  clock: { now: () => new Date(now) },

  deliveries: new Map([
    [
      'slack',
      {
        async post(target, reply: Reply) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          appendFileSync(log, `${target.channelId} ${reply.headline} ${owner}\n`);
        },
      },
    ],
  ]),
  compose: (_s, window) => ({
    kind: 'answer',
    headline: window.to.toISOString(),
    headlineCites: [],
    lines: [],
    fields: [],
    suggestions: [],
    citations: [],
  }),
});

process.stdout.write('ready\n');
while (!existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 5));
const end = now.getTime() + 24 * 3600_000;
// The two processes keep their simulated clocks in step (each writes how far it got and waits for
// the other), so they really race for the same slots however busy the machine is.
const stepFile = (who: string) => `${go}.${who}`;
const other = owner === 'process-a' ? 'process-b' : 'process-a';
const otherStep = () =>
  existsSync(stepFile(other)) ? Number(readFileSync(stepFile(other), 'utf8') || -1) : -1;
for (let step = 0; now.getTime() <= end; step++, now = new Date(now.getTime() + 5 * 60_000)) {
  await scheduler.tick();
  writeFileSync(stepFile(owner), String(step));
  while (otherStep() < step) await new Promise((resolve) => setTimeout(resolve, 1));
}
await store.close();
process.stdout.write('done\n');
