/**
 * Keeps the bot's knowledge base in step with the corpus directory: the saved index for a fast
 * start, saving a fresh build for the next one, and live reload (CORPUS_WATCH) that swaps a
 * rebuilt knowledge base in with bot.setKnowledge. Everything that answers reads
 * bot.knowledge() when it answers, so the swap reaches every adapter, autocomplete and digests.
 */
import { join } from 'node:path';
import type { Settings } from '../config/settings.ts';
import type { Bot } from '../core/bot.ts';
import { type CorpusWatcher, watchCorpus } from './corpusWatcher.ts';
import { type LoadedKnowledge, loadKnowledge } from './loadKnowledge.ts';
import type { Logger } from './logger.ts';
import { formatProblem } from './openKnowledge.ts';

/** INDEX_CACHE_DIR, by default DATA_DIR/index; undefined when set to "off". */
export function indexCacheDir(settings: Pick<Settings, 'INDEX_CACHE_DIR' | 'DATA_DIR'>): string | undefined {
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

export function startCorpusReload(options: {
  bot: Bot;
  settings: Pick<Settings, 'CORPUS_DIR' | 'CORPUS_WATCH' | 'INDEX_CACHE_DIR' | 'DATA_DIR'>;
  log: Logger;
  debounceMs?: number;
}): CorpusWatcher | undefined {
  const { bot, settings, log } = options;
  if (!settings.CORPUS_WATCH) return undefined;
  const dir = settings.CORPUS_DIR;
  const cacheDir = indexCacheDir(settings);
  const watcher = watchCorpus({
    dir,
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    rebuild: async () => {
      const loaded = await loadKnowledge(dir, {
        cacheDir,
        onWorkerError: (error) => log.warn({ err: error }, 'a corpus loader worker failed during a reload'),
      });
      saveSoon(loaded, log);
      return loaded.kb;
    },
    onReload: (kb, ms) => {
      const before = new Set(bot.knowledge().problems.map(formatProblem));
      bot.setKnowledge(kb);
      for (const p of kb.problems) {
        if (!before.has(formatProblem(p)))
          log.warn({ file: p.file, where: p.where }, `corpus problem: ${formatProblem(p)}`);
      }
      log.info(
        { articles: kb.articles.size, problems: kb.problems.length, ms: Math.round(ms) },
        'corpus changed: reloaded',
      );
    },
    onError: (error) =>
      log.warn({ err: error }, 'corpus reload failed; the previous version stays in service'),
  });
  log.info({ dir }, 'watching the corpus for changes');
  return watcher;
}
