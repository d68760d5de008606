/**
 * The Discord adapter: slash commands with name autocomplete, "did you mean" buttons, and plain
 * questions by mention, DM or listen channel. A thin layer: it turns Discord events into core
 * requests and renders replies as embeds; the core decides every answer.
 *
 * Its gateway sessions, by the settings: one (no shards); the shards DISCORD_SHARDS names, of
 * DISCORD_SHARD_COUNT, in one client; or, with DISCORD_SHARD_COUNT alone and a shared database,
 * whichever shards are free, one client each, taken and given back under locks (shardClaims.ts).
 */
import { type Client, Events, REST, Routes, Status } from 'discord.js';
import type { Settings } from '../../config/settings.ts';
import type { Bot } from '../../core/bot.ts';
import type { DigestDelivery } from '../../digest/digestScheduler.ts';
import type { Logger } from '../../ops/logger.ts';
import type { ErrorCounter } from '../../ops/metrics.ts';
import { type Leases, MemoryLeases, onceAcross } from '../../state/leases.ts';
import type { ShardLocks } from '../../state/shardLocks.ts';
import type { SharedAsks } from '../../state/sharedAsks.ts';
import { ANSWER_LEASE } from '../answerOnce.ts';
import { InFlight } from '../inFlight.ts';
import type { RunningAdapter } from '../types.ts';
import type { DiscordContext } from './answering.ts';
import { describeError } from './describeError.ts';
import { type DiscordClientOptions, restOptions } from './discordClient.ts';
import { createDiscordDigestDelivery } from './discordDigestDelivery.ts';
import { closeAdvice, DiscordStartError, openDiscordSession } from './discordSession.ts';
import { sharedIdentifyThrottler } from './identifyThrottle.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage } from './messages.ts';
import { ShardClaims, type ShardClaimsOptions } from './shardClaims.ts';
import { AnswerTimings, DEFAULT_DEFER_AFTER_MS } from './slowAnswers.ts';
import { SuggestionIds } from './suggestionButtons.ts';

export { DiscordStartError } from './discordSession.ts';

export type DiscordSettings = Pick<
  Settings,
  'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'DISCORD_LISTEN_CHANNEL_IDS'
> &
  Partial<Pick<Settings, 'DISCORD_SHARDS' | 'DISCORD_SHARD_COUNT'>>;

export interface DiscordAdapterOptions {
  bot: Bot;
  settings: DiscordSettings;
  log: Logger;
  /** Retries for failed REST calls; discord.js's default (3) when unset. Tests pass 0. */
  restRetries?: number;
  /** REST request timeout in ms; discord.js's default (15 s) when unset. */
  restTimeoutMs?: number;
  /** Counts failed Discord calls (metrics). */
  errors?: ErrorCounter;
  /** Defer a command whose recent answers took at least this long (ms); see slowAnswers.ts. */
  deferAfterMs?: number;
  /** How many long "did you mean" asks to remember for their buttons. */
  suggestionCacheSize?: number;
  /**
   * Leases shared by the bot's instances: Discord delivers every message to every session with the
   * token, so without them each instance would answer. Default: this process's own.
   */
  leases?: Leases;
  /**
   * Locks on the shards, shared by the instances (PostgreSQL): with DISCORD_SHARD_COUNT and no
   * DISCORD_SHARDS, the instances share the shards out under them. Unset: this one runs them all.
   */
  shardLocks?: ((shardCount: number) => ShardLocks) | undefined;
  /** How often to look for free shards and how long to wait before taking more (shardClaims.ts). */
  shardClaimTiming?: Pick<ShardClaimsOptions, 'pollMs' | 'claimDelayMs' | 'retryAfterMs'>;
  /** The long asks behind suggestion buttons, shared by the instances; unset: kept in memory. */
  sharedAsks?: SharedAsks | undefined;
}

export interface RunningDiscord extends RunningAdapter {
  /** The logged-in clients: one, or one per shard held (none while waiting for a free shard). */
  clients(): Client<true>[];
  /** The gateway shards this instance runs now; [] without shards. */
  shards(): number[];
  /** Posts scheduled digests to Discord channels (over REST: with or without shards). */
  readonly digests: DigestDelivery;
}

