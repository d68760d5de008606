import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleCommands, COMMANDS } from '../../src/app/commands.ts';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { type Bot, createBot } from '../../src/core/bot.ts';
import { LiveKnowledge } from '../../src/corpus/liveKnowledge.ts';
import { Archive } from '../../src/ingest/archiveService.ts';
import { FeedPoller } from '../../src/ingest/feedPoller.ts';
import { SafeFetcher } from '../../src/ingest/safeFetch.ts';
import { loadArticle } from '../../src/knowledge/loadArticle.ts';
import { renderText } from '../../src/render/renderText.ts';
import { SqliteArchiveState } from '../../src/state/archiveState.ts';
import { openPostgres } from '../../src/state/postgres/database.ts';
import { PgLeases } from '../../src/state/postgres/pgLeases.ts';
import { SqliteStateStore } from '../../src/state/sqliteStateStore.ts';
import { type FixtureWebServer, fixture, startFixtureWebServer } from '../helpers/fixtureWebServer.ts';
import { freshSchema } from '../helpers/postgres.ts';

const NOW = new Date('2026-11-22T09:00:00Z');

let server: FixtureWebServer;
let dir: string;
let store: SqliteStateStore;
let fetcher: SafeFetcher;
let state: SqliteArchiveState;
let bot: Bot;
let live: LiveKnowledge;
let archive: Archive;

function makeArchive(feedUrls: string[] = [], admins = [{ platform: 'slack', userId: 'UEDITOR' }]): Archive {
  return new Archive({
    corpusDir: dir,
    fetcher,
    state,
    admins,
    feedUrls,
    knownArticles: () => bot.knowledge().articles,
    // What main.ts does without the corpus watcher: rebuild and swap the knowledge base in.
    reindex: async (ids) => {
      live.swap(openKnowledge(dir).kb);
      return ids.every((id) => bot.knowledge().articles.has(id));
    },
    now: () => NOW,
  });
}

async function ask(
  text: string,
  who: { platform: string; userId: string } = { platform: 'slack', userId: 'UEDITOR' },
) {
  const reply = await bot.respond({ text, ...who, channelId: 'C1' });
  if (!reply) throw new Error('no reply');
  return { reply, text: renderText(reply) };
}

beforeEach(async () => {
  server = await startFixtureWebServer({
    '/news/harbour-bridge': { fixture: 'harbour-bridge.html' },
    '/news/harbour-bridge-copy': { fixture: 'harbour-bridge.html' },
    '/news/ferry': { fixture: 'ferry.html' },
    '/news/library': { fixture: 'library.html' },
    '/news/teaser': { fixture: 'teaser.html' },
    '/news/moved': { status: 301, headers: { location: '/news/harbour-bridge' } },
    '/data.json': { body: '{"a":1}', headers: { 'content-type': 'application/json' } },
    '/huge': { body: `<p>${'word '.repeat(40_000)}</p>` },
  });
  dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  writeFileSync(
    join(dir, 'existing.md'),
    `---\ntitle: Council budget approved\nurl: ${server.base}/news/budget\n---\nThe council approved its budget for the coming year on Monday after a long debate about road repairs and libraries.\n`,
  );
  store = new SqliteStateStore(':memory:');
  state = new SqliteArchiveState(store.db);
  fetcher = new SafeFetcher({ allow: ['loopback'], maxBytes: 100 * 1024, timeoutMs: 2000, maxRedirects: 3 });
  archive = makeArchive();
  live = new LiveKnowledge(openKnowledge(dir).kb);
  bot = createBot(live, { commands: assembleCommands({ archive }) });
});

