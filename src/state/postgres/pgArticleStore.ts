/**
 * The ArticleStore in PostgreSQL. Writers take a transaction-level advisory lock, so change numbers
 * are committed in the order they are handed out: a reader that has seen number n never later
 * finds a smaller one appear (which a plain sequence allows, when two transactions commit out of
 * order). Each commit sends NOTIFY articles_changed, which readers take as a hint to look sooner;
 * the sequence itself is the truth, since notifications sent while a listener reconnects are lost.
 */
import type pg from 'pg';
import type { AddArticleOutcome, ArticleStore, NewArticle, StoredArticle } from '../articleStore.ts';
import { inTransaction } from './database.ts';

const WRITE_LOCK = 0x61727473; // "arts"
const CHANNEL = 'articles_changed';
const MAX_NAME_TRIES = 1000;

interface ArticleRow {
  seq: string;
  id: string;
  file: string;
  url: string | null;
  content_hash: string;
  markdown: string;
  added_at: Date;
}

function toArticle(row: ArticleRow): StoredArticle {
  return {
    seq: Number(row.seq),
    id: row.id,
    file: row.file,
    ...(row.url ? { url: row.url } : {}),
    contentHash: row.content_hash,
    markdown: row.markdown,
    addedAt: row.added_at.toISOString(),
  };
}

export class PgArticleStore implements ArticleStore {
  constructor(private readonly pool: pg.Pool) {}

  add(article: NewArticle): Promise<AddArticleOutcome> {
    return inTransaction(this.pool, async (db): Promise<AddArticleOutcome> => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const { rows: same } = await db.query<ArticleRow>(
        'SELECT * FROM articles WHERE url = $1 OR content_hash = $2 ORDER BY seq LIMIT 1',
        [article.url ?? null, article.contentHash],
      );
      if (same[0]) {
        const existing = toArticle(same[0]);
        return {
          status: 'duplicate',
          existing,
          reason: article.url && existing.url === article.url ? 'url' : 'text',
        };
      }
      const { rows: taken } = await db.query<{ id: string }>(
        "SELECT id FROM articles WHERE id = $1 OR id LIKE $1 || '-%'",
        [article.stem],
      );
      const used = new Set(taken.map((r) => r.id));
      let id: string | undefined;
      for (let n = 1; n <= MAX_NAME_TRIES && !id; n++) {
        const candidate = n === 1 ? article.stem : `${article.stem}-${n}`;
        if (!used.has(candidate)) id = candidate;
      }
      if (!id) throw new Error(`no free article id for ${article.stem} after ${MAX_NAME_TRIES} tries`);
      const { rows } = await db.query<ArticleRow>(
        `INSERT INTO articles (id, file, url, content_hash, markdown, added_at)
         VALUES ($1, $2, $3, $4, $5, clock_timestamp()) RETURNING *`,
        [id, `${article.folder}/${id}.md`, article.url ?? null, article.contentHash, article.markdown(id)],
      );
      const stored = toArticle(rows[0] as ArticleRow);
      await db.query('SELECT pg_notify($1, $2)', [CHANNEL, String(stored.seq)]);
      return { status: 'stored', article: stored };
    });
  }

  async changesAfter(seq: number, limit = 500): Promise<StoredArticle[]> {
    const { rows } = await this.pool.query<ArticleRow>(
      'SELECT * FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map(toArticle);
  }

  async listen(hint: () => void): Promise<{ close(): Promise<void> }> {
    const client = await this.pool.connect();
    let closed = false;
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) hint();
    });
    client.on('error', () => {
      // The connection dropped: polling carries on; the pool replaces the connection.
      if (!closed) client.release(true);
      closed = true;
    });
    await client.query(`LISTEN ${CHANNEL}`);
    return {
      close: async () => {
        if (closed) return;
        closed = true;
        await client.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
        client.release();
      },
    };
  }
}
