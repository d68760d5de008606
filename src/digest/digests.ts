/**
 * Wiring for main.ts: the digest feature from the state store and the live knowledge base. The
 * service behind /digest and the scheduler that posts are made together, so a subscription added
 * or removed re-plans the scheduler at once; the scheduler starts once the adapters that deliver
 * are running (start(deliveries)).
 */
import type { LiveKnowledge } from '../corpus/liveKnowledge.ts';
import type { Logger } from '../ops/logger.ts';
import type { Platform, StateStore } from '../state/stateStore.ts';
import { composeDigest } from './composeDigest.ts';
import { loadDigestSubscriptions } from './digestConfig.ts';
import { type DigestDelivery, DigestScheduler, type RunReport, systemClock } from './digestScheduler.ts';
import { createDigestService, type DigestService, syncConfiguredSubscriptions } from './digestService.ts';

export interface DigestSettings {
  DIGEST_SUBSCRIPTIONS?: string | undefined;
  DIGEST_TIME_ZONE: string;
  DIGEST_CATCH_UP_MINUTES: number;
}

export interface Digests {
  service: DigestService;
  scheduler: DigestScheduler;
  /** How many subscriptions configuration declares, and how the stored ones changed to match. */
  synced: { configured: number; added: number; removed: number };
  /** Starts posting through the adapters' deliveries. */
  start(deliveries: ReadonlyMap<Platform, DigestDelivery>): void;
}

export async function createDigests(options: {
  settings: DigestSettings;
  store: StateStore;
  knowledge: LiveKnowledge;
  log: Logger;
  onReport?: (report: RunReport) => void;
  /** Brings the knowledge base up to date before each digest (several instances: the article store). */
  catchUp?: (() => Promise<unknown>) | undefined;
}): Promise<Digests> {
  const { settings, store, knowledge, log } = options;
  const declared = loadDigestSubscriptions(settings.DIGEST_SUBSCRIPTIONS, settings.DIGEST_TIME_ZONE);
  const synced = await syncConfiguredSubscriptions(store, declared, systemClock.now());
  const scheduler = new DigestScheduler({
    store,
    compose: (_subscription, window) => composeDigest(knowledge.current(), window),
    catchUpMs: settings.DIGEST_CATCH_UP_MINUTES * 60_000,
    log,
    ...(options.onReport ? { onReport: options.onReport } : {}),
    ...(options.catchUp ? { catchUp: options.catchUp } : {}),
  });
  const service = createDigestService({
    store,
    knowledge: () => knowledge.current(),
    defaultTimeZone: settings.DIGEST_TIME_ZONE,
    clock: systemClock,
    onChange: () => scheduler.wake(),
  });
  return {
    service,
    scheduler,
    synced: { configured: declared.length, ...synced },
    start(deliveries) {
      scheduler.start(deliveries);
      log.info({ platforms: [...deliveries.keys()], owner: scheduler.owner }, 'digest scheduler started');
    },
  };
}
