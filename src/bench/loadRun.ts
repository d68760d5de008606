/**
 * The load run of the bench (`npm run bench -- --load`): many asks at once through bot.respond(),
 * the path the chat adapters use, with the service's rate limits and concurrency bound on.
 * Closed loop: `concurrency` askers each send their next question as soon as the last is answered,
 * so a request's latency includes its wait behind the others. Asks are spread over many users and
 * channels, as in a busy workspace, so the rate limits stay out of the way (`throttled` says if not).
 * One round warms up; the measured round follows; memory is taken after a GC before and after it.
 */
import { createBot } from '../core/bot.ts';
import type { RateLimits } from '../core/rateLimiter.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';

export interface LoadOptions {
  requests: number;
  concurrency: number;
  /** Distinct askers and channels the requests are spread over. */
  users?: number;
  channels?: number;
  rateLimits?: RateLimits;
  maxConcurrent?: number;
}

export interface LoadResult {
  load_requests: number;
  load_concurrency: number;
  load_seconds: number;
  throughput_rps: number;
  load_p50_ms: number;
  load_p99_ms: number;
  load_max_ms: number;
  throttled: number;
  heap_before_mb: number;
  heap_after_mb: number;
  heap_growth_mb: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (n: number) => Math.round(n * 100) / 100;

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export async function runLoad(
  kb: KnowledgeBase,
  queries: readonly string[],
  options: LoadOptions,
): Promise<LoadResult> {
  const { requests, concurrency } = options;
  // Few enough asks per user (10) and per channel (40) to stay under the default limits.
  const users = options.users ?? Math.max(500, Math.ceil(requests / 10));
  const channels = options.channels ?? Math.max(100, Math.ceil(requests / 40));
  let throttled = 0;
  const bot = createBot(kb, {
    rateLimits: options.rateLimits ?? { userPerMinute: 20, channelPerMinute: 60 },
    concurrency: { maxConcurrent: options.maxConcurrent ?? 4, maxQueued: Math.max(100, concurrency) },
    observe: (event) => {
      if (event.throttled) throttled += 1;
    },
  });

  /** Runs `latencies.length` asks, filling in each one's latency (allocated by the caller). */
  const round_ = async (latencies: Float64Array): Promise<number> => {
    const count = latencies.length;
    let next = 0;
    const started = performance.now();
    const asker = async () => {
      for (let i = next++; i < count; i = next++) {
        const sent = performance.now();
        await bot.respond({
          text: queries[i % queries.length] ?? 'help',
          platform: 'bench',
          userId: `user-${i % users}`,
          channelId: `channel-${i % channels}`,
        });
        latencies[i] = performance.now() - sent;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, asker));
    return (performance.now() - started) / 1000;
  };

  // Warm-up: JIT, caches, and every asker and channel known to the rate limiter already.
  await round_(new Float64Array(Math.max(users, channels, 200)));
  throttled = 0;
  const latencies = new Float64Array(requests);
  const before = heapMb();
  const seconds = await round_(latencies);
  const after = heapMb();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    load_requests: requests,
    load_concurrency: concurrency,
    load_seconds: round(seconds),
    throughput_rps: Math.round(requests / seconds),
    load_p50_ms: round(percentile(sorted, 50)),
    load_p99_ms: round(percentile(sorted, 99)),
    load_max_ms: round(sorted.at(-1) ?? 0),
    throttled,
    heap_before_mb: round(before),
    heap_after_mb: round(after),
    heap_growth_mb: round(after - before),
  };
}
