/**
 * Which plain messages the bot answers, and what it is asked: a DM, a message that mentions the
 * bot (by user or by its managed role), a reply to one of its answers, or any message in a listen
 * channel. Bots never.
 */
export interface IncomingMessage {
  content: string;
  fromBot: boolean;
  isDM: boolean;
  channelId: string;
  mentionsBot: boolean;
  /** A reply to one of the bot's messages (a follow-up to its answer), pinging it or not. */
  repliesToBot?: boolean;
}

export interface AudienceRules {
  botUserId: string;
  /** The bot's managed role, which Discord offers in the mention picker alongside the bot. */
  botRoleIds?: ReadonlySet<string>;
  listenChannelIds: ReadonlySet<string>;
}

/** Removes mentions of the bot itself; other mentions stay as they are (and never ping). */
export function stripBotMentions(content: string, rules: AudienceRules): string {
  return content
    .replace(/<@!?(\d+)>/g, (m, id: string) => (id === rules.botUserId ? ' ' : m))
    .replace(/<@&(\d+)>/g, (m, id: string) => (rules.botRoleIds?.has(id) ? ' ' : m))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The question to answer, or undefined when the message is not for the bot. */
export function questionFrom(message: IncomingMessage, rules: AudienceRules): string | undefined {
  if (message.fromBot) return undefined;
  const addressed =
    message.isDM ||
    message.mentionsBot ||
    message.repliesToBot === true ||
    rules.listenChannelIds.has(message.channelId);
  if (!addressed) return undefined;
  const text = stripBotMentions(message.content, rules);
  // A bare mention ("@bot") asks what the bot can do; an empty listen-channel message (an image) asks nothing.
  if (!text) return message.isDM || message.mentionsBot ? 'help' : undefined;
  return text;
}
