/**
 * The StateStore on SQLite (better-sqlite3): one file in DATA_DIR, created on first start, its
 * schema brought up to date by numbered migrations. WAL lets readers and the writer work side by
 * side, and busy_timeout makes a second process wait for a write lock instead of failing, so
 * several processes can share the file on one machine. A slot is claimed by inserting its run row;
 * the primary key (subscription_id, slot) lets exactly one insert win.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { CodedError } from '../ops/errors.ts';
import { type ArchiveState, SqliteArchiveState } from './archiveState.ts';
import { SqliteInstallations } from './sqliteInstallations.ts';
import type {
  AttemptOutcome,
  ClaimOutcome,
  DigestRun,
  NewSubscription,
  Platform,
  RunStatus,
  SlotClaim,
  StateStore,
  Subscription,
  SubscriptionFilter,
} from './stateStore.ts';
import { SqliteThreadContexts, type ThreadContexts } from './threadContexts.ts';
import { SQLITE_WATCH_TABLES, SqliteWatchState, type WatchState } from './watchState.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration never changes; a new one gets the next number. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest subscriptions and runs',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        spec TEXT NOT NULL,
        cron TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        skip_quiet INTEGER NOT NULL DEFAULT 0,
        origin TEXT NOT NULL CHECK (origin IN ('chat', 'config')),
        created_by TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (platform, channel_id, cron, time_zone)
      );
      CREATE TABLE digest_runs (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        slot TEXT NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('claimed', 'posting', 'retrying', 'sent', 'failed', 'skipped')),
        owner TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        claimed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        detail TEXT,
        PRIMARY KEY (subscription_id, slot)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'ingested articles and followed feeds',
    sql: `
      CREATE TABLE ingested_urls (
        url TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'refused')),
        content_hash TEXT,
        file TEXT,
        title TEXT,
        via TEXT NOT NULL,
        detail TEXT,
        at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX ingested_urls_by_hash ON ingested_urls (content_hash);
      CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        polled_at TEXT,
        status TEXT,
        detail TEXT,
        added_total INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'conversation contexts for follow-up questions',
    sql: `
      CREATE TABLE thread_contexts (
        key TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX thread_contexts_by_age ON thread_contexts (updated_at);
    `,
  },
  {
    version: 4,
    name: 'workspaces: subscriptions by workspace, chat platform installations',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN workspace_id TEXT;
      CREATE INDEX subscriptions_by_workspace ON subscriptions (platform, workspace_id);
      CREATE TABLE installations (
        platform TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, id)
      ) WITHOUT ROWID;
    `,
  },
  { version: 5, name: 'watched names and their alerts', sql: SQLITE_WATCH_TABLES },
];

export class StateDatabaseError extends CodedError<'STATE_DATABASE'> {
  constructor(message: string, options?: ErrorOptions) {
    super('STATE_DATABASE', message, options);
  }
}

interface SubscriptionRow {
  id: number;
  platform: string;
  workspace_id: string | null;
  channel_id: string;
  spec: string;
  cron: string;
  time_zone: string;
  skip_quiet: number;
  origin: 'chat' | 'config';
  created_by: string | null;
  created_at: string;
}

interface RunRow {
  subscription_id: number;
  slot: string;
  status: RunStatus;
  owner: string;
  attempts: number;
  claimed_at: string;
  updated_at: string;
  detail: string | null;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    ...(row.workspace_id ? { workspaceId: row.workspace_id } : {}),
    channelId: row.channel_id,
    spec: row.spec,
    cron: row.cron,
    timeZone: row.time_zone,
    skipQuiet: row.skip_quiet === 1,
    origin: row.origin,
    ...(row.created_by ? { createdBy: row.created_by } : {}),
    createdAt: row.created_at,
  };
}

function toRun(row: RunRow): DigestRun {
  return {
    subscriptionId: row.subscription_id,
    slot: row.slot,
    status: row.status,
    owner: row.owner,
    attempts: row.attempts,
    claimedAt: row.claimed_at,
    updatedAt: row.updated_at,
    ...(row.detail ? { detail: row.detail } : {}),
  };
}

/** Applies the migrations the database has not seen, each in its own transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current =
    (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  if (current > latest) {
    throw new StateDatabaseError(
      `The state database is at schema version ${current}, newer than this bot knows (${latest}): run a newer version of the bot, or point DATA_DIR elsewhere.`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
  return latest;
}

export interface SqliteStateStoreOptions {
  /** How long a second process waits for a write lock before giving up (ms). Default 5000. */
  busyTimeoutMs?: number;
}

