/**
 * One scheduler process for the crash test: ticks at the given instants on a shared PostgreSQL.
 * In "hang" mode it stops right after claiming a slot, before starting to post it (as a process
 * frozen or killed there would), after saying "claimed" on stdout.
 * Usage: node --import tsx claimingProcess.ts <postgres URL> <post log> <owner> <hang|post> <iso,iso,...>
 */
import { appendFileSync } from 'node:fs';
import type { Reply } from '../../../src/core/reply.ts';
import { DigestScheduler } from '../../../src/digest/digestScheduler.ts';
import { openPostgres } from '../../../src/state/postgres/database.ts';
import { PgStateStore } from '../../../src/state/postgres/pgStateStore.ts';

const [url, log, owner, mode, times] = process.argv.slice(2) as [string, string, string, string, string];
class HangingAfterClaim extends PgStateStore {
  override startAttempt(): Promise<boolean> {
    process.stdout.write('claimed\n');
    return new Promise(() => {}); // never: killed here
  }
}
const pool = await openPostgres({ url, max: 2 });
const store = mode === 'hang' ? new HangingAfterClaim(pool) : new PgStateStore(pool);
let now = new Date(0);
const scheduler = new DigestScheduler({
  store,
  owner,
  leaseMs: 10 * 60_000,
  clock: { now: () => new Date(now) },
  deliveries: new Map([
    [
      'slack',
      {
        async post(target, reply: Reply) {
          appendFileSync(log, `${target.channelId} ${reply.headline} ${owner}\n`);
        },
      },
    ],
  ]),
  compose: (_s, window) => {
    return {
      kind: 'answer',
      headline: window.to.toISOString(),
      headlineCites: [],
      lines: [],
      fields: [],
      suggestions: [],
      citations: [],
    };
  },
});
for (const time of times.split(',')) {
  now = new Date(time);
  await scheduler.tick();
  process.stdout.write(`ticked ${time}\n`);
}
await store.close();
process.stdout.write('done\n');
