/**
 * Workspace installations in PostgreSQL (table `installations`, migration 8), shared by every
 * instance. `update` holds the row's lock (SELECT ... FOR UPDATE) while `change` runs: a second
 * instance refreshing the same workspace waits, then reads the refreshed record, so one refresh
 * call is made however many instances needed the token at once.
 */
import type pg from 'pg';
import type { WorkspaceInstallations } from '../installations.ts';
import { inTransaction } from './database.ts';

export class PgInstallations implements WorkspaceInstallations {
  constructor(private readonly pool: pg.Pool) {}

  async save(platform: string, id: string, record: unknown): Promise<void> {
    await this.pool.query(
      `INSERT INTO installations (platform, id, data, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (platform, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [platform, id, JSON.stringify(record)],
    );
  }

  async find(platform: string, id: string): Promise<unknown | undefined> {
    const { rows } = await this.pool.query<{ data: unknown }>(
      'SELECT data FROM installations WHERE platform = $1 AND id = $2',
      [platform, id],
    );
    return rows[0]?.data;
  }

  async remove(platform: string, id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM installations WHERE platform = $1 AND id = $2', [
      platform,
      id,
    ]);
    return (result.rowCount ?? 0) === 1;
  }

  update(
    platform: string,
    id: string,
    change: (current: unknown) => Promise<unknown | undefined>,
  ): Promise<unknown | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ data: unknown }>(
        'SELECT data FROM installations WHERE platform = $1 AND id = $2 FOR UPDATE',
        [platform, id],
      );
      const current = rows[0]?.data;
      if (current === undefined) return undefined;
      const next = await change(current);
      if (next === undefined) return current;
      await client.query(
        'UPDATE installations SET data = $3, updated_at = now() WHERE platform = $1 AND id = $2',
        [platform, id, JSON.stringify(next)],
      );
      return next;
    });
  }
}
