/**
 * The ArticleStore in PostgreSQL. Writers take a transaction-level advisory lock, so change numbers
 * are committed in the order they are handed out: a reader that has seen number n never later
 * finds a smaller one appear (which a plain sequence allows, when two transactions commit out of
 * order). Each commit sends NOTIFY articles_changed, which readers take as a hint to look sooner;
 * the sequence itself is the truth, since notifications sent while a listener reconnects are lost.
 * The listener connects again by itself after its connection drops.
 */
import type pg from 'pg';
import type { AddArticleOutcome, ArticleStore, NewArticle, StoredArticle } from '../articleStore.ts';
import { inTransaction } from './database.ts';

const WRITE_LOCK = 0x61727473; // "arts"
const CHANNEL = 'articles_changed';
const MAX_NAME_TRIES = 1000;
/** First wait before listening again after the connection dropped; doubled on each failure up to the most. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

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

  /**
   * LISTENs on a connection of its own. When that connection drops (a restart, a failover, an
   * idle timeout), it connects again after RETRY_FIRST_MS, doubling up to RETRY_MAX_MS, and hints
   * once it listens again: what was committed meanwhile sent its notification to nobody.
   */
  async listen(hint: () => void, onDrop?: (error: unknown) => void): Promise<{ close(): Promise<void> }> {
    let closed = false;
    /** The connection listening now, and how to give it up without taking that for a drop. */
    let current: { client: pg.PoolClient; giveUp(): void } | undefined;
    let timer: NodeJS.Timeout | undefined;
    let delay = RETRY_FIRST_MS;

    const connect = async (): Promise<void> => {
      const c = await this.pool.connect();
      let dropped = false;
      const giveUp = () => {
        if (dropped) return;
        dropped = true;
        // Never back into the pool: its notification handler stays on the client.
        c.release(true);
      };
      const drop = (error: unknown) => {
        if (dropped) return;
        if (current?.client === c) current = undefined;
        giveUp();
        if (!closed) {
          onDrop?.(error);
          retrySoon();
        }
      };
      c.on('notification', (message) => {
        if (message.channel === CHANNEL) hint();
      });
      c.on('error', drop);
      c.on('end', () => drop(new Error('the listening connection ended')));
      try {
        await c.query(`LISTEN ${CHANNEL}`);
      } catch (error) {
        giveUp();
        throw error;
      }
      if (closed) giveUp();
      else current = { client: c, giveUp };
    };

    const retrySoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (closed) return;
        connect().then(
          () => {
            delay = RETRY_FIRST_MS;
            if (!closed) hint();
          },
          (error: unknown) => {
            onDrop?.(error);
            delay = Math.min(delay * 2, RETRY_MAX_MS);
            if (!closed) retrySoon();
          },
        );
      }, delay);
      timer.unref();
    };

    await connect();
    return {
      close: async () => {
        closed = true;
        clearTimeout(timer);
        const listening = current;
        current = undefined;
        if (!listening) return;
        await listening.client.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
        listening.giveUp();
      },
    };
  }
}
