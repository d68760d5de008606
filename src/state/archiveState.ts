/**
 * What the bot remembers about growing the archive: every URL it ingested (or refused for good,
 * so a feed item that is not an article is not fetched again every poll), the hash of each stored
 * article's text (the same story under a second URL is stored once), and each followed feed's
 * conditional-request validators (ETag, Last-Modified) and last result. Tables from migration 2
 * of the state database.
 */
import type Database from 'better-sqlite3';

export type IngestedStatus = 'stored' | 'duplicate' | 'refused';

export interface IngestedUrl {
  url: string;
  status: IngestedStatus;
  contentHash?: string;
  /** The corpus file written, relative to CORPUS_DIR. */
  file?: string;
  title?: string;
  /** 'chat:<platform>:<user>' or 'feed:<feed url>'. */
  via: string;
  detail?: string;
  /** ISO timestamp. */
  at: string;
}

export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  /** ISO timestamp of the last poll. */
  polledAt?: string;
  /** 'ok', 'not-modified' or 'failed'. */
  status?: string;
  /** The last poll's result in words. */
  detail?: string;
  /** Articles stored from this feed so far. */
  addedTotal: number;
}

export interface ArchiveState {
  findUrl(url: string): Promise<IngestedUrl | undefined>;
  /** The stored article with this content hash, if any. */
  findHash(hash: string): Promise<IngestedUrl | undefined>;
  recordUrl(entry: IngestedUrl): Promise<void>;
  feed(url: string): Promise<FeedState | undefined>;
  saveFeed(state: FeedState): Promise<void>;
}

interface UrlRow {
  url: string;
  status: IngestedStatus;
  content_hash: string | null;
  file: string | null;
  title: string | null;
  via: string;
  detail: string | null;
  at: string;
}

interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  polled_at: string | null;
  status: string | null;
  detail: string | null;
  added_total: number;
}

function toUrl(row: UrlRow | undefined): IngestedUrl | undefined {
  if (!row) return undefined;
  return {
    url: row.url,
    status: row.status,
    via: row.via,
    at: row.at,
    ...(row.content_hash ? { contentHash: row.content_hash } : {}),
    ...(row.file ? { file: row.file } : {}),
    ...(row.title ? { title: row.title } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
  };
}

/** ArchiveState in the state database's SQLite file (SqliteStateStore.db, migrated). */
export class SqliteArchiveState implements ArchiveState {
  constructor(private readonly db: Database.Database) {}

  async findUrl(url: string): Promise<IngestedUrl | undefined> {
    return toUrl(this.db.prepare('SELECT * FROM ingested_urls WHERE url = ?').get(url) as UrlRow | undefined);
  }

  async findHash(hash: string): Promise<IngestedUrl | undefined> {
    return toUrl(
      this.db
        .prepare("SELECT * FROM ingested_urls WHERE content_hash = ? AND status = 'stored' LIMIT 1")
        .get(hash) as UrlRow | undefined,
    );
  }

  async recordUrl(e: IngestedUrl): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO ingested_urls (url, status, content_hash, file, title, via, detail, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET status = excluded.status, content_hash = excluded.content_hash,
           file = excluded.file, title = excluded.title, via = excluded.via, detail = excluded.detail, at = excluded.at`,
      )
      .run(
        e.url,
        e.status,
        e.contentHash ?? null,
        e.file ?? null,
        e.title ?? null,
        e.via,
        e.detail ?? null,
        e.at,
      );
  }

  async feed(url: string): Promise<FeedState | undefined> {
    const row = this.db.prepare('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
    if (!row) return undefined;
    return {
      url: row.url,
      addedTotal: row.added_total,
      ...(row.etag ? { etag: row.etag } : {}),
      ...(row.last_modified ? { lastModified: row.last_modified } : {}),
      ...(row.polled_at ? { polledAt: row.polled_at } : {}),
      ...(row.status ? { status: row.status } : {}),
      ...(row.detail ? { detail: row.detail } : {}),
    };
  }

  async saveFeed(s: FeedState): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO feeds (url, etag, last_modified, polled_at, status, detail, added_total)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           polled_at = excluded.polled_at, status = excluded.status, detail = excluded.detail,
           added_total = excluded.added_total`,
      )
      .run(
        s.url,
        s.etag ?? null,
        s.lastModified ?? null,
        s.polledAt ?? null,
        s.status ?? null,
        s.detail ?? null,
        s.addedTotal,
      );
  }
}
