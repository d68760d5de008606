/** What every platform adapter returns once started, so the composition root can watch and stop them all. */
import type { DigestDelivery } from '../digest/digestScheduler.ts';

export interface RunningAdapter {
  readonly name: string;
  /** Posts scheduled digests to the platform's channels; the console has none. */
  readonly digests?: DigestDelivery;
  /** Connected and taking requests (for /readyz); false while reconnecting and after stopAccepting(). */
  isReady?(): boolean;
  /**
   * Stops taking new requests; answers already under way go on (and may still post). The first
   * step of a graceful shutdown.
   */
  stopAccepting?(): Promise<void>;
  /** Stops taking requests, waits for the answers under way, then disconnects. */
  stop(): Promise<void>;
}
