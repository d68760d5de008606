/**
 * Watched names through the real Slack adapter (Bolt on its HTTP receiver) against the fake Slack:
 * /watch with a typo corrected, /ingest of an article that does not mention the name (no post)
 * and of one that does (one post with the title, the sentence and the source), a reload that brings
 * the article back (no second post), /watch list and /watch remove.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSlack } from '../../src/adapters/slack/slackAdapter.ts';
import { assembleCommands } from '../../src/app/commands.ts';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { createBot } from '../../src/core/bot.ts';
import { LiveKnowledge } from '../../src/corpus/liveKnowledge.ts';
import { Archive } from '../../src/ingest/archiveService.ts';
import { SafeFetcher } from '../../src/ingest/safeFetch.ts';
import { SqliteStateStore } from '../../src/state/sqliteStateStore.ts';
import { createWatches, type Watches } from '../../src/watch/watches.ts';
import { memoryLogger, startSlackOverHttp } from '../adapters/slack/support.ts';
import { FakeSlack, postSigned, slashCommandBody } from '../helpers/fakeSlack.ts';
import { type FixtureWebServer, startFixtureWebServer } from '../helpers/fixtureWebServer.ts';

const SIGNING_SECRET = 'watch-signing-secret';
const CHANNEL = 'CWATCH001';
const EDITOR = 'UEDITOR01';

let web: FixtureWebServer;
let dir: string;
let store: SqliteStateStore;
let fetcher: SafeFetcher;
let live: LiveKnowledge;
let watches: Watches;
let fake: FakeSlack;
let slack: RunningSlack;
let eventsUrl: string;
let counter = 0;

beforeAll(async () => {
  web = await startFixtureWebServer({
    '/world/tillerson-ankara': { fixture: 'tillerson-visit.html' },
    '/news/ferry': { fixture: 'ferry.html' },
  });
  dir = mkdtempSync(join(tmpdir(), 'watch-slack-'));
  cpSync('corpus', dir, { recursive: true });
  store = new SqliteStateStore(':memory:');
  fetcher = new SafeFetcher({ allow: ['loopback'], maxBytes: 100 * 1024, timeoutMs: 5000, maxRedirects: 3 });
  live = new LiveKnowledge(openKnowledge(dir).kb, { load: async () => openKnowledge(dir).kb });
  const archive = new Archive({
    corpusDir: dir,
    fetcher,
    state: store.archive,
    admins: [{ platform: 'slack', userId: EDITOR }],
    feedUrls: [],
    knownArticles: () => live.current().articles,
    reindex: async (ids) => {
      await live.rebuild();
      return live.contains(ids);
    },
  });
  const { log } = memoryLogger('silent');
  watches = createWatches({ state: store.watches, log, gatherMs: 0 });
  const bot = createBot(live, { commands: assembleCommands({ archive, watches: watches.command }) });
  fake = await FakeSlack.start();
  ({ slack, eventsUrl } = await startSlackOverHttp({
    bot,
    log,
    apiUrl: fake.apiUrl,
    signingSecret: SIGNING_SECRET,
    token: 'xoxb-watch',
  }));
  watches.start(live, new Map([['slack', slack.digests]]));
});

afterAll(async () => {
  await watches?.stop();
  await slack?.stop();
  await fake?.close();
  await fetcher?.close();
  await store?.close();
  await web?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function slash(command: string, text: string, user = 'U0000001'): Promise<Record<string, unknown>> {
  const name = `watch-${++counter}`;
  const body = slashCommandBody({
    command,
    text,
    user_id: user,
    channel_id: CHANNEL,
    team_id: 'T0000001',
    response_url: fake.responseUrl(name),
    trigger_id: `t-${name}`,
  });
  const { status } = await postSigned(eventsUrl, body, {
    signingSecret: SIGNING_SECRET,
    contentType: 'application/x-www-form-urlencoded',
  });
  expect(status).toBe(200);
  const [post] = fake.responsesTo(name);
  return post?.body ?? {};
}

const alerts = () => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL);

describe('watched names on Slack', () => {
  it('corrects a typo in the watch and announces it in the channel', async () => {
    const body = await slash('/watch', 'Tilerson');
    expect(body.response_type).toBe('in_channel');
    expect(String(body.text)).toMatch(/^Watching "Rex Tillerson" \(you typed "Tilerson"\)/);
    expect(String(body.text)).toContain('or "Tillerson"');
    const [watch] = await store.watches.listWatches();
    expect(watch).toMatchObject({
      platform: 'slack',
      channelId: CHANNEL,
      name: 'Rex Tillerson',
      typed: 'Tilerson',
    });
  });

  it('says nothing when an ingested article does not mention the name', async () => {
    const added = await slash('/ingest', `<${web.base}/news/ferry>`, EDITOR);
    expect(String(added.text)).toMatch(/^Added “Night ferry to return in spring”/);
    await watches.alerter.idle();
    expect(alerts()).toEqual([]);
  });

  it('posts once, with the title, the sentence and the source, when an ingested article mentions it', async () => {
    const added = await slash('/ingest', `<${web.base}/world/tillerson-ankara>`, EDITOR);
    expect(String(added.text)).toMatch(/^Added “Tillerson to visit Ankara after Moscow talks”/);
    const [post] = await fake.waitFor(() => alerts().length > 0 && alerts(), 'the watch alert');
    const text = String(post?.args.text);
    expect(text).toMatch(/^Rex Tillerson in a new article: Tillerson to visit Ankara after Moscow talks/);
    expect(text).toContain('Officials said Tillerson would meet President Recep Tayyip Erdogan in Ankara');
    expect(text).toMatch(/Wire Review, 2017-04-20/);
    expect(post?.args).toMatchObject({ link_names: 'false', unfurl_links: 'false' });
    await watches.alerter.idle();
    expect(alerts()).toHaveLength(1);
  });

  it('does not post again when a reload brings the same article back', async () => {
    const kb = live.current();
    const article = [...kb.articles.values()].find((a) => a.title.startsWith('Tillerson to visit'));
    expect(article).toBeDefined();
    live.swap(openKnowledge('corpus').kb);
    live.swap(kb);
    await watches.alerter.idle();
    expect(await watches.alerter.articlesArrived(article ? [article] : [], kb)).toBe(0);
    expect(alerts()).toHaveLength(1);
  });

  it('lists the watches to the asker alone and removes one by number', async () => {
    const list = await slash('/watch', 'list');
    expect(list.response_type).toBe('ephemeral');
    expect(String(list.text)).toMatch(/1\. "Rex Tillerson" \(also "Tillerson"\)/);
    const removed = await slash('/watch', 'remove 1');
    expect(removed.response_type).toBe('in_channel');
    expect(String(removed.text)).toMatch(/^No longer watching "Rex Tillerson"/);
    expect(await store.watches.listWatches()).toEqual([]);
    const none = await slash('/watch', 'remove Tillerson');
    expect(none.response_type).toBe('ephemeral');
    expect(String(none.text)).toMatch(/does not watch "Tillerson"/);
  });

  it('watches words no name matches as a phrase, and quoted words always', async () => {
    const phrase = await slash('/watch', 'quantum ledger');
    expect(String(phrase.text)).toMatch(/^Watching the words "quantum ledger"/);
    expect(String(phrase.text)).toMatch(/No name in the archive matches it yet/);
    const quoted = await slash('/watch', '"Tillerson"');
    expect(String(quoted.text)).toMatch(/^Watching the words "Tillerson"/);
    const again = await slash('/watch', '"Tillerson"');
    expect(again.response_type).toBe('ephemeral');
    expect(String(again.text)).toMatch(/already watches the words "Tillerson"/);
  });
});
