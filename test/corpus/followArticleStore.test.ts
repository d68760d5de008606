/**
 * Two instances' corpora following one PostgreSQL article store: an article stored through one
 * reaches the other's knowledge base with the same addedAt (the store's), so the two agree on the
 * digest window it belongs to, and it falls in exactly one of a day's windows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ArticleStoreFollower,
  followArticleStore,
  writeStoredArticle,
} from '../../src/corpus/followArticleStore.ts';
import { type LiveKnowledge, openLiveKnowledge } from '../../src/corpus/liveKnowledge.ts';
import { composeDigest } from '../../src/digest/composeDigest.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { openPostgres } from '../../src/state/postgres/database.ts';
import { PgArticleStore } from '../../src/state/postgres/pgArticleStore.ts';
import { freshSchema } from '../helpers/postgres.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const log = createLogger('silent');

async function instance(
  url: string,
): Promise<{ dir: string; live: LiveKnowledge; store: PgArticleStore; follower: ArticleStoreFollower }> {
  const dir = mkdtempSync(join(tmpdir(), 'follow-'));
  writeFileSync(
    join(dir, 'old.md'),
    '---\ntitle: An old story\n---\nThe harbour master retired after forty years at the port.\n',
  );
  const pool = await openPostgres({ url, max: 3 });
  const store = new PgArticleStore(pool);
  const live = await openLiveKnowledge({ dir, cacheDir: undefined, log });
  const follower = await followArticleStore(live, { store, dir, log, pollMs: 60_000 });
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => pool.end(),
    () => follower.close(),
  );
  return { dir, live, store, follower };
}

const markdown = (id: string) =>
  `---\nid: ${id}\ntitle: Ferry returns in spring\n---\nThe night ferry to the islands will return in spring, the operator said on Tuesday.\n`;

describe('following the article store', () => {
  it('brings an article stored on one instance into the other, with the same addedAt, in one digest window', async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const a = await instance(schema.url);
    const b = await instance(schema.url);
    await expect.poll(() => a.follower.caughtUp() && b.follower.caughtUp()).toBe(true);

    const added = await a.store.add({
      stem: 'ferry-returns',
      folder: 'ingested',
      url: 'https://news.example/ferry',
      contentHash: 'h-ferry',
      markdown,
    });
    if (added.status !== 'stored') throw new Error('expected stored');
    await writeStoredArticle(a.dir, added.article);
    await a.live.rebuild();
    // The notification is the hint: B has it long before its next poll (60 s here).
    await expect.poll(() => b.live.contains(['ferry-returns']), { timeout: 5000 }).toBe(true);
    expect(b.follower.applied()).toBe(added.article.seq);

    const onA = a.live.current().articles.get('ferry-returns');
    const onB = b.live.current().articles.get('ferry-returns');
    expect(onA?.addedAt).toBe(added.article.addedAt);
    expect(onB?.addedAt).toBe(added.article.addedAt);

    // The day around it in hourly windows: on both instances, exactly one window lists it.
    const at = new Date(added.article.addedAt).getTime();
    const hour = 3600_000;
    const start = Math.floor(at / hour) * hour - 12 * hour;
    for (const kb of [a.live.current(), b.live.current()]) {
      const listing = [];
      for (let t = start; t < start + 24 * hour; t += hour) {
        const reply = composeDigest(kb, { from: new Date(t), to: new Date(t + hour), timeZone: 'UTC' });
        if (JSON.stringify(reply).includes('Ferry returns in spring')) listing.push(t);
      }
      expect(listing).toEqual([Math.floor(at / hour) * hour]);
    }
  });

  it('catches up at start with everything stored before it started', async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const pool = await openPostgres({ url: schema.url });
    cleanups.push(() => pool.end());
    const store = new PgArticleStore(pool);
    for (let i = 1; i <= 3; i++) {
      await store.add({
        stem: `story-${i}`,
        folder: 'ingested',
        contentHash: `h${i}`,
        markdown: (id) => `---\nid: ${id}\ntitle: Story ${i}\n---\nStory number ${i} about the harbour.\n`,
      });
    }
    const late = await instance(schema.url);
    await expect.poll(() => late.follower.caughtUp()).toBe(true);
    expect(late.live.contains(['story-1', 'story-2', 'story-3'])).toBe(true);
    expect(late.follower.applied()).toBe(3);
  });

  it('listens again after its connection is killed: a later article still reaches the other instance at once', async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const a = await instance(schema.url);
    // B's connections carry a name of their own, to find its listening one among the test's.
    const name = `follower-${schema.schema}`;
    const url = new URL(schema.url);
    url.searchParams.set('application_name', name);
    const b = await instance(url.toString());
    const admin = await openPostgres({ url: schema.url, max: 1 });
    cleanups.push(() => admin.end());
    const listening = async (): Promise<number[]> =>
      (
        await admin.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'",
          [name],
        )
      ).rows.map((r) => r.pid);
    await expect.poll(listening).toHaveLength(1);
    const [killed] = await listening();
    await admin.query('SELECT pg_terminate_backend($1)', [killed]);
    // A new connection listens (B polls only every 60 s here, so only a notification brings news).
    await expect
      .poll(
        async () => {
          const pids = await listening();
          return pids.length === 1 && pids[0] !== killed;
        },
        { timeout: 10_000 },
      )
      .toBe(true);

    const added = await a.store.add({
      stem: 'after-the-drop',
      folder: 'ingested',
      contentHash: 'h-after',
      markdown: (id) =>
        `---\nid: ${id}\ntitle: After the drop\n---\nThe lighthouse keeper repainted the tower.\n`,
    });
    if (added.status !== 'stored') throw new Error('expected stored');
    await expect.poll(() => b.live.contains(['after-the-drop']), { timeout: 5000 }).toBe(true);
    expect(b.follower.applied()).toBe(added.article.seq);
  });
});
