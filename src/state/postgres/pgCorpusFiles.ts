/**
 * The CorpusFileStore in PostgreSQL (table corpus_files). An import runs in one transaction under
 * a transaction-level advisory lock: instances that start together import one after the other,
 * each seeing what the previous one stored, and change numbers are committed in the order they are
 * handed out (so a reader that has seen number n never later finds a smaller one appear). A commit
 * with changes sends NOTIFY articles_changed, the ingested articles' channel, which every
 * instance's follower already listens to.
 */
import type pg from 'pg';
import type {
  CorpusFileChange,
  CorpusFileHead,
  CorpusFileStore,
  StoredCorpusFile,
} from '../corpusFileStore.ts';
import { inTransaction } from './database.ts';

const IMPORT_LOCK = 0x666f6c64; // "fold"
const CHANNEL = 'articles_changed';

interface Row {
  path: string;
  content_hash: string;
  modified_ms: string;
  removed: boolean;
  seq: string;
  content?: Buffer;
}

function toHead(row: Row): CorpusFileHead {
  return {
    path: row.path,
    contentHash: row.content_hash,
    modifiedMs: Number(row.modified_ms),
    removed: row.removed,
    seq: Number(row.seq),
  };
}

export class PgCorpusFiles implements CorpusFileStore {
  constructor(private readonly pool: pg.Pool) {}

  importChanges(
    plan: (stored: CorpusFileHead[]) => CorpusFileChange[] | Promise<CorpusFileChange[]>,
  ): Promise<CorpusFileChange[]> {
    return inTransaction(this.pool, async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      const { rows } = await db.query<Row>(
        'SELECT path, content_hash, modified_ms, removed, seq FROM corpus_files ORDER BY path',
      );
      const changes = await plan(rows.map(toHead));
      for (const change of changes) {
        if (change.kind === 'remove') {
          await db.query(
            `UPDATE corpus_files SET removed = TRUE, modified_ms = $2,
               seq = nextval('corpus_file_seq'), changed_at = now()
             WHERE path = $1`,
            [change.path, Math.floor(change.modifiedMs)],
          );
        } else {
          await db.query(
            `INSERT INTO corpus_files (path, content, content_hash, modified_ms) VALUES ($1, $2, $3, $4)
             ON CONFLICT (path) DO UPDATE SET content = EXCLUDED.content,
               content_hash = EXCLUDED.content_hash, modified_ms = EXCLUDED.modified_ms, removed = FALSE,
               seq = nextval('corpus_file_seq'), changed_at = now()`,
            [change.path, change.content, change.contentHash, Math.floor(change.modifiedMs)],
          );
        }
      }
      if (changes.length > 0) await db.query('SELECT pg_notify($1, $2)', [CHANNEL, 'folder']);
      return changes;
    });
  }

  async changesAfter(seq: number, limit = 200): Promise<StoredCorpusFile[]> {
    const { rows } = await this.pool.query<Row & { content: Buffer }>(
      `SELECT path, content, content_hash, modified_ms, removed, seq FROM corpus_files
       WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [seq, limit],
    );
    return rows.map((row) => ({ ...toHead(row), content: row.content }));
  }
}
