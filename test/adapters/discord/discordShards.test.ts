/**
 * Discord in shards, in one test process against the fake gateway (which routes a server's events
 * to shard (guild_id >> 22) % count, as Discord does): the shards DISCORD_SHARDS names, with no
 * database; and shards shared out between two bots under PostgreSQL advisory locks, which give a
 * shard up when their connection drops. The two servers of the fake land on different shards of 2.
 */
import pg from 'pg';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DiscordAdapterOptions,
  type RunningDiscord,
  startDiscord,
} from '../../../src/adapters/discord/discordAdapter.ts';
import { SuggestionIds } from '../../../src/adapters/discord/suggestionButtons.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { openPostgres } from '../../../src/state/postgres/database.ts';
import { PgLeases } from '../../../src/state/postgres/pgLeases.ts';
import { PgShardLocks } from '../../../src/state/postgres/pgShardLocks.ts';
import { PgSharedAsks } from '../../../src/state/postgres/pgSharedAsks.ts';
import {
  buttonInteraction,
  commandInteraction,
  FakeDiscord,
  guildMessage,
  IDS,
  type Json,
  route,
  shardOf,
} from '../../helpers/fakeDiscord.ts';
import { freshSchema, POSTGRES_BASE_URL, type TestSchema } from '../../helpers/postgres.ts';

const { bot } = openKnowledge('corpus');
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(probe: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function startFake(): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start({ withSecondGuild: true });
  cleanups.push(() => fake.close());
  return fake;
}

interface Bot {
  discord: RunningDiscord;
  lines: Json[];
}

