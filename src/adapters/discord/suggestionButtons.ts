/**
 * "Did you mean" and "try next" suggestions as buttons. A button carries at most 100 characters
 * of custom_id, so a short ask travels inside the id itself ("ask:/who Cold War") and survives
 * restarts; a longer one is kept under a key made from its text ("ask#" and a hash), in a small
 * bounded cache in memory and, with several instances, in the store they share (a table of
 * expiring rows), so that a click reaching another instance, or arriving after a restart, still
 * finds it. Rendering stays synchronous: the shared write starts at once, and whoever sends the
 * buttons awaits saved() first.
 */
import { createHash } from 'node:crypto';
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { Citation, Suggestion } from '../../core/reply.ts';
import type { SharedAsks } from '../../state/sharedAsks.ts';
import { DISCORD_LIMITS, truncate } from './limits.ts';

const INLINE = 'ask:';
const CACHED = 'ask#';

export interface SuggestionIdsOptions {
  /** Long asks remembered in memory. Default 1000. */
  capacity?: number;
  /** The store the instances share; unset: memory alone. */
  shared?: SharedAsks | undefined;
  /** Told when the shared store fails (the button then works on this instance only). */
  onError?: (error: unknown) => void;
}

export class SuggestionIds {
  private readonly cache = new Map<string, string>();
  private readonly capacity: number;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: SuggestionIdsOptions = {}) {
    this.capacity = Math.max(1, options.capacity ?? 1000);
  }

  /** The custom_id for a button that asks this text. */
  encode(ask: string): string {
    const inline = `${INLINE}${ask}`;
    if (inline.length <= DISCORD_LIMITS.customId) return inline;
    // The same text gets the same key on every instance: no clash, and a second write changes nothing.
    const key = `${CACHED}${createHash('sha256').update(ask).digest('base64url').slice(0, 22)}`;
    this.remember(key, ask);
    const { shared } = this.options;
    if (shared) {
      const write = shared.put(key, ask).catch((error: unknown) => this.options.onError?.(error));
      this.pending.add(write);
      void write.finally(() => this.pending.delete(write));
    }
    return key;
  }

  /** Resolves once the long asks encoded so far are in the shared store (or failed to get there). */
  async saved(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** The ask text behind a custom_id; undefined when it is not ours or has been forgotten. */
  async decode(customId: string): Promise<string | undefined> {
    if (customId.startsWith(INLINE)) return customId.slice(INLINE.length);
    if (!customId.startsWith(CACHED)) return undefined;
    const known = this.cache.get(customId);
    if (known !== undefined || !this.options.shared) return known;
    try {
      const found = await this.options.shared.get(customId);
      if (found !== undefined) this.remember(customId, found);
      return found;
    } catch (error) {
      this.options.onError?.(error);
      return undefined;
    }
  }

  private remember(key: string, ask: string): void {
    this.cache.delete(key);
    this.cache.set(key, ask);
    // Maps iterate in insertion order, so the first key is the oldest.
    while (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
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
