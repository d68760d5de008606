/**
 * The bot's way to get a knowledge base: the saved index when it still matches the corpus and the
 * code, else a build with every file parsed in the parse pool's workers, within its budget (which
 * the caller may then save for the next start).
 */
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { corpusFingerprint, loadSavedKnowledge, saveKnowledge } from './indexCache.ts';
import type { ParallelOptions } from './loadKnowledgeInParallel.ts';
import { loadKnowledgeInWorkers } from './loadKnowledgeInWorkers.ts';
import type { ParsePool } from './parsePool.ts';

/** ParallelOptions are accepted for existing callers; the parse pool reports a failed worker per document instead. */
export interface KnowledgeLoadOptions extends ParallelOptions {
  /** Where built indexes are saved and looked for; undefined: never saved. */
  cacheDir?: string | undefined;
  /** Where files are parsed; default the process's shared pool. */
  pool?: ParsePool;
}

export interface LoadedKnowledge {
  kb: KnowledgeBase;
  /** Time to load or build it. */
  ms: number;
  fromCache: boolean;
  /** Saves a freshly built index for the next start (no-op when it came from the cache or there is no cache). */
  save(): string | undefined;
}

export async function loadKnowledge(
  corpusDir: string,
  options: KnowledgeLoadOptions = {},
): Promise<LoadedKnowledge> {
  const started = performance.now();
  const { cacheDir, pool } = options;
  // Taken before reading: a file changed while loading leaves a fingerprint that no longer matches.
  const fingerprint = cacheDir ? corpusFingerprint(corpusDir) : '';
  const cached = cacheDir ? loadSavedKnowledge(cacheDir, corpusDir, fingerprint) : undefined;
  if (cached) return { kb: cached, ms: performance.now() - started, fromCache: true, save: () => undefined };
  const kb = await loadKnowledgeInWorkers(corpusDir, pool);
  return {
    kb,
    ms: performance.now() - started,
    fromCache: false,
    save: () => (cacheDir ? saveKnowledge(cacheDir, kb, fingerprint) : undefined),
  };
}
