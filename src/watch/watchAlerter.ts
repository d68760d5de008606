/**
 * Posts watched names' alerts. Told of every swap of the live knowledge base, it looks at the
 * articles that arrived (an /ingest, a feed poll, a file in the corpus folder, or the shared
 * article store), finds the watches they mention, and records one alert per (watch, article) in
 * the state store: the store's unique row is what makes an article alert a channel once per watch,
 * however many instances see it arrive. Each channel's pending alerts are then taken together and
 * posted as one message through the same deliveries digests use, at most once per floor interval
 * (watchLimits.ts); what comes meanwhile waits for the next post.
 *
 * A post that fails is recorded as failed and logged; it is not tried again, so it can never
 * appear twice.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Reply } from '../core/reply.ts';
import type { LiveKnowledge } from '../corpus/liveKnowledge.ts';
import type { Article } from '../knowledge/types.ts';
import type { Logger } from '../ops/logger.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import type { Watch, WatchChannel, WatchState } from '../state/watchState.ts';
import { composeAlert } from './composeAlert.ts';
import { findMention, sentencesOf } from './findMention.ts';
import { ALERT_FLOOR_MS, GATHER_MS } from './watchLimits.ts';
import { currentTerms } from './watchTerms.ts';

/** Posts to a channel of one platform: the adapters' digest deliveries fit. */
export interface ChannelDelivery {
  post(target: WatchChannel, reply: Reply): Promise<void>;
}

/** Articles looked through between two turns of the event loop. */
const YIELD_EVERY = 50;

/** An article older than its watch by more than this is not news to the watch. */
const CLOCK_SLACK_MS = 60_000;

export interface WatchAlerterOptions {
  state: WatchState;
  log: Logger;
  floorMs?: number;
  gatherMs?: number;
  now?: () => Date;
}

/** Articles in `next` that `previous` did not hold. */
export function arrivedArticles(next: KnowledgeBase, previous: KnowledgeBase): Article[] {
  return next.corpus.articles.filter((a) => !previous.articles.has(a.id));
}

/** Whether the article came into the archive after the watch was made (or has no date to tell). */
function newToWatch(article: Article, watch: Watch): boolean {
  if (!article.addedAt) return true;
  return Date.parse(article.addedAt) >= Date.parse(watch.createdAt) - CLOCK_SLACK_MS;
}

const channelKey = (c: WatchChannel) => `${c.platform}:${c.channelId}`;

export class WatchAlerter {
  /** This instance, as recorded on the alerts it posts. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #state: WatchState;
  readonly #log: Logger;
  readonly #floorMs: number;
  readonly #gatherMs: number;
  readonly #now: () => Date;
  readonly #timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  readonly #work = new Set<Promise<unknown>>();
  #deliveries: ReadonlyMap<string, ChannelDelivery> = new Map();
  #unsubscribe: (() => void) | undefined;
  #stopped = false;

  constructor(options: WatchAlerterOptions) {
    this.#state = options.state;
    this.#log = options.log;
    this.#floorMs = options.floorMs ?? ALERT_FLOOR_MS;
    this.#gatherMs = options.gatherMs ?? GATHER_MS;
    this.#now = options.now ?? (() => new Date());
  }

  /** Follows the live knowledge base and posts through these deliveries (by platform). */
  start(live: LiveKnowledge, deliveries: ReadonlyMap<string, ChannelDelivery>): void {
    this.#deliveries = deliveries;
    this.#stopped = false;
    this.#unsubscribe = live.onSwap((next, previous) => {
      const arrived = arrivedArticles(next, previous);
      if (arrived.length) this.#track(this.articlesArrived(arrived, next));
    });
    // Alerts left pending by a restart or another instance's floor.
    this.#track(
      this.#state.pendingChannels().then((channels) => {
        for (const channel of channels) this.#flushIn(channel, this.#gatherMs);
      }),
    );
  }

  /** Records the alerts these articles raise and schedules their channels' posts. */
  async articlesArrived(articles: readonly Article[], kb: KnowledgeBase): Promise<number> {
    const watches = await this.#state.listWatches();
    if (!watches.length) return 0;
    const channels = new Map<string, WatchChannel>();
    const terms = new Map(watches.map((w) => [w.id, currentTerms(w, kb)]));
    let recorded = 0;
    for (const [i, article] of articles.entries()) {
      // A catch-up of many articles must not keep the bot from answering meanwhile.
      if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const sentences = sentencesOf(article);
      for (const watch of watches) {
        if (!newToWatch(article, watch)) continue;
        const sentence = findMention(article, terms.get(watch.id) ?? watch.terms, sentences);
        if (!sentence) continue;
        const mine = await this.#state.recordAlert({
          watchId: watch.id,
          name: watch.name,
          sentence,
          article: {
            id: article.id,
            title: article.title,
            ...(article.publication ? { publication: article.publication } : {}),
            ...(article.published ? { published: article.published } : {}),
            ...(article.url ? { url: article.url } : {}),
          },
          createdAt: this.#now(),
        });
        if (!mine) continue;
        recorded++;
        channels.set(channelKey(watch), { platform: watch.platform, channelId: watch.channelId });
      }
    }
    if (recorded) this.#log.info({ alerts: recorded, channels: channels.size }, 'watched names found');
    for (const channel of channels.values()) this.#flushIn(channel, this.#gatherMs);
    return recorded;
  }

  /** Posts the channel's pending alerts now if its floor allows; otherwise plans it for then. */
  async flush(channel: WatchChannel): Promise<void> {
    const delivery = this.#deliveries.get(channel.platform);
    if (!delivery || this.#stopped) return;
    const taken = await this.#state.takeAlerts(channel, this.owner, this.#now(), this.#floorMs);
    if (taken.notBefore) {
      this.#flushIn(channel, taken.notBefore.getTime() - this.#now().getTime());
      return;
    }
    if (!taken.alerts.length) return;
    try {
      await delivery.post(channel, composeAlert(taken.alerts));
      await this.#state.finishAlerts(taken.alerts, 'sent');
      this.#log.info({ ...channel, alerts: taken.alerts.length }, 'watch alert posted');
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      await this.#state.finishAlerts(taken.alerts, 'failed', detail);
      this.#log.warn({ ...channel, alerts: taken.alerts.length, err: error }, 'watch alert not posted');
    }
  }

  /** Settles once the work under way (matching, posting) is done: for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.#work.size) await Promise.allSettled([...this.#work]);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    for (const { timer } of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await this.idle();
  }

  /** One timer per channel, the earliest wins. */
  #flushIn(channel: WatchChannel, delayMs: number): void {
    if (this.#stopped) return;
    const key = channelKey(channel);
    const at = this.#now().getTime() + Math.max(0, delayMs);
    const held = this.#timers.get(key);
    if (held && held.at <= at) return;
    if (held) clearTimeout(held.timer);
    const timer = setTimeout(
      () => {
        this.#timers.delete(key);
        this.#track(this.flush(channel));
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    this.#timers.set(key, { at, timer });
  }

  #track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.#log.warn({ err: error }, 'watched names: work failed'))
      .finally(() => this.#work.delete(tracked));
    this.#work.add(tracked);
  }
}
