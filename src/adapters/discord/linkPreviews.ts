/**
 * Link previews in Discord: a message in a listen channel (DISCORD_LISTEN_CHANNEL_IDS, where the
 * bot reads every message) that holds links to articles of the archive gets a reply with the
 * articles' previews as embeds, the "/who" buttons under them. The core says what each link gets
 * (Bot.previewLink); a link it has nothing for gets nothing. An offer meant for the sharer alone
 * (an editor's "Add to archive") cannot be made privately in reply to a message, so it is not made
 * here: editors use /ingest.
 */
import type { Message } from 'discord.js';
import { linksIn } from '../../core/links/articleByUrl.ts';
import type { Reply } from '../../core/reply.ts';
import type { DiscordContext } from './answering.ts';
import { renderDiscordEmbed, renderDiscordReply } from './renderDiscordEmbed.ts';

/** The links of a message worth previewing, if it is one the bot previews links of. */
export function linksToPreview(
  content: string,
  options: { listenChannel: boolean; addressed: boolean },
): string[] {
  if (!options.listenChannel || options.addressed) return [];
  return linksIn(content);
}

/** Replies with the previews of the links the archive holds; false when it holds none of them. */
export async function replyWithPreviews(
  message: Message,
  ctx: DiscordContext,
  links: readonly string[],
  reqId: string,
): Promise<boolean> {
  const previews: Reply[] = [];
  for (const url of links) {
    const reply = ctx.bot.previewLink(
      {
        text: '',
        id: reqId,
        platform: 'discord',
        ...(message.guildId ? { workspaceId: message.guildId } : {}),
        userId: message.author.id,
        channelId: message.channelId,
        via: 'message',
      },
      url,
    );
    if (reply && reply.visibility !== 'asker') previews.push(reply);
  }
  const [first, ...more] = previews;
  if (!first) return false;
  const payload = renderDiscordReply(first, ctx.ids);
  await message.reply({ ...payload, embeds: [...payload.embeds, ...more.map(renderDiscordEmbed)] });
  return true;
}
