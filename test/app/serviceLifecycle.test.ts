/**
 * `src/main.ts` as a real process against the fake Slack (Socket Mode): the operator's port
 * (/healthz, /readyz, /metrics), request logs with ids and no secrets in them, and a graceful
 * shutdown on SIGTERM that finishes the answer under way and exits 0 within SHUTDOWN_TIMEOUT_MS,
 * or exits 1 at the bound when an answer cannot finish.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fakeSlack.ts';
import { spawnBot } from '../helpers/spawnBot.ts';

const BOT_TOKEN = 'xoxb-e2e-0000000000-1111111111-SeCrEtBoTtOkEn';
const APP_TOKEN = 'xapp-1-A0E2E-2222222222-SeCrEtApPtOkEn0123456789';

const running: ChildProcess[] = [];
const dirs: string[] = [];
let fake: FakeSlack | undefined;

afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await fake?.close();
  fake = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Bot {
  child: ChildProcess;
  output: () => string;
  logs: () => Record<string, unknown>[];
  exited: Promise<{ code: number | null; at: number }>;
}

function startBot(env: Record<string, string>): Bot {
  const { child, output } = spawnBot(env);
  running.push(child);
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  const logs = () =>
    output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, output, logs, exited };
}

function botEnv(slack: FakeSlack, extra: Record<string, string> = {}): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
  dirs.push(dataDir);
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    DATA_DIR: dataDir,
    HEALTH_PORT: '0',
    LOG_LEVEL: 'debug',
    ...extra,
  };
}

async function healthPort(bot: Bot, slack: FakeSlack): Promise<number> {
  const line = await slack.waitFor(
    () => bot.logs().find((l) => String(l.msg).startsWith('health server listening')),
    'the health server',
    30_000,
  );
  expect(line.host).toBe('127.0.0.1'); // HEALTH_HOST's default: loopback only
  return Number(line.port);
}

async function get(port: number, path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.text() };
}

let envelopes = 0;
function slashCommand(slack: FakeSlack, command: string, responseName: string): string {
  const id = `env-life-${++envelopes}`;
  slack.sendEnvelope({
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      command,
      text: '',
      user_id: 'U0000001',
      channel_id: 'C0000001',
      team_id: 'T0000001',
      response_url: slack.responseUrl(responseName),
      trigger_id: 't1',
    },
  });
  return id;
}

describe('the bot as a service', () => {
  it('serves health, readiness and metrics, and on SIGTERM finishes the answer under way and exits 0', async () => {
    const slack = await FakeSlack.start();
    fake = slack;
    const bot = startBot(botEnv(slack, { SHUTDOWN_TIMEOUT_MS: '8000', WARMUP_QUESTIONS: '150' }));
    const port = await healthPort(bot, slack);
    expect(await get(port, '/healthz')).toMatchObject({ status: 200 });
    await slack.waitFor(() => bot.logs().some((l) => l.msg === 'ready'), 'ready', 30_000);
    // Ready once the start-up warm-up has asked its questions.
    const warmed = await slack.waitFor(
      () => bot.logs().find((l) => l.msg === 'warmed up'),
      'the warm-up',
      30_000,
    );
    expect(warmed.questions).toBe(150);
    const ready = await get(port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body).checks).toEqual({
      corpus: true,
      accepting: true,
      'warm-up': true,
      slack: true,
    });

    // An answer whose delivery is slow is under way when SIGTERM arrives.
    slack.delayResponses(1500);
    const id = slashCommand(slack, '/sources', 'in-flight');
    await slack.waitFor(() => slack.acks.find((a) => a.envelope_id === id), 'the ack');
    await slack.waitFor(
      () => bot.logs().some((l) => l.msg === 'request' && l.command === 'sources'),
      'answered',
    );
    const metrics = await get(port, '/metrics');
    expect(metrics.body).toContain(
      'newsbot_requests_total{command="sources",platform="slack",outcome="answer"} 1',
    );
    expect(metrics.body).toMatch(/newsbot_answer_seconds_count\{command="sources"\} 1/);

    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    // At once: not ready any more, while it finishes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await get(port, '/readyz')).status).toBe(503);
    const { code, at } = await bot.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(8000);
    // The answer under way was delivered before the process left.
    expect(slack.responsesTo('in-flight')).toHaveLength(1);
    expect(at - signalled).toBeGreaterThanOrEqual(1000);

    const logs = bot.logs();
    const request = logs.find((l) => l.msg === 'request');
    expect(request).toMatchObject({
      platform: 'slack',
      command: 'sources',
      outcome: 'answer',
      reqId: expect.any(String),
    });
    expect(logs.some((l) => l.msg === 'slack: slash command' && l.reqId === request?.reqId)).toBe(true);
    expect(logs.at(-1)).toMatchObject({ msg: 'stopped', outcome: 'clean' });
    // Debug logging on, and still no token anywhere in the output.
    expect(bot.output()).not.toContain('SeCrEtBoTtOkEn');
    expect(bot.output()).not.toContain('SeCrEtApPtOkEn');
  }, 60_000);

  it('exits 1 at SHUTDOWN_TIMEOUT_MS when an answer cannot finish', async () => {
    const slack = await FakeSlack.start();
    fake = slack;
    const bot = startBot(botEnv(slack, { SHUTDOWN_TIMEOUT_MS: '1000' }));
    await slack.waitFor(() => bot.logs().some((l) => l.msg === 'ready'), 'ready', 30_000);
    slack.delayResponses(20_000);
    const id = slashCommand(slack, '/help', 'stuck');
    await slack.waitFor(() => slack.acks.find((a) => a.envelope_id === id), 'the ack');
    await slack.waitFor(() => bot.logs().some((l) => l.msg === 'request'), 'answered');
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    const { code, at } = await bot.exited;
    expect(code).toBe(1);
    expect(at - signalled).toBeGreaterThanOrEqual(900);
    expect(at - signalled).toBeLessThan(4000);
    expect(bot.logs().find((l) => l.msg === 'shutdown: took too long; stopping now')).toMatchObject({
      step: 'finish answers and disconnect',
    });
  }, 60_000);
});
