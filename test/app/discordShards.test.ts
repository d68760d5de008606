/**
 * Two bot processes (`src/main.ts`) with DISCORD_SHARD_COUNT=2 on one PostgreSQL, against the fake
 * Discord, whose gateway routes each server's events to its shard: they share the two shards out
 * (one each), each mention is answered once, and when one process is killed outright (kill -9) the
 * other takes its shard over. The survivor's takeover is waited for, not timed: the README promises
 * 30 s, the test allows more on a loaded machine.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, guildMessage, IDS, route, shardOf } from '../helpers/fakeDiscord.ts';
import { freshSchema, type TestSchema } from '../helpers/postgres.ts';
import { spawnBot } from '../helpers/spawnBot.ts';

const running: ChildProcess[] = [];
const dirs: string[] = [];
let schema: TestSchema;
let discord: FakeDiscord;

interface Instance {
  name: string;
  child: ChildProcess;
  logs: () => Record<string, unknown>[];
  /** The shards this instance took and has not left since. */
  shards: () => number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => T | undefined | false, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function startInstance(name: string): Instance {
  const dataDir = mkdtempSync(join(tmpdir(), `shards-${name}-`));
  dirs.push(dataDir);
  const corpusDir = join(dataDir, 'corpus');
  cpSync('test/fixtures/corpora/port-ellis', corpusDir, { recursive: true });
  const { child, output } = spawnBot({
    DATABASE_URL: schema.url,
    CORPUS_DIR: corpusDir,
    CORPUS_WATCH: 'false',
    DATA_DIR: dataDir,
    HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_SHARD_COUNT: '2',
  });
  running.push(child);
  const logs = () =>
    output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const shards = () => {
    const held = new Set<number>();
    for (const l of logs()) {
      if (l.msg === 'discord connected' && Array.isArray(l.shards)) for (const s of l.shards) held.add(s);
      if (l.msg === 'discord: left a shard') held.delete(Number(l.shard));
    }
    return [...held].sort();
  };
  return { name, child, logs, shards };
}

/** Mentions the bot in one of the two servers; resolves with how many answers came, after a pause. */
async function mention(secondGuild: boolean): Promise<number> {
  const channel = secondGuild ? IDS.guild2Channel : IDS.channel;
  const before = discord.requests.filter(route.channelMessage(channel)).length;
  discord.dispatch('MESSAGE_CREATE', guildMessage(`<@${IDS.bot}> who is the mayor?`, { secondGuild }));
  await discord.waitFor(route.channelMessage(channel), 15_000);
  await sleep(800);
  return discord.requests.filter(route.channelMessage(channel)).length - before;
}

let a: Instance;
let b: Instance;

describe('Discord shards shared out by two processes on PostgreSQL', () => {
  beforeAll(async () => {
    schema = await freshSchema();
    discord = await FakeDiscord.start({ withSecondGuild: true, recommendedShards: 2 });
    [a, b] = [startInstance('A'), startInstance('B')];
    for (const instance of [a, b]) {
      await until(() => instance.logs().some((l) => l.msg === 'ready'), `${instance.name}: ready`, 90_000);
    }
    await until(() => discord.liveShards().length === 2, 'both shards live on the gateway', 60_000);
  }, 180_000);

  afterAll(async () => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await discord?.close();
    await schema?.drop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('gives each instance one of the two shards, identified as [id, 2]', () => {
    expect(discord.liveShards()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...a.shards(), ...b.shards()].sort()).toEqual([0, 1]);
    expect(a.shards()).toHaveLength(1);
  });

  it('answers a mention in each server once, from the instance that runs its shard', async () => {
    expect(await mention(false)).toBe(1);
    expect(await mention(true)).toBe(1);
    for (const [channel, guild] of [
      [IDS.channel, IDS.guild],
      [IDS.guild2Channel, IDS.guild2],
    ] as const) {
      const askedOn = [a, b].filter((i) =>
        i.logs().some((l) => l.msg === 'request' && l.channelId === channel),
      );
      expect(askedOn.map((i) => i.name)).toEqual([a.shards().includes(shardOf(guild, 2)) ? 'A' : 'B']);
    }
  }, 40_000);

  it('serves the shard of an instance killed with SIGKILL from the other one', async () => {
    const [victim, survivor] = a.shards().includes(shardOf(IDS.guild, 2)) ? [a, b] : [b, a];
    const orphan = shardOf(IDS.guild, 2);
    victim.child.kill('SIGKILL');
    await until(() => victim.child.exitCode !== null || victim.child.signalCode !== null, 'the kill', 10_000);
    await until(
      () => survivor.shards().includes(orphan),
      `${survivor.name} takes shard ${orphan} over (output: ${JSON.stringify(survivor.logs().slice(-5))})`,
      90_000,
    );
    await until(() => discord.liveShards().length === 2, 'both shards live again', 30_000);
    expect(survivor.shards()).toEqual([0, 1]);
    expect(await mention(false)).toBe(1);
    expect(await mention(true)).toBe(1);
  }, 150_000);
});
