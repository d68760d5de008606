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
import type { NewSubscription } from '../../src/state/stateStore.ts';

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

const T0 = new Date('2026-03-05T08:00:00Z');
const LEASE = 10 * 60_000;

function sub(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: 'slack',
    channelId: 'C1',
    spec: 'daily 08:00',
    cron: '0 8 * * *',
    timeZone: 'Europe/London',
    skipQuiet: false,
    origin: 'chat',
    createdBy: 'U1',
    createdAt: T0,
    ...overrides,
  };
}

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

describe('SqliteStateStore: subscriptions', () => {
  it('adds, finds an identical one instead of a duplicate, lists by channel and removes', async () => {
    const store = open(':memory:');
    const a = await store.addSubscription(sub());
    expect(a.created).toBe(true);
    expect(a.subscription).toMatchObject({
      id: 1,
      platform: 'slack',
      channelId: 'C1',
      skipQuiet: false,
      createdBy: 'U1',
    });
    expect(a.subscription.createdAt).toBe(T0.toISOString());
    const again = await store.addSubscription(sub({ createdBy: 'U2' }));
    expect(again).toMatchObject({ created: false, subscription: { id: 1, createdBy: 'U1' } });
    await store.addSubscription(sub({ channelId: 'C2' }));
    await store.addSubscription(sub({ platform: 'discord', channelId: 'C1' }));
    expect((await store.listSubscriptions({ platform: 'slack', channelId: 'C1' })).map((s) => s.id)).toEqual([
      1,
    ]);
    expect((await store.listSubscriptions({ platform: 'slack' })).map((s) => s.id)).toEqual([1, 3]);
    expect(await store.listSubscriptions()).toHaveLength(3);
    await store.setSkipQuiet(1, true);
    expect((await store.listSubscriptions({ channelId: 'C1', platform: 'slack' }))[0]?.skipQuiet).toBe(true);
    expect(await store.removeSubscription(1)).toBe(true);
    expect(await store.removeSubscription(1)).toBe(false);
  });

  it('removes the runs of a removed subscription', async () => {
    const store = open(':memory:');
    const { subscription } = await store.addSubscription(sub());
    await store.claimSlot({ subscriptionId: subscription.id, slot: T0, owner: 'a', now: T0, leaseMs: LEASE });
    await store.removeSubscription(subscription.id);
    expect(store.runs(subscription.id)).toEqual([]);
    expect(
      await store.claimSlot({
        subscriptionId: subscription.id,
        slot: T0,
        owner: 'a',
        now: T0,
        leaseMs: LEASE,
      }),
    ).toBe('taken');
  });
});