/**
 * SQLite takes an empty file for a new database, so a state file truncated to 0 bytes (a full
 * disk, a bad copy) would silently start over with no subscriptions. A missing file is new; an
 * empty one, with no write-ahead log beside it holding its data, is refused.
 */
function refuseEmptyFile(file: string): void {
  const size = (path: string) => (existsSync(path) ? statSync(path).size : undefined);
  if (size(file) === 0 && !size(`${file}-wal`)) {
    throw new StateDatabaseError(
      `The state database ${file} is empty (0 bytes): it was truncated or never written. Restore it from a backup, or delete it to start with no subscriptions.`,
    );
  }
}

export class SqliteStateStore implements StateStore {
  readonly db: Database.Database;
  readonly archive: ArchiveState;
  readonly watches: WatchState;
  readonly threads: ThreadContexts;
  readonly installations: SqliteInstallations;

  /** Opens (creating if need be) the database file; ':memory:' for a private in-memory one. */
  constructor(file: string, options: SqliteStateStoreOptions = {}) {
    if (file !== ':memory:') {
      mkdirSync(dirname(file), { recursive: true });
      refuseEmptyFile(file);
    }
    try {
      this.db = new Database(file);
    } catch (error) {
      throw new StateDatabaseError(`Cannot open the state database ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    try {
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 5000))}`);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      // Small (subscriptions and runs), so checked whole at every start: damage is found here,
      // with the file named, not later in the middle of a digest.
      const check = String(this.db.pragma('quick_check', { simple: true }));
      if (check !== 'ok') throw new Error(`integrity check failed: ${check.split('\n')[0]}`);
      migrate(this.db);
      this.archive = new SqliteArchiveState(this.db);
      this.watches = new SqliteWatchState(this.db);
      this.threads = new SqliteThreadContexts(this.db);
      this.installations = new SqliteInstallations(this.db);
    } catch (error) {
      this.db.close();
      if (error instanceof StateDatabaseError) throw error;
      throw new StateDatabaseError(
        `The state database ${file} cannot be used: ${(error as Error).message}. Restore it from a backup, or move it away to start with no subscriptions.`,
        { cause: error },
      );
    }
  }

  async addSubscription(input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }> {
    const inserted = this.db
      .prepare(
        `INSERT INTO subscriptions
           (platform, channel_id, spec, cron, time_zone, skip_quiet, origin, created_by, created_at, workspace_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id, cron, time_zone) DO NOTHING`,
      )
      .run(
        input.platform,
        input.channelId,
        input.spec,
        input.cron,
        input.timeZone,
        input.skipQuiet ? 1 : 0,
        input.origin,
        input.createdBy ?? null,
        input.createdAt.toISOString(),
        input.workspaceId ?? null,
      );
    const row = this.db
      .prepare(
        'SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? AND cron = ? AND time_zone = ?',
      )
      .get(input.platform, input.channelId, input.cron, input.timeZone) as SubscriptionRow;
    return { subscription: toSubscription(row), created: inserted.changes === 1 };
  }

  async removeSubscription(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes === 1;
  }

