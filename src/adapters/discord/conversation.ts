/**
 * Which conversation a Discord message belongs to, for follow-up questions (Request.thread): a
 * message in a thread channel continues that thread; a reply to one of the bot's answers continues
 * the question that answer replied to (the bot answers with a reply, so its answer's reference is
 * that question); any other message starts a conversation of its own, under its own id, which
 * replies to its answer will continue. A DM outside a reply is one conversation. The reference is
 * read from the client's cache (Discord sends the replied-to message along), fetched only if missing.
 */
import type { Message } from 'discord.js';
import type { Request } from '../../core/request.ts';

export async function conversationOf(message: Message): Promise<NonNullable<Request['thread']>> {
  if (message.channel.isThread()) return { id: message.channelId };
  const follows = message.reference?.messageId ? await answeredQuestion(message) : undefined;
  if (follows) return { id: message.id, follows };
  return { id: message.inGuild() ? message.id : 'dm' };
}

/** The question the replied-to message answered, when that message is the bot's answer. */
async function answeredQuestion(message: Message): Promise<string | undefined> {
  try {
    const answer = await message.fetchReference();
    if (answer.author.id !== message.client.user.id) return undefined;
    return answer.reference?.messageId;
  } catch {
    // Deleted, or out of reach: the question starts afresh.
    return undefined;
  }
}
