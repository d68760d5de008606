/**
 * The bot's way to get a knowledge base: the saved index when it still matches the corpus and the
 * code, else a build with every file parsed in the parse pool's workers, within its budget (which
 * the caller may then save for the next start). A saved index whose corpus changed since is
 * brought up to date by reading only the changed files. Given the knowledge base in service, a reload
 * reads only the files changed since (updateKnowledge.ts) and updates the indexes in place.
 */
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { corpusFingerprint, loadSavedKnowledge, saveKnowledge } from './indexCache.ts';
import { loadKnowledgeInWorkers } from './loadKnowledgeInWorkers.ts';
import type { ParsePool } from './parsePool.ts';
import { updateKnowledge } from './updateKnowledge.ts';

export interface KnowledgeLoadOptions {
  /** Where built indexes are saved and looked for; undefined: never saved. */
  cacheDir?: string | undefined;
  /** Where files are parsed; default the process's shared pool. */
  pool?: ParsePool;
  /** The knowledge base in service: when given, only files changed since it was built are read again. */
  previous?: KnowledgeBase | undefined;
}

export interface LoadedKnowledge {
  kb: KnowledgeBase;
  /** Time to load or build it. */
  ms: number;
  fromCache: boolean;
  /** Updated in place from `previous` (only changed files read), not built afresh. */
  incremental?: boolean;
  /** Saves a freshly built index for the next start (no-op when it came from the cache or there is no cache). */
  save(): string | undefined;
}

export async function loadKnowledge(
  corpusDir: string,
  options: KnowledgeLoadOptions = {},
): Promise<LoadedKnowledge> {
  const started = performance.now();
  const { cacheDir, pool, previous } = options;
  const save = (kb: KnowledgeBase, fingerprint: string) => () =>
    cacheDir ? saveKnowledge(cacheDir, kb, fingerprint) : undefined;
  if (previous) {
    const fingerprint = cacheDir ? corpusFingerprint(corpusDir) : '';
    const updated = await updateKnowledge(previous, corpusDir, pool);
    if (updated) {
      const { kb } = updated;
      const ms = performance.now() - started;
      const same = kb === previous;
      return {
        kb,
        ms,
        fromCache: false,
        incremental: true,
        save: same ? () => undefined : save(kb, fingerprint),
      };
    }
  }
  // Taken before reading: a file changed while loading leaves a fingerprint that no longer matches.
  const fingerprint = cacheDir ? corpusFingerprint(corpusDir) : '';
  const saved = cacheDir ? await loadSavedKnowledge(cacheDir, corpusDir, fingerprint) : undefined;
  if (saved?.current)
    return { kb: saved.kb, ms: performance.now() - started, fromCache: true, save: () => undefined };
  // Saved before some files changed: only those are read again.
  const updated = saved ? await updateKnowledge(saved.kb, corpusDir, pool) : undefined;
  if (updated) {
    const { kb } = updated;
    return {
      kb,
      ms: performance.now() - started,
      fromCache: false,
      incremental: true,
      save: save(kb, fingerprint),
    };
  }
  const kb = await loadKnowledgeInWorkers(corpusDir, pool);
  return {
    kb,
    ms: performance.now() - started,
    fromCache: false,
    save: save(kb, fingerprint),
  };
}