describe('SqliteStateStore: claiming slots', () => {
  it('lets exactly one of two connections to one file claim a slot', async () => {
    const file = join(tempDir(), 'state.sqlite');
    const a = open(file);
    const b = open(file);
    const { subscription } = await a.addSubscription(sub());
    const claim = (store: SqliteStateStore, owner: string) =>
      store.claimSlot({ subscriptionId: subscription.id, slot: T0, owner, now: T0, leaseMs: LEASE });
    const outcomes = await Promise.all([claim(a, 'a'), claim(b, 'b'), claim(a, 'a2'), claim(b, 'b2')]);
    expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
    expect(b.runs(subscription.id)).toHaveLength(1);
  });

  it('moves an owned claim through posting to sent, and refuses anyone else', async () => {
    const store = open(':memory:');
    const { subscription } = await store.addSubscription(sub());
    const run = { subscriptionId: subscription.id, slot: T0, now: T0 };
    expect(await store.claimSlot({ ...run, owner: 'a', leaseMs: LEASE })).toBe('claimed');
    expect(await store.startAttempt({ ...run, owner: 'b' })).toBe(false);
    expect(await store.startAttempt({ ...run, owner: 'a' })).toBe(true);
    expect(await store.startAttempt({ ...run, owner: 'a' })).toBe(false);
    expect(await store.finishAttempt({ ...run, owner: 'b', status: 'sent' })).toBe(false);
    expect(await store.finishAttempt({ ...run, owner: 'a', status: 'retrying', detail: 'ratelimited' })).toBe(
      true,
    );
    expect(await store.startAttempt({ ...run, owner: 'a' })).toBe(true);
    expect(await store.finishAttempt({ ...run, owner: 'a', status: 'sent' })).toBe(true);
    expect(await store.finishAttempt({ ...run, owner: 'a', status: 'failed' })).toBe(false);
    expect(await store.lastRun(subscription.id)).toMatchObject({ status: 'sent', attempts: 2, owner: 'a' });
  });

  it('never hands out a finished slot again, however old', async () => {
    const store = open(':memory:');
    const { subscription } = await store.addSubscription(sub());
    const run = { subscriptionId: subscription.id, slot: T0 };
    await store.claimSlot({ ...run, owner: 'a', now: T0, leaseMs: LEASE });
    await store.startAttempt({ ...run, owner: 'a', now: T0 });
    await store.finishAttempt({ ...run, owner: 'a', now: T0, status: 'sent' });
    const muchLater = new Date(T0.getTime() + 365 * 24 * 3600_000);
    expect(await store.claimSlot({ ...run, owner: 'b', now: muchLater, leaseMs: LEASE })).toBe('taken');
  });

  it('takes over a claim whose owner went quiet before posting', async () => {
    const store = open(':memory:');
    const { subscription } = await store.addSubscription(sub());
    const run = { subscriptionId: subscription.id, slot: T0 };
    await store.claimSlot({ ...run, owner: 'crashed', now: T0, leaseMs: LEASE });
    const soon = new Date(T0.getTime() + LEASE - 1);
    expect(await store.claimSlot({ ...run, owner: 'b', now: soon, leaseMs: LEASE })).toBe('taken');
    const later = new Date(T0.getTime() + LEASE + 1);
    expect(await store.claimSlot({ ...run, owner: 'b', now: later, leaseMs: LEASE })).toBe('claimed');
    expect(await store.startAttempt({ ...run, owner: 'crashed', now: later })).toBe(false);
    expect(await store.startAttempt({ ...run, owner: 'b', now: later })).toBe(true);
  });

  it('records a claim interrupted while posting as failed instead of posting it again', async () => {
    const store = open(':memory:');
    const { subscription } = await store.addSubscription(sub());
    const run = { subscriptionId: subscription.id, slot: T0 };
    await store.claimSlot({ ...run, owner: 'crashed', now: T0, leaseMs: LEASE });
    await store.startAttempt({ ...run, owner: 'crashed', now: T0 });
    const later = new Date(T0.getTime() + LEASE + 1);
    expect(await store.claimSlot({ ...run, owner: 'b', now: later, leaseMs: LEASE })).toBe('taken');
    expect(await store.lastRun(subscription.id)).toMatchObject({
      status: 'failed',
      detail: expect.stringMatching(/interrupted while posting .*cannot appear twice/),
    });
  });

  it('records skipped slots, and finds the latest run of any or of given statuses', async () => {
    const store = open(':memory:');
    const { subscription } = await store.addSubscription(sub());
    const day = 24 * 3600_000;
    const slot = (n: number) => new Date(T0.getTime() + n * day);
    const base = { subscriptionId: subscription.id, owner: 'a', leaseMs: LEASE, now: T0 };
    await store.claimSlot({ ...base, slot: slot(0) });
    await store.startAttempt({ ...base, slot: slot(0) });
    await store.finishAttempt({ ...base, slot: slot(0), status: 'sent' });
    await store.claimSlot({ ...base, slot: slot(1), status: 'skipped', detail: 'quiet' });
    expect(await store.lastRun(subscription.id)).toMatchObject({ status: 'skipped', detail: 'quiet' });
    expect((await store.lastRun(subscription.id, ['sent']))?.slot).toBe(slot(0).toISOString());
    expect(await store.lastRun(subscription.id, ['failed'])).toBeUndefined();
  });
});
