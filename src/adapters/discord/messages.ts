/**
 * Plain questions: mentions, DMs, replies to the bot's answers and listen channels, answered in
 * the channel as a reply. A reply to an answer, or a message in a thread, is a follow-up in that
 * conversation (conversation.ts). In a listen channel, a message with links (and no mention) is a
 * link shared, not a question: the archive's articles among them get previews (linkPreviews.ts),
 * anything else no reply.
 */
import { type Message, PermissionFlagsBits } from 'discord.js';
import { newRequestScope } from '../requestScope.ts';
import { answer, type DiscordContext, expectSlow } from './answering.ts';
import { conversationOf } from './conversation.ts';
import { describeError } from './describeError.ts';
import { linksToPreview, replyWithPreviews } from './linkPreviews.ts';
import { type AudienceRules, questionFrom } from './messageQuestion.ts';
import { renderDiscordReply, renderDiscordText, renderNotice } from './renderDiscordEmbed.ts';

const ASKER_ONLY =
  'That answer is for you alone: use the slash command (such as /digest now) to see it privately, or ask me in a DM.';

/** Without Embed Links Discord drops embeds silently; such channels get the plain-text rendering. */
function canEmbed(message: Message): boolean {
  if (!message.inGuild()) return true;
  const permissions = message.channel.permissionsFor(message.client.user);
  return permissions === null || permissions.has(PermissionFlagsBits.EmbedLinks);
}

function botRoleIds(message: Message): Set<string> {
  const ids = new Set<string>();
  for (const role of message.mentions.roles.values()) {
    if (role.tags?.botId === message.client.user.id) ids.add(role.id);
  }
  return ids;
}

/** Handles one message and never rejects: failures are logged and the client carries on. */
export async function handleMessage(
  message: Message,
  ctx: DiscordContext,
  listenChannelIds: ReadonlySet<string>,
): Promise<void> {
  if (message.webhookId || message.system) return;
  const me = message.client.user.id;
  const roles = botRoleIds(message);
  const rules: AudienceRules = { botUserId: me, botRoleIds: roles, listenChannelIds };
  const mentionsBot = message.mentions.users.has(me) || roles.size > 0;
  const links = message.author.bot
    ? []
    : linksToPreview(message.content, {
        listenChannel: message.inGuild() && listenChannelIds.has(message.channelId),
        addressed: mentionsBot,
      });
  if (links.length) {
    const { reqId, log } = newRequestScope(ctx.log);
    try {
      if (await replyWithPreviews(message, ctx, links, reqId))
        log.info(
          { platform: 'discord', channelId: message.channelId, links: links.length },
          'link previews posted',
        );
    } catch (error) {
      ctx.errors?.countError('discord');
      log.error({ channelId: message.channelId, error: describeError(error) }, 'discord link preview failed');
    }
    return;
  }
  const text = questionFrom(
    {
      content: message.content,
      fromBot: message.author.bot,
      isDM: !message.inGuild(),
      channelId: message.channelId,
      mentionsBot,
      repliesToBot: message.mentions.repliedUser?.id === me,
    },
    rules,
  );
  if (text === undefined) return;
  const where = {
    platform: 'discord',
    messageId: message.id,
    channelId: message.channelId,
    userId: message.author.id,
  };
  const { reqId, log } = newRequestScope(ctx.log);
  try {
    if (expectSlow(ctx, text) && 'sendTyping' in message.channel) await message.channel.sendTyping();
    const thread = await conversationOf(message);
    const reply = await answer(
      ctx,
      {
        text,
        id: reqId,
        platform: 'discord',
        ...(message.guildId ? { workspaceId: message.guildId } : {}),
        userId: message.author.id,
        channelId: message.channelId,
        via: 'message',
        thread,
      },
      log,
    );
    if (!reply) return;
    // A message reply is seen by the whole channel; only a slash command can answer privately.
    // "Slow down" is the exception: short, and better said in the channel than not at all.
    if (reply.visibility === 'asker' && reply.kind !== 'throttled' && message.inGuild()) {
      await message.reply(renderNotice(ASKER_ONLY));
      return;
    }
    const payload = canEmbed(message)
      ? renderDiscordReply(reply, ctx.ids)
      : renderDiscordText(reply, ctx.ids);
    await ctx.ids.saved();
    await message.reply(payload);
  } catch (error) {
    ctx.errors?.countError('discord');
    log.error({ ...where, error: describeError(error) }, 'discord message reply failed');
  }
}
