/**
 * The real Bolt App on its HTTP receiver, driven the way Slack drives it: signed requests to
 * /slack/events, answers through response_url and chat.postMessage on a fake Slack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningSlack,
  type SlackAdapterOptions,
  startSlack,
} from '../../../src/adapters/slack/slackAdapter.ts';
import {
  type ApiCall,
  FakeSlack,
  interactiveBody,
  postSigned,
  type ResponseUrlPost,
  slashCommandBody,
} from '../../helpers/fakeSlack.ts';
import { corpusBot, displayedTexts, fixture, LIVE_MENTION, type LogEntry, memoryLogger } from './support.ts';

const SIGNING_SECRET = 'test-signing-secret';
const FORM = 'application/x-www-form-urlencoded' as const;
const JSON_BODY = 'application/json' as const;

let fake: FakeSlack;
let slack: RunningSlack;
let entries: LogEntry[];
let eventsUrl: string;
let counter = 0;

function options(overrides: Partial<SlackAdapterOptions> = {}): SlackAdapterOptions {
  const { log } = memoryLogger();
  return {
    bot: corpusBot(),
    log,
    settings: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: fake.apiUrl,
      PORT: 0,
    },
    host: '127.0.0.1',
    port: 0,
    retryConfig: { retries: 0 },
    ...overrides,
  };
}

beforeAll(async () => {
  fake = await FakeSlack.start();
  const memory = memoryLogger();
  entries = memory.entries;
  // Reply to Slack's HTTP request after the listener is done, so every assertion below is deterministic.
  slack = await startSlack(options({ log: memory.log, processBeforeResponse: true }));
  eventsUrl = `http://127.0.0.1:${slack.port}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

/** Sends a slash command; returns the HTTP reply and what was posted to its response_url. */
async function slash(command: string, text: string): Promise<{ status: number; posts: ResponseUrlPost[] }> {
  const name = `slash-${++counter}`;
  const body = slashCommandBody({
    ...fixture<Record<string, string>>('slash-command.json'),
    command,
    text,
    response_url: fake.responseUrl(name),
  });
  const { status } = await postSigned(eventsUrl, body, { signingSecret: SIGNING_SECRET, contentType: FORM });
  return { status, posts: fake.responsesTo(name) };
}

type EventBody = { event: Record<string, unknown>; event_id: string };

function eventBody(
  name: 'app-mention.json' | 'message-im.json',
  event: Record<string, unknown> = {},
): EventBody {
  const body = fixture<EventBody>(name);
  const id = ++counter;
  const ts = `17000${String(id).padStart(5, '0')}.000100`;
  return { ...body, event_id: `Ev${id}`, event: { ...body.event, ts, event_ts: ts, ...event } };
}

async function sendEvent(body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const { status } = await postSigned(eventsUrl, JSON.stringify(body), {
    signingSecret: SIGNING_SECRET,
    contentType: JSON_BODY,
    headers,
  });
  return status;
}

function postsFor(body: EventBody): ApiCall[] {
  return fake.callsTo('chat.postMessage').filter((c) => {
    const thread = c.args.thread_ts ?? body.event.ts;
    return c.args.channel === body.event.channel && thread === (body.event.thread_ts ?? body.event.ts);
  });
}

