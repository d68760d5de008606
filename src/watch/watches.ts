/**
 * Wiring for main.ts: the watched-names feature from the state store. The /watch command works
 * at once; the alerter starts once the adapters that deliver are running (start(live, deliveries)),
 * like the digest scheduler, and joins the shutdown list.
 */
import type { LiveKnowledge } from '../corpus/liveKnowledge.ts';
import type { Logger } from '../ops/logger.ts';
import type { WatchState } from '../state/watchState.ts';
import { type ChannelDelivery, WatchAlerter } from './watchAlerter.ts';
import type { WatchCommandDeps } from './watchCommand.ts';

export interface Watches {
  /** What /watch works with. */
  command: WatchCommandDeps;
  alerter: WatchAlerter;
  start(live: LiveKnowledge, deliveries: ReadonlyMap<string, ChannelDelivery>): void;
  stop(): Promise<void>;
}

export function createWatches(options: {
  state: WatchState;
  log: Logger;
  floorMs?: number;
  gatherMs?: number;
}): Watches {
  const alerter = new WatchAlerter(options);
  return {
    command: { state: options.state },
    alerter,
    start(live, deliveries) {
      alerter.start(live, deliveries);
      options.log.info(
        { platforms: [...deliveries.keys()], owner: alerter.owner },
        'watched names: alerts on',
      );
    },
    stop: () => alerter.stop(),
  };
}
