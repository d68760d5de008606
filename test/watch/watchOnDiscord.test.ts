/**
 * Watched names through the real Discord adapter (discord.js) against the fake gateway and REST
 * server: /watch as a slash command, a file added to the corpus folder that mentions the watched
 * name (one embed in the channel) and one that does not (nothing), and the watch list shown to the
 * asker alone.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDiscord, startDiscord } from '../../src/adapters/discord/discordAdapter.ts';
import { assembleCommands } from '../../src/app/commands.ts';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { createBot } from '../../src/core/bot.ts';
import { LiveKnowledge } from '../../src/corpus/liveKnowledge.ts';
import { SqliteStateStore } from '../../src/state/sqliteStateStore.ts';
import { createWatches, type Watches } from '../../src/watch/watches.ts';
import { commandInteraction, FakeDiscord, IDS, type Json, route } from '../helpers/fakeDiscord.ts';

const EPHEMERAL = 1 << 6;

let dir: string;
let store: SqliteStateStore;
let live: LiveKnowledge;
let watches: Watches;
let fake: FakeDiscord;
let discord: RunningDiscord;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'watch-discord-'));
  cpSync('corpus', dir, { recursive: true });
  store = new SqliteStateStore(':memory:');
  live = new LiveKnowledge(openKnowledge(dir).kb, { load: async () => openKnowledge(dir).kb });
  const log = pino({ level: 'silent' });
  watches = createWatches({ state: store.watches, log, gatherMs: 0, floorMs: 0 });
  const bot = createBot(live, { commands: assembleCommands({ watches: watches.command }) });
  fake = await FakeDiscord.start();
  discord = await startDiscord({
    bot,
    log,
    settings: {
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_LISTEN_CHANNEL_IDS: [],
    },
    restRetries: 0,
  });
  watches.start(live, new Map([['discord', discord.digests]]));
});

afterAll(async () => {
  await watches?.stop();
  await discord?.stop();
  await fake?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function watchCommand(name: string): Promise<Json> {
  const interaction = commandInteraction('watch', { name });
  fake.dispatch('INTERACTION_CREATE', interaction.payload);
  return (await fake.waitFor(route.callback(interaction.id))).body;
}

function addArticle(file: string, title: string, body: string): Promise<unknown> {
  writeFileSync(
    join(dir, file),
    `---\ntitle: ${title}\npublication: Harbour Herald\npublished: 2017-04-21\n---\n${body}\n`,
  );
  return live.rebuild();
}

const posts = () => fake.requests.filter(route.channelMessage(IDS.channel));

describe('watched names on Discord', () => {
  it('watches a name from the slash command, said in the channel', async () => {
    const body = await watchCommand('Lavrof');
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.embeds[0].title).toBe('Watching "Sergei Lavrov" (you typed "Lavrof")');
  });

  it('posts nothing for an article in the corpus folder that does not mention it', async () => {
    await addArticle(
      'harbour.md',
      'Harbour dredging begins',
      'Work to deepen the harbour channel began on Monday, the port authority said, and will last until the autumn.',
    );
    await watches.alerter.idle();
    expect(posts()).toHaveLength(0);
  });

  it('posts one embed for an article that mentions it', async () => {
    const sent = fake.waitFor(route.channelMessage(IDS.channel));
    await addArticle(
      'lavrov.md',
      'Lavrov rejects the Shayrat report',
      'Russian Foreign Minister Sergei Lavrov said on Friday that the report on the chemical attack was one-sided. Lavrov spoke in Moscow after meeting his Iranian counterpart.',
    );
    const request = await sent;
    expect(request.body.allowed_mentions).toEqual({ parse: [] });
    const [embed] = request.body.embeds;
    expect(embed.title).toBe('Sergei Lavrov in a new article: Lavrov rejects the Shayrat report [1]');
    expect(embed.description).toMatch(
      /Sergei Lavrov: “Russian Foreign Minister Sergei Lavrov said on Friday/,
    );
    expect(embed.footer.text).toMatch(/Lavrov rejects the Shayrat report \(Harbour Herald, 2017-04-21\)/);
    await watches.alerter.idle();
    expect(posts()).toHaveLength(1);
  });

  it('lists the watches to the asker alone', async () => {
    const body = await watchCommand('list');
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.embeds[0].description).toMatch(/1\. "Sergei Lavrov"/);
  });
});
