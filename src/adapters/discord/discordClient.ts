/**
 * The discord.js Client as the adapter needs it: least intents, DM support, no pings, REST base URL,
 * and (when the bot runs in shards) which shards this client runs and how identifies are throttled.
 */
import {
  Client,
  type ClientOptions,
  GatewayIntentBits,
  type IIdentifyThrottler,
  Partials,
  type RESTOptions,
  type WebSocketOptions,
} from 'discord.js';
import { noPings } from './renderDiscordEmbed.ts';

export interface DiscordClientOptions {
  /** REST base URL without the version, such as https://discord.com/api (a proxy, or a test server). */
  apiUrl?: string;
  /** Retries for failed REST calls (5xx, timeouts); discord.js's default (3) when unset. Tests use 0. */
  restRetries?: number;
  /** A REST call not answered by then is abandoned (and retried); discord.js's default (15 s) when unset. */
  restTimeoutMs?: number;
  /** Ask for the privileged Message Content intent: only needed to read messages that do not mention the bot. */
  messageContent?: boolean;
  /** The gateway shards this client runs, of how many in all; unset: Discord's recommendation (one, for a small bot). */
  shards?: { ids: readonly number[]; count: number };
  /** Replaces discord.js's in-process identify throttle (see identifyThrottle.ts). */
  buildIdentifyThrottler?: (
    manager: Parameters<NonNullable<WebSocketOptions['buildIdentifyThrottler']>>[0],
  ) => Promise<IIdentifyThrottler>;
}

/**
 * Guilds for channels and roles; guild and direct messages for mentions and DMs, whose content
 * Discord sends without the privileged intent. Message Content only when asked for.
 */
export function discordIntents(messageContent = false): GatewayIntentBits[] {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
  ];
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/** Accepts ".../api", ".../api/" and ".../api/v10": discord.js adds the version itself. */
export function restApiBase(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

export function restOptions(
  options: Pick<DiscordClientOptions, 'apiUrl' | 'restRetries' | 'restTimeoutMs'>,
): Partial<RESTOptions> {
  const rest: Partial<RESTOptions> = {};
  if (options.apiUrl) rest.api = restApiBase(options.apiUrl);
  if (options.restRetries !== undefined) rest.retries = options.restRetries;
  if (options.restTimeoutMs !== undefined) rest.timeout = options.restTimeoutMs;
  return rest;
}

export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  const sharding: Partial<ClientOptions> = options.shards
    ? { shards: [...options.shards.ids], shardCount: options.shards.count }
    : {};
  return new Client({
    ...sharding,
    ...(options.buildIdentifyThrottler
      ? { ws: { buildIdentifyThrottler: options.buildIdentifyThrottler } }
      : {}),
    intents: discordIntents(options.messageContent),
    // DM channels are not cached before their first message; without this, DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: noPings(),
    // A reply to a message deleted meanwhile is sent as a plain message instead of failing.
    failIfNotExists: false,
    rest: restOptions(options),
  });
}
