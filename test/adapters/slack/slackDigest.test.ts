/**
 * Scheduled digests through the real Slack adapter (Bolt on its HTTP receiver) against the fake
 * Slack: subscribing with the slash command, the scheduler posting with chat.postMessage, failures
 * and retries, and previews that only the asker sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSlack } from '../../../src/adapters/slack/slackAdapter.ts';
import { slackDeliveryError } from '../../../src/adapters/slack/slackDigestDelivery.ts';
import { assembleCommands } from '../../../src/app/commands.ts';
import { createBot } from '../../../src/core/bot.ts';
import { composeDigest } from '../../../src/digest/composeDigest.ts';
import { DeliveryError, DigestScheduler } from '../../../src/digest/digestScheduler.ts';
import { createDigestService } from '../../../src/digest/digestService.ts';
import { SqliteStateStore } from '../../../src/state/sqliteStateStore.ts';
import { ManualClock, shippedKnowledge } from '../../digest/support.ts';
import { FakeSlack, postSigned, slashCommandBody } from '../../helpers/fakeSlack.ts';
import { displayedTexts, fixture, LIVE_MENTION, memoryLogger, startSlackOverHttp } from './support.ts';

const SIGNING_SECRET = 'digest-signing-secret';
const CHANNEL = 'C0000001';

const kb = shippedKnowledge({ 'us-russia-deep-freeze': '2026-03-05T09:00:00.000Z' });
const clock = new ManualClock(new Date('2026-03-05T10:00:00Z'));
const store = new SqliteStateStore(':memory:');
const digests = createDigestService({ store, knowledge: () => kb, defaultTimeZone: 'UTC', clock });
const bot = createBot(kb, { commands: assembleCommands({ digests }) });

let fake: FakeSlack;
let slack: RunningSlack;
let eventsUrl: string;
let counter = 0;

beforeAll(async () => {
  fake = await FakeSlack.start();
  ({ slack, eventsUrl } = await startSlackOverHttp({
    bot,
    log: memoryLogger().log,
    apiUrl: fake.apiUrl,
    signingSecret: SIGNING_SECRET,
    token: 'xoxb-digest',
  }));
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
  await store.close();
});

async function slash(text: string): Promise<Record<string, unknown>> {
  const name = `digest-${++counter}`;
  const body = slashCommandBody({
    ...fixture<Record<string, string>>('slash-command.json'),
    command: '/digest',
    text,
    response_url: fake.responseUrl(name),
  });
  const { status } = await postSigned(eventsUrl, body, {
    signingSecret: SIGNING_SECRET,
    contentType: 'application/x-www-form-urlencoded',
  });
  expect(status).toBe(200);
  const [post] = fake.responsesTo(name);
  return post?.body ?? {};
}

function scheduler(retry = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }): DigestScheduler {
  return new DigestScheduler({
    store,
    deliveries: new Map([['slack', slack.digests]]),
    compose: (_s, window) => composeDigest(kb, window),
    clock,
    sleep: async () => {},
    retry,
  });
}

describe('digests on Slack', () => {
  it('subscribes a channel with /digest subscribe, announced in the channel', async () => {
    const body = await slash('subscribe daily 08:00 Europe/London');
    expect(body.response_type).toBe('in_channel');
    expect(String(body.text)).toMatch(
      /^This channel will get a digest of new articles daily 08:00 \(Europe\/London\)\./,
    );
    const [sub] = await store.listSubscriptions();
    expect(sub).toMatchObject({ platform: 'slack', channelId: CHANNEL, createdBy: 'U0000001' });
  });

  it('keeps a bad schedule, the list and the preview to the asker', async () => {
    const bad = await slash('subscribe daily 8am');
    expect(bad.response_type).toBe('ephemeral');
    expect(String(bad.text)).toMatch(/"8am" is not a time of day/);
    const list = await slash('list');
    expect(list.response_type).toBe('ephemeral');
    expect(String(list.text)).toMatch(/#1 daily 08:00 \(Europe\/London\)/);
    const preview = await slash('now');
    expect(preview.response_type).toBe('ephemeral');
    expect(String(preview.text)).toMatch(/^Digest preview: 1 new article/);
  });

  it('posts the scheduled digest to the channel with chat.postMessage, as Block Kit that pings nobody', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    clock.set('2026-03-06T08:00:20Z');
    const reports = await scheduler().tick();
    expect(reports).toEqual([
      { subscriptionId: 1, slot: '2026-03-06T08:00:00.000Z', status: 'sent', attempts: 1 },
    ]);
    const calls = fake.callsTo('chat.postMessage').slice(before);
    expect(calls).toHaveLength(1);
    const args = calls[0]?.args ?? {};
    expect(calls[0]?.token).toBe('xoxb-digest');
    expect(args).toMatchObject({ channel: CHANNEL, link_names: 'false', unfurl_links: 'false' });
    expect(String(args.text)).toMatch(
      /^News digest: 1 new article since 2026-03-05 08:00 \(Europe\/London\)/,
    );
    expect(args.blocks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'header' }),
        expect.objectContaining({ type: 'context' }),
      ]),
    );
    for (const text of displayedTexts(args)) expect(text).not.toMatch(LIVE_MENTION);
    // The same slot is never posted again.
    expect(await scheduler().tick()).toEqual([]);
    expect(fake.callsTo('chat.postMessage').slice(before)).toHaveLength(1);
  });

  it('retries a post Slack refuses, and records the failure when it keeps refusing', async () => {
    clock.set('2026-03-07T08:00:20Z');
    fake.failNext('chat.postMessage', 'ratelimited');
    const retried = await scheduler({ attempts: 3, baseDelayMs: 1, maxDelayMs: 1 }).tick();
    expect(retried[0]).toMatchObject({ status: 'sent', attempts: 2 });

    clock.set('2026-03-08T08:00:20Z');
    fake.failNext('chat.postMessage', 'channel_not_found');
    fake.failNext('chat.postMessage', 'channel_not_found');
    const failed = await scheduler({ attempts: 2, baseDelayMs: 1, maxDelayMs: 1 }).tick();
    expect(failed[0]).toMatchObject({
      status: 'failed',
      attempts: 2,
      detail:
        'Slack: channel_not_found (the channel does not exist, or is private and the bot was not invited) (after 2 attempts)',
    });
    const list = await slash('list');
    expect(String(list.text)).toMatch(/2026-03-08 08:00 Europe\/London FAILED: Slack: channel_not_found/);
  });

  it('answers /digest now in a mention with an ephemeral message to the asker', async () => {
    const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention.json');
    const ts = '1700000999.000100';
    const event = { ...body.event, text: '<@UBOT0001> /digest now', ts, event_ts: ts };
    const before = fake.callsTo('chat.postMessage').length;
    const { status } = await postSigned(eventsUrl, JSON.stringify({ ...body, event_id: 'EvDigest', event }), {
      signingSecret: SIGNING_SECRET,
      contentType: 'application/json',
    });
    expect(status).toBe(200);
    const ephemeral = await fake.waitFor(
      () => fake.callsTo('chat.postEphemeral').at(-1),
      'chat.postEphemeral',
    );
    expect(ephemeral.args).toMatchObject({ channel: CHANNEL, user: 'U0000001', thread_ts: ts });
    expect(String(ephemeral.args.text)).toMatch(/^Digest preview/);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(before);
  });

  it('turns Slack errors into short delivery errors', () => {
    const rateLimited = slackDeliveryError({ code: 'slack_webapi_rate_limited_error', retryAfter: 12 });
    expect(rateLimited).toBeInstanceOf(DeliveryError);
    expect(rateLimited).toMatchObject({ message: 'Slack: rate limited', retryAfterMs: 12_000 });
    expect(slackDeliveryError({ data: { error: 'not_in_channel' } }).message).toBe(
      'Slack: not_in_channel (the bot is not in the channel: invite it)',
    );
    expect(slackDeliveryError(new Error('socket hang up')).message).toBe('Slack: socket hang up');
  });
});
