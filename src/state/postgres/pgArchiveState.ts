/**
 * The archive's state (ingested URLs, their content hashes, followed feeds) in PostgreSQL: the
 * same tables and meaning as the SQLite ArchiveState, shared by every instance, so a URL ingested
 * through one is known to all.
 */
import type pg from 'pg';
import type { ArchiveState, FeedState, IngestedStatus, IngestedUrl } from '../archiveState.ts';

interface UrlRow {
  url: string;
  status: IngestedStatus;
  content_hash: string | null;
  file: string | null;
  title: string | null;
  via: string;
  detail: string | null;
  at: Date;
}

interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  polled_at: Date | null;
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
    at: row.at.toISOString(),
    ...(row.content_hash ? { contentHash: row.content_hash } : {}),
    ...(row.file ? { file: row.file } : {}),
    ...(row.title ? { title: row.title } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
  };
}

export class PgArchiveState implements ArchiveState {
  constructor(private readonly pool: pg.Pool) {}

  async findUrl(url: string): Promise<IngestedUrl | undefined> {
    return toUrl(
      (await this.pool.query<UrlRow>('SELECT * FROM ingested_urls WHERE url = $1', [url])).rows[0],
    );
  }

  async findHash(hash: string): Promise<IngestedUrl | undefined> {
    const { rows } = await this.pool.query<UrlRow>(
      "SELECT * FROM ingested_urls WHERE content_hash = $1 AND status = 'stored' ORDER BY at LIMIT 1",
      [hash],
    );
    return toUrl(rows[0]);
  }

  async recordUrl(e: IngestedUrl): Promise<void> {
    await this.pool.query(
      `INSERT INTO ingested_urls (url, status, content_hash, file, title, via, detail, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (url) DO UPDATE SET status = excluded.status, content_hash = excluded.content_hash,
         file = excluded.file, title = excluded.title, via = excluded.via, detail = excluded.detail, at = excluded.at`,
      [
        e.url,
        e.status,
        e.contentHash ?? null,
        e.file ?? null,
        e.title ?? null,
        e.via,
        e.detail ?? null,
        e.at,
      ],
    );
  }

  async feed(url: string): Promise<FeedState | undefined> {
    const row = (await this.pool.query<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url])).rows[0];
    if (!row) return undefined;
    return {
      url: row.url,
      addedTotal: row.added_total,
      ...(row.etag ? { etag: row.etag } : {}),
      ...(row.last_modified ? { lastModified: row.last_modified } : {}),
      ...(row.polled_at ? { polledAt: row.polled_at.toISOString() } : {}),
      ...(row.status ? { status: row.status } : {}),
      ...(row.detail ? { detail: row.detail } : {}),
    };
  }

  async saveFeed(s: FeedState): Promise<void> {
    await this.pool.query(
      `INSERT INTO feeds (url, etag, last_modified, polled_at, status, detail, added_total)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         polled_at = excluded.polled_at, status = excluded.status, detail = excluded.detail,
         added_total = excluded.added_total`,
      [
        s.url,
        s.etag ?? null,
        s.lastModified ?? null,
        s.polledAt ?? null,
        s.status ?? null,
        s.detail ?? null,
        s.addedTotal,
      ],
    );
  }
}
