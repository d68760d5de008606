/**
 * Slack's link_shared event: someone posted (or is typing, in the composer) links to a domain the
 * app lists in the manifest's unfurl_domains. The core says what each link gets
 * (Bot.previewLink); here its answer is only rendered: article previews go back with chat.unfurl
 * as Block Kit, an offer for the sharer alone (an editor's "Add to archive") as an ephemeral
 * message. A link the core has nothing for gets nothing, so Slack shows its own preview, if any.
 */
import type { App } from '@slack/bolt';
import type { Bot } from '../../core/bot.ts';
import type { Reply } from '../../core/reply.ts';
import type { Logger } from '../../ops/logger.ts';
import type { ErrorCounter } from '../../ops/metrics.ts';
import type { InFlight } from '../inFlight.ts';
import { newRequestScope } from '../requestScope.ts';
import { renderSlackBlocks, renderSlackMessage } from './renderSlackBlocks.ts';
import { SEND_OPTIONS } from './sendOptions.ts';

/** Links previewed per message: Slack sends at most five, and a wall of previews helps no one. */
const MAX_LINKS = 3;

export function registerLinkUnfurls(
  app: App,
  deps: { bot: Bot; log: Logger; inFlight?: InFlight | undefined; errors?: ErrorCounter | undefined },
): void {
  const { bot, log, inFlight, errors } = deps;
  app.event('link_shared', async ({ event, client, context }) => {
    const scope = newRequestScope(log);
    const where = {
      event: 'link_shared',
      userId: event.user,
      channelId: event.channel,
      links: event.links.length,
    };
    const work = async () => {
      const request = {
        text: '',
        id: scope.reqId,
        platform: 'slack',
        ...(context.teamId ? { workspaceId: context.teamId } : {}),
        userId: event.user,
        channelId: event.channel,
        via: 'message' as const,
      };
      const unfurls: Record<string, { blocks: ReturnType<typeof renderSlackBlocks> }> = {};
      let offer: Reply | undefined;
      for (const { url } of event.links.slice(0, MAX_LINKS)) {
        const reply = bot.previewLink(request, url);
        if (!reply) continue;
        if (reply.visibility === 'asker') offer ??= reply;
        else unfurls[url] = { blocks: renderSlackBlocks(reply) };
      }
      if (Object.keys(unfurls).length) {
        const source = event.source;
        if (event.unfurl_id && (source === 'composer' || source === 'conversations_history'))
          await client.chat.unfurl({ unfurl_id: event.unfurl_id, source, unfurls });
        else await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls });
        scope.log.info({ ...where, previews: Object.keys(unfurls).length }, 'slack: links unfurled');
      }
      // A link still in the composer has no channel to answer in yet.
      if (offer && event.source !== 'composer' && event.channel !== 'COMPOSER') {
        await client.chat.postEphemeral({
          channel: event.channel,
          user: event.user,
          ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
          ...renderSlackMessage(offer),
          ...SEND_OPTIONS,
        });
      }
    };
    const run = async () => {
      try {
        await work();
      } catch (error) {
        scope.log.error({ err: error, ...where }, 'slack: unfurling links failed');
        errors?.countError('slack');
      }
    };
    await (inFlight ? inFlight.track(run()) : run());
  });
}