afterEach(async () => {
  await fetcher.close();
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/ingest', () => {
  it('fetches, extracts, stores as Markdown with front matter, indexes and says what was added', async () => {
    const { reply, text } = await ask(`/ingest <${server.base}/news/harbour-bridge>`);
    expect(reply.kind).toBe('answer');
    expect(text).toMatch(
      /^Added “Harbour bridge closed after inspectors find crack” \(Sam Whitlow, Port Ellis Gazette, 2024-03-05\)/,
    );
    expect(text).toContain(
      'saved as ingested/2026-11-22-harbour-bridge-closed-after-inspectors-find-crack.md',
    );
    expect(text).toContain('searchable now');

    const file = join(dir, 'ingested', '2026-11-22-harbour-bridge-closed-after-inspectors-find-crack.md');
    const raw = readFileSync(file, 'utf8');
    expect(raw).toMatch(/^---\nid: 2026-11-22-harbour-bridge-closed-after-inspectors-find-crack\n/);
    expect(raw).toContain(`url: ${server.base}/news/harbour-bridge\n`);
    expect(raw).toContain('fetched: 2026-11-22T09:00:00.000Z\n');
    expect(raw).not.toMatch(/Most read|Subscribe for|© Port Ellis/);
    const loaded = loadArticle('ingested/x.md', raw);
    expect(loaded.ok && loaded.article).toMatchObject({
      title: 'Harbour bridge closed after inspectors find crack',
      author: 'Sam Whitlow',
      publication: 'Port Ellis Gazette',
      published: '2024-03-05',
    });
    expect(readdirSync(join(dir, 'ingested'))).toHaveLength(1); // no temporary file left behind

    const search = await ask('/search girder crack');
    expect(search.text).toMatch(/Harbour bridge closed/);
  });

  it('does not store the same URL twice, nor a URL already in the archive', async () => {
    await ask(`/ingest ${server.base}/news/harbour-bridge`);
    const fetches = server.requests.length;
    const again = await ask(`/ingest ${server.base}/news/harbour-bridge#comments`);
    expect(again.reply.kind).toBe('not_found');
    expect(again.text).toMatch(/^Already in the archive: that address was added before\./);
    expect(again.text).toContain('ingested/2026-11-22-harbour-bridge');
    expect(server.requests.length).toBe(fetches); // not even fetched
    const existing = await ask(`/ingest ${server.base}/news/budget`);
    expect(existing.text).toMatch(
      /^Already in the archive: an article there has that address\.\n.*Council budget approved.*existing\.md/,
    );
    expect(readdirSync(join(dir, 'ingested'))).toHaveLength(1);
  });

  it('does not store the same text under another URL, or behind a redirect', async () => {
    await ask(`/ingest ${server.base}/news/harbour-bridge`);
    const copy = await ask(`/ingest ${server.base}/news/harbour-bridge-copy`);
    expect(copy.text).toMatch(/the same text is already in the archive from .*\/news\/harbour-bridge/);
    const moved = await ask(`/ingest ${server.base}/news/moved`);
    expect(moved.text).toMatch(/redirects to .*\/news\/harbour-bridge, already in the archive/);
    expect(readdirSync(join(dir, 'ingested'))).toHaveLength(1);
  });

  it('refuses pages that are not articles, too large, missing, and private addresses', async () => {
    const teaser = await ask(`/ingest ${server.base}/news/teaser`);
    expect(teaser.reply.kind).toBe('error');
    expect(teaser.text).toMatch(/^I did not add that page\.\n• No article found at .*\/news\/teaser/);
    expect((await ask(`/ingest ${server.base}/data.json`)).text).toMatch(
      /is not a web page \(application\/json\)/,
    );
    expect((await ask(`/ingest ${server.base}/huge`)).text).toMatch(/larger than 100 KB \(FETCH_MAX_BYTES\)/);
    expect((await ask(`/ingest ${server.base}/nowhere`)).text).toMatch(/answered HTTP 404/);
    expect((await ask('/ingest http://169.254.169.254/latest/')).text).toMatch(/link-local address/);
    expect((await ask('/ingest javascript:alert(1)')).text).toMatch(/Only http and https/);
    expect((await ask('/ingest')).reply.kind).toBe('help');
  });

  it('refuses a private address when loopback is not allowed', async () => {
    await fetcher.close();
    fetcher = new SafeFetcher({ allow: [], maxBytes: 100 * 1024, timeoutMs: 2000, maxRedirects: 3 });
    live = new LiveKnowledge(openKnowledge(dir).kb);
    bot = createBot(live, { commands: assembleCommands({ archive: makeArchive() }) });
    const { text } = await ask(`/ingest ${server.base}/news/harbour-bridge`);
    expect(text).toMatch(/I did not add that page\.\n• Refused 127\.0\.0\.1, a loopback address/);
    expect(server.requests).toEqual([]);
  });

  it('is for editors only: others get a clear refusal, the console is an editor', async () => {
    const other = await ask(`/ingest ${server.base}/news/ferry`, { platform: 'slack', userId: 'UOTHER' });
    expect(other.reply.visibility).toBe('asker');
    expect(other.text).toMatch(/^Only editors can add articles to the archive\.\n.*ADMIN_USER_IDS/);
    expect(server.requests).toEqual([]);
    const console = await ask(`/ingest ${server.base}/news/ferry`, {
      platform: 'console',
      userId: 'console',
    });
    expect(console.text).toMatch(/^Added “Night ferry to return in spring”/);
  });

  it('says so where there is no archive service (the one-shot tools)', async () => {
    const plain = createBot(openKnowledge(dir).kb, { commands: COMMANDS });
    expect(
      renderText(
        (await plain.respond({ text: '/ingest https://example.com/' })) ?? plain.answer({ text: '' }),
      ),
    ).toMatch(/Adding articles is not available here/);
  });
});

