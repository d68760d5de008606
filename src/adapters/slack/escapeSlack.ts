/**
 * Slack text in both directions. Slack reads `&`, `<` and `>` as control characters in every text
 * it displays: `<!channel>` pings a channel, `<@U123>` a person, `<https://x|y>` is a link. So all
 * text we send that comes from a user or the corpus goes through escapeSlack, and text Slack sends
 * us is turned back into what the person typed before the core sees it.
 */
import { escapeRegExp } from '../../text/normalizeText.ts';
import { truncateEscaped } from './limits.ts';

/** Escapes the three control characters, so the text shows as written and never pings anyone. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes, then trims to `max` characters of escaped text. */
export function escapeAndFit(text: string, max: number): string {
  return truncateEscaped(escapeSlack(text), max);
}

/** Undoes Slack's escaping of incoming text. `&amp;` last, so `&amp;lt;` stays the literal `&lt;`. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `https://x` is safe inside `<…|label>` only without the characters that end or split a link. */
export function safeLinkUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return url.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/&/g, '&amp;');
}

/** What a `<…>` control sequence reads as: `<@U1|ann>` is "@ann", `<https://x|site>` is "site". */
function readable(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0] ?? '';
    return label ?? `@${word}`;
  }
  return label ?? target.replace(/^mailto:/, '');
}

/**
 * Turns a Slack message or command text into the words the person typed: drops the mention of the
 * bot itself (anywhere in the text), spells out other mentions and links, and decodes entities.
 * Without the bot's user id, only a mention at the very start is dropped.
 */
export function textFromSlack(text: string, botUserId?: string): string {
  let out = text;
  out = botUserId
    ? out.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g'), ' ')
    : out.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/, ' ');
  out = out.replace(/<([^<>]+)>/g, (_match, inner: string) => readable(inner));
  return decodeSlackEntities(out).replace(/\s+/g, ' ').trim();
}
