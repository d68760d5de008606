/** What every platform adapter returns once started, so the composition root can stop them all. */
import type { DigestDelivery } from '../digest/digestScheduler.ts';

export interface RunningAdapter {
  readonly name: string;
  /** Posts scheduled digests to the platform's channels; the console has none. */
  readonly digests?: DigestDelivery;
  stop(): Promise<void>;
}
