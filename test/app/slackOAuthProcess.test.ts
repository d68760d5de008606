/**
 * `src/main.ts` as a real process with SLACK_CLIENT_ID (a Slack app installed by OAuth), against
 * the fake Slack: the composition root starts Slack without a bot token, keeps the installation in
 * its state file, answers the installed workspace with that workspace's token, forgets it when the
 * app is uninstalled, and never logs the OAuth secrets or the token.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  installThroughBrowser,
  mention,
  SIGNING_SECRET,
  sendEvent,
  slash,
} from '../adapters/slack/oauthSupport.ts';
import { FakeSlack } from '../helpers/fakeSlack.ts';
import { spawnBot } from '../helpers/spawnBot.ts';

const CLIENT_SECRET = 'e2e-client-secret-SeCrEt';
const STATE_SECRET = 'e2e-state-secret-SeCrEt-0123456789';
const TEAM_TOKEN = 'xoxb-e2e-team-SeCrEtToKeN0123';

let child: ChildProcess | undefined;
let fake: FakeSlack | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the bot installed by OAuth, as a process', () => {
  it('installs, answers with the workspace token, forgets the workspace on uninstall, and keeps secrets out of the logs', async () => {
    const slack = await FakeSlack.start();
    fake = slack;
    slack.addWorkspace({ teamId: 'TE2E', code: 'code-e2e', token: TEAM_TOKEN });
    dataDir = mkdtempSync(join(tmpdir(), 'oauth-e2e-'));
    const bot = spawnBot({
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      HEALTH_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    });
    child = bot.child;
    const logs = () =>
      bot
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const listening = await slack.waitFor(
      () => logs().find((l) => l.msg === 'slack: listening for HTTP requests'),
      'the Slack HTTP receiver',
      60_000,
    );
    await slack.waitFor(() => logs().some((l) => l.msg === 'ready'), 'ready', 60_000);
    const base = `http://127.0.0.1:${Number(listening.port)}`;

    expect((await installThroughBrowser(base, 'code-e2e')).callback.status).toBe(200);
    await mention(base, 'TE2E', 'CE2E1', 'who is Tillerson?');
    const answer = await slack.waitFor(
      () => slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'CE2E1'),
      'the answer',
      15_000,
    );
    expect(answer.token).toBe(TEAM_TOKEN);

    await slash(base, {
      teamId: 'TE2E',
      channel: 'CE2E1',
      command: '/digest',
      text: 'subscribe daily 08:00',
      responseUrl: slack.responseUrl('subscribed'),
    });
    await slack.waitFor(() => slack.responsesTo('subscribed')[0], 'the subscription', 15_000);
    await sendEvent(base, 'TE2E', { type: 'app_uninstalled' });
    const forgotten = await slack.waitFor(
      () => logs().find((l) => l.msg === 'slack: workspace forgotten'),
      'the workspace forgotten',
      15_000,
    );
    expect(forgotten).toMatchObject({ workspace: 'TE2E', subscriptions: 1, installation: true });

    const output = bot.output();
    for (const secret of [CLIENT_SECRET, STATE_SECRET, TEAM_TOKEN]) expect(output).not.toContain(secret);

    const exited = new Promise<number | null>((resolve) => bot.child.once('exit', resolve));
    bot.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);
});