  async listSubscriptions(where: SubscriptionFilter = {}): Promise<Subscription[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM subscriptions
         WHERE (@platform IS NULL OR platform = @platform) AND (@channel IS NULL OR channel_id = @channel)
           AND (@workspace IS NULL OR workspace_id IS NULL OR workspace_id = @workspace)
         ORDER BY id`,
      )
      .all({
        platform: where.platform ?? null,
        channel: where.channelId ?? null,
        workspace: where.workspaceId ?? null,
      }) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async forgetWorkspace(
    platform: Platform,
    workspaceId: string,
  ): Promise<{ subscriptions: number; installation: boolean }> {
    // The runs go with their subscriptions (ON DELETE CASCADE): pending digests included.
    const removed = this.db
      .prepare('DELETE FROM subscriptions WHERE platform = ? AND workspace_id = ?')
      .run(platform, workspaceId);
    const installation = await this.installations.remove(platform, workspaceId);
    return { subscriptions: removed.changes, installation };
  }

  async setSkipQuiet(id: number, skipQuiet: boolean): Promise<void> {
    this.db.prepare('UPDATE subscriptions SET skip_quiet = ? WHERE id = ?').run(skipQuiet ? 1 : 0, id);
  }

  async claimSlot(claim: SlotClaim): Promise<ClaimOutcome> {
    const slot = claim.slot.toISOString();
    const now = claim.now.toISOString();
    const status = claim.status ?? 'claimed';
    const detail = claim.detail ?? null;
    const stale = new Date(claim.now.getTime() - claim.leaseMs).toISOString();
    const run = this.db.transaction((): ClaimOutcome => {
      const inserted = this.db
        .prepare(
          `INSERT INTO digest_runs (subscription_id, slot, status, owner, attempts, claimed_at, updated_at, detail)
           SELECT ?, ?, ?, ?, 0, ?, ?, ? WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = ?)
           ON CONFLICT (subscription_id, slot) DO NOTHING`,
        )
        .run(claim.subscriptionId, slot, status, claim.owner, now, now, detail, claim.subscriptionId);
      if (inserted.changes === 1) return 'claimed';
      const row = this.db
        .prepare('SELECT * FROM digest_runs WHERE subscription_id = ? AND slot = ?')
        .get(claim.subscriptionId, slot) as RunRow | undefined;
      if (!row || row.updated_at >= stale) return 'taken';
      if (row.status === 'claimed' || row.status === 'retrying') {
        // The owner went quiet before posting (or between attempts): nothing is in flight.
        this.db
          .prepare(
            `UPDATE digest_runs SET status = ?, owner = ?, claimed_at = ?, updated_at = ?, detail = COALESCE(?, detail)
             WHERE subscription_id = ? AND slot = ?`,
          )
          .run(status, claim.owner, now, now, detail, claim.subscriptionId, slot);
        return 'claimed';
      }
      if (row.status === 'posting') {
        this.db
          .prepare(
            `UPDATE digest_runs SET status = 'failed', updated_at = ?, detail = ?
             WHERE subscription_id = ? AND slot = ?`,
          )
          .run(
            now,
            `interrupted while posting (attempt ${row.attempts}, by ${row.owner}); not posted again, so it cannot appear twice`,
            claim.subscriptionId,
            slot,
          );
      }
      return 'taken';
    });
    return run.immediate();
  }

  async startAttempt(run: {
    subscriptionId: number;
    slot: Date;
    owner: string;
    now: Date;
  }): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE digest_runs SET status = 'posting', attempts = attempts + 1, updated_at = ?
         WHERE subscription_id = ? AND slot = ? AND owner = ? AND status IN ('claimed', 'retrying')`,
      )
      .run(run.now.toISOString(), run.subscriptionId, run.slot.toISOString(), run.owner);
    return result.changes === 1;
  }

  async finishAttempt(run: AttemptOutcome): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE digest_runs SET status = ?, updated_at = ?, detail = ?
         WHERE subscription_id = ? AND slot = ? AND owner = ? AND status IN ('claimed', 'posting', 'retrying')`,
      )
      .run(
        run.status,
        run.now.toISOString(),
        run.detail ?? null,
        run.subscriptionId,
        run.slot.toISOString(),
        run.owner,
      );
    return result.changes === 1;
  }

  async lastRun(subscriptionId: number, statuses?: readonly RunStatus[]): Promise<DigestRun | undefined> {
    const wanted = statuses?.length ? statuses : undefined;
    const row = this.db
      .prepare(
        `SELECT * FROM digest_runs
         WHERE subscription_id = ? ${wanted ? `AND status IN (${wanted.map(() => '?').join(', ')})` : ''}
         ORDER BY slot DESC LIMIT 1`,
      )
      .get(subscriptionId, ...(wanted ?? [])) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  /** Every run of a subscription, oldest first (for tests and diagnostics). */
  runs(subscriptionId: number): DigestRun[] {
    return (
      this.db
        .prepare('SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY slot')
        .all(subscriptionId) as RunRow[]
    ).map(toRun);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** The state database of a data directory: DATA_DIR/state.sqlite. */
export function stateFileIn(dataDir: string): string {
  return join(dataDir, 'state.sqlite');
}
