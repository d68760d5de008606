/**
 * What watched names need to outlive a process and be shared by several instances: the watches
 * of each channel, one alert row per (watch, article) and each channel's last alert post. The
 * alert row's primary key is the "once": whichever instance inserts it first owns that alert, so
 * an article alerts a channel once per watch however many instances see it arrive. Pending alerts
 * of a channel are then taken together (one post for a burst), at most once per floor interval,
 * under a lock on the channel's row. Tables from migration 3 (SQLite) and 6 (PostgreSQL).
 */
import type Database from 'better-sqlite3';

export interface WatchChannel {
  platform: string;
  channelId: string;
}

export interface Watch extends WatchChannel {
  id: number;
  /** What was typed after /watch. */
  typed: string;
  /** The archive's spelling of the watched name, or the phrase as typed. */
  name: string;
  /** 'name': a person, organisation, place or event of the name index; 'phrase': words as typed. */
  kind: 'name' | 'phrase';
  /** The entity or event id, for a name. */
  targetId?: string;
  /** Every spelling that counts as a mention: the name, its aliases, a person's surname. */
  terms: string[];
  createdBy?: string;
  /** ISO timestamp. */
  createdAt: string;
}

export type NewWatch = Omit<Watch, 'id' | 'createdAt'> & { createdAt: Date };

export type AlertStatus = 'pending' | 'posting' | 'sent' | 'failed';

/** What an alert shows of its article, kept with the alert so any instance can post it. */
export interface AlertArticle {
  id: string;
  title: string;
  publication?: string;
  published?: string;
  url?: string;
}

export interface WatchAlert extends WatchChannel {
  watchId: number;
  /** The watched name as the alert shows it. */
  name: string;
  article: AlertArticle;
  /** The sentence that mentions it. */
  sentence: string;
  status: AlertStatus;
  createdAt: string;
}

export type NewAlert = Omit<WatchAlert, 'status' | 'createdAt' | 'platform' | 'channelId'> & {
  createdAt: Date;
};

export interface TakenAlerts {
  alerts: WatchAlert[];
  /** Pending alerts wait for the channel's floor: try again at this time. */
  notBefore?: Date;
}

export interface WatchState {
  /** Adds a watch; the same name in the same channel is returned instead of a duplicate. */
  addWatch(input: NewWatch): Promise<{ watch: Watch; created: boolean }>;
  listWatches(where?: Partial<WatchChannel>): Promise<Watch[]>;
  /** Removes a watch and its alerts; false when there was none with that id. */
  removeWatch(id: number): Promise<boolean>;
  /** Records an alert; true when this call made it (the pair watch, article was new). */
  recordAlert(alert: NewAlert): Promise<boolean>;
  /**
   * Takes every pending alert of the channel to post (marked 'posting' for `owner`), when the
   * channel's last alert post is at least floorMs before now; otherwise none, with when to try.
   */
  takeAlerts(channel: WatchChannel, owner: string, now: Date, floorMs: number): Promise<TakenAlerts>;
  /** Records how posting went. */
  finishAlerts(alerts: readonly WatchAlert[], status: 'sent' | 'failed', detail?: string): Promise<void>;
  /** Channels with alerts still pending (after a restart, or another instance's floor). */
  pendingChannels(): Promise<WatchChannel[]>;
}

interface WatchRow {
  id: number;
  platform: string;
  channel_id: string;
  typed: string;
  name: string;
  kind: 'name' | 'phrase';
  target_id: string | null;
  terms: string;
  created_by: string | null;
  created_at: string | Date;
}

interface AlertRow {
  watch_id: number;
  article_id: string;
  platform: string;
  channel_id: string;
  name: string;
  article: string;
  sentence: string;
  status: AlertStatus;
  created_at: string | Date;
}

const iso = (value: string | Date): string => (value instanceof Date ? value.toISOString() : value);

export function toWatch(row: WatchRow): Watch {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    typed: row.typed,
    name: row.name,
    kind: row.kind,
    ...(row.target_id ? { targetId: row.target_id } : {}),
    terms: JSON.parse(row.terms) as string[],
    ...(row.created_by ? { createdBy: row.created_by } : {}),
    createdAt: iso(row.created_at),
  };
}

export function toAlert(row: AlertRow): WatchAlert {
  return {
    watchId: row.watch_id,
    platform: row.platform,
    channelId: row.channel_id,
    name: row.name,
    article: JSON.parse(row.article) as AlertArticle,
    sentence: row.sentence,
    status: row.status,
    createdAt: iso(row.created_at),
  };
}

/** WatchState in the state database's SQLite file (SqliteStateStore.db, migrated). */
export class SqliteWatchState implements WatchState {
  constructor(private readonly db: Database.Database) {}

