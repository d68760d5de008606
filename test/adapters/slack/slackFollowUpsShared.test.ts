/**
 * Two bot instances sharing PostgreSQL, each a real Bolt App on its own HTTP port: a thread
 * started on one is continued on the other, because the context lives in the shared state store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSlack, startSlack } from '../../../src/adapters/slack/slackAdapter.ts';
import { COMMANDS } from '../../../src/app/commands.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { createBot } from '../../../src/core/bot.ts';
import { openPostgres } from '../../../src/state/postgres/database.ts';
import { PgStateStore } from '../../../src/state/postgres/pgStateStore.ts';
import { FakeSlack, postSigned } from '../../helpers/fakeSlack.ts';
import { freshSchema, type TestSchema } from '../../helpers/postgres.ts';
import { fixture, memoryLogger } from './support.ts';

const SIGNING_SECRET = 'test-signing-secret';
const kb = openKnowledge('corpus').kb;
let fake: FakeSlack;
let schema: TestSchema;
const stores: PgStateStore[] = [];
const instances: RunningSlack[] = [];
let counter = 0;

beforeAll(async () => {
  fake = await FakeSlack.start();
  schema = await freshSchema();
  for (let i = 0; i < 2; i++) {
    const store = new PgStateStore(await openPostgres({ url: schema.url, max: 2 }));
    stores.push(store);
    const bot = createBot(kb, { commands: COMMANDS, followUps: { store: store.threads, ttlMs: 3_600_000 } });
    instances.push(
      await startSlack({
        bot,
        log: memoryLogger().log,
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
        processBeforeResponse: true,
        botId: 'B1',
        botUserId: 'UBOT0001',
      }),
    );
  }
});

afterAll(async () => {
  for (const slack of instances) await slack.stop();
  for (const store of stores) await store.close();
  await schema?.drop();
  await fake?.close();
});

/** Mentions the bot through instance `n`; returns the message's ts and the text of the answer posted. */
async function mention(
  n: number,
  question: string,
  threadTs?: string,
): Promise<{ ts: string; text: string }> {
  const body = fixture<{ event: Record<string, unknown> }>('app-mention.json');
  const id = ++counter;
  const ts = `17200${String(id).padStart(5, '0')}.000100`;
  const event = {
    ...body.event,
    text: `<@UBOT0001> ${question}`,
    ts,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
  const before = fake.callsTo('chat.postMessage').length;
  const url = `http://127.0.0.1:${instances[n]?.port}/slack/events`;
  const { status } = await postSigned(url, JSON.stringify({ ...body, event_id: `EvS${id}`, event }), {
    signingSecret: SIGNING_SECRET,
    contentType: 'application/json',
  });
  expect(status).toBe(200);
  const [post] = fake.callsTo('chat.postMessage').slice(before);
  expect(post?.args.thread_ts).toBe(threadTs ?? ts);
  return { ts, text: String(post?.args.text) };
}

describe('Slack follow-ups across two instances sharing PostgreSQL', () => {
  it('continues on one instance a thread started on the other', async () => {
    const first = await mention(0, 'who is Putin?');
    expect(first.text).toMatch(/^Vladimir Putin/);
    expect((await mention(1, 'what did he say about the strike?', first.ts)).text).toMatch(
      /^Vladimir Putin: .*in violation of international law/,
    );
    expect((await mention(0, 'and Medvedev?', first.ts)).text).toMatch(/^Dmitry Medvedev/);
    expect((await mention(1, 'when was that?', first.ts)).text).toMatch(/Shayrat air base: last week/);
  });
});