function attach(
  client: Client,
  ctx: DiscordContext,
  listenChannelIds: ReadonlySet<string>,
  stopping: () => boolean,
  inFlight: InFlight,
  leases: Leases,
  onClosedForGood?: (shardId: number) => void,
): void {
  // One instance answers each event: the handlers never reject, so the key is done once they return.
  const timing = {
    ...ANSWER_LEASE,
    onError: (error: unknown) =>
      ctx.log.warn(
        { platform: 'discord', error: describeError(error) },
        'discord: the shared lease store failed; answering anyway',
      ),
  };
  const once = (key: string, work: () => Promise<void>) =>
    onceAcross(leases, key, timing, work).catch((error: unknown) =>
      ctx.log.error({ platform: 'discord', key, error: describeError(error) }, 'discord: answering failed'),
    );
  // Once stopping, new events are left alone: an interaction nobody answers shows the asker that the
  // application did not respond, which is true while it restarts.
  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping()) return;
    void inFlight.track(
      once(`discord:interaction:${interaction.id}`, () => handleInteraction(interaction, ctx)),
    );
  });
  client.on(Events.MessageCreate, (message) => {
    if (stopping()) return;
    void inFlight.track(
      once(`discord:message:${message.id}`, () => handleMessage(message, ctx, listenChannelIds)),
    );
  });
  client.on(Events.Error, (error) =>
    ctx.log.error({ platform: 'discord', error: describeError(error) }, 'discord client error'),
  );
  client.on(Events.ShardError, (error, shardId) =>
    ctx.log.warn({ platform: 'discord', shardId, error: describeError(error) }, 'discord gateway error'),
  );
  client.on(Events.Warn, (message) => ctx.log.warn({ platform: 'discord' }, message));
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopping()) ctx.log.info({ platform: 'discord', shardId }, 'discord reconnecting');
  });
  client.on(Events.ShardDisconnect, (event, shardId) => {
    ctx.log.error({ platform: 'discord', shardId, code: event.code }, closeAdvice(event.code));
    onClosedForGood?.(shardId);
  });
}