async function startBot(
  fake: FakeDiscord,
  settings: { DISCORD_SHARDS?: number[]; DISCORD_SHARD_COUNT?: number },
  options: Partial<DiscordAdapterOptions> = {},
): Promise<Bot> {
  const lines: Json[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  const discord = await startDiscord({
    bot,
    log,
    settings: {
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_LISTEN_CHANNEL_IDS: [],
      ...settings,
    },
    restRetries: 0,
    ...options,
  });
  cleanups.push(() => discord.stop());
  return { discord, lines };
}

/** Mentions the bot in one of the two servers; resolves once, after a pause, with how many answers it got. */
async function mention(fake: FakeDiscord, secondGuild: boolean): Promise<number> {
  const channel = secondGuild ? IDS.guild2Channel : IDS.channel;
  const before = fake.requests.filter(route.channelMessage(channel)).length;
  fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${IDS.bot}> who is the mayor?`, { secondGuild }));
  await fake.waitFor(route.channelMessage(channel), 10_000);
  await sleep(500);
  return fake.requests.filter(route.channelMessage(channel)).length - before;
}

const answered = (b: Bot) => b.lines.filter((l) => l.msg === 'answered').length;

describe('explicit shards (DISCORD_SHARDS), no database', () => {
  it('runs shard 0 and shard 1 of 2 in two bots; each server is answered once, by the bot of its shard', async () => {
    expect(shardOf(IDS.guild, 2)).toBe(1);
    expect(shardOf(IDS.guild2, 2)).toBe(0);
    const fake = await startFake();
    const zero = await startBot(fake, { DISCORD_SHARDS: [0], DISCORD_SHARD_COUNT: 2 });
    const one = await startBot(fake, { DISCORD_SHARDS: [1], DISCORD_SHARD_COUNT: 2 });
    expect(fake.identified.map((d) => d.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(zero.discord.shards()).toEqual([0]);
    expect(one.discord.shards()).toEqual([1]);
    // Each session heard only of the server on its shard.
    expect(zero.discord.clients()[0]?.guilds.cache.map((g) => g.id)).toEqual([IDS.guild2]);
    expect(one.discord.clients()[0]?.guilds.cache.map((g) => g.id)).toEqual([IDS.guild]);

    expect(await mention(fake, false)).toBe(1);
    expect([answered(zero), answered(one)]).toEqual([0, 1]);
    expect(await mention(fake, true)).toBe(1);
    expect([answered(zero), answered(one)]).toEqual([1, 1]);
    expect(zero.discord.isReady?.()).toBe(true);
  }, 30_000);

  it('runs both shards in one client when DISCORD_SHARDS names both', async () => {
    const fake = await startFake();
    const both = await startBot(fake, { DISCORD_SHARDS: [0, 1], DISCORD_SHARD_COUNT: 2 });
    expect(fake.liveShards()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(both.discord.clients()).toHaveLength(1);
    expect(both.discord.clients()[0]?.guilds.cache.size).toBe(2);
    expect(await mention(fake, false)).toBe(1);
    expect(await mention(fake, true)).toBe(1);
  }, 30_000);

  it('runs every shard in this one process when DISCORD_SHARD_COUNT comes alone, with no database', async () => {
    const fake = await startFake();
    const all = await startBot(fake, { DISCORD_SHARD_COUNT: 2 }, { shardLocks: undefined });
    expect(all.discord.shards()).toEqual([0, 1]);
    expect(fake.liveShards()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(await mention(fake, true)).toBe(1);
  }, 30_000);
});

describe('shards shared out under PostgreSQL advisory locks', () => {
  async function setUp() {
    const schema: TestSchema = await freshSchema();
    cleanups.push(() => schema.drop());
    const pool = await openPostgres({ url: schema.url });
    cleanups.push(() => pool.end());
    const fake = await startFake();
    const timing = { shardClaimTiming: { pollMs: 200, claimDelayMs: 1500, retryAfterMs: 1000 } };
    const instance = () =>
      startBot(
        fake,
        { DISCORD_SHARD_COUNT: 2 },
        {
          leases: new PgLeases(pool),
          shardLocks: (shardCount) => new PgShardLocks({ url: schema.url, shardCount }),
          sharedAsks: new PgSharedAsks(pool),
          ...timing,
        },
      );
    return { schema, pool, fake, instance };
  }

  it('gives two instances one shard each; each server is answered once', async () => {
    const { fake, instance } = await setUp();
    const [a, b] = await Promise.all([instance(), instance()]);
    expect([...a.discord.shards(), ...b.discord.shards()].sort()).toEqual([0, 1]);
    expect(a.discord.shards()).toHaveLength(1);
    expect(fake.liveShards()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(await mention(fake, false)).toBe(1);
    expect(await mention(fake, true)).toBe(1);
    expect(answered(a) + answered(b)).toBe(2);
    expect(answered(a)).toBe(1);
    // A slash command in the first server reaches the instance of shard 1 alone, and is answered once.
    const help = commandInteraction('help');
    fake.dispatch('INTERACTION_CREATE', help.payload);
    await fake.waitFor(route.callback(help.id), 10_000);
    await sleep(500);
    expect(fake.requests.filter(route.callback(help.id))).toHaveLength(1);
    const first = a.discord.shards().includes(shardOf(IDS.guild, 2)) ? a : b;
    const second = first === a ? b : a;
    expect([answered(first), answered(second)]).toEqual([2, 1]);
  }, 60_000);

  it('lets a lone instance take the second shard too, once it has stayed free a while', async () => {
    const { fake, instance } = await setUp();
    const a = await instance();
    expect(a.discord.shards()).toHaveLength(1);
    // Seen free for claimDelayMs × 1, the second shard is taken too.
    await until(() => a.discord.shards().length === 2, 'the lone instance takes the second shard');
    await until(() => fake.liveShards().length === 2, 'both shards live');
    expect(await mention(fake, false)).toBe(1);
    expect(await mention(fake, true)).toBe(1);
  }, 60_000);

  it('stops the shards whose lock connection dropped; the other instance takes them over', async () => {
    const { schema, fake, instance } = await setUp();
    const [a, b] = await Promise.all([instance(), instance()]);
    const [lost] = a.discord.shards();
    expect(lost).toBeDefined();
    // Cut A's lock connection, as a network failure or a database restart would.
    const admin = new pg.Client({ connectionString: POSTGRES_BASE_URL });
    await admin.connect();
    cleanups.push(() => admin.end());
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
       WHERE locktype = 'advisory' AND objsubid = 2 AND granted
         AND classid = (hashtext($1 || ':discord-shard:2')::bigint & 4294967295)::oid AND objid = $2`,
      [schema.schema, lost],
    );
    await until(
      () => a.lines.some((l) => l.msg.startsWith('discord: lost the shard locks')),
      'A notices and stops its shard',
    );
    // The shard comes back, served once: by B (after its claim delay) or by A (which holds nothing, and retakes at once).
    await until(
      () => a.discord.shards().length + b.discord.shards().length === 2,
      'every shard served again',
    );
    await until(() => fake.liveShards().length === 2, 'both shards live');
    expect([...a.discord.shards(), ...b.discord.shards()].sort()).toEqual([0, 1]);
    expect(await mention(fake, false)).toBe(1);
    expect(await mention(fake, true)).toBe(1);
  }, 60_000);

  it('answers a click on a long-ask button that another instance (or an earlier run) offered', async () => {
    const { pool, fake, instance } = await setUp();
    await Promise.all([instance(), instance()]);
    // What an instance now gone rendered: a long ask, kept in the shared table under its key.
    const long = `/search ${'Shayrat airbase strike and the missiles fired at it by the destroyers '.repeat(2)}`;
    const elsewhere = new SuggestionIds({ shared: new PgSharedAsks(pool) });
    const customId = elsewhere.encode(long);
    await elsewhere.saved();
    expect(customId).toMatch(/^ask#/);
    const click = buttonInteraction(customId);
    fake.dispatch('INTERACTION_CREATE', click.payload);
    const callback = await fake.waitFor(route.callback(click.id), 10_000);
    expect(JSON.stringify(callback.body)).not.toMatch(/expired/);
    expect(callback.body.data.embeds?.length ?? 0).toBeGreaterThan(0);
  }, 60_000);
});
