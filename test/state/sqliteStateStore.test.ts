import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MIGRATIONS,
  migrate,
  SqliteStateStore,
  StateDatabaseError,
  stateFileIn,
} from '../../src/state/sqliteStateStore.ts';
import { stateStoreContract, sub } from './stateStoreContract.ts';

const dirs: string[] = [];
const stores: SqliteStateStore[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'state-test-'));
  dirs.push(dir);
  return dir;
}

function open(file: string): SqliteStateStore {
  const store = new SqliteStateStore(file);
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SqliteStateStore: the database', () => {
  it('creates DATA_DIR and the file on first start, in WAL mode, with the schema versioned', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const store = open(stateFileIn(dataDir));
    expect(existsSync(join(dataDir, 'state.sqlite'))).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(store.db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    const versions = store.db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('applies only the migrations a database has not seen, and keeps the data on reopening', async () => {
    const file = join(tempDir(), 'state.sqlite');
    const first = open(file);
    await first.addSubscription(sub());
    await first.close();
    const again = open(file);
    expect(await again.listSubscriptions()).toHaveLength(1);
    const db = again.db;
    const next = [
      ...MIGRATIONS,
      { version: 99, name: 'a later change', sql: 'ALTER TABLE subscriptions ADD COLUMN note TEXT' },
    ];
    expect(migrate(db, next)).toBe(99);
    expect(migrate(db, next)).toBe(99);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({
      n: MIGRATIONS.length + 1,
    });
  });

  it('refuses a database from a newer version of the bot', () => {
    const file = join(tempDir(), 'state.sqlite');
    const raw = new Database(file);
    raw.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')",
    );
    raw.close();
    expect(() => new SqliteStateStore(file)).toThrow(StateDatabaseError);
    expect(() => new SqliteStateStore(file)).toThrow(/schema version 999, newer than this bot knows/);
  });
});

describe('SqliteStateStore: a damaged file', () => {
  it('refuses a state file truncated to 0 bytes instead of starting an empty database, naming the file', () => {
    const file = join(tempDir(), 'state.sqlite');
    writeFileSync(file, '');
    expect(() => new SqliteStateStore(file)).toThrow(StateDatabaseError);
    expect(() => new SqliteStateStore(file)).toThrow(
      `The state database ${file} is empty (0 bytes): it was truncated or never written.`,
    );
    expect(readFileSync(file)).toHaveLength(0); // left as it was, for the operator to look at
  });

  it('names the file when it is not a database or is corrupt', async () => {
    const notDb = join(tempDir(), 'state.sqlite');
    writeFileSync(notDb, 'x'.repeat(8192));
    expect(() => new SqliteStateStore(notDb)).toThrow(
      new RegExp(`^The state database ${notDb} cannot be used: .*Restore it from a backup`),
    );

    const file = join(tempDir(), 'state.sqlite');
    const store = new SqliteStateStore(file);
    for (let i = 0; i < 200; i++)
      await store.addSubscription(sub({ channelId: `C${i}`, spec: 'x'.repeat(200) }));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, bytes.length); // every page after the first overwritten
    writeFileSync(file, bytes);
    expect(() => new SqliteStateStore(file)).toThrow(
      new RegExp(`^The state database ${file} cannot be used`),
    );
  });
});

stateStoreContract('SqliteStateStore', async () => {
  const file = join(tempDir(), 'state.sqlite');
  const store = open(file);
  return {
    store,
    runs: async (id) => store.runs(id),
    another: async () => open(file),
    close: async () => {},
  };
});
