/**
 * End to end through the composition root: `src/main.ts` as a real process with the Slack adapter
 * pointed at the fake Slack and DATA_DIR in a temporary folder. A subscription whose slot passed
 * ten minutes ago while the bot was down is posted once on start, and not again after a restart.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStateStore } from '../../src/state/sqliteStateStore.ts';
import { FakeSlack } from '../helpers/fakeSlack.ts';
import { type SpawnedBot, spawnBot } from '../helpers/spawnBot.ts';
import { removeTempDirs, tempDir } from './support.ts';

const running: ChildProcess[] = [];
let fake: FakeSlack | undefined;

afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await fake?.close();
  fake = undefined;
  removeTempDirs();
});

function startBot(env: Record<string, string>): SpawnedBot {
  const bot = spawnBot(env);
  running.push(bot.child);
  return bot;
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('npm start with Slack and a due digest', () => {
  it('posts a slot missed while down once on start, and not again after a restart', async () => {
    fake = await FakeSlack.start();
    const dataDir = tempDir();
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const hh = String(tenMinutesAgo.getUTCHours()).padStart(2, '0');
    const mm = String(tenMinutesAgo.getUTCMinutes()).padStart(2, '0');
    const store = new SqliteStateStore(join(dataDir, 'state.sqlite'));
    await store.addSubscription({
      platform: 'slack',
      channelId: 'C-DIGEST',
      spec: `daily ${hh}:${mm}`,
      cron: `${Number(mm)} ${Number(hh)} * * *`,
      timeZone: 'UTC',
      skipQuiet: false,
      origin: 'chat',
      createdAt: new Date(Date.now() - 2 * 24 * 3600_000),
    });
    await store.close();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-main',
      SLACK_SIGNING_SECRET: 'main-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      HEALTH_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    };

    const first = startBot(env);
    const post = await fake.waitFor(
      () => fake?.callsTo('chat.postMessage').find((c) => c.args.channel === 'C-DIGEST'),
      'the digest post',
      20_000,
    );
    expect(String(post.args.text)).toMatch(/^News digest: /);
    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toMatch(/digest scheduler started/);

    const second = startBot(env);
    await fake.waitFor(() => second.output().includes('digest scheduler started'), 'the restart', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await stop(second.child)).toBe(0);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C-DIGEST')).toHaveLength(1);

    const after = new SqliteStateStore(join(dataDir, 'state.sqlite'));
    // Yesterday's slot, long past, is recorded as skipped; today's, ten minutes late, was sent.
    expect(after.runs(1).map((r) => [r.status, r.detail])).toEqual([
      ['skipped', 'missed while the bot was not running; older than the 60-minute catch-up window'],
      ['sent', undefined],
    ]);
    await after.close();
  }, 60_000);
});
