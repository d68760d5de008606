/**
 * How the bot runs as a service (Slack or Discord): rate limits and bounded concurrency from the
 * settings, a log line and metrics for every request, and every failed command logged and counted.
 * The console is one person at a keyboard: no limits there.
 */
import type { Settings } from '../config/settings.ts';
import type { BotOptions } from '../core/bot.ts';
import type { Logger } from '../ops/logger.ts';
import type { BotMetrics } from '../ops/metrics.ts';
import type { RateCounters } from '../state/rateCounters.ts';
import type { ThreadContexts } from '../state/threadContexts.ts';

export function botOptions(
  settings: Settings,
  log: Logger,
  metrics: BotMetrics | undefined,
  /** Counters shared by the bot's instances (app/stores.ts), so the limits hold across them. */
  rateCounters?: RateCounters,
  /** Where conversations' contexts are kept (the state store's), for follow-up questions. */
  threads?: ThreadContexts,
): BotOptions {
  const onError: BotOptions['onError'] = (error, request) => {
    metrics?.countError('command');
    log.error(
      { err: error, reqId: request.id, platform: request.platform, text: request.text },
      'a command failed',
    );
  };
  const followUps: Pick<BotOptions, 'followUps'> =
    threads && settings.THREAD_CONTEXT_MINUTES > 0
      ? {
          followUps: {
            store: threads,
            ttlMs: settings.THREAD_CONTEXT_MINUTES * 60_000,
            onError: (error, request) => {
              metrics?.countError('command');
              log.warn(
                { err: error, reqId: request.id, platform: request.platform },
                'a conversation context could not be read or saved: answered without it',
              );
            },
          },
        }
      : {};
  if (!metrics) return { onError, ...followUps };
  return {
    onError,
    ...followUps,
    rateLimits: {
      userPerMinute: settings.RATE_LIMIT_USER_PER_MINUTE,
      channelPerMinute: settings.RATE_LIMIT_CHANNEL_PER_MINUTE,
    },
    ...(rateCounters ? { rateCounters } : {}),
    concurrency: {
      maxConcurrent: settings.MAX_CONCURRENT_ANSWERS,
      maxQueued: settings.MAX_QUEUED_ANSWERS,
    },
    observe: (event) => {
      metrics.observeAnswer(event);
      const { request } = event;
      log.info(
        {
          reqId: request.id,
          platform: request.platform,
          userId: request.userId,
          channelId: request.channelId,
          command: event.command,
          outcome: event.outcome,
          ...(event.throttled ? { throttled: event.throttled } : {}),
          ms: Math.round(event.seconds * 1000),
        },
        'request',
      );
    },
  };
}
