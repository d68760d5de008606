/** Scheduled digests into Discord channels: the embed rendering, posted over REST, pinging nobody. */
import { DiscordAPIError, HTTPError, RateLimitError, type REST, Routes } from 'discord.js';
import { DeliveryError, type DigestDelivery } from '../../digest/digestScheduler.ts';
import { renderDiscordReply } from './renderDiscordEmbed.ts';
import type { SuggestionIds } from './suggestionButtons.ts';

const ADVICE: Record<number, string> = {
  10003: 'the channel does not exist',
  50001: 'the bot cannot see the channel',
  50013: 'the bot may not post there: give it Send Messages and Embed Links',
};

/** Discord's error, said briefly: "Missing Permissions (50013: ...)". */
export function discordDeliveryError(error: unknown): DeliveryError {
  if (error instanceof RateLimitError) {
    return new DeliveryError('Discord: rate limited', { retryAfterMs: error.retryAfter, cause: error });
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    const advice = code === undefined ? undefined : ADVICE[code];
    return new DeliveryError(
      `Discord: ${error.message} (${[error.code, advice].filter(Boolean).join(': ')})`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof HTTPError) {
    return new DeliveryError(`Discord: HTTP ${error.status} ${error.message}`, { cause: error });
  }
  return new DeliveryError(`Discord: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

/** Over REST alone: any instance can post a digest, whichever shards it runs (or none). */
export function createDiscordDigestDelivery(rest: REST, ids: SuggestionIds): DigestDelivery {
  return {
    async post(target, reply) {
      const { embeds, components } = renderDiscordReply(reply, ids);
      await ids.saved();
      try {
        // REST rather than channel.send(): no need to fetch and cache the channel first.
        await rest.post(Routes.channelMessages(target.channelId), {
          body: { embeds, components, allowed_mentions: { parse: [] } },
        });
      } catch (error) {
        throw discordDeliveryError(error);
      }
    },
  };
}