describe('Slack over HTTP', () => {
  it('verifies the bot token with auth.test at start-up', () => {
    const calls = fake.callsTo('auth.test');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.token).toBe('xoxb-test');
  });

  it('answers a signed /who in the channel, as Block Kit with a plain-text fallback', async () => {
    const { status, posts } = await slash('/who', 'Tillerson');
    expect(status).toBe(200);
    expect(posts).toHaveLength(1);
    const body = posts[0]?.body ?? {};
    expect(body.response_type).toBe('in_channel');
    expect(body.link_names).toBe(false);
    expect(String(body.text)).toMatch(/^Rex Tillerson: US Secretary of State/);
    expect(body.blocks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'header' }),
        expect.objectContaining({ type: 'context' }),
        expect.objectContaining({ type: 'actions' }),
      ]),
    );
  });

  it('sends "not found" and help only to the asker', async () => {
    const notFound = await slash('/who', 'Zyxwvut Qqq');
    expect(notFound.posts[0]?.body.response_type).toBe('ephemeral');
    expect(String(notFound.posts[0]?.body.text)).toMatch(/Couldn't find/);
    const help = await slash('/help', '');
    expect(help.posts[0]?.body.response_type).toBe('ephemeral');
  });

  it('has a listener for every command of the registry', async () => {
    for (const command of corpusBot().commands) {
      const { status, posts } = await slash(
        `/${command.name}`,
        command.name === 'sources' ? '' : 'Tillerson',
      );
      expect(status, command.name).toBe(200);
      expect(posts, command.name).toHaveLength(1);
    }
  });

  it('refuses a request with a bad signature', async () => {
    const before = fake.responses.length;
    const body = slashCommandBody({
      ...fixture<Record<string, string>>('slash-command.json'),
      response_url: fake.responseUrl('bad'),
    });
    const { status } = await postSigned(eventsUrl, body, {
      signingSecret: SIGNING_SECRET,
      contentType: FORM,
      signature: `v0=${'0'.repeat(64)}`,
    });
    expect(status).toBe(401);
    expect(fake.responses.length).toBe(before);
  });

  it('refuses a correctly signed request with a stale timestamp', async () => {
    const body = slashCommandBody({
      ...fixture<Record<string, string>>('slash-command.json'),
      response_url: fake.responseUrl('stale'),
    });
    const { status } = await postSigned(eventsUrl, body, {
      signingSecret: SIGNING_SECRET,
      contentType: FORM,
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(status).toBe(401);
    expect(fake.responsesTo('stale')).toHaveLength(0);
  });

  it('answers a signed request once: the same request sent again within five minutes is dropped', async () => {
    const body = slashCommandBody({
      ...fixture<Record<string, string>>('slash-command.json'),
      command: '/who',
      text: 'Tillerson',
      response_url: fake.responseUrl('replayed'),
    });
    const timestamp = Math.floor(Date.now() / 1000) - 120;
    const send = async (headers: Record<string, string> = {}) =>
      (
        await postSigned(eventsUrl, body, {
          signingSecret: SIGNING_SECRET,
          contentType: FORM,
          timestamp,
          headers,
        })
      ).status;
    expect(await send()).toBe(200);
    await fake.waitFor(() => fake.responsesTo('replayed')[0], 'the first answer', 5000);
    expect(await send()).toBe(200);
    expect(await send({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.responsesTo('replayed')).toHaveLength(1);
    expect(entries.filter((e) => /replayed request/.test(String(e.msg)))).toHaveLength(2);
  });

  it("answers Slack's URL verification challenge", async () => {
    const { status, text } = await postSigned(
      eventsUrl,
      JSON.stringify({ type: 'url_verification', challenge: 'c-123' }),
      {
        signingSecret: SIGNING_SECRET,
        contentType: JSON_BODY,
      },
    );
    expect(status).toBe(200);
    expect(text).toContain('c-123');
  });

  it('answers an app_mention in its thread via chat.postMessage', async () => {
    const body = eventBody('app-mention.json');
    expect(await sendEvent(body)).toBe(200);
    const [post] = postsFor(body);
    expect(post?.token).toBe('xoxb-test');
    expect(post?.args).toMatchObject({ channel: 'C0000001', thread_ts: body.event.ts });
    expect(String(post?.args.text)).toMatch(/^Rex Tillerson/);
    expect(Array.isArray(post?.args.blocks)).toBe(true);
  });

  it('answers a mention made inside a thread in that same thread', async () => {
    const body = eventBody('app-mention.json', {
      thread_ts: '1699999999.000001',
      text: '<@UBOT0001> /what Shayrat',
    });
    await sendEvent(body);
    const [post] = postsFor(body);
    expect(post?.args.thread_ts).toBe('1699999999.000001');
    expect(String(post?.args.text)).toMatch(/Shayrat/);
  });

  it('answers a bare mention with the help text', async () => {
    const body = eventBody('app-mention.json', { text: '<@UBOT0001>' });
    await sendEvent(body);
    expect(String(postsFor(body)[0]?.args.text)).toMatch(/^I answer questions about/);
  });

  it('answers a direct message in the conversation, not in a thread', async () => {
    const body = eventBody('message-im.json');
    await sendEvent(body);
    const post = fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'D0000001');
    expect(post?.args.thread_ts).toBeUndefined();
    expect(String(post?.args.text)).toMatch(/Shayrat/);
  });

  it('ignores bot messages and edits in direct messages', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    await sendEvent(eventBody('message-im.json', { bot_id: 'B0OTHER', text: 'who is Tillerson?' }));
    await sendEvent(eventBody('message-im.json', { subtype: 'message_changed' }));
    await sendEvent(eventBody('message-im.json', { user: 'UBOT0001' }));
    expect(fake.callsTo('chat.postMessage').length).toBe(before);
  });

  it('answers a retried event only once', async () => {
    const body = eventBody('app-mention.json');
    expect(await sendEvent(body)).toBe(200);
    expect(await sendEvent(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).toBe(
      200,
    );
    expect(await sendEvent(body, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).toBe(
      200,
    );
    expect(postsFor(body)).toHaveLength(1);
    expect(entries.some((e) => e.msg === 'slack: repeated event ignored' && e.retryNum === 1)).toBe(true);
  });

  it('answers a suggestion button click with the chosen question, next to the clicked message', async () => {
    const payload = fixture('block-actions.json');
    const { status } = await postSigned(
      eventsUrl,
      interactiveBody({ ...payload, response_url: fake.responseUrl('click') }),
      {
        signingSecret: SIGNING_SECRET,
        contentType: FORM,
      },
    );
    expect(status).toBe(200);
    const [post] = fake.responsesTo('click');
    expect(post?.body).toMatchObject({ replace_original: false, thread_ts: '1700000100.000200' });
    expect(String(post?.body.text)).toMatch(/Tillerson/);
    expect(String(post?.body.text)).not.toMatch(/^Sorry/);
  });

  it('never lets <!channel>, <!here> or a user mention through as live syntax', async () => {
    for (const text of ['<!channel>', '&lt;!channel&gt;', '<!here|here> and <@U0000009>']) {
      const { posts } = await slash('/who', text);
      const shown = displayedTexts(posts[0]?.body ?? {});
      expect(shown.length).toBeGreaterThan(1);
      for (const s of shown) expect(s).not.toMatch(LIVE_MENTION);
    }
    // Typed literally, Slack sends it escaped: it comes back shown as typed, still escaped.
    const typed = await slash('/who', '&lt;!channel&gt;');
    expect(String(typed.posts[0]?.body.text)).toContain('"&lt;!channel&gt;"');
    // Slack's own broadcast syntax is read as the word "@channel", which Slack shows as plain text.
    const broadcast = await slash('/who', '<!channel>');
    expect(String(broadcast.posts[0]?.body.text)).toContain('"@channel"');

    const mention = eventBody('app-mention.json', { text: '<@UBOT0001> who is <!here> <!channel>?' });
    await sendEvent(mention);
    const [post] = postsFor(mention);
    expect(post).toBeDefined();
    for (const s of displayedTexts(post?.args ?? {})) expect(s).not.toMatch(LIVE_MENTION);
  });

  it('logs a failed chat.postMessage and keeps answering', async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    const failed = eventBody('app-mention.json');
    expect(await sendEvent(failed)).toBe(200);
    expect(
      entries.some(
        (e) => e.msg === 'slack: answering a mention failed' && e.slackError === 'channel_not_found',
      ),
    ).toBe(true);
    const next = eventBody('app-mention.json');
    await sendEvent(next);
    expect(postsFor(next)).toHaveLength(1);
  });
});

describe('Slack over HTTP, acknowledging before answering (the default)', () => {
  it('returns 200 to the slash command at once, then posts the answer to response_url', async () => {
    const running = await startSlack(options());
    try {
      const url = `http://127.0.0.1:${running.port}/slack/events`;
      const body = slashCommandBody({
        ...fixture<Record<string, string>>('slash-command.json'),
        response_url: fake.responseUrl('deferred'),
      });
      const { status, text } = await postSigned(url, body, {
        signingSecret: SIGNING_SECRET,
        contentType: FORM,
      });
      expect(status).toBe(200);
      expect(text).toBe('');
      const [post] = await fake.waitFor(
        () => fake.responsesTo('deferred').length > 0 && fake.responsesTo('deferred'),
        'the answer',
      );
      expect(post?.body.response_type).toBe('in_channel');
    } finally {
      await running.stop();
    }
  });
});
