/**
 * Discord failing in the ways it does: 429 with retry_after on REST, 500s, calls that hang, and a
 * gateway connection that drops. discord.js waits out rate limits and retries; what still fails is
 * reported; the adapter carries on. Also: readiness, rate limits as the user sees them, and a stop
 * that waits for the answers under way.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DiscordAdapterOptions,
  type RunningDiscord,
  startDiscord,
} from '../../../src/adapters/discord/discordAdapter.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { createBot } from '../../../src/core/bot.ts';
import { BotMetrics } from '../../../src/ops/metrics.ts';
import {
  commandInteraction,
  FakeDiscord,
  guildMessage,
  IDS,
  type Json,
  route,
} from '../../helpers/fakeDiscord.ts';

const { kb, bot } = openKnowledge('corpus');
let fake: FakeDiscord | undefined;
let discord: RunningDiscord | undefined;

afterEach(async () => {
  await discord?.stop();
  await fake?.close();
  discord = undefined;
  fake = undefined;
});

async function start(options: Partial<DiscordAdapterOptions> = {}) {
  fake = await FakeDiscord.start();
  const lines: Json[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  const errors = new BotMetrics({ processMetrics: false });
  discord = await startDiscord({
    bot,
    log,
    settings: {
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_LISTEN_CHANNEL_IDS: [],
    },
    restRetries: 0,
    errors,
    ...options,
  });
  return { fake, discord, lines, errors };
}

async function until(probe: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Discord REST faults', () => {
  it('waits out a 429 on the interaction callback for retry_after, then answers', async () => {
    const { fake } = await start();
    const ask = commandInteraction('who', { name: 'Tillerson' });
    fake.rateLimitNext(route.callback(ask.id), 0.3);
    const started = Date.now();
    fake.dispatch('INTERACTION_CREATE', ask.payload);
    const limited = await fake.waitFor(route.callback(ask.id));
    const answered = await fake.waitFor(route.callback(ask.id));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(limited.body).toEqual(answered.body);
    expect(answered.body.data.embeds[0].title).toMatch(/Tillerson/);
  });

  it('waits out a 429 on a channel message too', async () => {
    const { fake } = await start();
    fake.rateLimitNext(route.channelMessage(IDS.channel), 0.2);
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${IDS.bot}> who is Tillerson?`));
    await fake.waitFor(route.channelMessage(IDS.channel));
    const sent = await fake.waitFor(route.channelMessage(IDS.channel));
    expect(sent.body.embeds[0].title).toMatch(/Tillerson/);
  });

  it('retries a 500, reports one that persists, and answers the next request', async () => {
    const { fake, lines, errors } = await start({ restRetries: 1 });
    const once = commandInteraction('who', { name: 'Tillerson' });
    fake.failNext(route.callback(once.id), 500);
    fake.dispatch('INTERACTION_CREATE', once.payload);
    await fake.waitFor(route.callback(once.id));
    expect((await fake.waitFor(route.callback(once.id))).body.type).toBe(4);

    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${IDS.bot}> /sources`));
    fake.failNext(route.channelMessage(IDS.channel), 502);
    fake.failNext(route.channelMessage(IDS.channel), 503);
    await until(
      () => lines.some((l) => l.msg === 'discord message reply failed'),
      'the failure to be logged',
    );
    const failed = lines.find((l) => l.msg === 'discord message reply failed');
    expect(failed).toMatchObject({ reqId: expect.any(String), error: { status: 503 } });
    expect((await errors.render()).body).toContain('newsbot_errors_total{source="discord"} 1');

    const next = commandInteraction('what', { event: 'Shayrat' });
    fake.dispatch('INTERACTION_CREATE', next.payload);
    expect((await fake.waitFor(route.callback(next.id))).body.type).toBe(4);
  });

  it('abandons a call that hangs past the REST timeout and retries it', async () => {
    const { fake } = await start({ restRetries: 1, restTimeoutMs: 200 });
    const ask = commandInteraction('who', { name: 'Tillerson' });
    fake.delayNext(route.callback(ask.id), 1000);
    fake.dispatch('INTERACTION_CREATE', ask.payload);
    await fake.waitFor(route.callback(ask.id));
    const retried = await fake.waitFor(route.callback(ask.id), 3000);
    expect(retried.body.type).toBe(4);
  });
});

describe('Discord gateway', () => {
  it('is ready once connected, resumes after the connection drops, and answers again', async () => {
    const { fake, discord } = await start();
    expect(discord.isReady?.()).toBe(true);
    fake.dropGateway();
    await until(() => fake.resumed.length === 1, 'the session to be resumed');
    await until(() => discord.isReady?.() === true, 'ready again');
    expect(fake.identified).toHaveLength(1);
    const ask = commandInteraction('who', { name: 'Tillerson' });
    fake.dispatch('INTERACTION_CREATE', ask.payload);
    expect((await fake.waitFor(route.callback(ask.id))).body.data.embeds[0].title).toMatch(/Tillerson/);
  });

  it('resumes after a close with a resumable code', async () => {
    const { fake, discord } = await start();
    fake.dropGateway(4000);
    await until(() => fake.resumed.length === 1 && discord.isReady?.() === true, 'the resume');
  });
});

describe('rate limits in Discord', () => {
  it('tells a flooding user to slow down once (privately for a slash command), then stays quiet', async () => {
    const limited = createBot(kb, { rateLimits: { userPerMinute: 1, channelPerMinute: 0 } });
    const { fake } = await start({ bot: limited });
    const asks = [1, 2, 3].map(() => commandInteraction('who', { name: 'Tillerson' }));
    for (const ask of asks) fake.dispatch('INTERACTION_CREATE', ask.payload);
    const [first, second] = [
      await fake.waitFor(route.callback(asks[0]?.id ?? '')),
      await fake.waitFor(route.callback(asks[1]?.id ?? '')),
    ];
    expect(first.body.data.embeds[0].title).toMatch(/Tillerson/);
    expect(second.body.data.flags & (1 << 6)).toBe(1 << 6);
    expect(second.body.data.embeds[0].title).toMatch(/slow down/);
    await expect(fake.waitFor(route.callback(asks[2]?.id ?? ''), 300)).rejects.toThrow(/no matching request/);
  });
});

describe('graceful stop', () => {
  it('ignores new events once stopping, and finishes the answer under way before disconnecting', async () => {
    const { fake, discord } = await start();
    const ask = commandInteraction('who', { name: 'Tillerson' });
    fake.delayNext(route.callback(ask.id), 300);
    fake.dispatch('INTERACTION_CREATE', ask.payload);
    await until(() => fake.requests.some(route.callback(ask.id)), 'the answer to be on its way');
    let answered = false;
    void fake.waitFor(route.callback(ask.id)).then(() => {
      answered = true;
    });
    await discord.stopAccepting?.();
    expect(discord.isReady?.()).toBe(false);
    const late = commandInteraction('who', { name: 'Lavrov' });
    fake.dispatch('INTERACTION_CREATE', late.payload);
    await discord.stop();
    expect(answered).toBe(true);
    expect(fake.requests.some(route.callback(late.id))).toBe(false);
  });
});
