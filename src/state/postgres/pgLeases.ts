/**
 * Leases (see ../leases.ts) in PostgreSQL's `leases` table, timed by the database's clock so that
 * instances on hosts whose clocks disagree still agree on when a lease runs out. A key is taken by
 * one upsert that succeeds only on a free or run-out row; expired rows are swept now and then.
 */
import type pg from 'pg';
import { instanceOwner, type LeaseOutcome, type Leases } from '../leases.ts';

const SWEEP_EVERY = 500;

export class PgLeases implements Leases {
  readonly owner = instanceOwner();
  #sinceSweep = 0;

  constructor(private readonly pool: pg.Pool) {}

  async acquire(key: string, leaseMs: number): Promise<LeaseOutcome> {
    if (++this.#sinceSweep >= SWEEP_EVERY) {
      this.#sinceSweep = 0;
      await this.pool.query("DELETE FROM leases WHERE expires_at < now() - interval '1 hour'");
    }
    const taken = await this.pool.query(
      `INSERT INTO leases (key, owner, done, expires_at)
       VALUES ($1, $2, FALSE, now() + $3 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, done = FALSE, expires_at = excluded.expires_at
       WHERE leases.expires_at <= now()`,
      [key, this.owner, Math.max(1, Math.round(leaseMs))],
    );
    if (taken.rowCount === 1) return 'acquired';
    const { rows } = await this.pool.query<{ done: boolean }>('SELECT done FROM leases WHERE key = $1', [
      key,
    ]);
    return rows[0]?.done ? 'done' : 'held';
  }

  async complete(key: string, keepMs: number): Promise<void> {
    await this.pool.query(
      `UPDATE leases SET done = TRUE, expires_at = now() + $3 * interval '1 millisecond'
       WHERE key = $1 AND owner = $2`,
      [key, this.owner, Math.max(1, Math.round(keepMs))],
    );
  }

  async release(key: string): Promise<void> {
    await this.pool.query('DELETE FROM leases WHERE key = $1 AND owner = $2 AND NOT done', [key, this.owner]);
  }
}
