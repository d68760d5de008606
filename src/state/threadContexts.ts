/**
 * Where the context of each conversation (a Slack thread, a Discord thread or reply chain, the
 * console session) is kept between its questions: one row per conversation key, its JSON and when
 * it was last written. In the state store so that with several instances the follow-up reaching
 * another instance finds the same context. The store does not read the JSON; the core decides
 * what is in it and when it has expired. Rows older than the expiry are deleted as new ones are
 * written, so the table stays as small as the conversations of the last hour.
 */
import type Database from 'better-sqlite3';

export interface StoredThreadContext {
  data: string;
  /** ms since the epoch. */
  updatedAt: number;
}

export interface ThreadContexts {
  load(key: string): Promise<StoredThreadContext | undefined>;
  /** Writes (or replaces) a conversation's context, and forgets those not written since forgetBefore. */
  save(key: string, data: string, now: number, forgetBefore: number): Promise<void>;
}

export class SqliteThreadContexts implements ThreadContexts {
  constructor(private readonly db: Database.Database) {}

  async load(key: string): Promise<StoredThreadContext | undefined> {
    const row = this.db.prepare('SELECT data, updated_at FROM thread_contexts WHERE key = ?').get(key) as
      | { data: string; updated_at: number }
      | undefined;
    return row ? { data: row.data, updatedAt: row.updated_at } : undefined;
  }

  async save(key: string, data: string, now: number, forgetBefore: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM thread_contexts WHERE updated_at < ?').run(forgetBefore);
      this.db
        .prepare(
          `INSERT INTO thread_contexts (key, data, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        )
        .run(key, data, now);
    })();
  }
}

/** For tests and tools without a state database. */
export class MemoryThreadContexts implements ThreadContexts {
  private readonly rows = new Map<string, StoredThreadContext>();

  async load(key: string): Promise<StoredThreadContext | undefined> {
    return this.rows.get(key);
  }

  async save(key: string, data: string, now: number, forgetBefore: number): Promise<void> {
    for (const [k, row] of this.rows) if (row.updatedAt < forgetBefore) this.rows.delete(k);
    this.rows.set(key, { data, updatedAt: now });
  }
}
