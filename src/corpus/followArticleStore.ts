/**
 * The shared article store (PostgreSQL) as a source of the live knowledge base: every instance
 * reads the store's changes after the last one it applied, writes each article's file into its own
 * CORPUS_DIR (where ingest writes them too, so the loader, the saved index and the watcher treat
 * them like any other file), and rebuilds the live knowledge base when something new arrived.
 * A notification is only a hint to look now; polling the change sequence every pollMs is the
 * truth, since notifications are lost while the listener reconnects. caughtUp() is true once the
 * first pass has applied everything the store held (/readyz waits for it; the first pass runs in
 * the background).
 *
 * Given the store of the editors' folder too, it imports this instance's folder into it first
 * (importCorpusFolder.ts has the rule) and again on importNow() (after a change CORPUS_WATCH saw),
 * and applies the folder's changes made elsewhere (applyCorpusFile.ts). Imports and passes run one
 * at a time, so a file being written by a pass is never taken for a file an editor removed.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Logger } from '../ops/logger.ts';
import type { ArticleStore, StoredArticle } from '../state/articleStore.ts';
import type { CorpusFileStore } from '../state/corpusFileStore.ts';
import { applyCorpusFile } from './applyCorpusFile.ts';
import {
  type HashCache,
  listFolder,
  planFolderImport,
  readFolderRecord,
  writeFolderRecord,
} from './importCorpusFolder.ts';
import type { LiveKnowledge } from './liveKnowledge.ts';

export interface ArticleStoreFollower {
  /** True once everything in the store at start is in the local corpus and indexed. */
  caughtUp(): boolean;
  /** The last change applied. */
  applied(): number;
  /** Looks for changes now (as a notification does); resolves when that pass is done. */
  syncNow(): Promise<void>;
  /** Imports the changes of this instance's corpus folder into the store (no-op without one). */
  importNow(): Promise<void>;
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

export interface SharedFolder {
  files: CorpusFileStore;
  /** Folders of the corpus that are not the editors' (the ingested articles'). */
  skip: readonly string[];
}

export async function followArticleStore(
  live: LiveKnowledge,
  options: { store: ArticleStore; dir: string; log: Logger; pollMs?: number; folder?: SharedFolder },
): Promise<ArticleStoreFollower> {
  const { store, dir, log, folder } = options;
  let last = 0;
  let lastFolderChange = 0;
  let caughtUp = false;
  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;
  // The paths of shared files this folder holds (see importCorpusFolder.ts); undefined: a fresh copy.
  let record = folder ? readFolderRecord(dir) : undefined;
  let recorded = JSON.stringify([...(record ?? [])].sort());
  const hashes: HashCache = new Map();

  const saveRecord = async () => {
    const now = JSON.stringify([...(record ?? [])].sort());
    if (!record || now === recorded) return;
    await writeFolderRecord(dir, record).catch((error: unknown) =>
      log.warn(
        { err: error },
        'could not save the corpus folder record; the next start judges removals by time',
      ),
    );
    recorded = now;
  };

  // Imports and passes one at a time.
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work);
    chain = run.catch(() => undefined);
    return run;
  };

  const importFolder = async () => {
    if (!folder || closed) return;
    const local = await listFolder(dir, folder.skip, hashes);
    const held = record;
    const changes = await folder.files.importChanges((stored) =>
      planFolderImport({ dir, local, stored, record: held, now: Date.now() }),
    );
    record = new Set(local.keys());
    await saveRecord();
    if (changes.length > 0) {
      const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
      log.info(
        { added: count('add'), updated: count('update'), removed: count('remove') },
        'corpus folder imported into the shared store',
      );
    }
  };

  /** The folder's changes made elsewhere, applied here; whether any file changed. */
  const applyFolderChanges = async (): Promise<boolean> => {
    if (!folder) return false;
    let changed = false;
    record ??= new Set();
    for (;;) {
      const batch = await folder.files.changesAfter(lastFolderChange);
      for (const file of batch) {
        try {
          const outcome = await applyCorpusFile(dir, file, folder.skip);
          if (outcome === 'written' || outcome === 'removed') changed = true;
          if (outcome === 'kept' || !file.removed) record.add(file.path);
          else record.delete(file.path);
        } catch (error) {
          log.warn({ err: error, file: file.path }, 'a corpus file from the store could not be applied');
        }
        lastFolderChange = file.seq;
      }
      if (batch.length === 0) break;
    }
    await saveRecord();
    return changed;
  };

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
    const folderChanged = await applyFolderChanges();
    if (folderChanged || (arrived.length > 0 && !live.contains(arrived))) {
      const kb = await live.rebuild();
      log.info(
        { arrived: arrived.length, folderChanged, articles: kb.articles.size, seq: last },
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
    running = exclusive(pass)
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

  // At start: this folder's changes first, then everything the store holds.
  const importNow = () =>
    exclusive(importFolder).catch((error: unknown) =>
      log.warn(
        { err: error },
        'importing the corpus folder into the store failed; the next change tries again',
      ),
    );
  void importNow();
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
    importNow,
    close: async () => {
      closed = true;
      clearInterval(timer);
      await listener?.close();
      await running;
      await chain;
    },
  };
}
