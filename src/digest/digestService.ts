/**
 * What the /digest command works with: subscriptions per platform and channel, their last
 * results, and previews. The command core sees only this interface, never the database.
 */
import type { Reply } from '../core/reply.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import type { DigestRun, Platform, StateStore, Subscription } from '../state/stateStore.ts';
import { MAX_SUBSCRIPTIONS_PER_CHANNEL, SubscriptionLimitError } from './channelLimits.ts';
import { composeDigest } from './composeDigest.ts';
import type { Clock } from './digestScheduler.ts';
import { digestWindow } from './digestWindow.ts';
import { nextSlot, previousSlot, type Schedule } from './schedule.ts';

export interface SubscriptionStatus {
  subscription: Subscription;
  /** The latest slot's run (sent, failed, skipped, or still under way). */
  lastRun?: DigestRun;
  next?: Date;
}

export interface ChannelRef {
  platform: Platform;
  /** The Slack workspace or Discord server of the channel; lists and removals stay inside it. */
  workspaceId?: string;
  channelId: string;
}

export interface DigestService {
  /** For schedules typed without a time zone. */
  readonly defaultTimeZone: string;
  now(): Date;
  subscribe(request: ChannelRef & { schedule: Schedule; skipQuiet: boolean; userId?: string }): Promise<{
    subscription: Subscription;
    created: boolean;
  }>;
  /** Subscriptions of one channel, or every one when `where` is empty (the console). */
  list(where?: Partial<ChannelRef>): Promise<SubscriptionStatus[]>;
  unsubscribe(id: number): Promise<boolean>;
  /** What the subscription's next digest would hold if it went out now (else: the last 24 hours). */
  preview(subscription?: Subscription): Promise<Reply>;
}

/** A subscription declared in configuration (DIGEST_SUBSCRIPTIONS). */
export interface ConfiguredSubscription extends ChannelRef {
  schedule: Schedule;
  skipQuiet: boolean;
}

export interface DigestServiceOptions {
  store: StateStore;
  /** The current knowledge base (it can be swapped after a reload). */
  knowledge: () => KnowledgeBase;
  defaultTimeZone: string;
  clock: Clock;
  /** Called after a subscription is added or removed (the scheduler re-plans its timer). */
  onChange?: () => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function createDigestService(options: DigestServiceOptions): DigestService {
  const { store, knowledge, clock } = options;
  return {
    defaultTimeZone: options.defaultTimeZone,
    now: () => clock.now(),

    async subscribe(request) {
      const existing = await store.listSubscriptions({
        platform: request.platform,
        channelId: request.channelId,
        ...(request.workspaceId ? { workspaceId: request.workspaceId } : {}),
      });
      const same = existing.some(
        (s) => s.cron === request.schedule.cron && s.timeZone === request.schedule.timeZone,
      );
      if (!same && existing.length >= MAX_SUBSCRIPTIONS_PER_CHANNEL)
        throw new SubscriptionLimitError(existing.length);
      const result = await store.addSubscription({
        platform: request.platform,
        ...(request.workspaceId ? { workspaceId: request.workspaceId } : {}),
        channelId: request.channelId,
        spec: request.schedule.spec,
        cron: request.schedule.cron,
        timeZone: request.schedule.timeZone,
        skipQuiet: request.skipQuiet,
        origin: 'chat',
        ...(request.userId ? { createdBy: request.userId } : {}),
        createdAt: clock.now(),
      });
      if (!result.created && result.subscription.skipQuiet !== request.skipQuiet) {
        await store.setSkipQuiet(result.subscription.id, request.skipQuiet);
        result.subscription.skipQuiet = request.skipQuiet;
      }
      if (result.created) options.onChange?.();
      return result;
    },

    async list(where = {}) {
      const now = clock.now();
      const subscriptions = await store.listSubscriptions(where);
      return Promise.all(
        subscriptions.map(async (subscription) => {
          const lastRun = await store.lastRun(subscription.id);
          const next = nextSlot(subscription, now);
          return { subscription, ...(lastRun ? { lastRun } : {}), ...(next ? { next } : {}) };
        }),
      );
    },

    async unsubscribe(id) {
      const removed = await store.removeSubscription(id);
      if (removed) options.onChange?.();
      return removed;
    },

    async preview(subscription) {
      const now = clock.now();
      const kb = knowledge();
      if (!subscription) {
        const window = { from: new Date(now.getTime() - DAY_MS), to: now, timeZone: options.defaultTimeZone };
        return { ...composeDigest(kb, window, { title: 'Digest preview' }), visibility: 'asker' };
      }
      const lastSent = await store.lastRun(subscription.id, ['sent']);
      const since = previousSlot(subscription, now) ?? new Date(now.getTime() - DAY_MS);
      // As if `now` were the next slot: everything since the last digest sent (or the last slot).
      const window = digestWindow(subscription, new Date(since.getTime() + 1), now, lastSent);
      return { ...composeDigest(kb, window, { title: 'Digest preview' }), visibility: 'asker' };
    },
  };
}

/**
 * Makes the configured subscriptions exist, and removes configured ones no longer declared.
 * Subscriptions made in chat are left alone. Safe to run from several instances at once.
 */
export async function syncConfiguredSubscriptions(
  store: StateStore,
  declared: readonly ConfiguredSubscription[],
  now: Date,
): Promise<{ added: number; removed: number }> {
  const keep = new Set<number>();
  let added = 0;
  for (const d of declared) {
    const { subscription, created } = await store.addSubscription({
      platform: d.platform,
      ...(d.workspaceId ? { workspaceId: d.workspaceId } : {}),
      channelId: d.channelId,
      spec: d.schedule.spec,
      cron: d.schedule.cron,
      timeZone: d.schedule.timeZone,
      skipQuiet: d.skipQuiet,
      origin: 'config',
      createdAt: now,
    });
    if (created) added++;
    else if (subscription.skipQuiet !== d.skipQuiet) await store.setSkipQuiet(subscription.id, d.skipQuiet);
    keep.add(subscription.id);
  }
  let removed = 0;
  for (const s of await store.listSubscriptions()) {
    if (s.origin === 'config' && !keep.has(s.id) && (await store.removeSubscription(s.id))) removed++;
  }
  return { added, removed };
}