/** A refused token says so at start, also when no gateway session opens yet (waiting for a shard). */
async function checkToken(rest: REST): Promise<void> {
  try {
    await rest.get(Routes.gatewayBot());
  } catch (error) {
    if ((error as { status?: unknown }).status === 401) {
      throw new DiscordStartError(closeAdvice(4004), { cause: error });
    }
    throw error;
  }
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

/**
 * Logs in and resolves once the gateway is ready (with shards shared out: once this instance holds
 * a first shard, or found none free). Plain messages in DISCORD_LISTEN_CHANNEL_IDS are answered
 * without a mention; that needs the privileged Message Content intent, which is only requested
 * when the list is non-empty.
 */
export async function startDiscord(options: DiscordAdapterOptions): Promise<RunningDiscord> {
  const { bot, settings, log } = options;
  const token = settings.DISCORD_TOKEN;
  if (!token) {
    throw new DiscordStartError(
      'DISCORD_TOKEN is not set: copy the bot token from the Developer Portal (see docs/discord.md).',
    );
  }
  const listenChannelIds = new Set(settings.DISCORD_LISTEN_CHANNEL_IDS);
  const restSettings = {
    ...(settings.DISCORD_API_URL ? { apiUrl: settings.DISCORD_API_URL } : {}),
    ...(options.restRetries !== undefined ? { restRetries: options.restRetries } : {}),
    ...(options.restTimeoutMs !== undefined ? { restTimeoutMs: options.restTimeoutMs } : {}),
  };
  const storeError = (what: string) => (error: unknown) =>
    log.warn(
      { platform: 'discord', error: describeError(error) },
      `discord: the shared store failed: ${what}`,
    );
  const clientOptions: DiscordClientOptions = {
    ...restSettings,
    messageContent: listenChannelIds.size > 0,
    // With instances sharing a store, they keep to Discord's identify rate together.
    ...(options.leases
      ? {
          buildIdentifyThrottler: sharedIdentifyThrottler(options.leases, {
            onError: storeError('identify throttled here only'),
          }),
        }
      : {}),
  };
  const ctx: DiscordContext = {
    bot,
    log,
    ids: new SuggestionIds({
      ...(options.suggestionCacheSize !== undefined ? { capacity: options.suggestionCacheSize } : {}),
      shared: options.sharedAsks,
      onError: storeError('a suggestion button works on this instance only'),
    }),
    timings: new AnswerTimings(),
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    ...(options.errors ? { errors: options.errors } : {}),
  };
  let stopping = false;
  const inFlight = new InFlight();
  const leases = options.leases ?? new MemoryLeases();
  const attachTo = (client: Client, onClosedForGood?: (shardId: number) => void) =>
    attach(client, ctx, listenChannelIds, () => stopping, inFlight, leases, onClosedForGood);
  const restClient = new REST(restOptions(restSettings)).setToken(token);
  /** Live clients by the shards they run ("all" for the one client of a fixed set). */
  const sessions = new Map<string, Client<true>>();
  const connected = (client: Client<true>, shards: readonly number[] | undefined) =>
    log.info(
      {
        platform: 'discord',
        user: client.user.tag,
        guilds: client.guilds.cache.size,
        listenChannels: listenChannelIds.size,
        ...(shards ? { shards, shardCount: settings.DISCORD_SHARD_COUNT } : {}),
      },
      'discord connected',
    );

  const count = settings.DISCORD_SHARD_COUNT;
  let claims: ShardClaims | undefined;
  if (count !== undefined && !settings.DISCORD_SHARDS && options.shardLocks) {
    await checkToken(restClient);
    const shardClaims: ShardClaims = new ShardClaims({
      locks: options.shardLocks(count),
      shardCount: count,
      log,
      ...options.shardClaimTiming,
      serve: async (shard) => {
        const client = await openDiscordSession(
          token,
          { ...clientOptions, shards: { ids: [shard], count } },
          (c) => attachTo(c, () => void shardClaims.release(shard)),
        );
        sessions.set(String(shard), client);
        connected(client, [shard]);
      },
      leave: async (shard) => {
        const client = sessions.get(String(shard));
        sessions.delete(String(shard));
        await client?.destroy();
        log.info({ platform: 'discord', shard }, 'discord: left a shard');
      },
    });
    claims = shardClaims;
    await claims.start();
  } else {
    const ids = settings.DISCORD_SHARDS ?? (count !== undefined ? range(count) : undefined);
    const shards = ids && count !== undefined ? { ids, count } : undefined;
    const client = await openDiscordSession(token, { ...clientOptions, ...(shards ? { shards } : {}) }, (c) =>
      attachTo(c),
    );
    sessions.set('all', client);
    connected(client, shards?.ids);
  }

  let stopped: Promise<void> | undefined;
  return {
    name: 'discord',
    clients: () => [...sessions.values()],
    shards: () => (claims ? claims.serving() : [...(settings.DISCORD_SHARDS ?? (count ? range(count) : []))]),
    digests: createDiscordDigestDelivery(restClient, ctx.ids),
    // Ready while every gateway session is live (not while one reconnects or resumes); an instance
    // waiting for a free shard is ready too: it stands by.
    isReady: () =>
      !stopping &&
      [...sessions.values()].every(
        (client) => client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready),
      ),
    async stopAccepting() {
      stopping = true;
    },
    // The gateway stays up until the answers under way are posted: destroy() also drops the token
    // that REST calls need.
    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (inFlight.size > 0) {
          log.info({ platform: 'discord', inFlight: inFlight.size }, 'discord: finishing answers under way');
        }
        await inFlight.idle();
        await claims?.stop();
        await Promise.all([...sessions.values()].map((client) => client.destroy()));
        sessions.clear();
        log.info({ platform: 'discord' }, 'discord disconnected');
      })();
      return stopped;
    },
  };
}
