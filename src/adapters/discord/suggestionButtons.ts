/**
 * "Did you mean" and "try next" suggestions as buttons. A button carries at most 100 characters
 * of custom_id, so a short ask travels inside the id itself ("ask:/who Cold War") and survives
 * restarts; a longer one is kept in a small bounded cache and the id carries its key ("ask#1f").
 */
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { Citation, Suggestion } from '../../core/reply.ts';
import { DISCORD_LIMITS, truncate } from './limits.ts';

const INLINE = 'ask:';
const CACHED = 'ask#';

export class SuggestionIds {
  private readonly cache = new Map<string, string>();
  private next = 0;

  constructor(private readonly capacity = 1000) {}

  /** The custom_id for a button that asks this text. */
  encode(ask: string): string {
    const inline = `${INLINE}${ask}`;
    if (inline.length <= DISCORD_LIMITS.customId) return inline;
    const key = `${CACHED}${(this.next++).toString(36)}`;
    this.cache.set(key, ask);
    // Maps iterate in insertion order, so the first key is the oldest.
    while (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return key;
  }

  /** The ask text behind a custom_id; undefined when it is not ours or has left the cache. */
  decode(customId: string): string | undefined {
    if (customId.startsWith(INLINE)) return customId.slice(INLINE.length);
    if (customId.startsWith(CACHED)) return this.cache.get(customId);
    return undefined;
  }

  /** True for ids this adapter made, whether or not they can still be decoded. */
  owns(customId: string): boolean {
    return customId.startsWith(INLINE) || customId.startsWith(CACHED);
  }
}

type ButtonRow = APIActionRowComponent<APIButtonComponent>;

function isWebUrl(url: string | undefined): url is string {
  if (!url || url.length > 512) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Suggestion buttons first, then link buttons to the cited articles that have a URL; five to a row,
 * five rows at most. Duplicate asks are dropped, since Discord rejects repeated custom_ids.
 */
export function renderButtons(
  suggestions: readonly Suggestion[],
  citations: readonly Citation[],
  ids: SuggestionIds,
): ButtonRow[] {
  const max = DISCORD_LIMITS.buttonsPerRow * DISCORD_LIMITS.rows;
  const buttons: APIButtonComponent[] = [];
  const seen = new Set<string>();
  for (const s of suggestions) {
    if (buttons.length >= max) break;
    const ask = s.ask.trim();
    if (!ask || seen.has(ask)) continue;
    seen.add(ask);
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(s.label.trim() || ask, DISCORD_LIMITS.buttonLabel),
      custom_id: ids.encode(ask),
    });
  }
  citations.forEach((c, i) => {
    if (buttons.length >= max || !isWebUrl(c.url)) return;
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: truncate(`[${i + 1}] ${c.title}`, DISCORD_LIMITS.buttonLabel),
      url: c.url,
    });
  });
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow),
    });
  }
  return rows;
}
