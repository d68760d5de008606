/**
 * The editors' corpus folder shared through PostgreSQL: instances started at once, each with its
 * own copy of the folder, import it one at a time (each file stored once), answer from the same
 * archive, and pass edits and removals made on one to the other. Ingested articles are never
 * touched by the folder's import, and an older copy of the folder never undoes a newer version.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCorpusFile } from '../../src/corpus/applyCorpusFile.ts';
import { type ArticleStoreFollower, followArticleStore } from '../../src/corpus/followArticleStore.ts';
import { FOLDER_RECORD } from '../../src/corpus/importCorpusFolder.ts';
import { type LiveKnowledge, openLiveKnowledge, watchLiveKnowledge } from '../../src/corpus/liveKnowledge.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { openPostgres } from '../../src/state/postgres/database.ts';
import { PgArticleStore } from '../../src/state/postgres/pgArticleStore.ts';
import { PgCorpusFiles } from '../../src/state/postgres/pgCorpusFiles.ts';
import { freshSchema, type TestSchema } from '../helpers/postgres.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const log = createLogger(process.env.TEST_LOG ?? 'silent');
const MINUTE = 60_000;

const story = (id: string, title: string, text: string) => `---\nid: ${id}\ntitle: ${title}\n---\n${text}\n`;
const HARBOUR = story(
  'harbour-bridge',
  'Harbour bridge closed',
  'The Harbour Street bridge was closed after inspectors found a crack in a girder.',
);
const LIBRARY = story(
  'library-hours',
  'Library opening hours extended',
  'The city library will open until nine in the evening from May.',
);

interface Instance {
  dir: string;
  live: LiveKnowledge;
  articles: PgArticleStore;
  follower: ArticleStoreFollower;
  /** Stops the instance (its folder stays). */
  stop(): Promise<void>;
}

/** A folder with these files, each modified `ageMs` ago, the folder itself too. */
function folder(files: Record<string, string>, ageMs = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'shared-folder-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const at = (Date.now() - ageMs) / 1000;
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
    utimesSync(join(dir, name), at, at);
    utimesSync(dirname(join(dir, name)), at, at);
  }
  utimesSync(dir, at, at);
  return dir;
}

async function instance(schema: TestSchema, dir: string): Promise<Instance> {
  const pool = await openPostgres({ url: schema.url, max: 3 });
  const articles = new PgArticleStore(pool);
  const live = await openLiveKnowledge({ dir, cacheDir: undefined, log });
  const follower = await followArticleStore(live, {
    store: articles,
    dir,
    log,
    pollMs: 60_000,
    folder: { files: new PgCorpusFiles(pool), skip: ['ingested'] },
  });
  // As main.ts wires it with CORPUS_WATCH: a change in the folder is imported, then indexed.
  const watcher = watchLiveKnowledge(live, { dir, log, debounceMs: 50, beforeRebuild: follower.importNow });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      watcher.close();
      await watcher.idle();
      await follower.close();
      await pool.end();
    })();
    return stopped;
  };
  cleanups.push(stop);
  return { dir, live, articles, follower, stop };
}

async function rows(schema: TestSchema): Promise<{ path: string; removed: boolean; seq: string }[]> {
  const pool = await openPostgres({ url: schema.url, max: 1 });
  try {
    return (await pool.query('SELECT path, removed, seq FROM corpus_files ORDER BY path')).rows;
  } finally {
    await pool.end();
  }
}

const text = (live: LiveKnowledge, id: string) => live.current().articles.get(id)?.body;

