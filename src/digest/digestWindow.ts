/** Which stretch of time a digest covers. */
import type { DigestRun, Subscription } from '../state/stateStore.ts';
import type { DigestWindow } from './composeDigest.ts';
import { previousSlot } from './schedule.ts';

/** However long the channel went without a digest, one never reaches back further than this. */
export const MAX_WINDOW_MS = 31 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The window of a digest posted for the slots `first`..`to`: since the last digest that reached
 * the channel, so nothing is lost after a failure or downtime; for a channel that never had one,
 * since the slot before `first`.
 */
export function digestWindow(
  subscription: Pick<Subscription, 'cron' | 'timeZone'>,
  first: Date,
  to: Date,
  lastSent?: Pick<DigestRun, 'slot'>,
): DigestWindow {
  const sent = lastSent ? new Date(lastSent.slot) : undefined;
  const from =
    sent && sent.getTime() < first.getTime()
      ? sent
      : (previousSlot(subscription, first) ?? new Date(first.getTime() - DAY_MS));
  const earliest = to.getTime() - MAX_WINDOW_MS;
  return {
    from: new Date(Math.max(from.getTime(), earliest)),
    to,
    timeZone: subscription.timeZone,
  };
}
