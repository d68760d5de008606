/**
 * Follows the RSS and Atom feeds in FEEDS: every FEED_POLL_MINUTES each feed is fetched with a
 * conditional request (If-None-Match / If-Modified-Since from the last answer), so an unchanged
 * feed costs a 304 and no parsing. Each new item's page goes through the same path as /ingest,
 * and the archive is reindexed once per poll. A feed that fails (timeout, 404, bad XML) is
 * recorded with the reason, which /feeds shows; the other feeds and the bot carry on.
 */

import { type ParsePool, sharedParsePool } from '../corpus/parsePool.ts';
import type { Logger } from '../ops/logger.ts';
import type { ArchiveState, FeedState } from '../state/archiveState.ts';
import type { Leases } from '../state/leases.ts';
import type { Archive } from './archiveService.ts';
import { FetchError, type SafeFetcher } from './safeFetch.ts';

/** At most this many items of one feed are fetched per poll (newest first, as feeds list them). */
export const MAX_ITEMS_PER_POLL = 20;

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

export interface FeedPollReport {
  feed: string;
  status: 'ok' | 'not-modified' | 'failed';
  added: string[];
  detail: string;
}

export interface FeedPollerOptions {
  feeds: readonly string[];
  archive: Archive;
  fetcher: SafeFetcher;
  state: ArchiveState;
  intervalMs: number;
  log?: Pick<Logger, 'info' | 'warn'>;
  now?: () => Date;
  onReport?: (report: FeedPollReport) => void;
  /** Where feeds are parsed, within a time budget; default the process's shared pool. */
  parser?: ParsePool;
  /**
   * Several instances: each feed is leased for (almost) one interval before it is polled, so it
   * is fetched once per interval between them all; the instance that got it polls it.
   */
  leases?: Leases;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class FeedPoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<FeedPollReport[]> | undefined;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly options: FeedPollerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Polls now, then every intervalMs until stop(). */
  start(): void {
    this.stopped = false;
    const tick = () => {
      this.timer = undefined;
      void this.pollAll().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs);
      });
    };
    tick();
  }

  /** Stops the schedule and waits for a poll under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Polls every feed once (a poll already under way is joined, not doubled). */
  pollAll(): Promise<FeedPollReport[]> {
    if (this.running) return this.running;
    this.running = (async () => {
      const reports: FeedPollReport[] = [];
      for (const feed of this.options.feeds) {
        if (this.stopped) break;
        if (!(await this.mine(feed))) continue;
        reports.push(await this.pollFeed(feed));
      }
      const added = reports.flatMap((r) => r.added);
      if (added.length) await this.options.archive.reindex(added).catch(() => false);
      return reports;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Whether this instance polls the feed this interval (always, with no shared leases). */
  private async mine(feed: string): Promise<boolean> {
    const { leases, intervalMs } = this.options;
    if (!leases) return true;
    const leaseMs = Math.max(1000, intervalMs - Math.min(30_000, intervalMs / 10));
    return (await leases.acquire(`feed:${feed}`, leaseMs).catch(() => 'acquired' as const)) === 'acquired';
  }

  /** Polls one feed; never throws: a failure is the report. */
  async pollFeed(feed: string): Promise<FeedPollReport> {
    const { state, log } = this.options;
    const previous: FeedState = (await state.feed(feed)) ?? { url: feed, addedTotal: 0 };
    const polledAt = this.now().toISOString();
    let report: FeedPollReport;
    let next: FeedState = { ...previous, polledAt };
    try {
      const page = await this.options.fetcher.fetch(feed, {
        accept: FEED_ACCEPT,
        ...(previous.etag ? { etag: previous.etag } : {}),
        ...(previous.lastModified ? { lastModified: previous.lastModified } : {}),
      });
      if (page.notModified) {
        report = {
          feed,
          status: 'not-modified',
          added: [],
          detail: 'not modified since the last poll (HTTP 304)',
        };
      } else {
        // Parsed in a worker: a crafted feed can hold up only itself.
        const parsed = await (this.options.parser ?? sharedParsePool()).run<{ url: string | null }[]>({
          kind: 'feed',
          body: page.body,
        });
        if (!parsed.ok)
          throw new Error(
            parsed.cause === 'budget'
              ? `feed refused: ${parsed.reason}`
              : `not an RSS or Atom feed: ${parsed.reason}`,
          );
        const items = parsed.value;
        // Validators are kept only once the feed was read, so a bad copy is fetched again next time.
        next = {
          ...next,
          ...(page.etag ? { etag: page.etag } : { etag: undefined }),
          ...(page.lastModified ? { lastModified: page.lastModified } : { lastModified: undefined }),
        };
        report = await this.ingestItems(feed, page.url, items);
      }
    } catch (error) {
      const reason = error instanceof FetchError || error instanceof Error ? error.message : String(error);
      report = { feed, status: 'failed', added: [], detail: reason };
      log?.warn({ feed, err: error }, 'feed poll failed');
    }
    next = {
      ...next,
      status: report.status,
      detail: report.detail,
      addedTotal: previous.addedTotal + report.added.length,
    };
    await state.saveFeed(next);
    if (report.status !== 'not-modified')
      log?.info({ feed, status: report.status, detail: report.detail }, 'feed polled');
    this.options.onReport?.(report);
    return report;
  }

  private async ingestItems(
    feed: string,
    base: string,
    items: { url: string | null }[],
  ): Promise<FeedPollReport> {
    const urls: string[] = [];
    for (const item of items) {
      if (!item.url) continue;
      try {
        const url = new URL(item.url, base).href;
        if (!urls.includes(url)) urls.push(url);
      } catch {
        // an item with a broken link is skipped
      }
    }
    const added: string[] = [];
    let duplicates = 0;
    const refused: string[] = [];
    const failed: string[] = [];
    for (const url of urls.slice(0, MAX_ITEMS_PER_POLL)) {
      if (this.stopped) break;
      const outcome = await this.options.archive.ingestUrl(url, `feed:${feed}`).catch((error: unknown) => ({
        status: 'failed' as const,
        url,
        reason: (error as Error)?.message ?? String(error),
      }));
      if (outcome.status === 'stored') added.push(outcome.id);
      else if (outcome.status === 'duplicate') duplicates++;
      else if (outcome.status === 'refused') refused.push(outcome.reason);
      else failed.push(outcome.reason);
    }
    const parts = [
      `${plural(urls.length, 'item')}`,
      `${added.length} new`,
      duplicates ? `${duplicates} already in the archive` : undefined,
      refused.length ? `${refused.length} refused (${refused[0]})` : undefined,
      failed.length ? `${failed.length} to retry (${failed[0]})` : undefined,
    ];
    return { feed, status: 'ok', added, detail: parts.filter(Boolean).join(', ') };
  }
}
