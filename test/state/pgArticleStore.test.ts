/** The shared article store on PostgreSQL: once per URL and per text, ids that never collide, changes in order. */
import { afterEach, describe, expect, it } from 'vitest';
import type { NewArticle } from '../../src/state/articleStore.ts';
import { openPostgres } from '../../src/state/postgres/database.ts';
import { PgArticleStore } from '../../src/state/postgres/pgArticleStore.ts';
import { freshSchema } from '../helpers/postgres.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function twoStores(): Promise<[PgArticleStore, PgArticleStore]> {
  const schema = await freshSchema();
  const a = await openPostgres({ url: schema.url, max: 3 });
  const b = await openPostgres({ url: schema.url, max: 3 });
  cleanups.push(
    schema.drop,
    () => a.end(),
    () => b.end(),
  );
  return [new PgArticleStore(a), new PgArticleStore(b)];
}

function article(n: number, overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    stem: '2026-03-05-bridge-closed',
    folder: 'ingested',
    url: `https://news.example/${n}`,
    contentHash: `hash-${n}`,
    markdown: (id) => `---\nid: ${id}\n---\nText ${n}\n`,
    ...overrides,
  };
}

describe('PgArticleStore', () => {
  it('stores a URL once and a text once, however many instances add them at once', async () => {
    const [a, b] = await twoStores();
    const outcomes = await Promise.all([
      a.add(article(1)),
      b.add(article(1)),
      a.add(article(2, { contentHash: 'hash-1' })),
      b.add(article(3)),
    ]);
    expect(outcomes.filter((o) => o.status === 'stored')).toHaveLength(2);
    const reasons = outcomes.flatMap((o) => (o.status === 'duplicate' ? [o.reason] : []));
    expect(reasons.sort()).toEqual(['text', 'url']);
    const all = await a.changesAfter(0);
    expect(all.map((x) => x.contentHash).sort()).toEqual(['hash-1', 'hash-3']);
    // Same title, same day: the second gets the next free id, and its file says so.
    expect(all.map((x) => x.id).sort()).toEqual(['2026-03-05-bridge-closed', '2026-03-05-bridge-closed-2']);
    for (const x of all) {
      expect(x.file).toBe(`ingested/${x.id}.md`);
      expect(x.markdown).toContain(`id: ${x.id}`);
    }
  });

  it('hands out changes in order after a number, and hints listeners', async () => {
    const [a, b] = await twoStores();
    let hints = 0;
    const listening = await b.listen(() => {
      hints++;
    });
    cleanups.push(() => listening.close());
    await a.add(article(1, { stem: 'one' }));
    await a.add(article(2, { stem: 'two' }));
    const first = await b.changesAfter(0);
    expect(first.map((x) => x.id)).toEqual(['one', 'two']);
    expect(await b.changesAfter(first[1]?.seq ?? 0)).toEqual([]);
    expect((await b.changesAfter(first[0]?.seq ?? 0)).map((x) => x.id)).toEqual(['two']);
    await expect.poll(() => hints).toBeGreaterThanOrEqual(2);
  });
});
