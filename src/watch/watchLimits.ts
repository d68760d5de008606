/**
 * Limits per channel, in the manner of the digests' (src/digest/channelLimits.ts, issue 14): a
 * channel holds a bounded number of watches, and gets at most one alert post in any
 * ALERT_FLOOR_MINUTES however many watches match; matches found meanwhile wait and go out together
 * in the next post. The floor is the digests' 15 minutes. The first post of a quiet channel goes
 * out at once (after a short gathering pause, so one feed poll's articles make one post).
 */

/** Watches one channel may hold. */
export const MAX_WATCHES_PER_CHANNEL = 25;
/** At most one alert post per channel in this time (the same floor as a channel's digests). */
export const ALERT_FLOOR_MINUTES = 15;
export const ALERT_FLOOR_MS = ALERT_FLOOR_MINUTES * 60_000;
/** Articles arriving within this pause after the first are posted with it. */
export const GATHER_MS = 2_000;

export class WatchLimitError extends Error {
  readonly code = 'WATCH_LIMIT';
  constructor(readonly count: number) {
    super(
      `This channel already watches ${count} names, the most one channel may; /watch list shows them and /watch remove <n> stops one.`,
    );
  }
}
