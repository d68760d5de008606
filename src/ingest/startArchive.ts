/**
 * Wiring for main.ts: the archive service behind /ingest and /feeds, and the feed poller, from the
 * settings and the archive's state. A stored article becomes searchable through the corpus
 * watcher when CORPUS_WATCH is on (the file appears, the watcher reindexes, the live knowledge
 * base says when it holds the article); otherwise the live knowledge base is rebuilt here.
 */
import type { z } from 'zod';
import type { LiveKnowledge } from '../corpus/liveKnowledge.ts';
import type { Logger } from '../ops/logger.ts';
import type { ArchiveState } from '../state/archiveState.ts';
import type { ArticleStore } from '../state/articleStore.ts';
import type { Leases } from '../state/leases.ts';
import { Archive } from './archiveService.ts';
import type { archiveSettings } from './archiveSettings.ts';
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

/** The settings the archive reads: its own (archiveSettings.ts) and where the corpus is. */
export type ArchiveStartSettings = z.infer<z.ZodObject<typeof archiveSettings>> & {
  CORPUS_DIR: string;
  CORPUS_WATCH: boolean;
};

export function startArchive(options: {
  settings: ArchiveStartSettings;
  state: ArchiveState;
  knowledge: LiveKnowledge;
  log: Logger;
  /** Several instances: the shared article store and leases (see app/stores.ts). */
  articles?: ArticleStore | undefined;
  leases?: Leases | undefined;
}): RunningArchive {
  const { settings, state, knowledge, log } = options;
  const shared = {
    ...(options.articles ? { store: options.articles } : {}),
    ...(options.leases ? { leases: options.leases } : {}),
  };
  const fetcher = new SafeFetcher({
    allow: settings.FETCH_ALLOW_PRIVATE,
    maxBytes: settings.FETCH_MAX_BYTES,
    timeoutMs: settings.FETCH_TIMEOUT_MS,
    maxRedirects: settings.FETCH_MAX_REDIRECTS,
  });
  const reindex = async (ids: string[]): Promise<boolean> => {
    if (settings.CORPUS_WATCH) return knowledge.whenContains(ids, INDEX_WAIT_MS);
    // No watcher: rebuild here (the live knowledge base runs one rebuild at a time).
    if (knowledge.contains(ids)) return true;
    try {
      const kb = await knowledge.rebuild();
      log.info({ articles: kb.articles.size }, 'archive grew: reindexed');
    } catch (error) {
      log.warn({ err: error }, 'reindexing after an ingest failed');
    }
    return knowledge.contains(ids);
  };
  const archive = new Archive({
    corpusDir: settings.CORPUS_DIR,
    fetcher,
    state,
    admins: settings.ADMIN_USER_IDS,
    feedUrls: settings.FEEDS,
    knownArticles: () => knowledge.current().articles,
    reindex,
    ...shared,
  });
  const poller = settings.FEEDS.length
    ? new FeedPoller({
        feeds: settings.FEEDS,
        archive,
        fetcher,
        state,
        intervalMs: settings.FEED_POLL_MINUTES * 60_000,
        log,
        ...(options.leases ? { leases: options.leases } : {}),
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
