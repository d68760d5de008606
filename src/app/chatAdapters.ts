/**
 * The chat platforms that have tokens in the settings (Slack, Discord), started on one bot, with
 * what the composition root needs of them together: their digest deliveries by platform, readiness,
 * and the two steps of a graceful stop.
 */
import { type DiscordAdapterOptions, startDiscord } from '../adapters/discord/discordAdapter.ts';
import { startSlack } from '../adapters/slack/slackAdapter.ts';
import type { RunningAdapter } from '../adapters/types.ts';
import type { Settings } from '../config/settings.ts';
import type { Bot } from '../core/bot.ts';
import type { DigestDelivery } from '../digest/digestScheduler.ts';
import type { Logger } from '../ops/logger.ts';
import type { ErrorCounter } from '../ops/metrics.ts';
import type { Leases } from '../state/leases.ts';
import type { StateStore } from '../state/stateStore.ts';

export interface ChatAdapters {
  readonly adapters: readonly RunningAdapter[];
  /** Digest delivery by platform name, for the scheduler. */
  readonly deliveries: ReadonlyMap<string, DigestDelivery>;
  /** The first step of a graceful stop: no new requests; answers under way go on. */
  stopAccepting(): Promise<unknown>;
  /** Waits for the answers under way, then disconnects. */
  stop(): Promise<unknown>;
}

/** Slack runs with one workspace's token, or installed by OAuth in many. */
export function slackConfigured(settings: Pick<Settings, 'SLACK_BOT_TOKEN' | 'SLACK_CLIENT_ID'>): boolean {
  return Boolean(settings.SLACK_BOT_TOKEN || settings.SLACK_CLIENT_ID);
}

export async function startChatAdapters(options: {
  bot: Bot;
  settings: Settings;
  log: Logger;
  errors?: ErrorCounter | undefined;
  /** Leases shared by the bot's instances, so one of them answers each event. */
  leases?: Leases | undefined;
  /** The state database: Slack installations (OAuth) and what an uninstall removes. */
  state?: StateStore | undefined;
  /** What Discord's instances share: locks to share the shards out, the asks behind buttons. */
  discord?: Pick<DiscordAdapterOptions, 'shardLocks' | 'sharedAsks'> | undefined;
}): Promise<ChatAdapters> {
  const { bot, settings, log } = options;
  const extras = {
    ...(options.errors ? { errors: options.errors } : {}),
    ...(options.leases ? { leases: options.leases } : {}),
  };
  const adapters: RunningAdapter[] = [];
  if (slackConfigured(settings)) {
    const slack = await startSlack({
      bot,
      settings,
      log,
      ...extras,
      ...(options.state ? { state: options.state } : {}),
    });
    adapters.push(slack);
    log.info({ mode: slack.mode, port: slack.port }, 'Slack adapter started');
  }
  if (settings.DISCORD_TOKEN) {
    const discord = await startDiscord({ bot, settings, log, ...extras, ...options.discord });
    adapters.push(discord);
    log.info({ shards: discord.shards() }, 'Discord adapter started');
  }
  const deliveries = new Map<string, DigestDelivery>();
  for (const adapter of adapters) if (adapter.digests) deliveries.set(adapter.name, adapter.digests);
  return {
    adapters,
    deliveries,
    stopAccepting: () => Promise.all(adapters.map((a) => a.stopAccepting?.())),
    stop: () => Promise.allSettled(adapters.map((a) => a.stop())),
  };
}
