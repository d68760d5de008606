/**
 * A Slack app installed in two workspaces through the OAuth flow, driving the real Bolt (HTTP
 * receiver) against the fake Slack's OAuth and Web API: each workspace is answered and sent its
 * digests with its own token, an uninstall forgets one workspace and leaves the other alone, and
 * an expiring token is refreshed once however many events need it at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../../src/adapters/slack/oauth.ts';
import { type RunningSlack, startSlack } from '../../../src/adapters/slack/slackAdapter.ts';
import { assembleCommands } from '../../../src/app/commands.ts';
import { createBot } from '../../../src/core/bot.ts';
import { composeDigest } from '../../../src/digest/composeDigest.ts';
import { DigestScheduler } from '../../../src/digest/digestScheduler.ts';
import { createDigestService } from '../../../src/digest/digestService.ts';
import { SqliteStateStore } from '../../../src/state/sqliteStateStore.ts';
import { ManualClock, shippedKnowledge } from '../../digest/support.ts';
import { FakeSlack } from '../../helpers/fakeSlack.ts';
import {
  CLIENT_ID,
  installThroughBrowser,
  mention,
  oauthSettings,
  sendEvent,
  slash,
} from './oauthSupport.ts';
import { memoryLogger } from './support.ts';

const kb = shippedKnowledge({ 'us-russia-deep-freeze': '2026-03-05T09:00:00.000Z' });
const clock = new ManualClock(new Date('2026-03-05T10:00:00Z'));
const store = new SqliteStateStore(':memory:');
const digests = createDigestService({ store, knowledge: () => kb, defaultTimeZone: 'UTC', clock });
const bot = createBot(kb, { commands: assembleCommands({ digests }) });

let fake: FakeSlack;
let slack: RunningSlack;
let base: string;

beforeAll(async () => {
  fake = await FakeSlack.start();
  fake.addWorkspace({ teamId: 'TAAA', code: 'code-a', token: 'xoxb-team-a' });
  fake.addWorkspace({ teamId: 'TBBB', code: 'code-b', token: 'xoxb-team-b' });
  fake.addWorkspace({
    teamId: 'TROT',
    code: 'code-rot',
    token: 'xoxb-team-rot',
    refreshToken: 'xoxe-1-rot',
    expiresIn: 600,
  });
  fake.addWorkspace({
    teamId: 'TFAIL',
    code: 'code-fail',
    token: 'xoxb-team-fail',
    refreshToken: 'xoxe-1-fail',
    expiresIn: 600,
  });
  slack = await startSlack({
    bot,
    log: memoryLogger().log,
    settings: oauthSettings(fake.apiUrl),
    host: '127.0.0.1',
    port: 0,
    retryConfig: { retries: 0 },
    processBeforeResponse: true,
    state: store,
  });
  base = `http://127.0.0.1:${slack.port}`;
}, 60_000);

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
  await store.close();
});

function postsTo(channel: string) {
  return fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
}

function scheduler(): DigestScheduler {
  return new DigestScheduler({
    store,
    deliveries: new Map([['slack', slack.digests]]),
    compose: (_s, window) => composeDigest(kb, window),
    clock,
    sleep: async () => {},
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
}

describe('Slack installed by OAuth in two workspaces', () => {
  it('installs through /slack/install and /slack/oauth_redirect, keeping each team its token', async () => {
    for (const code of ['code-a', 'code-b']) {
      const { consent, callback } = await installThroughBrowser(base, code);
      expect(`${consent.origin}${consent.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
      expect(consent.searchParams.get('client_id')).toBe(CLIENT_ID);
      expect(consent.searchParams.get('scope')).toBe(SLACK_BOT_SCOPES.join(','));
      expect(callback.status).toBe(200);
    }
    const exchanges = fake.callsTo('oauth.v2.access');
    expect(exchanges.map((c) => c.args.code)).toEqual(['code-a', 'code-b']);
    expect(exchanges[0]?.args).toMatchObject({ client_id: CLIENT_ID, client_secret: 'client-secret' });
    expect(await store.installations.find('slack', 'TAAA')).toMatchObject({
      team: { id: 'TAAA' },
      bot: { token: 'xoxb-team-a', userId: 'UBOTTAAA' },
    });
    expect(await store.installations.find('slack', 'TBBB')).toMatchObject({ bot: { token: 'xoxb-team-b' } });
  });

  it('refuses a callback whose state was not issued to this browser', async () => {
    const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const before = fake.callsTo('oauth.v2.access').length;
    const forged = await fetch(`${base}/slack/oauth_redirect?code=code-a&state=${state}`);
    expect(forged.status).not.toBe(200);
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(before);
  });

  it('answers each workspace with its own token', async () => {
    expect((await mention(base, 'TAAA', 'CAAA1', 'who is Tillerson?')).status).toBe(200);
    expect((await mention(base, 'TBBB', 'CBBB1', 'who is Tillerson?')).status).toBe(200);
    const [a] = postsTo('CAAA1');
    const [b] = postsTo('CBBB1');
    expect(String(a?.args.text)).toMatch(/Tillerson/);
    expect(a?.token).toBe('xoxb-team-a');
    expect(b?.token).toBe('xoxb-team-b');
  });

  it('drops an event from a workspace that never installed the app', async () => {
    await mention(base, 'TZZZ', 'CZZZ1', 'who is Tillerson?');
    expect(postsTo('CZZZ1')).toHaveLength(0);
  });

  it('subscribes each workspace in its channel, and posts each digest with that workspace token', async () => {
    for (const [teamId, channel] of [
      ['TAAA', 'CAAA1'],
      ['TBBB', 'CBBB1'],
    ] as const) {
      const name = `subscribe-${teamId}`;
      const { status } = await slash(base, {
        teamId,
        channel,
        command: '/digest',
        text: 'subscribe daily 08:00',
        responseUrl: fake.responseUrl(name),
      });
      expect(status).toBe(200);
      expect(String(fake.responsesTo(name)[0]?.body.text)).toMatch(/will get a digest/);
    }
    expect((await store.listSubscriptions()).map((s) => [s.workspaceId, s.channelId])).toEqual([
      ['TAAA', 'CAAA1'],
      ['TBBB', 'CBBB1'],
    ]);
    clock.set('2026-03-06T08:00:20Z');
    const reports = await scheduler().tick();
    expect(reports.map((r) => r.status)).toEqual(['sent', 'sent']);
    const digestA = postsTo('CAAA1').at(-1);
    const digestB = postsTo('CBBB1').at(-1);
    expect(String(digestA?.args.text)).toMatch(/^News digest/);
    expect(digestA?.token).toBe('xoxb-team-a');
    expect(digestB?.token).toBe('xoxb-team-b');
  });

  it('keeps /digest list to the workspace and channel it is typed in', async () => {
    await slash(base, {
      teamId: 'TBBB',
      channel: 'CBBB1',
      command: '/digest',
      text: 'list',
      responseUrl: fake.responseUrl('list-b'),
    });
    const text = String(fake.responsesTo('list-b')[0]?.body.text);
    expect(text).toMatch(/1 digest subscription in this channel/);
    expect(text).not.toMatch(/CAAA1/);
    const [subA] = await store.listSubscriptions({ workspaceId: 'TAAA', channelId: 'CAAA1' });
    await slash(base, {
      teamId: 'TBBB',
      channel: 'CBBB1',
      command: '/digest',
      text: `unsubscribe ${subA?.id}`,
      responseUrl: fake.responseUrl('unsub-b'),
    });
    expect(String(fake.responsesTo('unsub-b')[0]?.body.text)).toMatch(/There is no subscription #/);
    expect(await store.listSubscriptions({ workspaceId: 'TAAA' })).toHaveLength(1);
  });

  it('forgets a workspace that uninstalls: installation, subscriptions and pending digests; the other stays', async () => {
    const [subA] = await store.listSubscriptions({
      platform: 'slack',
      workspaceId: 'TAAA',
      channelId: 'CAAA1',
    });
    const [subB] = await store.listSubscriptions({
      platform: 'slack',
      workspaceId: 'TBBB',
      channelId: 'CBBB1',
    });
    if (!subA || !subB) throw new Error('both subscriptions should exist');
    // A digest slot claimed and not yet posted for each workspace: a pending digest.
    for (const sub of [subA, subB]) {
      const claimed = await store.claimSlot({
        subscriptionId: sub.id,
        slot: new Date('2026-03-07T08:00:00Z'),
        owner: 'test',
        now: clock.now(),
        leaseMs: 60_000,
      });
      expect(claimed).toBe('claimed');
    }
    expect((await sendEvent(base, 'TAAA', { type: 'app_uninstalled' })).status).toBe(200);

    expect(await store.installations.find('slack', 'TAAA')).toBeUndefined();
    expect(await store.listSubscriptions({ workspaceId: 'TAAA', channelId: 'CAAA1' })).toEqual([]);
    expect(await store.lastRun(subA.id)).toBeUndefined();
    expect(await store.installations.find('slack', 'TBBB')).toMatchObject({ bot: { token: 'xoxb-team-b' } });
    expect((await store.listSubscriptions()).map((s) => s.id)).toEqual([subB.id]);
    expect((await store.lastRun(subB.id))?.status).toBe('claimed');

    const before = postsTo('CAAA1').length;
    await mention(base, 'TAAA', 'CAAA1', 'who is Tillerson?');
    expect(postsTo('CAAA1')).toHaveLength(before);
    await mention(base, 'TBBB', 'CBBB1', 'who is Lavrov?');
    expect(postsTo('CBBB1').at(-1)?.token).toBe('xoxb-team-b');
  });

  it('forgets a workspace whose bot token is revoked, and not for a user token alone', async () => {
    await sendEvent(base, 'TBBB', { type: 'tokens_revoked', tokens: { oauth: ['UINSTALLER'] } });
    expect(await store.installations.find('slack', 'TBBB')).toBeDefined();
    await sendEvent(base, 'TBBB', { type: 'tokens_revoked', tokens: { bot: ['UBOTTBBB'] } });
    expect(await store.installations.find('slack', 'TBBB')).toBeUndefined();
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('refreshes an expiring token once for two events at the same moment, and answers both with the new token', async () => {
    await installThroughBrowser(base, 'code-rot');
    expect(await store.installations.find('slack', 'TROT')).toMatchObject({
      bot: { token: 'xoxb-team-rot', refreshToken: 'xoxe-1-rot' },
    });
    // The first refresh is slow, so the second event asks for the token while it is under way.
    fake.faultNext('oauth.v2.access', { delayMs: 300 });
    await Promise.all([
      mention(base, 'TROT', 'CROT1', 'who is Tillerson?'),
      mention(base, 'TROT', 'CROT2', 'who is Lavrov?'),
    ]);
    expect(fake.refreshCalls()).toHaveLength(1);
    expect(fake.refreshCalls()[0]?.args).toMatchObject({ refresh_token: 'xoxe-1-rot', client_id: CLIENT_ID });
    const fresh = fake.tokenOf('TROT');
    expect(fresh).toMatch(/^xoxb-team-rot-r\d+$/);
    expect([postsTo('CROT1')[0]?.token, postsTo('CROT2')[0]?.token]).toEqual([fresh, fresh]);
    expect(await store.installations.find('slack', 'TROT')).toMatchObject({ bot: { token: fresh } });
  });

  it('answers with the token it has when a refresh fails, and leaves no refresh to Bolt outside the lock', async () => {
    await installThroughBrowser(base, 'code-fail');
    const before = fake.refreshCalls().length;
    fake.failNext('oauth.v2.access', 'invalid_refresh_token');
    await mention(base, 'TFAIL', 'CFAIL1', 'who is Tillerson?');
    expect(fake.refreshCalls()).toHaveLength(before + 1);
    expect(postsTo('CFAIL1')[0]?.token).toBe('xoxb-team-fail');
    // Still expiring and still holding its refresh token: the next event tries again.
    expect(await store.installations.find('slack', 'TFAIL')).toMatchObject({
      bot: { token: 'xoxb-team-fail', refreshToken: 'xoxe-1-fail' },
    });
  });
});
