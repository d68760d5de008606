/**
 * Limits per channel, not per subscription: each schedule comes round at most every 15 minutes
 * (schedule.ts), but fifteen subscriptions offset by a minute would still post every minute
 * (issue 14). So a channel holds a few subscriptions at most, and gets at most one digest in any
 * 15 minutes whatever its subscriptions: a slot that comes too soon after another digest for the
 * same channel is recorded as skipped, and the next digest covers its news.
 */
import type { StateStore, Subscription } from '../state/stateStore.ts';
import { MIN_INTERVAL_MINUTES } from './schedule.ts';

/** Subscriptions one channel may make with /digest subscribe (DIGEST_SUBSCRIPTIONS is not capped). */
export const MAX_SUBSCRIPTIONS_PER_CHANNEL = 5;
/** At most one digest per channel in this time, the same floor as one schedule's. */
export const CHANNEL_FLOOR_MS = MIN_INTERVAL_MINUTES * 60_000;

export class SubscriptionLimitError extends Error {
  readonly code = 'DIGEST_SUBSCRIPTION_LIMIT';
  constructor(readonly count: number) {
    super(
      `This channel already has ${count} digest subscriptions, the most one channel may have; /digest list shows them and /digest unsubscribe <id> removes one.`,
    );
  }
}

/** Run states that mean a digest went, or is going, to the channel. */
const GOING_OUT = new Set(['claimed', 'posting', 'retrying', 'sent']);

/**
 * Why the slot of this subscription must not post (another digest for the channel is due or went
 * out within the floor), or undefined when it may. Called just before claiming the slot, so of two
 * subscriptions due at the same time the one that claims first posts and the other sees its claim.
 */
export async function channelFloorReason(
  store: StateStore,
  subscription: Subscription,
  slot: Date,
): Promise<string | undefined> {
  const others = await store.listSubscriptions({
    platform: subscription.platform,
    channelId: subscription.channelId,
  });
  for (const other of others) {
    if (other.id === subscription.id) continue;
    const run = await store.lastRun(other.id);
    if (!run || !GOING_OUT.has(run.status)) continue;
    const gap = slot.getTime() - new Date(run.slot).getTime();
    if (gap >= 0 && gap < CHANNEL_FLOOR_MS) {
      return `too soon after the digest of subscription #${other.id} in this channel (at most one every ${MIN_INTERVAL_MINUTES} minutes per channel); the next digest covers this one's news`;
    }
  }
  return undefined;
}
