/**
 * The Discord adapter: slash commands with name autocomplete, "did you mean" buttons, and plain
 * questions by mention, DM or listen channel. A thin layer: it turns Discord events into core
 * requests and renders replies as embeds; the core decides every answer.
 */
import { type Client, Events, GatewayCloseCodes, Status } from 'discord.js';
import type { Settings } from '../../config/settings.ts';
import type { Bot } from '../../core/bot.ts';
import type { DigestDelivery } from '../../digest/digestScheduler.ts';
import { CodedError } from '../../ops/errors.ts';
import type { Logger } from '../../ops/logger.ts';
import type { ErrorCounter } from '../../ops/metrics.ts';
import { type Leases, MemoryLeases, onceAcross } from '../../state/leases.ts';
import { ANSWER_LEASE } from '../answerOnce.ts';
import { InFlight } from '../inFlight.ts';
import type { RunningAdapter } from '../types.ts';
import type { DiscordContext } from './answering.ts';
import { describeError } from './describeError.ts';
import { createDiscordClient } from './discordClient.ts';
import { createDiscordDigestDelivery } from './discordDigestDelivery.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage } from './messages.ts';
import { AnswerTimings, DEFAULT_DEFER_AFTER_MS } from './slowAnswers.ts';
import { SuggestionIds } from './suggestionButtons.ts';

export type DiscordSettings = Pick<
  Settings,
  'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'DISCORD_LISTEN_CHANNEL_IDS'
>;

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
}

export interface RunningDiscord extends RunningAdapter {
  readonly client: Client<true>;
  /** Posts scheduled digests to Discord channels. */
  readonly digests: DigestDelivery;
}

export class DiscordStartError extends CodedError<'DISCORD_START_FAILED'> {
  constructor(message: string, options?: ErrorOptions) {
    super('DISCORD_START_FAILED', message, options);
  }
}

/** Close codes that mean the settings or the Developer Portal need changing, with what to change. */
function closeAdvice(code: number): string {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return 'Discord rejected DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot > Reset Token).';
    case GatewayCloseCodes.DisallowedIntents:
      return 'Discord refused the Message Content intent, which DISCORD_LISTEN_CHANNEL_IDS needs: enable it under Bot > Privileged Gateway Intents, or leave DISCORD_LISTEN_CHANNEL_IDS empty.';
    default:
      return `The Discord gateway closed the connection (code ${code}) and will not reconnect.`;
  }
}

function attach(
  client: Client,
  ctx: DiscordContext,
  listenChannelIds: ReadonlySet<string>,
  stopping: () => boolean,
  inFlight: InFlight,
  leases: Leases,
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
  client.on(Events.ShardDisconnect, (event, shardId) =>
    ctx.log.error({ platform: 'discord', shardId, code: event.code }, closeAdvice(event.code)),
  );
}

/** Resolves once the client is ready; rejects with advice when the gateway closes for good first. */
function whenReady(client: Client): { ready: Promise<Client<true>>; closedWith: () => number | undefined } {
  let code: number | undefined;
  const ready = new Promise<Client<true>>((resolve, reject) => {
    const onReady = (c: Client<true>) => {
      client.off(Events.ShardDisconnect, onClosed);
      resolve(c);
    };
    const onClosed = (event: { code: number }) => {
      code = event.code;
      client.off(Events.ClientReady, onReady);
      reject(new DiscordStartError(closeAdvice(event.code)));
    };
    client.once(Events.ClientReady, onReady);
    client.once(Events.ShardDisconnect, onClosed);
  });
  ready.catch(() => undefined);
  return { ready, closedWith: () => code };
}

/**
 * Logs in and resolves once the gateway is ready. Plain messages in DISCORD_LISTEN_CHANNEL_IDS are
 * answered without a mention; that needs the privileged Message Content intent, which is only
 * requested when the list is non-empty.
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
  const client = createDiscordClient({
    ...(settings.DISCORD_API_URL ? { apiUrl: settings.DISCORD_API_URL } : {}),
    ...(options.restRetries !== undefined ? { restRetries: options.restRetries } : {}),
    ...(options.restTimeoutMs !== undefined ? { restTimeoutMs: options.restTimeoutMs } : {}),
    messageContent: listenChannelIds.size > 0,
  });
  const ctx: DiscordContext = {
    bot,
    log,
    ids: new SuggestionIds(options.suggestionCacheSize),
    timings: new AnswerTimings(),
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    ...(options.errors ? { errors: options.errors } : {}),
  };
  let stopping = false;
  const inFlight = new InFlight();
  attach(client, ctx, listenChannelIds, () => stopping, inFlight, options.leases ?? new MemoryLeases());

  const { ready, closedWith } = whenReady(client);
  try {
    await client.login(token);
    const live = await ready;
    log.info(
      {
        platform: 'discord',
        user: live.user.tag,
        guilds: live.guilds.cache.size,
        listenChannels: listenChannelIds.size,
      },
      'discord connected',
    );
    let stopped: Promise<void> | undefined;
    return {
      name: 'discord',
      client: live,
      digests: createDiscordDigestDelivery(live, ctx.ids),
      // Ready while every shard's gateway session is live (not while it reconnects or resumes).
      isReady: () =>
        !stopping && client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready),
      async stopAccepting() {
        stopping = true;
      },
      // The gateway stays up until the answers under way are posted: destroy() also drops the token
      // that REST calls need.
      stop() {
        stopped ??= (async () => {
          stopping = true;
          if (inFlight.size > 0) {
            log.info(
              { platform: 'discord', inFlight: inFlight.size },
              'discord: finishing answers under way',
            );
          }
          await inFlight.idle();
          await client.destroy();
          log.info({ platform: 'discord' }, 'discord disconnected');
        })();
        return stopped;
      },
    };
  } catch (error) {
    await client.destroy();
    // login() rejects with the gateway's terse reason ("Used disallowed intents"); say what to change.
    if (error instanceof DiscordStartError) throw error;
    const code = closedWith();
    if (code !== undefined) throw new DiscordStartError(closeAdvice(code), { cause: error });
    // discord.js reports a token refused at GET /gateway/bot as TokenInvalid.
    if ((error as { code?: unknown }).code === 'TokenInvalid') {
      throw new DiscordStartError(closeAdvice(GatewayCloseCodes.AuthenticationFailed), { cause: error });
    }
    throw error;
  }
}
