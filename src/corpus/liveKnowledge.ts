/**
 * The one owner of the current knowledge base. Made first in the composition root and handed to
 * everything that reads it (the bot, digests, ingest, autocomplete), which call current() when
 * they answer, so a swap reaches them all at once. rebuild() loads the corpus directory again
 * (one rebuild at a time) and swaps the result in; whenContains(ids) waits for a swap that holds
 * those articles (how /ingest knows a stored article became searchable).
 *
 * Also here: the saved index for a fast start, saving a fresh build for the next one, and live
 * reload (CORPUS_WATCH), which rebuilds in the background when files change.
 */
import { join } from 'node:path';
import { formatProblem } from '../knowledge/formatProblem.ts';
import type { Logger } from '../ops/logger.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { type CorpusWatcher, watchCorpus } from './corpusWatcher.ts';
import { type LoadedKnowledge, loadKnowledge } from './loadKnowledge.ts';

/** INDEX_CACHE_DIR, by default DATA_DIR/index; undefined when set to "off". */
export function indexCacheDir(settings: {
  INDEX_CACHE_DIR?: string | undefined;
  DATA_DIR: string;
}): string | undefined {
  const dir = settings.INDEX_CACHE_DIR ?? join(settings.DATA_DIR, 'index');
  return dir.toLowerCase() === 'off' ? undefined : dir;
}

/** Saves a fresh build after the current turn (the bot answers meanwhile); a failure is only logged. */
export function saveSoon(loaded: LoadedKnowledge, log: Logger): void {
  if (loaded.fromCache) return;
  setImmediate(() => {
    try {
      const file = loaded.save();
      if (file) log.info({ file }, 'index saved for the next start');
    } catch (error) {
      log.warn({ err: error }, 'could not save the index; the next start builds it again');
    }
  });
}

export type SwapListener = (next: KnowledgeBase, previous: KnowledgeBase) => void;

export interface LiveKnowledgeOptions {
  /** Builds a new knowledge base for rebuild(); without it rebuild() keeps the current one. */
  load?: () => Promise<KnowledgeBase>;
  /** Told after every swap, with the knowledge base it replaced. */
  onSwap?: (next: KnowledgeBase, previous: KnowledgeBase) => void;
}

export class LiveKnowledge {
  #kb: KnowledgeBase;
  readonly #options: LiveKnowledgeOptions;
  readonly #waiters = new Set<() => void>();
  readonly #listeners = new Set<SwapListener>();
  #running: Promise<KnowledgeBase> | undefined;
  #queued: Promise<KnowledgeBase> | undefined;

  constructor(initial: KnowledgeBase, options: LiveKnowledgeOptions = {}) {
    this.#kb = initial;
    this.#options = options;
  }

  /** The knowledge base in service now; read it when answering, never keep it. */
  current(): KnowledgeBase {
    return this.#kb;
  }

  /** Puts a newly built knowledge base in service. */
  swap(next: KnowledgeBase): void {
    const previous = this.#kb;
    this.#kb = next;
    this.#options.onSwap?.(next, previous);
    for (const listen of [...this.#listeners]) {
      try {
        listen(next, previous);
      } catch {
        // A listener's failure is its own (it logs it); the swap and the other listeners go on.
      }
    }
    for (const wake of [...this.#waiters]) wake();
  }

  /**
   * Tells `listener` after every swap, with the knowledge base replaced: how a feature (watched
   * names) learns which articles arrived. Returns the function that stops telling it.
   */
  onSwap(listener: SwapListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Loads the corpus again and swaps it in. One rebuild runs at a time: called while one runs, it
   * waits for one more that starts after it (shared by every caller meanwhile), so files written
   * before the call are always read.
   */
  rebuild(): Promise<KnowledgeBase> {
    const load = this.#options.load;
    if (!load) return Promise.resolve(this.#kb);
    const start = () => {
      this.#running = load()
        .then((kb) => {
          this.swap(kb);
          return kb;
        })
        .finally(() => {
          this.#running = undefined;
        });
      return this.#running;
    };
    if (!this.#running) return start();
    this.#queued ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined;
        return start();
      });
    return this.#queued;
  }

  contains(ids: readonly string[]): boolean {
    return ids.every((id) => this.#kb.articles.has(id));
  }

  /** Resolves true once the knowledge base in service holds every id, false after timeoutMs. */
  whenContains(ids: readonly string[], timeoutMs: number): Promise<boolean> {
    if (this.contains(ids)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (found: boolean) => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve(found);
      };
      const check = () => {
        if (this.contains(ids)) done(true);
      };
      const timer = setTimeout(() => done(this.contains(ids)), timeoutMs);
      this.#waiters.add(check);
    });
  }
}

export interface CorpusSource {
  dir: string;
  /** Where built indexes are saved and looked for (indexCacheDir); undefined: never saved. */
  cacheDir: string | undefined;
  log: Logger;
}

/**
 * Loads the corpus (the saved index when it still matches), logs its problems, saves a fresh
 * build for the next start, and returns it live: rebuild() loads the same directory again.
 */
export async function openLiveKnowledge(source: CorpusSource): Promise<LiveKnowledge> {
  const { dir, cacheDir, log } = source;
  const loaded = await loadKnowledge(dir, { cacheDir });
  const { kb } = loaded;
  for (const p of kb.problems)
    log.warn({ file: p.file, where: p.where }, `corpus problem: ${formatProblem(p)}`);
  log.info(
    {
      articles: kb.articles.size,
      passages: kb.passages.length,
      buildMs: Math.round(loaded.ms),
      fromSavedIndex: loaded.fromCache,
    },
    'corpus loaded',
  );
  saveSoon(loaded, log);
  const live: LiveKnowledge = new LiveKnowledge(kb, {
    load: async () => {
      // Only the files changed since the knowledge base in service was built are read again.
      const again = await loadKnowledge(dir, {
        cacheDir,
        previous: live.current(),
      });
      saveSoon(again, log);
      return again.kb;
    },
    onSwap: (next, previous) => {
      const before = new Set(previous.problems.map(formatProblem));
      for (const p of next.problems) {
        if (!before.has(formatProblem(p)))
          log.warn({ file: p.file, where: p.where }, `corpus problem: ${formatProblem(p)}`);
      }
    },
  });
  return live;
}

/**
 * Live reload (CORPUS_WATCH): rebuilds a moment after files in the directory stop changing. A
 * failed rebuild leaves the previous knowledge base in service; the next change tries again.
 */
export function watchLiveKnowledge(
  live: LiveKnowledge,
  options: {
    dir: string;
    log: Logger;
    debounceMs?: number;
    /** Runs before each rebuild: several instances import the folder's change into the shared store. */
    beforeRebuild?: () => Promise<void>;
  },
): CorpusWatcher {
  const { dir, log, beforeRebuild } = options;
  const watcher = watchCorpus({
    dir,
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    rebuild: async () => {
      await beforeRebuild?.();
      return live.rebuild();
    },
    onReload: (kb, ms) =>
      log.info(
        { articles: kb.articles.size, problems: kb.problems.length, ms: Math.round(ms) },
        'corpus changed: reloaded',
      ),
    onError: (error) =>
      log.warn({ err: error }, 'corpus reload failed; the previous version stays in service'),
  });
  log.info({ dir }, 'watching the corpus for changes');
  return watcher;
}
