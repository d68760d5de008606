/**
 * Wiring for main.ts: the archive service behind /ingest and /feeds, and the feed poller, from the
 * settings and the state database. A stored article becomes searchable through the corpus
 * watcher when CORPUS_WATCH is on (the file appears, the watcher reindexes); otherwise the
 * knowledge base is rebuilt here and swapped in with bot.setKnowledge.
 */
import type Database from 'better-sqlite3';
import { indexCacheDir, saveSoon } from '../app/liveCorpus.ts';
import { loadKnowledge } from '../app/loadKnowledge.ts';
import type { Logger } from '../app/logger.ts';
import type { Settings } from '../config/settings.ts';
import type { Bot } from '../core/bot.ts';
import { SqliteArchiveState } from '../state/archiveState.ts';
import { Archive } from './archiveService.ts';
import { FeedPoller } from './feedPoller.ts';
import { SafeFetcher } from './safeFetch.ts';

/** How long /ingest waits for the watcher to index a new article before answering anyway. */
const INDEX_WAIT_MS = 30_000;

export interface RunningArchive {
  archive: Archive;
  poller: FeedPoller | undefined;
  /** Starts polling FEEDS (nothing when there are none). */
  startFeeds(): void;
  stop(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function startArchive(options: {
  settings: Settings;
  db: Database.Database;
  bot: () => Bot;
  log: Logger;
}): RunningArchive {
  const { settings, log } = options;
  const fetcher = new SafeFetcher({
    allow: settings.FETCH_ALLOW_PRIVATE,
    maxBytes: settings.FETCH_MAX_BYTES,
    timeoutMs: settings.FETCH_TIMEOUT_MS,
    maxRedirects: settings.FETCH_MAX_REDIRECTS,
  });
  const state = new SqliteArchiveState(options.db);
  const has = (ids: string[]) => ids.every((id) => options.bot().knowledge().articles.has(id));
  let rebuilding: Promise<void> = Promise.resolve();
  const reindex = async (ids: string[]): Promise<boolean> => {
    if (settings.CORPUS_WATCH) {
      for (const started = Date.now(); !has(ids) && Date.now() - started < INDEX_WAIT_MS; ) await sleep(100);
      return has(ids);
    }
    // No watcher: rebuild here, one rebuild at a time.
    rebuilding = rebuilding.then(async () => {
      if (has(ids)) return;
      const loaded = await loadKnowledge(settings.CORPUS_DIR, { cacheDir: indexCacheDir(settings) });
      options.bot().setKnowledge(loaded.kb);
      saveSoon(loaded, log);
      log.info({ articles: loaded.kb.articles.size }, 'archive grew: reindexed');
    });
    await rebuilding.catch((error: unknown) => log.warn({ err: error }, 'reindexing after an ingest failed'));
    return has(ids);
  };
  const archive = new Archive({
    corpusDir: settings.CORPUS_DIR,
    fetcher,
    state,
    admins: settings.ADMIN_USER_IDS,
    feedUrls: settings.FEEDS,
    knownArticles: () => options.bot().knowledge().articles,
    reindex,
  });
  const poller = settings.FEEDS.length
    ? new FeedPoller({
        feeds: settings.FEEDS,
        archive,
        fetcher,
        state,
        intervalMs: settings.FEED_POLL_MINUTES * 60_000,
        log,
      })
    : undefined;
  return {
    archive,
    poller,
    startFeeds() {
      if (!poller) return;
      poller.start();
      log.info({ feeds: settings.FEEDS.length, everyMinutes: settings.FEED_POLL_MINUTES }, 'following feeds');
    },
    async stop() {
      await poller?.stop();
      await fetcher.close();
    },
  };
}
