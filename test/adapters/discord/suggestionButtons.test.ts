import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderButtons, SuggestionIds } from '../../../src/adapters/discord/suggestionButtons.ts';
import { openPostgres } from '../../../src/state/postgres/database.ts';
import { PgSharedAsks } from '../../../src/state/postgres/pgSharedAsks.ts';
import { freshSchema, type TestSchema } from '../../helpers/postgres.ts';

const LONG = `/who ${'US-Russia agreement to share communications about aircraft over Syria '.repeat(2)}`;

describe('SuggestionIds', () => {
  it('carries a short ask inside the custom_id', async () => {
    const ids = new SuggestionIds();
    const id = ids.encode('/who Cold War');
    expect(id).toBe('ask:/who Cold War');
    expect(await new SuggestionIds().decode(id)).toBe('/who Cold War');
  });

  it('keeps a long ask in a bounded cache, so clicks on long asks work too', async () => {
    const ids = new SuggestionIds({ capacity: 2 });
    const long = LONG;
    const first = ids.encode(long);
    expect(first.length).toBeLessThanOrEqual(100);
    expect(first).toMatch(/^ask#[\w-]{22}$/);
    expect(ids.encode(long)).toBe(first);
    expect(await ids.decode(first)).toBe(long);
    ids.encode(`${long} 2`);
    ids.encode(`${long} 3`);
    expect(await ids.decode(first)).toBeUndefined();
    expect(ids.owns(first)).toBe(true);
    expect(ids.owns('someone-elses-button')).toBe(false);
  });
});

describe('SuggestionIds shared through PostgreSQL', () => {
  let schema: TestSchema;
  let pool: Awaited<ReturnType<typeof openPostgres>>;

  beforeAll(async () => {
    schema = await freshSchema();
    pool = await openPostgres({ url: schema.url });
  });

  afterAll(async () => {
    await pool?.end();
    await schema?.drop();
  });

  it('decodes on one instance a long ask encoded on another, even once forgotten in memory', async () => {
    const a = new SuggestionIds({ capacity: 1, shared: new PgSharedAsks(pool) });
    const b = new SuggestionIds({ capacity: 1, shared: new PgSharedAsks(pool) });
    const key = a.encode(LONG);
    await a.saved();
    expect(await b.decode(key)).toBe(LONG);
    a.encode(`${LONG} 2`);
    await a.saved();
    expect(await a.decode(key)).toBe(LONG);
    expect(await b.decode('ask#not-a-key-we-made')).toBeUndefined();
  });

  it('forgets an ask once its row has expired', async () => {
    const ids = new SuggestionIds({ shared: new PgSharedAsks(pool, 1) });
    const key = ids.encode(`${LONG} expiring`);
    await ids.saved();
    await pool.query('SELECT pg_sleep(0.01)');
    expect(await new SuggestionIds({ shared: new PgSharedAsks(pool) }).decode(key)).toBeUndefined();
  });

  it('keeps working in memory when the shared store fails, and says so', async () => {
    const errors: unknown[] = [];
    const broken = {
      put: async () => Promise.reject(new Error('database down')),
      get: async () => Promise.reject(new Error('database down')),
    };
    const ids = new SuggestionIds({ shared: broken, onError: (e) => errors.push(e) });
    const key = ids.encode(LONG);
    await ids.saved();
    expect(await ids.decode(key)).toBe(LONG);
    expect(await ids.decode('ask#elsewhere-made-key')).toBeUndefined();
    expect(errors).toHaveLength(2);
  });
});

describe('renderButtons', () => {
  it('drops duplicate asks and adds link buttons for cited URLs only', () => {
    const rows = renderButtons(
      [
        { label: 'Cold War', ask: '/who Cold War' },
        { label: 'Cold War again', ask: '/who Cold War' },
      ],
      [
        { articleId: 'a', title: 'Linked', url: 'https://example.org/a' },
        { articleId: 'b', title: 'Not a web link', url: 'javascript:alert(1)' },
        { articleId: 'c', title: 'No link' },
      ],
      new SuggestionIds(),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.components).toEqual([
      { type: 2, style: 2, label: 'Cold War', custom_id: 'ask:/who Cold War' },
      { type: 2, style: 5, label: '[1] Linked', url: 'https://example.org/a' },
    ]);
  });
});
