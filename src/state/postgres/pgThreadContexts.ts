/** The conversations' contexts (see ../threadContexts.ts) in PostgreSQL, shared by every instance. */
import type pg from 'pg';
import type { StoredThreadContext, ThreadContexts } from '../threadContexts.ts';

export class PgThreadContexts implements ThreadContexts {
  constructor(private readonly pool: pg.Pool) {}

  async load(key: string): Promise<StoredThreadContext | undefined> {
    const { rows } = await this.pool.query<{ data: string; updated_at: string }>(
      'SELECT data, updated_at FROM thread_contexts WHERE key = $1',
      [key],
    );
    const row = rows[0];
    return row ? { data: row.data, updatedAt: Number(row.updated_at) } : undefined;
  }

  async save(key: string, data: string, now: number, forgetBefore: number): Promise<void> {
    await this.pool.query('DELETE FROM thread_contexts WHERE updated_at < $1', [forgetBefore]);
    await this.pool.query(
      `INSERT INTO thread_contexts (key, data, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
      [key, data, now],
    );
  }
}
