/**
 * Workspace installations in the SQLite state file (table `installations`, migration 3). One
 * process uses the file for chat at a time, so the lock of `update` is this process's own: two
 * refreshes of one workspace in this process run one after the other.
 */
import type Database from 'better-sqlite3';
import { KeyedMutex, type WorkspaceInstallations } from './installations.ts';

export class SqliteInstallations implements WorkspaceInstallations {
  readonly #locks = new KeyedMutex();

  constructor(private readonly db: Database.Database) {}

  async save(platform: string, id: string, record: unknown): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO installations (platform, id, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(platform, id, JSON.stringify(record), new Date().toISOString());
  }

  async find(platform: string, id: string): Promise<unknown | undefined> {
    const row = this.db
      .prepare('SELECT data FROM installations WHERE platform = ? AND id = ?')
      .get(platform, id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as unknown) : undefined;
  }

  async remove(platform: string, id: string): Promise<boolean> {
    return (
      this.db.prepare('DELETE FROM installations WHERE platform = ? AND id = ?').run(platform, id).changes ===
      1
    );
  }

  update(
    platform: string,
    id: string,
    change: (current: unknown) => Promise<unknown | undefined>,
  ): Promise<unknown | undefined> {
    return this.#locks.run(`${platform}:${id}`, async () => {
      const current = await this.find(platform, id);
      if (current === undefined) return undefined;
      const next = await change(current);
      if (next === undefined) return current;
      await this.save(platform, id, next);
      return next;
    });
  }
}
