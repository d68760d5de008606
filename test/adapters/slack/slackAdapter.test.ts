import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSlackApp,
  type SlackAdapterOptions,
  type SlackSettings,
  SlackSettingsError,
  startSlack,
} from '../../../src/adapters/slack/slackAdapter.ts';
import { FakeSlack } from '../../helpers/fakeSlack.ts';
import { corpusBot, memoryLogger } from './support.ts';

let fake: FakeSlack;

beforeAll(async () => {
  fake = await FakeSlack.start();
});

afterAll(async () => {
  await fake?.close();
});

function options(settings: Partial<SlackSettings>): SlackAdapterOptions {
  return {
    bot: corpusBot(),
    log: memoryLogger().log,
    settings: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: fake.apiUrl,
      PORT: 0,
      ...settings,
    },
    host: '127.0.0.1',
    port: 0,
    retryConfig: { retries: 0 },
  };
}

describe('createSlackApp', () => {
  it('needs a bot token', () => {
    expect(() => createSlackApp(options({ SLACK_BOT_TOKEN: undefined }))).toThrow(SlackSettingsError);
    expect(() => createSlackApp(options({ SLACK_BOT_TOKEN: undefined }))).toThrow(/SLACK_BOT_TOKEN/);
  });

  it('needs an app token or a signing secret', () => {
    expect(() => createSlackApp(options({ SLACK_SIGNING_SECRET: undefined }))).toThrow(
      /SLACK_APP_TOKEN .* or SLACK_SIGNING_SECRET/,
    );
  });

  it('picks Socket Mode when the app token is set, HTTP otherwise', () => {
    expect(createSlackApp(options({ SLACK_APP_TOKEN: 'xapp-test' })).mode).toBe('socket');
    expect(createSlackApp(options({})).mode).toBe('http');
  });
});

describe('startSlack', () => {
  it('explains a token that Slack refuses', async () => {
    fake.failNext('auth.test', 'invalid_auth');
    await expect(startSlack(options({}))).rejects.toThrow(/refused the token \(invalid_auth\)/);
  });

  it('keeps trying, with back-off, while Slack answers auth.test with a 500 or not at all, instead of exiting', async () => {
    for (let i = 0; i < 3; i++) fake.faultNext('auth.test', { status: 500 });
    const before = fake.callsTo('auth.test').length;
    const { log, entries } = memoryLogger('info');
    const running = await startSlack({
      ...options({}),
      log,
      startRetry: { baseDelayMs: 20, maxDelayMs: 40 },
    });
    await running.stop();
    expect(fake.callsTo('auth.test').length - before).toBe(4);
    const retries = entries.filter((e) => /could not verify the token/.test(String(e.msg)));
    expect(retries.map((e) => e.retryInMs)).toEqual([20, 40, 40]);
    expect(entries.map((e) => e.msg)).toContain('slack: listening for HTTP requests');
  });

  it('skips auth.test when the bot ids are given, and logs through pino', async () => {
    const before = fake.callsTo('auth.test').length;
    const { log, entries } = memoryLogger('info');
    const running = await startSlack({ ...options({}), log, botId: 'B1', botUserId: 'U1' });
    await running.stop();
    await running.stop();
    expect(fake.callsTo('auth.test').length).toBe(before);
    expect(entries.map((e) => e.msg)).toEqual(['slack: listening for HTTP requests', 'slack: stopped']);
    expect(entries[0]).toMatchObject({ mode: 'http', port: running.port });
  });
});
