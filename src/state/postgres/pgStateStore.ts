/**
 * The StateStore on PostgreSQL, for several bot instances sharing one database. The same rules as
 * the SQLite store (see stateStore.ts): a slot is claimed by inserting its run row, and the
 * primary key (subscription_id, slot) lets exactly one insert win (INSERT ... ON CONFLICT DO
 * NOTHING). A takeover of a stale claim locks the row with FOR UPDATE SKIP LOCKED, so while one
 * instance is deciding about a slot the others pass it by instead of queueing behind it.
 */
import type pg from 'pg';
import type { ArchiveState } from '../archiveState.ts';
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
} from '../stateStore.ts';
import type { ThreadContexts } from '../threadContexts.ts';
import type { WatchState } from '../watchState.ts';
import { inTransaction } from './database.ts';
import { PgArchiveState } from './pgArchiveState.ts';
import { PgInstallations } from './pgInstallations.ts';
import { PgThreadContexts } from './pgThreadContexts.ts';
import { PgWatchState } from './pgWatchState.ts';

interface SubscriptionRow {
  id: number;
  platform: string;
  workspace_id: string | null;
  channel_id: string;
  spec: string;
  cron: string;
  time_zone: string;
  skip_quiet: boolean;
  origin: 'chat' | 'config';
  created_by: string | null;
  created_at: Date;
}

interface RunRow {
  subscription_id: number;
  slot: Date;
  status: RunStatus;
  owner: string;
  attempts: number;
  claimed_at: Date;
  updated_at: Date;
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
    skipQuiet: row.skip_quiet,
    origin: row.origin,
    ...(row.created_by ? { createdBy: row.created_by } : {}),
    createdAt: row.created_at.toISOString(),
  };
}

function toRun(row: RunRow): DigestRun {
  return {
    subscriptionId: row.subscription_id,
    slot: row.slot.toISOString(),
    status: row.status,
    owner: row.owner,
    attempts: row.attempts,
    claimedAt: row.claimed_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.detail ? { detail: row.detail } : {}),
  };
}

export class PgStateStore implements StateStore {
  readonly archive: ArchiveState;
  readonly watches: WatchState;
  readonly threads: ThreadContexts;
  readonly installations: PgInstallations;

  /** On an open, migrated pool (openPostgres); closing the store ends the pool unless told not to. */
  constructor(
    readonly pool: pg.Pool,
    private readonly options: { ownsPool?: boolean } = {},
  ) {
    this.archive = new PgArchiveState(pool);
    this.watches = new PgWatchState(pool);
    this.threads = new PgThreadContexts(pool);
    this.installations = new PgInstallations(pool);
  }

  async addSubscription(input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }> {
    const inserted = await this.pool.query<SubscriptionRow>(
      `INSERT INTO subscriptions
         (platform, channel_id, spec, cron, time_zone, skip_quiet, origin, created_by, created_at, workspace_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (platform, channel_id, cron, time_zone) DO NOTHING
       RETURNING *`,
      [
        input.platform,
        input.channelId,
        input.spec,
        input.cron,
        input.timeZone,
        input.skipQuiet,
        input.origin,
        input.createdBy ?? null,
        input.createdAt,
        input.workspaceId ?? null,
      ],
    );
    const row =
      inserted.rows[0] ??
      (
        await this.pool.query<SubscriptionRow>(
          'SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND cron = $3 AND time_zone = $4',
          [input.platform, input.channelId, input.cron, input.timeZone],
        )
      ).rows[0];
    if (!row) throw new Error('subscription vanished while being added');
    return { subscription: toSubscription(row), created: inserted.rows.length === 1 };
  }

