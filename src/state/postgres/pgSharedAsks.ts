/**
 * Shared asks (see ../sharedAsks.ts) in PostgreSQL's `suggestion_asks` table: a row per key with
 * the time it expires (by the database's clock), renewed on each write; expired rows are never
 * read, and are swept now and then.
 */
import type pg from 'pg';
import type { SharedAsks } from '../sharedAsks.ts';

const SWEEP_EVERY = 500;
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

export class PgSharedAsks implements SharedAsks {
  #sinceSweep = 0;

  constructor(
    private readonly pool: pg.Pool,
    /** How long a button keeps working after it was last rendered (ms). Default 30 days. */
    private readonly keepMs = THIRTY_DAYS_MS,
  ) {}

  async put(key: string, ask: string): Promise<void> {
    if (++this.#sinceSweep >= SWEEP_EVERY) {
      this.#sinceSweep = 0;
      await this.pool.query('DELETE FROM suggestion_asks WHERE expires_at < now()');
    }
    await this.pool.query(
      `INSERT INTO suggestion_asks (key, ask, expires_at)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET ask = excluded.ask, expires_at = excluded.expires_at`,
      [key, ask, Math.max(1, Math.round(this.keepMs))],
    );
  }

  async get(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ ask: string }>(
      'SELECT ask FROM suggestion_asks WHERE key = $1 AND expires_at > now()',
      [key],
    );
    return rows[0]?.ask;
  }
}
