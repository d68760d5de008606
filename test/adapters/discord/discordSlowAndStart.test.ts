import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DiscordStartError,
  type RunningDiscord,
  startDiscord,
} from '../../../src/adapters/discord/discordAdapter.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { commandInteraction, FakeDiscord, IDS, type Json, route } from '../../helpers/fakeDiscord.ts';

const EPHEMERAL = 1 << 6;
const { bot } = openKnowledge('corpus');
const silent = pino({ level: 'silent' });

describe('slow answers defer first', () => {
  let fake: FakeDiscord;
  let discord: RunningDiscord;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    discord = await startDiscord({
      bot,
      log: silent,
      settings: {
        DISCORD_TOKEN: 'fake-bot-token',
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_LISTEN_CHANNEL_IDS: [],
      },
      restRetries: 0,
      // Any recorded answer time counts as slow, so every command after the first defers.
      deferAfterMs: 0,
    });
  });

  afterAll(async () => {
    await discord?.stop();
    await fake?.close();
  });

  it('does not ask for the Message Content intent without listen channels', () => {
    expect(fake.identified[0].intents & (1 << 15)).toBe(0);
  });

  it('answers the first command directly, then defers and edits the answer in', async () => {
    const first = commandInteraction('who', { name: 'Tillerson' });
    fake.dispatch('INTERACTION_CREATE', first.payload);
    expect((await fake.waitFor(route.callback(first.id))).body.type).toBe(4);

    const second = commandInteraction('who', { name: 'Lavrov' });
    fake.dispatch('INTERACTION_CREATE', second.payload);
    const deferred = await fake.waitFor(route.callback(second.id));
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 0 } });
    const edit = await fake.waitFor(route.editOriginal(second.token));
    expect(edit.body.embeds[0].title).toMatch(/Lavrov/);
    expect(edit.body.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('replaces a deferred placeholder with an ephemeral follow-up for "not found"', async () => {
    const missing = commandInteraction('who', { name: 'Zzyzx Qwerty' });
    fake.dispatch('INTERACTION_CREATE', missing.payload);
    expect((await fake.waitFor(route.callback(missing.id))).body.type).toBe(5);
    const followUp = await fake.waitFor(
      (r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${IDS.application}/${missing.token}`,
    );
    expect(followUp.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(followUp.body.embeds[0].title).toMatch(/Couldn't find/);
    const deleted = fake.requests.find(
      (r: Json) => r.method === 'DELETE' && r.path.endsWith(`/${missing.token}/messages/@original`),
    );
    expect(deleted).toBeDefined();
  });
});

describe('starting the adapter', () => {
  it('says what to set when DISCORD_TOKEN is missing', async () => {
    await expect(
      startDiscord({
        bot,
        log: silent,
        settings: { DISCORD_TOKEN: undefined, DISCORD_LISTEN_CHANNEL_IDS: [] },
      }),
    ).rejects.toThrow(/DISCORD_TOKEN is not set/);
  });

  it('says what to do when Discord rejects the token', async () => {
    const fake = await FakeDiscord.start();
    fake.failNext((r) => r.path === '/api/v10/gateway/bot', 401, { message: '401: Unauthorized', code: 0 });
    try {
      const started = startDiscord({
        bot,
        log: silent,
        settings: { DISCORD_TOKEN: 'wrong', DISCORD_API_URL: fake.apiUrl, DISCORD_LISTEN_CHANNEL_IDS: [] },
        restRetries: 0,
      });
      await expect(started).rejects.toThrow(/Discord rejected DISCORD_TOKEN/);
    } finally {
      await fake.close();
    }
  });

  it('says how to fix a refused Message Content intent', async () => {
    const fake = await FakeDiscord.start({ closeOnIdentify: 4014 });
    try {
      const started = startDiscord({
        bot,
        log: silent,
        settings: {
          DISCORD_TOKEN: 'fake',
          DISCORD_API_URL: fake.apiUrl,
          DISCORD_LISTEN_CHANNEL_IDS: [IDS.listenChannel],
        },
        restRetries: 0,
      });
      await expect(started).rejects.toBeInstanceOf(DiscordStartError);
      await expect(started).rejects.toThrow(/Privileged Gateway Intents/);
    } finally {
      await fake.close();
    }
  });
});
