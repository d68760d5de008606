/**
 * One discord.js Client logged in: the gateway sessions of the shards it runs, ready to take events.
 * The adapter opens one (every shard it was told to run) or, when instances share the shards out,
 * one per shard gained; either way a start that fails says what to change, not the gateway's terse
 * reason ("Used disallowed intents").
 */
import { type Client, Events, GatewayCloseCodes } from 'discord.js';
import { CodedError } from '../../ops/errors.ts';
import { createDiscordClient, type DiscordClientOptions } from './discordClient.ts';

export class DiscordStartError extends CodedError<'DISCORD_START_FAILED'> {
  constructor(message: string, options?: ErrorOptions) {
    super('DISCORD_START_FAILED', message, options);
  }
}

/** Close codes that mean the settings or the Developer Portal need changing, with what to change. */
export function closeAdvice(code: number): string {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return 'Discord rejected DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot > Reset Token).';
    case GatewayCloseCodes.DisallowedIntents:
      return 'Discord refused the Message Content intent, which DISCORD_LISTEN_CHANNEL_IDS needs: enable it under Bot > Privileged Gateway Intents, or leave DISCORD_LISTEN_CHANNEL_IDS empty.';
    case GatewayCloseCodes.InvalidShard:
      return 'Discord refused the shard: check DISCORD_SHARDS and DISCORD_SHARD_COUNT (shards count from 0, below the count).';
    case GatewayCloseCodes.ShardingRequired:
      return 'Discord requires this bot to run in shards: set DISCORD_SHARD_COUNT (see "Running several instances" in the README).';
    default:
      return `The Discord gateway closed the connection (code ${code}) and will not reconnect.`;
  }
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
 * Creates a client, lets `attach` add the event handlers, logs in and resolves once every shard of
 * the client is ready. On failure the client is destroyed and the error says what to fix.
 */
export async function openDiscordSession(
  token: string,
  clientOptions: DiscordClientOptions,
  attach: (client: Client) => void,
): Promise<Client<true>> {
  const client = createDiscordClient(clientOptions);
  attach(client);
  const { ready, closedWith } = whenReady(client);
  try {
    await client.login(token);
    return await ready;
  } catch (error) {
    await client.destroy();
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