describe('the editors folder shared through the store', () => {
  it('imports each file once when two instances start at once; an edit or a removal on one reaches the other', async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    // A's copy has one more file than B's older one.
    const [a, b] = await Promise.all([
      instance(schema, folder({ 'harbour.md': HARBOUR, 'library.md': LIBRARY }, 10 * MINUTE)),
      instance(schema, folder({ 'harbour.md': HARBOUR }, 20 * MINUTE)),
    ]);
    await expect.poll(() => a.follower.caughtUp() && b.follower.caughtUp()).toBe(true);
    // One row per file, each written once: the second importer found nothing to change.
    expect(await rows(schema)).toEqual([
      { path: 'harbour.md', removed: false, seq: expect.any(String) },
      { path: 'library.md', removed: false, seq: expect.any(String) },
    ]);
    expect(Math.max(...(await rows(schema)).map((r) => Number(r.seq)))).toBe(2);
    // Both answer from the same archive: B has the file only A's folder held.
    for (const x of [a, b]) expect(x.live.contains(['harbour-bridge', 'library-hours'])).toBe(true);
    expect(readFileSync(join(b.dir, 'library.md'), 'utf8')).toBe(LIBRARY);

    // An article ingested meanwhile (its own table) is no folder file: removals never touch it.
    const ingested = await a.articles.add({
      stem: 'ferry-returns',
      folder: 'ingested',
      url: 'https://news.example/ferry',
      contentHash: 'h-ferry',
      markdown: (id) => story(id, 'Night ferry returns', 'The night ferry to the islands returns in spring.'),
    });
    expect(ingested.status).toBe('stored');
    await expect.poll(() => b.live.contains(['ferry-returns']), { timeout: 5000 }).toBe(true);

    // An editor changes the library story on A (CORPUS_WATCH sees it, A imports it): B gets it.
    writeFileSync(join(a.dir, 'library.md'), LIBRARY.replace('nine in the evening', 'ten at night'));
    await expect.poll(() => text(b.live, 'library-hours'), { timeout: 5000 }).toMatch(/ten at night/);
    expect(text(a.live, 'library-hours')).toMatch(/ten at night/);
    expect(readFileSync(join(b.dir, 'library.md'), 'utf8')).toMatch(/ten at night/);

    // An editor deletes the harbour story on B: it is removed everywhere, and nothing else is.
    rmSync(join(b.dir, 'harbour.md'));
    await expect.poll(() => a.live.contains(['harbour-bridge']), { timeout: 5000 }).toBe(false);
    expect(existsSync(join(a.dir, 'harbour.md'))).toBe(false);
    await expect.poll(() => b.live.contains(['harbour-bridge']), { timeout: 5000 }).toBe(false);
    for (const x of [a, b]) {
      expect(x.live.contains(['harbour-bridge'])).toBe(false);
      expect(x.live.contains(['library-hours', 'ferry-returns'])).toBe(true);
    }
    expect((await rows(schema)).map((r) => [r.path, r.removed])).toEqual([
      ['harbour.md', true],
      ['library.md', false],
    ]);
    // The ingested folder is never imported as the editors' own.
    expect((await rows(schema)).some((r) => r.path.startsWith('ingested/'))).toBe(false);
    // Each folder keeps its record of the shared files it holds (for removals made while stopped).
    expect(JSON.parse(readFileSync(join(a.dir, FOLDER_RECORD), 'utf8')).paths).toEqual(['library.md']);
  });

  it('after a restart, removes what an editor deleted while the instance was stopped, and brings in what arrived meanwhile', async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const a = await instance(schema, folder({ 'harbour.md': HARBOUR, 'library.md': LIBRARY }, 10 * MINUTE));
    const bDir = folder({ 'harbour.md': HARBOUR, 'library.md': LIBRARY }, 20 * MINUTE);
    const b = await instance(schema, bDir);
    await expect.poll(() => a.follower.caughtUp() && b.follower.caughtUp()).toBe(true);
    await b.stop();

    // While B is stopped: a story is added on A, and an editor deletes the harbour story in B's folder.
    writeFileSync(
      join(a.dir, 'ferry.md'),
      story('ferry', 'Night ferry returns', 'The night ferry returns in spring.'),
    );
    await expect.poll(async () => (await rows(schema)).some((r) => r.path === 'ferry.md')).toBe(true);
    rmSync(join(bDir, 'harbour.md'));

    const again = await instance(schema, bDir);
    await expect.poll(() => again.follower.caughtUp()).toBe(true);
    // B's record says it held the harbour story: removed everywhere. It never held the ferry story: brought in.
    expect(again.live.contains(['harbour-bridge'])).toBe(false);
    expect(again.live.contains(['ferry', 'library-hours'])).toBe(true);
    await expect.poll(() => a.live.contains(['harbour-bridge']), { timeout: 5000 }).toBe(false);
    expect((await rows(schema)).map((r) => [r.path, r.removed])).toEqual([
      ['ferry.md', false],
      ['harbour.md', true],
      ['library.md', false],
    ]);
  });

  it('never lets an older copy of the folder undo newer versions; a newer copy without a file removes it', async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const edited = LIBRARY.replace('nine in the evening', 'ten at night');
    const a = await instance(schema, folder({ 'harbour.md': HARBOUR, 'library.md': edited }, 10 * MINUTE));
    await expect.poll(() => a.follower.caughtUp()).toBe(true);

    // An instance restarted from last week's image: the old library text, no harbour story.
    const old = await instance(schema, folder({ 'library.md': LIBRARY }, 7 * 24 * 60 * MINUTE));
    await expect.poll(() => old.follower.caughtUp()).toBe(true);
    expect(text(old.live, 'library-hours')).toMatch(/ten at night/);
    expect(old.live.contains(['harbour-bridge'])).toBe(true);
    expect(readFileSync(join(old.dir, 'library.md'), 'utf8')).toBe(edited);
    expect((await rows(schema)).every((r) => !r.removed)).toBe(true);
    expect(Math.max(...(await rows(schema)).map((r) => Number(r.seq)))).toBe(2);

    // A new image, made after those versions, without the harbour story: it is removed.
    const next = await instance(
      schema,
      folder({ 'library.md': edited, 'sub/notes.md': HARBOUR.replace(/harbour-bridge/, 'harbour-notes') }),
    );
    await expect.poll(() => next.follower.caughtUp()).toBe(true);
    expect((await rows(schema)).map((r) => [r.path, r.removed])).toEqual([
      ['harbour.md', true],
      ['library.md', false],
      ['sub/notes.md', false],
    ]);
    await a.follower.syncNow();
    expect(a.live.contains(['harbour-bridge'])).toBe(false);
    expect(a.live.contains(['harbour-notes'])).toBe(true);
    expect(existsSync(join(a.dir, 'sub', 'notes.md'))).toBe(true);
  });

  it('writes a stored file only inside the folder, as a corpus file, never into the ingested folder', async () => {
    const dir = folder({});
    const stored = (path: string) => ({
      path,
      content: Buffer.from('text'),
      contentHash: 'h',
      modifiedMs: Date.now(),
      removed: false,
      seq: 1,
    });
    for (const path of [
      '../escape.md',
      'a/../../escape.md',
      '.hidden/x.md',
      'ingested/x.md',
      'run.sh',
      '/etc/x.md',
    ]) {
      await expect(applyCorpusFile(dir, stored(path), ['ingested']), path).rejects.toThrow(
        /refusing to write/,
      );
    }
    expect(await applyCorpusFile(dir, stored('sub/ok.md'), ['ingested'])).toBe('written');
    expect(readFileSync(join(dir, 'sub', 'ok.md'), 'utf8')).toBe('text');
  });
});
