/**
 * Discord lets a bot start (IDENTIFY) one gateway session per 5 seconds in each bucket: shard id
 * modulo session_start_limit.max_concurrency of GET /gateway/bot. discord.js keeps to that within
 * one process; with the shards spread over several instances they must keep to it together, so each
 * identify first takes a 5-second lease on its bucket in the store the instances share (the `leases`
 * table, or Redis). The lease is never completed nor released: it simply runs out after 5 s, which
 * is exactly the window. If the store cannot be reached, this process falls back to discord.js's own
 * throttle rather than not connecting at all.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type IIdentifyThrottler, SimpleIdentifyThrottler, type WebSocketOptions } from 'discord.js';
import type { Leases } from '../../state/leases.ts';

/** @discordjs/ws's manager, as discord.js hands it to buildIdentifyThrottler (discord.js exports a class of the same name). */
export type GatewayManager = Parameters<NonNullable<WebSocketOptions['buildIdentifyThrottler']>>[0];

/** Discord's window: one identify per bucket per 5 s. */
export const IDENTIFY_WINDOW_MS = 5000;

export interface IdentifyThrottleOptions {
  /** How often a waiting shard asks again whether its bucket is free (ms). Default 500. */
  pollMs?: number;
  /** Called when the shared store fails (this process then throttles on its own). */
  onError?: (error: unknown) => void;
}

export class SharedIdentifyThrottler implements IIdentifyThrottler {
  readonly #local: SimpleIdentifyThrottler;
  readonly #maxConcurrency: number;

  constructor(
    private readonly leases: Leases,
    maxConcurrency: number,
    private readonly options: IdentifyThrottleOptions = {},
  ) {
    this.#maxConcurrency = Math.max(1, Math.floor(maxConcurrency) || 1);
    this.#local = new SimpleIdentifyThrottler(this.#maxConcurrency);
  }

  /** The lease key of a shard's bucket. */
  bucketKey(shardId: number): string {
    return `discord:identify:${shardId % this.#maxConcurrency}`;
  }

  async waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    const key = this.bucketKey(shardId);
    const pollMs = this.options.pollMs ?? 500;
    for (;;) {
      signal.throwIfAborted();
      let outcome: Awaited<ReturnType<Leases['acquire']>>;
      try {
        outcome = await this.leases.acquire(key, IDENTIFY_WINDOW_MS);
      } catch (error) {
        this.options.onError?.(error);
        return this.#local.waitForIdentify(shardId, signal);
      }
      if (outcome === 'acquired') return;
      // A little jitter, so that instances waiting on one bucket do not ask in lockstep.
      await sleep(pollMs + Math.random() * pollMs, undefined, { signal });
    }
  }
}

/** For the discord.js Client's `ws.buildIdentifyThrottler`: the bucket count comes from /gateway/bot. */
export function sharedIdentifyThrottler(
  leases: Leases,
  options: IdentifyThrottleOptions = {},
): (manager: GatewayManager) => Promise<IIdentifyThrottler> {
  return async (manager) => {
    const info = await manager.fetchGatewayInformation();
    return new SharedIdentifyThrottler(leases, info.session_start_limit.max_concurrency, options);
  };
}
