/**
 * The shared article store (PostgreSQL) as a source of the live knowledge base: every instance
 * reads the store's changes after the last one it applied, writes each article's file into its own
 * CORPUS_DIR (where ingest writes them too, so the loader, the saved index and the watcher treat
 * them like any other file), and rebuilds the live knowledge base when something new arrived.
 * A notification is only a hint to look now; polling the change sequence every pollMs is the
 * truth, since notifications are lost while the listener reconnects. caughtUp() is true once the
 * first pass has applied everything the store held (/readyz waits for it; the first pass runs in
 * the background).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Logger } from '../ops/logger.ts';
import type { ArticleStore, StoredArticle } from '../state/articleStore.ts';
import type { LiveKnowledge } from './liveKnowledge.ts';

export interface ArticleStoreFollower {
  /** True once everything in the store at start is in the local corpus and indexed. */
  caughtUp(): boolean;
  /** The last change applied. */
  applied(): number;
  /** Looks for changes now (as a notification does); resolves when that pass is done. */
  syncNow(): Promise<void>;
  close(): Promise<void>;
}

/** The file's path in the corpus, or undefined if it would land outside it. */
function pathIn(dir: string, file: string): string | undefined {
  const path = resolve(dir, file);
  const rel = relative(resolve(dir), path);
  return rel && !rel.startsWith('..') && !rel.includes('\0') && file.endsWith('.md') ? path : undefined;
}

/**
 * Writes the file whole (a temporary name, then renamed) unless it already holds this text. Its
 * modification time is set to when the store got the article: the loader takes that as the
 * article's addedAt, so every instance puts it in the same digest window.
 */
export async function writeStoredArticle(
  dir: string,
  article: Pick<StoredArticle, 'id' | 'file' | 'markdown' | 'addedAt'>,
): Promise<boolean> {
  const path = pathIn(dir, article.file);
  if (!path) throw new Error(`refusing to write ${article.file}: outside the corpus`);
  const addedAt = new Date(article.addedAt);
  if (existsSync(path) && readFileSync(path, 'utf8') === article.markdown) return false;
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${article.id}.${process.pid}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, article.markdown, 'utf8');
    await utimes(temp, addedAt, addedAt);
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
  return true;
}

export async function followArticleStore(
  live: LiveKnowledge,
  options: { store: ArticleStore; dir: string; log: Logger; pollMs?: number },
): Promise<ArticleStoreFollower> {
  const { store, dir, log } = options;
  let last = 0;
  let caughtUp = false;
  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;

  const pass = async () => {
    const arrived: string[] = [];
    for (;;) {
      const batch = await store.changesAfter(last);
      for (const article of batch) {
        if (await writeStoredArticle(dir, article)) arrived.push(article.id);
        last = article.seq;
      }
      if (batch.length === 0) break;
    }
    if (arrived.length > 0 && !live.contains(arrived)) {
      const kb = await live.rebuild();
      log.info(
        { arrived: arrived.length, articles: kb.articles.size, seq: last },
        'articles from the store indexed',
      );
    }
    caughtUp = true;
  };

  // One pass at a time; a hint during a pass asks for one more after it.
  const syncNow = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) =>
        log.warn({ err: error }, 'reading the article store failed; trying again soon'),
      )
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          void syncNow();
        }
      });
    return running;
  };

  void syncNow();
  const timer = setInterval(() => void syncNow(), options.pollMs ?? 2000);
  timer.unref();
  const listener = await store
    .listen(
      () => void syncNow(),
      (error) =>
        log.warn(
          { err: error },
          'lost the article store notifications; listening again soon (polling carries on)',
        ),
    )
    .catch((error: unknown) => {
      log.warn({ err: error }, 'cannot listen for article changes; polling only');
      return undefined;
    });
  return {
    caughtUp: () => caughtUp,
    applied: () => last,
    syncNow,
    close: async () => {
      closed = true;
      clearInterval(timer);
      await listener?.close();
      await running;
    },
  };
}