  async removeSubscription(id: number): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM subscriptions WHERE id = $1', [id])).rowCount ?? 0) === 1;
  }

  async listSubscriptions(where: SubscriptionFilter = {}): Promise<Subscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      `SELECT * FROM subscriptions
       WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR channel_id = $2)
         AND ($3::text IS NULL OR workspace_id IS NULL OR workspace_id = $3)
       ORDER BY id`,
      [where.platform ?? null, where.channelId ?? null, where.workspaceId ?? null],
    );
    return rows.map(toSubscription);
  }

  async forgetWorkspace(
    platform: Platform,
    workspaceId: string,
  ): Promise<{ subscriptions: number; installation: boolean }> {
    // The runs go with their subscriptions (ON DELETE CASCADE): pending digests included.
    const removed = await this.pool.query(
      'DELETE FROM subscriptions WHERE platform = $1 AND workspace_id = $2',
      [platform, workspaceId],
    );
    const installation = await this.installations.remove(platform, workspaceId);
    return { subscriptions: removed.rowCount ?? 0, installation };
  }

  async setSkipQuiet(id: number, skipQuiet: boolean): Promise<void> {
    await this.pool.query('UPDATE subscriptions SET skip_quiet = $1 WHERE id = $2', [skipQuiet, id]);
  }

  async claimSlot(claim: SlotClaim): Promise<ClaimOutcome> {
    const status = claim.status ?? 'claimed';
    const detail = claim.detail ?? null;
    const key = [claim.subscriptionId, claim.slot];
    return inTransaction(this.pool, async (db): Promise<ClaimOutcome> => {
      const inserted = await db.query(
        `INSERT INTO digest_runs (subscription_id, slot, status, owner, attempts, claimed_at, updated_at, detail)
         SELECT $1, $2, $3, $4, 0, $5, $5, $6 WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = $1)
         ON CONFLICT (subscription_id, slot) DO NOTHING`,
        [...key, status, claim.owner, claim.now, detail],
      );
      if (inserted.rowCount === 1) return 'claimed';
      // Another instance deciding about this slot right now holds the row: it is theirs.
      const { rows } = await db.query<RunRow>(
        'SELECT * FROM digest_runs WHERE subscription_id = $1 AND slot = $2 FOR UPDATE SKIP LOCKED',
        key,
      );
      const row = rows[0];
      const stale = claim.now.getTime() - claim.leaseMs;
      if (!row || row.updated_at.getTime() >= stale) return 'taken';
      if (row.status === 'claimed' || row.status === 'retrying') {
        // The owner went quiet before posting (or between attempts): nothing is in flight.
        await db.query(
          `UPDATE digest_runs SET status = $3, owner = $4, claimed_at = $5, updated_at = $5,
             detail = COALESCE($6, detail)
           WHERE subscription_id = $1 AND slot = $2`,
          [...key, status, claim.owner, claim.now, detail],
        );
        return 'claimed';
      }
      if (row.status === 'posting') {
        await db.query(
          `UPDATE digest_runs SET status = 'failed', updated_at = $3, detail = $4
           WHERE subscription_id = $1 AND slot = $2`,
          [
            ...key,
            claim.now,
            `interrupted while posting (attempt ${row.attempts}, by ${row.owner}); not posted again, so it cannot appear twice`,
          ],
        );
      }
      return 'taken';
    });
  }

  async startAttempt(run: {
    subscriptionId: number;
    slot: Date;
    owner: string;
    now: Date;
  }): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE digest_runs SET status = 'posting', attempts = attempts + 1, updated_at = $1
       WHERE subscription_id = $2 AND slot = $3 AND owner = $4 AND status IN ('claimed', 'retrying')`,
      [run.now, run.subscriptionId, run.slot, run.owner],
    );
    return result.rowCount === 1;
  }

  async finishAttempt(run: AttemptOutcome): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE digest_runs SET status = $1, updated_at = $2, detail = $3
       WHERE subscription_id = $4 AND slot = $5 AND owner = $6 AND status IN ('claimed', 'posting', 'retrying')`,
      [run.status, run.now, run.detail ?? null, run.subscriptionId, run.slot, run.owner],
    );
    return result.rowCount === 1;
  }

  async lastRun(subscriptionId: number, statuses?: readonly RunStatus[]): Promise<DigestRun | undefined> {
    const wanted = statuses?.length ? [...statuses] : null;
    const { rows } = await this.pool.query<RunRow>(
      `SELECT * FROM digest_runs
       WHERE subscription_id = $1 AND ($2::text[] IS NULL OR status = ANY($2))
       ORDER BY slot DESC LIMIT 1`,
      [subscriptionId, wanted],
    );
    return rows[0] ? toRun(rows[0]) : undefined;
  }

  /** Every run of a subscription, oldest first (for tests and diagnostics). */
  async runs(subscriptionId: number): Promise<DigestRun[]> {
    const { rows } = await this.pool.query<RunRow>(
      'SELECT * FROM digest_runs WHERE subscription_id = $1 ORDER BY slot',
      [subscriptionId],
    );
    return rows.map(toRun);
  }

  async close(): Promise<void> {
    if (this.options.ownsPool === false || this.pool.ended) return;
    await this.pool.end();
  }
}
