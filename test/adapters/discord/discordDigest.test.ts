/**
 * Scheduled digests through the real Discord adapter (discord.js) against the fake gateway and
 * REST server: /digest as a slash command, the scheduler posting embeds to the channel, failures
 * and retries, and previews that only the asker sees.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDiscord, startDiscord } from '../../../src/adapters/discord/discordAdapter.ts';
import { assembleCommands } from '../../../src/app/commands.ts';
import { createBot } from '../../../src/core/bot.ts';
import { composeDigest } from '../../../src/digest/composeDigest.ts';
import { DeliveryError, DigestScheduler } from '../../../src/digest/digestScheduler.ts';
import { createDigestService } from '../../../src/digest/digestService.ts';
import { SqliteStateStore } from '../../../src/state/sqliteStateStore.ts';
import { ManualClock, shippedKnowledge } from '../../digest/support.ts';
import {
  commandInteraction,
  directMessage,
  FakeDiscord,
  guildMessage,
  IDS,
  type Json,
  route,
} from '../../helpers/fakeDiscord.ts';

const EPHEMERAL = 1 << 6;

const kb = shippedKnowledge({ 'us-russia-deep-freeze': '2026-03-05T09:00:00.000Z' });
const clock = new ManualClock(new Date('2026-03-05T10:00:00Z'));
const store = new SqliteStateStore(':memory:');
const digests = createDigestService({ store, knowledge: () => kb, defaultTimeZone: 'UTC', clock });
const bot = createBot(kb, { commands: assembleCommands({ digests }) });

let fake: FakeDiscord;
let discord: RunningDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  discord = await startDiscord({
    bot,
    log: pino({ level: 'silent' }),
    settings: {
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_LISTEN_CHANNEL_IDS: [],
    },
    restRetries: 0,
  });
});

afterAll(async () => {
  await discord?.stop();
  await fake?.close();
  await store.close();
});

async function digestCommand(action: string): Promise<Json> {
  const interaction = commandInteraction('digest', { action });
  fake.dispatch('INTERACTION_CREATE', interaction.payload);
  const callback = await fake.waitFor(route.callback(interaction.id));
  return callback.body;
}

function scheduler(attempts = 1): DigestScheduler {
  return new DigestScheduler({
    store,
    deliveries: new Map([['discord', discord.digests]]),
    compose: (_s, window) => composeDigest(kb, window),
    clock,
    sleep: async () => {},
    retry: { attempts, baseDelayMs: 1, maxDelayMs: 1 },
  });
}

describe('digests on Discord', () => {
  it('subscribes the channel with /digest subscribe, answered in the channel', async () => {
    const body = await digestCommand('subscribe daily 08:00 Europe/London');
    expect(body.type).toBe(4);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.embeds[0].title).toBe(
      'This channel will get a digest of new articles daily 08:00 (Europe/London).',
    );
    const [sub] = await store.listSubscriptions();
    expect(sub).toMatchObject({ platform: 'discord', channelId: IDS.channel, createdBy: IDS.user });
  });

  it('shows the preview, the list and a bad schedule to the asker alone', async () => {
    const preview = await digestCommand('now');
    expect(preview.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(preview.data.embeds[0].title).toMatch(/^Digest preview: 1 new article/);
    const list = await digestCommand('list');
    expect(list.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const bad = await digestCommand('subscribe weekly someday 08:00');
    expect(bad.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(bad.data.embeds[0].title).toMatch(/"someday" is not a day of the week/);
  });

  it('posts the scheduled digest to the channel as an embed that pings nobody', async () => {
    clock.set('2026-03-06T08:00:05Z');
    const sent = fake.waitFor(route.channelMessage(IDS.channel));
    const reports = await scheduler().tick();
    expect(reports).toEqual([
      { subscriptionId: 1, slot: '2026-03-06T08:00:00.000Z', status: 'sent', attempts: 1 },
    ]);
    const request = await sent;
    expect(request.headers.authorization).toBe('Bot fake-bot-token');
    expect(request.body.allowed_mentions).toEqual({ parse: [] });
    const [embed] = request.body.embeds;
    expect(embed.title).toMatch(/^News digest: 1 new article since 2026-03-05 08:00 \(Europe\/London\)/);
    expect(embed.description).toMatch(/US-Russia relations in deep freeze\?/);
    expect(embed.footer.text).toMatch(/^\[1\] US-Russia relations in deep freeze\?/);
    expect(await scheduler().tick()).toEqual([]);
  });

  it('retries when Discord refuses, and says why when it keeps refusing', async () => {
    clock.set('2026-03-07T08:00:05Z');
    fake.failNext(route.channelMessage(IDS.channel), 403, { message: 'Missing Permissions', code: 50013 });
    const retried = await scheduler(2).tick();
    expect(retried[0]).toMatchObject({ status: 'sent', attempts: 2 });

    clock.set('2026-03-08T08:00:05Z');
    fake.failNext(route.channelMessage(IDS.channel), 404, { message: 'Unknown Channel', code: 10003 });
    const failed = await scheduler(1).tick();
    expect(failed[0]).toMatchObject({
      status: 'failed',
      detail: 'Discord: Unknown Channel (10003: the channel does not exist) (after 1 attempt)',
    });
  });

  it('posts through the delivery directly, with errors as DeliveryError', async () => {
    fake.failNext(route.channelMessage('1300000000000000009'), 403, {
      message: 'Missing Access',
      code: 50001,
    });
    const reply = composeDigest(kb, { from: new Date(0), to: new Date(1), timeZone: 'UTC' });
    const error = await discord.digests
      .post({ platform: 'discord', channelId: '1300000000000000009' }, reply)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as Error).message).toBe('Discord: Missing Access (50001: the bot cannot see the channel)');
  });

  it('does not show a preview asked for by mention to the whole channel, but does in a DM', async () => {
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${IDS.bot}> /digest now`));
    // The reply to the mention (earlier digest posts went to the same channel).
    const inChannel = await fake.waitFor(
      (r) => route.channelMessage(IDS.channel)(r) && !!r.body?.message_reference,
    );
    expect(inChannel.body.embeds).toEqual([]);
    expect(inChannel.body.content).toMatch(/That answer is for you alone: use the slash command/);

    fake.dispatch('MESSAGE_CREATE', directMessage('/digest now'));
    const inDm = await fake.waitFor(route.channelMessage(IDS.dmChannel));
    expect(inDm.body.embeds[0].title).toMatch(/^Digest preview/);
  });
});
