/** The PostgreSQL StateStore: the shared contract, and what is PostgreSQL's own (migrations). */
import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres, openPostgres, PostgresError } from '../../src/state/postgres/database.ts';
import { PG_MIGRATIONS } from '../../src/state/postgres/migrations.ts';
import { PgStateStore } from '../../src/state/postgres/pgStateStore.ts';
import { freshSchema, type TestSchema } from '../helpers/postgres.ts';
import { stateStoreContract, sub } from './stateStoreContract.ts';

const schemas: TestSchema[] = [];
afterEach(async () => {
  for (const s of schemas.splice(0)) await s.drop();
});

async function schema(): Promise<TestSchema> {
  const s = await freshSchema();
  schemas.push(s);
  return s;
}

stateStoreContract('PgStateStore', async () => {
  const { url } = await schema();
  const stores = [new PgStateStore(await openPostgres({ url, max: 4 }))];
  const first = stores[0] as PgStateStore;
  return {
    store: first,
    runs: (id) => first.runs(id),
    another: async () => {
      const store = new PgStateStore(await openPostgres({ url, max: 4 }));
      stores.push(store);
      return store;
    },
    close: async () => {
      for (const s of stores) await s.close();
    },
  };
});

describe('PgStateStore: the database', () => {
  it('migrates once when several instances start together, and keeps the data on reopening', async () => {
    const { url } = await schema();
    const pools = await Promise.all([1, 2, 3].map(() => openPostgres({ url, max: 2 })));
    const { rows } = await (pools[0] as NonNullable<(typeof pools)[0]>).query(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    await new PgStateStore(pools[1] as NonNullable<(typeof pools)[1]>).addSubscription(sub());
    for (const p of pools) await p.end();
    const again = new PgStateStore(await openPostgres({ url }));
    expect(await again.listSubscriptions()).toHaveLength(1);
    expect(await migratePostgres(again.pool, PG_MIGRATIONS)).toBe(PG_MIGRATIONS.length);
    await again.close();
  });

  it('refuses a database from a newer version of the bot, and names a server it cannot reach', async () => {
    const { url } = await schema();
    const pool = await openPostgres({ url });
    await pool.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
    await pool.end();
    await expect(openPostgres({ url })).rejects.toThrow(PostgresError);
    await expect(openPostgres({ url })).rejects.toThrow(/schema version 999, newer than this bot knows/);
    await expect(
      openPostgres({ url: 'postgres://postgres@127.0.0.1:1/test', connectTimeoutMs: 2000 }),
    ).rejects.toThrow(/Cannot use the PostgreSQL database of DATABASE_URL/);
  });
});
