/**
 * Two instances of the bot (two Bolt Apps on their own HTTP ports) sharing one PostgreSQL schema,
 * installed by OAuth: a workspace installed through one is answered by the other, and when both
 * need a workspace's expiring token at the same moment, one oauth.v2.access refresh is made (the
 * installation row is locked while it is refreshed) and both answer with the new token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSlack, startSlack } from '../../../src/adapters/slack/slackAdapter.ts';
import { openPostgres } from '../../../src/state/postgres/database.ts';
import { PgStateStore } from '../../../src/state/postgres/pgStateStore.ts';
import { FakeSlack } from '../../helpers/fakeSlack.ts';
import { freshSchema, type TestSchema } from '../../helpers/postgres.ts';
import { installThroughBrowser, mention, oauthSettings } from './oauthSupport.ts';
import { corpusBot, memoryLogger } from './support.ts';

let fake: FakeSlack;
let schema: TestSchema;
const stores: PgStateStore[] = [];
const instances: RunningSlack[] = [];
const bases: string[] = [];

beforeAll(async () => {
  fake = await FakeSlack.start();
  fake.addWorkspace({ teamId: 'TONE', code: 'code-one', token: 'xoxb-one' });
  fake.addWorkspace({
    teamId: 'TROT',
    code: 'code-rot',
    token: 'xoxb-rot',
    refreshToken: 'xoxe-1-rot',
    expiresIn: 300,
  });
  schema = await freshSchema();
  for (let i = 0; i < 2; i++) {
    const store = new PgStateStore(await openPostgres({ url: schema.url, max: 4 }));
    stores.push(store);
    const slack = await startSlack({
      bot: corpusBot(),
      log: memoryLogger().log,
      settings: oauthSettings(fake.apiUrl),
      host: '127.0.0.1',
      port: 0,
      retryConfig: { retries: 0 },
      processBeforeResponse: true,
      state: store,
    });
    instances.push(slack);
    bases.push(`http://127.0.0.1:${slack.port}`);
  }
}, 60_000);

afterAll(async () => {
  for (const slack of instances) await slack.stop();
  for (const store of stores) await store.close();
  await fake?.close();
  await schema?.drop();
});

function postsTo(channel: string) {
  return fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
}

describe('two instances sharing PostgreSQL, Slack installed by OAuth', () => {
  it('answers on one instance a workspace installed through the other', async () => {
    const [first = '', second = ''] = bases;
    expect((await installThroughBrowser(first, 'code-one')).callback.status).toBe(200);
    await mention(second, 'TONE', 'CONE1', 'who is Tillerson?');
    expect(postsTo('CONE1').map((c) => c.token)).toEqual(['xoxb-one']);
  });

  it('makes one refresh call when both instances need an expiring token at once', async () => {
    const [first = '', second = ''] = bases;
    await installThroughBrowser(first, 'code-rot');
    // The refresh is slow, so the other instance asks for the token while it is under way.
    fake.faultNext('oauth.v2.access', { delayMs: 300 });
    await Promise.all([
      mention(first, 'TROT', 'CROT1', 'who is Tillerson?'),
      mention(second, 'TROT', 'CROT2', 'who is Lavrov?'),
    ]);
    expect(fake.refreshCalls()).toHaveLength(1);
    const fresh = fake.tokenOf('TROT');
    expect(fresh).not.toBe('xoxb-rot');
    expect([postsTo('CROT1')[0]?.token, postsTo('CROT2')[0]?.token]).toEqual([fresh, fresh]);
    for (const store of stores) {
      expect(await store.installations.find('slack', 'TROT')).toMatchObject({
        bot: { token: fresh, refreshToken: expect.stringMatching(/^xoxe-1-rot-r\d+$/) },
      });
    }
  });
});
