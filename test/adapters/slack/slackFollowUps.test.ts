/**
 * Follow-up questions in Slack threads, through the real Bolt App on its HTTP receiver and a fake
 * Slack: a mention at a channel's top level is answered in a thread under it, and mentions in that
 * thread lean on its context (kept in the real SQLite state store, on a clock the test moves).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSlack } from '../../../src/adapters/slack/slackAdapter.ts';
import { COMMANDS } from '../../../src/app/commands.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { createBot } from '../../../src/core/bot.ts';
import { SqliteStateStore } from '../../../src/state/sqliteStateStore.ts';
import { type ApiCall, FakeSlack, postSigned } from '../../helpers/fakeSlack.ts';
import { fixture, memoryLogger, startSlackOverHttp } from './support.ts';

const SIGNING_SECRET = 'test-signing-secret';
const HOUR = 3_600_000;

let fake: FakeSlack;
let slack: RunningSlack;
let eventsUrl: string;
let clock = Date.parse('2026-03-05T08:00:00Z');
const store = new SqliteStateStore(':memory:');
let counter = 0;

beforeAll(async () => {
  fake = await FakeSlack.start();
  const bot = createBot(openKnowledge('corpus').kb, {
    commands: COMMANDS,
    followUps: { store: store.threads, ttlMs: HOUR, now: () => clock },
  });
  ({ slack, eventsUrl } = await startSlackOverHttp({
    bot,
    log: memoryLogger().log,
    apiUrl: fake.apiUrl,
    signingSecret: SIGNING_SECRET,
    token: 'xoxb-test',
  }));
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
  await store.close();
});

/**
 * Mentions the bot with `question` in `channel`, in the thread `threadTs` (or at the top level),
 * and returns what the bot posted for it.
 */
async function mention(
  question: string,
  where: { channel?: string; threadTs?: string } = {},
): Promise<{ ts: string; post: ApiCall['args']; text: string }> {
  const body = fixture<{ event: Record<string, unknown> }>('app-mention.json');
  const id = ++counter;
  const ts = `17100${String(id).padStart(5, '0')}.000100`;
  const channel = where.channel ?? 'C0000001';
  const event = {
    ...body.event,
    text: `<@UBOT0001> ${question}`,
    ts,
    event_ts: ts,
    channel,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
  };
  const before = fake.callsTo('chat.postMessage').length;
  const { status } = await postSigned(eventsUrl, JSON.stringify({ ...body, event_id: `EvF${id}`, event }), {
    signingSecret: SIGNING_SECRET,
    contentType: 'application/json',
  });
  expect(status).toBe(200);
  const posts = fake.callsTo('chat.postMessage').slice(before);
  expect(posts).toHaveLength(1);
  const post = posts[0]?.args ?? {};
  return { ts, post, text: String(post.text) };
}

describe('Slack: follow-up questions in a thread', () => {
  it('answers a thread of four follow-ups with the right people, each in the thread the first one started', async () => {
    const first = await mention('who is Putin?');
    expect(first.post).toMatchObject({ channel: 'C0000001', thread_ts: first.ts });
    expect(first.text).toMatch(/^Vladimir Putin: Russian President/);
    const inThread = { threadTs: first.ts };

    const said = await mention('what did he say about the strike?', inThread);
    expect(said.post).toMatchObject({ channel: 'C0000001', thread_ts: first.ts });
    expect(said.text).toMatch(/^Vladimir Putin: .*in violation of international law/);
    expect(JSON.stringify(said.post.blocks)).toContain('what did Putin say about the strike?');

    const medvedev = await mention('and Medvedev?', inThread);
    expect(medvedev.text).toMatch(/^Dmitry Medvedev: .*military clash/);

    const when = await mention('when was that?', inThread);
    expect(when.post.thread_ts).toBe(first.ts);
    expect(when.text).toMatch(/US missile strike on Shayrat air base: last week/);
  });

  it('does not let another channel (or another thread) see the context', async () => {
    const first = await mention('who is Putin?', { channel: 'C0000001' });
    const elsewhere = await mention('what did he say about the strike?', {
      channel: 'C0000002',
      threadTs: first.ts,
    });
    expect(elsewhere.text).not.toMatch(/Putin/);
    const otherThread = await mention('what did he say about the strike?', { channel: 'C0000001' });
    expect(otherThread.text).not.toMatch(/Putin/);
  });

  it('asks which one was meant, in the thread, when "he" could be Lavrov or Tillerson', async () => {
    const first = await mention('who is Lavrov?');
    await mention('when did he meet Tillerson?', { threadTs: first.ts });
    const which = await mention('what did he say?', { threadTs: first.ts });
    expect(which.post.thread_ts).toBe(first.ts);
    expect(which.text).toMatch(/^Who do you mean: Lavrov or Tillerson\?/);
    // Each choice is a button that asks the question with the name in it.
    const blocks = JSON.stringify(which.post.blocks);
    expect(blocks).toContain('what did Lavrov say?');
    expect(blocks).toContain('what did Tillerson say?');
    // Or answer with the name, in the thread.
    const picked = await mention('Tillerson', { threadTs: first.ts });
    expect(picked.post.thread_ts).toBe(first.ts);
    expect(picked.text).toMatch(/^Rex Tillerson: .*complicit/);
  });

  it('keeps a direct message conversation as one context, answered in the conversation', async () => {
    const dm = async (text: string) => {
      const body = fixture<{ event: Record<string, unknown> }>('message-im.json');
      const id = ++counter;
      const ts = `17100${String(id).padStart(5, '0')}.000100`;
      const before = fake.callsTo('chat.postMessage').length;
      await postSigned(
        eventsUrl,
        JSON.stringify({ ...body, event_id: `EvF${id}`, event: { ...body.event, text, ts, event_ts: ts } }),
        { signingSecret: SIGNING_SECRET, contentType: 'application/json' },
      );
      const [post] = fake.callsTo('chat.postMessage').slice(before);
      expect(post?.args).toMatchObject({ channel: 'D0000001' });
      expect(post?.args.thread_ts).toBeUndefined();
      return String(post?.args.text);
    };
    expect(await dm('who is Nikki Haley?')).toMatch(/^Nikki Haley/);
    expect(await dm('what did she say?')).toMatch(/^Nikki Haley: /);
  });

  it('forgets a thread after an hour of silence', async () => {
    const first = await mention('who is Putin?');
    clock += HOUR + 1000;
    const late = await mention('what did he say about the strike?', { threadTs: first.ts });
    expect(late.post.thread_ts).toBe(first.ts);
    expect(late.text).not.toMatch(/Putin/);
  });
});
