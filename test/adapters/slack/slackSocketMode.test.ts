/**
 * The real Bolt App in Socket Mode: it asks the fake Slack for a WebSocket URL with the app token,
 * connects, and receives envelopes that it must acknowledge by envelope_id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSlack, startSlack } from '../../../src/adapters/slack/slackAdapter.ts';
import { FakeSlack, type SocketEnvelope } from '../../helpers/fakeSlack.ts';
import { corpusBot, fixture } from './support.ts';

let fake: FakeSlack;
let slack: RunningSlack;
let counter = 0;

beforeAll(async () => {
  fake = await FakeSlack.start();
  const { pino } = await import('pino');
  slack = await startSlack({
    bot: corpusBot(),
    log: pino({ level: 'silent' }),
    settings: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: undefined,
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: fake.apiUrl,
      PORT: 0,
    },
    retryConfig: { retries: 0 },
    connectionRetryConfig: { retries: 0 },
  });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

function envelope(
  type: SocketEnvelope['type'],
  payload: unknown,
  extra: Partial<SocketEnvelope> = {},
): SocketEnvelope {
  return {
    envelope_id: `env-${++counter}`,
    type,
    payload,
    accepts_response_payload: type !== 'events_api',
    ...extra,
  };
}

function acked(id: string) {
  return fake.waitFor(() => fake.acks.find((a) => a.envelope_id === id), `the ack of ${id}`);
}

type EventBody = { event: Record<string, unknown>; event_id: string };

function mention(text = '<@UBOT0001> who is Tillerson?'): EventBody {
  const body = fixture<EventBody>('app-mention.json');
  const ts = `17100${String(++counter).padStart(5, '0')}.000100`;
  return { ...body, event_id: `EvSock${counter}`, event: { ...body.event, text, ts, event_ts: ts } };
}

const postsInThread = (ts: unknown) =>
  fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);

describe('Slack in Socket Mode', () => {
  it('opens the connection with the app token and checks the bot token', () => {
    expect(slack.mode).toBe('socket');
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');
    expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-test');
    expect(fake.socketCount).toBe(1);
  });

  it('acknowledges a slash command envelope, then answers at its response_url', async () => {
    const payload = {
      ...fixture('slash-command.json'),
      command: '/what',
      text: 'Shayrat',
      response_url: fake.responseUrl('sock-what'),
    };
    const sent = envelope('slash_commands', payload);
    fake.sendEnvelope(sent);
    const ack = await acked(sent.envelope_id);
    expect(ack.payload ?? {}).toEqual({});
    const [post] = await fake.waitFor(
      () => fake.responsesTo('sock-what').length > 0 && fake.responsesTo('sock-what'),
      'the answer',
    );
    expect(post?.body.response_type).toBe('in_channel');
    expect(String(post?.body.text)).toMatch(/Shayrat/);
  });

  it('acknowledges an events_api envelope and answers the mention in its thread', async () => {
    const body = mention();
    const sent = envelope('events_api', body);
    fake.sendEnvelope(sent);
    await acked(sent.envelope_id);
    const [post] = await fake.waitFor(
      () => postsInThread(body.event.ts).length > 0 && postsInThread(body.event.ts),
      'the answer',
    );
    expect(post?.args.channel).toBe('C0000001');
    expect(String(post?.args.text)).toMatch(/^Rex Tillerson/);
  });

  it('answers a redelivered event once', async () => {
    const body = mention('<@UBOT0001> /when chemical attack');
    const first = envelope('events_api', body);
    const retry = envelope('events_api', body, { retry_attempt: 1, retry_reason: 'timeout' });
    fake.sendEnvelope(first);
    await fake.waitFor(() => postsInThread(body.event.ts).length > 0, 'the first answer');
    fake.sendEnvelope(retry);
    await acked(retry.envelope_id);
    // Envelopes are handled in order: once a later event is answered, the retry has been dropped.
    const later = mention();
    fake.sendEnvelope(envelope('events_api', later));
    await fake.waitFor(() => postsInThread(later.event.ts).length > 0, 'the later answer');
    expect(postsInThread(body.event.ts)).toHaveLength(1);
  });

  it('answers a button click from an interactive envelope', async () => {
    const payload = { ...fixture('block-actions.json'), response_url: fake.responseUrl('sock-click') };
    const sent = envelope('interactive', payload);
    fake.sendEnvelope(sent);
    await acked(sent.envelope_id);
    const [post] = await fake.waitFor(
      () => fake.responsesTo('sock-click').length > 0 && fake.responsesTo('sock-click'),
      'the answer',
    );
    expect(String(post?.body.text)).toMatch(/Tillerson/);
  });

  it('closes the connection on stop', async () => {
    await slack.stop();
    await fake.waitFor(() => fake.socketCount === 0, 'the socket to close');
  });
});