describe('feeds', () => {
  function poller(feeds: string[]): FeedPoller {
    archive = makeArchive(feeds);
    live = new LiveKnowledge(openKnowledge(dir).kb);
    bot = createBot(live, { commands: assembleCommands({ archive }) });
    return new FeedPoller({ feeds, archive, fetcher, state, intervalMs: 60_000, now: () => NOW });
  }

  it('fetches each feed once per interval between two instances sharing leases in PostgreSQL', async () => {
    const schema = await freshSchema();
    const pools = [
      await openPostgres({ url: schema.url, max: 2 }),
      await openPostgres({ url: schema.url, max: 2 }),
    ];
    try {
      server.routes.set('/feed.rss', {
        fixture: 'feed.rss',
        headers: { 'content-type': 'application/rss+xml' },
      });
      const feeds = [`${server.base}/feed.rss`];
      archive = makeArchive(feeds);
      const [one, two] = pools.map(
        (pool) =>
          new FeedPoller({
            feeds,
            archive,
            fetcher,
            state,
            intervalMs: 1500,
            now: () => NOW,
            leases: new PgLeases(pool),
          }),
      ) as [FeedPoller, FeedPoller];
      const fetches = () => server.requests.filter((r) => r.path === '/feed.rss').length;
      const first = await Promise.all([one.pollAll(), two.pollAll()]);
      expect(first.flat()).toHaveLength(1);
      expect(fetches()).toBe(1);
      expect(await two.pollAll()).toEqual([]);
      // Once the interval's lease runs out, one of them polls it again.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const second = await Promise.all([two.pollAll(), one.pollAll()]);
      expect(second.flat()).toHaveLength(1);
      expect(fetches()).toBe(2);
    } finally {
      for (const pool of pools) await pool.end();
      await schema.drop();
    }
  });

  it('stores new items of RSS and Atom feeds once, and asks again with a conditional request (304)', async () => {
    let served = 0;
    server.routes.set('/feed.rss', {
      handle: (req, res) => {
        if (req.headers['if-none-match'] === '"rss-1"') {
          res.writeHead(304, { etag: '"rss-1"' });
          res.end();
          return;
        }
        served++;
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"rss-1"' });
        res.end(fixture('feed.rss').replaceAll('{{BASE}}', server.base));
      },
    });
    server.routes.set('/feed.atom', {
      fixture: 'feed.atom',
      headers: { 'content-type': 'application/atom+xml', 'last-modified': 'Wed, 06 Mar 2024 12:00:00 GMT' },
    });
    const feeds = [`${server.base}/feed.rss`, `${server.base}/feed.atom`];
    const p = poller(feeds);

    const first = await p.pollAll();
    expect(first.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(first[0]?.added).toEqual([
      '2026-11-22-night-ferry-to-return-in-spring',
      '2026-11-22-harbour-bridge-closed-after-inspectors-find-crack',
    ]);
    expect(first[0]?.detail).toMatch(/^3 items, 2 new, 1 refused \(no article found/);
    expect(first[1]?.added).toEqual(['2026-11-22-library-opening-hours-extended']);
    expect(readdirSync(join(dir, 'ingested')).sort()).toHaveLength(3);
    expect((await ask('/search night ferry Kessock')).text).toMatch(/Night ferry to return in spring/);

    const pages = server.requests.filter((r) => r.path.startsWith('/news/')).length;
    const second = await p.pollAll();
    expect(second.map((r) => r.status)).toEqual(['not-modified', 'ok']);
    expect(served).toBe(1);
    const atomAgain = server.requests.filter((r) => r.path === '/feed.atom').at(-1);
    expect(atomAgain?.headers['if-modified-since']).toBe('Wed, 06 Mar 2024 12:00:00 GMT');
    expect(second[1]).toMatchObject({ added: [], detail: '1 item, 0 new, 1 already in the archive' });
    // Stored, duplicate and refused items are not fetched again.
    expect(server.requests.filter((r) => r.path.startsWith('/news/')).length).toBe(pages);
    expect(readdirSync(join(dir, 'ingested'))).toHaveLength(3);

    const list = await ask('/feeds', { platform: 'slack', userId: 'UANYONE' });
    expect(list.text).toMatch(/^The archive follows 2 feeds:/);
    expect(list.text).toMatch(
      /feed\.rss: 2026-11-22 09:00 UTC, not modified since the last poll \(HTTP 304\); 2 articles added so far/,
    );
    expect(list.text).toMatch(
      /feed\.atom: 2026-11-22 09:00 UTC, 1 item, 0 new, 1 already in the archive; 1 article added so far/,
    );
  });

  it('reports a malformed feed, a missing feed and a timeout without stopping the other feeds', async () => {
    server.routes.set('/bad.xml', {
      fixture: 'malformed.xml',
      headers: { 'content-type': 'application/xml' },
    });
    server.routes.set('/slow.xml', { handle: () => undefined });
    server.routes.set('/feed.atom', {
      fixture: 'feed.atom',
      headers: { 'content-type': 'application/atom+xml' },
    });
    await fetcher.close();
    fetcher = new SafeFetcher({ allow: ['loopback'], maxBytes: 100 * 1024, timeoutMs: 400, maxRedirects: 3 });
    const feeds = [
      `${server.base}/bad.xml`,
      `${server.base}/gone.xml`,
      `${server.base}/slow.xml`,
      `${server.base}/feed.atom`,
    ];
    const reports = await poller(feeds).pollAll();
    expect(reports.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'ok']);
    expect(reports[0]?.detail).toMatch(/^not an RSS or Atom feed/);
    expect(reports[1]?.detail).toMatch(/answered HTTP 404/);
    expect(reports[2]?.detail).toMatch(/did not answer within 400 ms/);
    expect(reports[3]?.added).toHaveLength(1);
    const list = await ask('/feeds');
    expect(list.text).toMatch(/bad\.xml: .*FAILED: not an RSS or Atom feed/);
    expect(list.text).toMatch(/gone\.xml: .*FAILED: .*HTTP 404/);
  });

  it('/feeds says when no feeds are followed', async () => {
    expect((await ask('/feeds')).text).toMatch(/^The archive follows no feeds\.\n.*FEEDS/);
  });
});

describe('pages with one title, stored at once', () => {
  /** A page titled "Same Title Here" whose text names its own number. */
  function samePage(n: number): string {
    const words = Array.from({ length: 60 }, (_, i) => `word${n}x${i}`).join(' ');
    return `<html><head><title>Same Title Here</title></head><body><article><h1>Same Title Here</h1><p>Story number ${n} of the race test. ${words}.</p></article></body></html>`;
  }

  it('never share a file: each URL is stored in a file that holds its own text, and the state says so', async () => {
    const ingests = 8;
    const items = 6;
    for (let n = 0; n < ingests + items; n++) server.routes.set(`/same/${n}`, { body: samePage(n) });
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Same</title><link>{{BASE}}/</link>${Array.from(
      { length: items },
      (_, i) => `<item><title>Same Title Here</title><link>{{BASE}}/same/${ingests + i}</link></item>`,
    ).join('')}</channel></rss>`;
    server.routes.set('/same.rss', { body: rss, headers: { 'content-type': 'application/rss+xml' } });
    archive = makeArchive([`${server.base}/same.rss`]);
    const feedPoller = new FeedPoller({
      feeds: [`${server.base}/same.rss`],
      archive,
      fetcher,
      state,
      intervalMs: 60_000,
      now: () => NOW,
    });

    const [outcomes] = await Promise.all([
      Promise.all(
        Array.from({ length: ingests }, (_, n) =>
          archive.ingestUrl(`${server.base}/same/${n}`, 'chat:slack:UEDITOR'),
        ),
      ),
      feedPoller.pollAll(),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(Array(ingests).fill('stored'));
    const files = readdirSync(join(dir, 'ingested'));
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]); // no temporary file left behind
    expect(files).toHaveLength(ingests + items);
    for (let n = 0; n < ingests + items; n++) {
      const row = await state.findUrl(`${server.base}/same/${n}`);
      expect(row?.status).toBe('stored');
      const text = readFileSync(join(dir, row?.file ?? 'missing'), 'utf8');
      expect(text).toContain(`Story number ${n} of the race test`);
      expect(text).toContain(`url: ${server.base}/same/${n}`);
      const id = /^id: (.+)$/m.exec(text)?.[1];
      expect(row?.file).toBe(`ingested/${id}.md`);
    }
    for (const o of outcomes) if (o.status === 'stored') expect(`ingested/${o.id}.md`).toBe(o.file);
  });
});
