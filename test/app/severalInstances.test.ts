/**
 * Two bot processes (`src/main.ts`) on one PostgreSQL, with the fake Slack (HTTP mode, each
 * process on its own port) and the fake Discord (whose gateway delivers every event to both
 * sessions, as Discord does without shards) on loopback: nothing is answered twice, and the rate
 * limits hold across the two.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, guildMessage, IDS, route } from '../helpers/fakeDiscord.ts';
import { FakeSlack, postSigned, slashCommandBody } from '../helpers/fakeSlack.ts';
import { freshSchema, type TestSchema } from '../helpers/postgres.ts';
import { spawnBot } from '../helpers/spawnBot.ts';

const SECRET = 'several-instances-signing-secret';
const running: ChildProcess[] = [];
const dirs: string[] = [];
let schema: TestSchema;
let slack: FakeSlack;
let discord: FakeDiscord;

interface Instance {
  name: string;
  logs: () => Record<string, unknown>[];
  eventsUrl: string;
}

async function startInstance(name: string): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), `instance-${name}-`));
  dirs.push(dataDir);
  const { child, output } = spawnBot({
    DATABASE_URL: schema.url,
    CORPUS_DIR: 'test/fixtures/corpora/port-ellis',
    CORPUS_WATCH: 'false',
    DATA_DIR: dataDir,
    HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-several-0000-1111-SeCrEt',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_API_URL: discord.apiUrl,
    RATE_LIMIT_USER_PER_MINUTE: '5',
  });
  running.push(child);
  const logs = () =>
    output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const started = await slack.waitFor(
    () => logs().find((l) => l.msg === 'Slack adapter started'),
    `${name}: Slack adapter started (output: ${output().slice(-2000)})`,
    60_000,
  );
  await slack.waitFor(() => logs().some((l) => l.msg === 'ready'), `${name}: ready`, 60_000);
  return { name, logs, eventsUrl: `http://127.0.0.1:${Number(started.port)}/slack/events` };
}

let a: Instance;
let b: Instance;

beforeAll(async () => {
  schema = await freshSchema();
  slack = await FakeSlack.start();
  discord = await FakeDiscord.start();
  [a, b] = await Promise.all([startInstance('A'), startInstance('B')]);
}, 120_000);

afterAll(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await slack?.close();
  await discord?.close();
  await schema?.drop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mention(eventId: string, ts: string): string {
  const body = JSON.parse(readFileSync('test/fixtures/slack/app-mention.json', 'utf8'));
  return JSON.stringify({ ...body, event_id: eventId, event: { ...body.event, ts, event_ts: ts } });
}

describe('two instances on one PostgreSQL', () => {
  it('answers a Slack event once: answered by A, then retried to B', async () => {
    const body = mention('EvSeveral1', '1700000900.000100');
    const posts = () =>
      slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === '1700000900.000100');
    const send = (to: Instance, headers: Record<string, string> = {}) =>
      postSigned(to.eventsUrl, body, { signingSecret: SECRET, contentType: 'application/json', headers });
    expect((await send(a)).status).toBe(200);
    await slack.waitFor(() => posts().length === 1, 'A answers');
    expect((await send(b, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(
      200,
    );
    await slack.waitFor(
      () => b.logs().some((l) => l.msg === 'slack: repeated event ignored' && l.eventId === 'EvSeveral1'),
      'B drops the retry',
    );
    await sleep(300);
    expect(posts()).toHaveLength(1);
  });

  it('answers a Slack event delivered to both at once only once', async () => {
    const body = mention('EvSeveral2', '1700000901.000100');
    const posts = () =>
      slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === '1700000901.000100');
    await Promise.all(
      [a, b, a, b].map((to) =>
        postSigned(to.eventsUrl, body, { signingSecret: SECRET, contentType: 'application/json' }),
      ),
    );
    await slack.waitFor(() => posts().length >= 1, 'one answer');
    await sleep(500);
    expect(posts()).toHaveLength(1);
  });

  it('answers a Discord mention that both sessions see once', async () => {
    const before = discord.requests.filter(route.channelMessage(IDS.channel)).length;
    discord.dispatch('MESSAGE_CREATE', guildMessage(`<@${IDS.bot}> who is the mayor?`));
    await discord.waitFor(route.channelMessage(IDS.channel), 10_000);
    await sleep(800);
    expect(discord.requests.filter(route.channelMessage(IDS.channel)).length - before).toBe(1);
  });

  it('holds a limit of 5 a minute across both: requests alternating between A and B, 5 answered', async () => {
    for (let i = 0; i < 8; i++) {
      const form = slashCommandBody({
        command: '/sources',
        text: '',
        user_id: 'ULIMITED',
        channel_id: 'C0000009',
        team_id: 'T0000001',
        response_url: slack.responseUrl(`limited-${i}`),
        trigger_id: `t${i}`,
      });
      const to = i % 2 === 0 ? a : b;
      const { status } = await postSigned(to.eventsUrl, form, {
        signingSecret: SECRET,
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(status).toBe(200);
    }
    const requests = () =>
      [...a.logs(), ...b.logs()].filter((l) => l.msg === 'request' && l.userId === 'ULIMITED');
    await slack.waitFor(() => requests().length === 8, 'all 8 requests handled', 10_000);
    expect(requests().filter((l) => l.throttled === undefined)).toHaveLength(5);
    expect(requests().filter((l) => l.throttled === 'user')).toHaveLength(3);
    // Both instances answered some; "slow down" was said once between them.
    expect(new Set(requests().map((l) => l.pid)).size).toBe(2);
    await sleep(300);
    const said = slack.responses.filter((r) => r.name.startsWith('limited-'));
    expect(said.filter((r) => /slow down/i.test(JSON.stringify(r.body)))).toHaveLength(1);
    expect(said).toHaveLength(6);
  });
});
