/**
 * Renders a Reply for Discord: one embed (headline as title, lines as description, fields,
 * citations in the footer), suggestion buttons, and allowed_mentions that ping nobody.
 * Every part is trimmed to Discord's limits; rendering never throws on size.
 */
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIEmbedField,
  MessageMentionOptions,
} from 'discord.js';
import type { Citation, Reply, ReplyKind } from '../../core/reply.ts';
import { renderText } from '../../render/renderText.ts';
import { DISCORD_LIMITS, nonEmpty, truncate } from './limits.ts';
import { renderButtons, type SuggestionIds } from './suggestionButtons.ts';

/** Echoed input must never ping: no @everyone, no roles, no users, not even the replied-to author. */
export function noPings(): MessageMentionOptions {
  return { parse: [], repliedUser: false };
}

export interface DiscordReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

const COLORS: Record<ReplyKind, number> = {
  answer: 0x3b82f6,
  help: 0x22c55e,
  ambiguous: 0xf59e0b,
  not_found: 0x94a3b8,
  error: 0xef4444,
  throttled: 0xf59e0b,
};

/**
 * `@everyone` and `@here` in message content look like pings even when allowed_mentions stops
 * them (and Discord reads them even inside a longer word: "@herewho"); a zero-width space after
 * the `@` shows the same text and is not a mention at all.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1');
}

/** Field values up to this long sit side by side. */
const INLINE_FIELD = 40;

function marks(cites: readonly number[]): string {
  return cites.length ? ` ${cites.map((c) => `[${c + 1}]`).join('')}` : '';
}

function citationLine(c: Citation, i: number): string {
  const parts = [c.publication, c.published].filter(Boolean).join(', ');
  return `[${i + 1}] ${c.title}${parts ? ` (${parts})` : ''}`;
}

function embedSize(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0);
}

/** Room kept for the citations while fields are placed, so an answer keeps its sources. */
const FOOTER_RESERVE = 1024;
/** A field with less room than this for its value is dropped rather than shown as "…". */
const MIN_FIELD_VALUE = 16;

/**
 * Keeps the embed within the 6,000-character total, sharing it out in order of importance: the
 * title and description (the answer itself), then fields, then the citations in the footer, which
 * keep up to FOOTER_RESERVE characters whatever the fields take.
 */
function fitTotal(embed: APIEmbed): APIEmbed {
  if (embedSize(embed) <= DISCORD_LIMITS.embedTotal) return embed;
  let left = DISCORD_LIMITS.embedTotal - (embed.title?.length ?? 0);
  if (embed.description) {
    embed.description = truncate(embed.description, left);
    left -= embed.description.length;
  }
  const footer = embed.footer?.text ?? '';
  const reserve = Math.min(footer.length, FOOTER_RESERVE, left);
  left -= reserve;
  const fields: APIEmbedField[] = [];
  for (const field of embed.fields ?? []) {
    const room = left - field.name.length;
    if (room < MIN_FIELD_VALUE) break;
    const value = truncate(field.value, room);
    fields.push({ ...field, value });
    left -= field.name.length + value.length;
  }
  if (fields.length) embed.fields = fields;
  else delete embed.fields;
  left += reserve;
  if (embed.footer && left > 0) embed.footer.text = truncate(footer, left);
  else delete embed.footer;
  return embed;
}

export function renderDiscordEmbed(reply: Reply): APIEmbed {
  const headline = `${reply.headline}${marks(reply.headlineCites)}`.trim();
  // A headline too long for a title leads the description instead, so none of it is lost.
  const titled = headline.length > 0 && headline.length <= DISCORD_LIMITS.embedTitle;
  const paragraphs: string[] = [];
  if (!titled && headline) paragraphs.push(`**${headline}**`);
  const bullets = reply.lines.map((l) => `• ${l.text}${marks(l.cites)}`).join('\n');
  if (bullets) paragraphs.push(bullets);
  const description = paragraphs.join('\n\n');

  const fields: APIEmbedField[] = reply.fields.slice(0, DISCORD_LIMITS.embedFields).map((f) => {
    const value = truncate(nonEmpty(f.value), DISCORD_LIMITS.fieldValue);
    return {
      name: truncate(nonEmpty(f.label), DISCORD_LIMITS.fieldName),
      value,
      inline: value.length <= INLINE_FIELD,
    };
  });
  const footer = reply.citations.map(citationLine).join('\n');

  const embed: APIEmbed = { color: COLORS[reply.kind] };
  if (titled) embed.title = headline;
  if (description) embed.description = truncate(description, DISCORD_LIMITS.embedDescription);
  if (fields.length) embed.fields = fields;
  if (footer) embed.footer = { text: truncate(footer, DISCORD_LIMITS.footer) };
  // Discord rejects an embed with nothing in it.
  if (!embed.title && !embed.description && !embed.fields) embed.description = '\u200b';
  return fitTotal(embed);
}

/** The whole message: embed, buttons and safe mentions, ready for reply(), editReply() or send(). */
export function renderDiscordReply(reply: Reply, ids: SuggestionIds): DiscordReplyPayload {
  return {
    embeds: [renderDiscordEmbed(reply)],
    components: renderButtons(reply.suggestions, reply.citations, ids),
    allowedMentions: noPings(),
  };
}

/** Plain text within the 2,000-character content limit, for channels where embeds are not allowed. */
export function renderDiscordText(reply: Reply, ids: SuggestionIds): DiscordReplyPayload {
  return {
    content: truncate(defuseMentions(renderText(reply)), DISCORD_LIMITS.content),
    embeds: [],
    components: renderButtons(reply.suggestions, reply.citations, ids),
    allowedMentions: noPings(),
  };
}

/** A short notice (an expired button, an internal failure), as plain content. */
export function renderNotice(text: string): DiscordReplyPayload {
  return {
    content: truncate(defuseMentions(text), DISCORD_LIMITS.content),
    embeds: [],
    components: [],
    allowedMentions: noPings(),
  };
}