  async addWatch(w: NewWatch): Promise<{ watch: Watch; created: boolean }> {
    const inserted = this.db
      .prepare(
        `INSERT INTO watches (platform, channel_id, typed, name, kind, target_id, terms, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id, name) DO NOTHING`,
      )
      .run(
        w.platform,
        w.channelId,
        w.typed,
        w.name,
        w.kind,
        w.targetId ?? null,
        JSON.stringify(w.terms),
        w.createdBy ?? null,
        w.createdAt.toISOString(),
      );
    const row = this.db
      .prepare('SELECT * FROM watches WHERE platform = ? AND channel_id = ? AND name = ?')
      .get(w.platform, w.channelId, w.name) as WatchRow;
    return { watch: toWatch(row), created: inserted.changes === 1 };
  }

  async listWatches(where: Partial<WatchChannel> = {}): Promise<Watch[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM watches
         WHERE (@platform IS NULL OR platform = @platform) AND (@channel IS NULL OR channel_id = @channel)
         ORDER BY id`,
      )
      .all({ platform: where.platform ?? null, channel: where.channelId ?? null }) as WatchRow[];
    return rows.map(toWatch);
  }

  async removeWatch(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM watches WHERE id = ?').run(id).changes === 1;
  }

  async recordAlert(a: NewAlert): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO watch_alerts (watch_id, article_id, platform, channel_id, name, article, sentence, status, created_at)
         SELECT id, ?, platform, channel_id, ?, ?, ?, 'pending', ? FROM watches WHERE id = ?
         ON CONFLICT (watch_id, article_id) DO NOTHING`,
      )
      .run(a.article.id, a.name, JSON.stringify(a.article), a.sentence, a.createdAt.toISOString(), a.watchId);
    return result.changes === 1;
  }

  async takeAlerts(channel: WatchChannel, owner: string, now: Date, floorMs: number): Promise<TakenAlerts> {
    const take = this.db.transaction((): TakenAlerts => {
      const pending = this.db
        .prepare(
          `SELECT * FROM watch_alerts WHERE platform = ? AND channel_id = ? AND status = 'pending'
           ORDER BY created_at, watch_id, article_id`,
        )
        .all(channel.platform, channel.channelId) as AlertRow[];
      if (!pending.length) return { alerts: [] };
      const last = this.db
        .prepare('SELECT last_post_at FROM watch_channels WHERE platform = ? AND channel_id = ?')
        .get(channel.platform, channel.channelId) as { last_post_at: string } | undefined;
      const due = last ? new Date(last.last_post_at).getTime() + floorMs : 0;
      if (due > now.getTime()) return { alerts: [], notBefore: new Date(due) };
      this.db
        .prepare(
          `INSERT INTO watch_channels (platform, channel_id, last_post_at, owner) VALUES (?, ?, ?, ?)
           ON CONFLICT (platform, channel_id) DO UPDATE SET last_post_at = excluded.last_post_at, owner = excluded.owner`,
        )
        .run(channel.platform, channel.channelId, now.toISOString(), owner);
      const mark = this.db.prepare(
        `UPDATE watch_alerts SET status = 'posting', owner = ?, posted_at = ? WHERE watch_id = ? AND article_id = ?`,
      );
      for (const row of pending) mark.run(owner, now.toISOString(), row.watch_id, row.article_id);
      return { alerts: pending.map((row) => ({ ...toAlert(row), status: 'posting' })) };
    });
    return take.immediate();
  }

  async finishAlerts(
    alerts: readonly WatchAlert[],
    status: 'sent' | 'failed',
    detail?: string,
  ): Promise<void> {
    const mark = this.db.prepare(
      'UPDATE watch_alerts SET status = ?, detail = ? WHERE watch_id = ? AND article_id = ?',
    );
    this.db.transaction(() => {
      for (const a of alerts) mark.run(status, detail ?? null, a.watchId, a.article.id);
    })();
  }

  async pendingChannels(): Promise<WatchChannel[]> {
    const rows = this.db
      .prepare(
        "SELECT DISTINCT platform, channel_id FROM watch_alerts WHERE status = 'pending' ORDER BY platform, channel_id",
      )
      .all() as { platform: string; channel_id: string }[];
    return rows.map((r) => ({ platform: r.platform, channelId: r.channel_id }));
  }
}

/** The tables, for the SQLite migration (PostgreSQL's differ only in types). */
export const SQLITE_WATCH_TABLES = `
  CREATE TABLE watches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    typed TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('name', 'phrase')),
    target_id TEXT,
    terms TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (platform, channel_id, name)
  );
  CREATE TABLE watch_alerts (
    watch_id INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    name TEXT NOT NULL,
    article TEXT NOT NULL,
    sentence TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'posting', 'sent', 'failed')),
    owner TEXT,
    created_at TEXT NOT NULL,
    posted_at TEXT,
    detail TEXT,
    PRIMARY KEY (watch_id, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX watch_alerts_pending ON watch_alerts (platform, channel_id, status);
  CREATE TABLE watch_channels (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    last_post_at TEXT NOT NULL,
    owner TEXT NOT NULL,
    PRIMARY KEY (platform, channel_id)
  ) WITHOUT ROWID;
`;
