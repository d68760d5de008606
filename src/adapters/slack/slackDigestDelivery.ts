/**
 * Scheduled digests into Slack channels: chat.postMessage with the Block Kit rendering. Installed in
 * many workspaces, each digest is posted with the token of the subscription's workspace.
 */
import type { App } from '@slack/bolt';
import { DeliveryError, type DigestDelivery } from '../../digest/digestScheduler.ts';
import { renderSlackMessage } from './renderSlackBlocks.ts';
import { SEND_OPTIONS } from './sendOptions.ts';

/** Slack's error, said briefly: "channel_not_found", "not_in_channel", "rate limited". */
export function slackDeliveryError(error: unknown): DeliveryError {
  const e = error as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown; message?: unknown };
  if (e?.code === 'slack_webapi_rate_limited_error') {
    const seconds = typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
    return new DeliveryError(
      'Slack: rate limited',
      seconds === undefined ? { cause: error } : { retryAfterMs: seconds * 1000, cause: error },
    );
  }
  const code = typeof e?.data?.error === 'string' ? e.data.error : undefined;
  const advice: Record<string, string> = {
    channel_not_found: 'the channel does not exist, or is private and the bot was not invited',
    not_in_channel: 'the bot is not in the channel: invite it',
    is_archived: 'the channel is archived',
    missing_scope: 'the app lacks a scope: reinstall it from slack/manifest.yaml',
  };
  if (code)
    return new DeliveryError(`Slack: ${code}${advice[code] ? ` (${advice[code]})` : ''}`, { cause: error });
  return new DeliveryError(`Slack: ${typeof e?.message === 'string' ? e.message : String(error)}`, {
    cause: error,
  });
}

/** A workspace's bot token; undefined when the app is not installed there (any more). */
export type WorkspaceToken = (workspaceId: string) => Promise<string | undefined>;

export function createSlackDigestDelivery(client: App['client'], tokenOf?: WorkspaceToken): DigestDelivery {
  const tokenFor = async (workspaceId: string | undefined): Promise<{ token?: string }> => {
    if (!tokenOf) return {};
    if (!workspaceId) {
      throw new DeliveryError(
        'Slack: the subscription records no workspace, so no token to post with: subscribe again from the channel',
      );
    }
    const token = await tokenOf(workspaceId);
    if (!token) {
      throw new DeliveryError(
        `Slack: the app is not installed in workspace ${workspaceId} (uninstalled?): install it at /slack/install`,
      );
    }
    return { token };
  };
  return {
    async post(target, reply) {
      const auth = await tokenFor(target.workspaceId);
      try {
        await client.chat.postMessage({
          ...auth,
          channel: target.channelId,
          ...renderSlackMessage(reply),
          ...SEND_OPTIONS,
        });
      } catch (error) {
        throw slackDeliveryError(error);
      }
    },
  };
}
