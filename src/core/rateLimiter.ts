/**
 * Per-user and per-channel rate limits for the chat adapters, platform-neutral.
 *
 * Each user and each channel has a token bucket: `perMinute` requests in a burst, then one more
 * every 60/perMinute seconds. A request must find a token in both its user's and its channel's
 * bucket; it takes from both only when both have one, so a refused request costs nothing.
 *
 * Refusals are told at most once per window (a minute) per asker: the first refused request gets a
 * "slow down" reply, the rest of the window gets silence, so a flood cannot make the bot flood back.
 *
 * Memory is bounded: at most `maxKeys` buckets and notices, the least recently used dropped first.
 * A dropped key starts again with a full bucket, which errs on the side of answering.
 *
 * With several bot instances, SharedRateLimiter holds the same limits across all of them on
 * counters in a shared store (a fixed one-minute window per key), handed in by the composition root.
 * Keys carry the workspace (Slack team, Discord server) as well as the user or channel.
 */
import type { RateCounters } from '../state/rateCounters.ts';

export interface RateLimits {
  /** Requests per minute one user may make; 0 turns the user limit off. */
  userPerMinute: number;
  /** Requests per minute one channel may get answered; 0 turns the channel limit off. */
  channelPerMinute: number;
  /** Most users plus channels remembered (each kind); default 10,000. */
  maxKeys?: number;
}

export interface RateLimitedRequest {
  platform?: string;
  workspaceId?: string;
  userId?: string;
  channelId?: string;
}

/** The buckets a request draws on: its user's and its channel's, within its workspace. */
function keysOf(request: RateLimitedRequest): { userKey?: string; channelKey?: string; asker: string } {
  const platform = request.platform ?? 'unknown';
  const where = request.workspaceId ? `${platform}:${request.workspaceId}` : platform;
  const userKey = request.userId ? `${where}:${request.userId}` : undefined;
  const channelKey = request.channelId ? `${where}:${request.channelId}` : undefined;
  return {
    ...(userKey ? { userKey } : {}),
    ...(channelKey ? { channelKey } : {}),
    asker: userKey ?? channelKey ?? platform,
  };
}

export type Admission =
  | { ok: true }
  | {
      ok: false;
      /** Which limit refused it. */
      scope: 'user' | 'channel';
      /** True for the first refusal of the window for this asker: say "slow down" once. */
      notify: boolean;
      /** When the limit lets this asker in again. */
      retryAfterMs: number;
    };

/** The window within which an asker hears "slow down" at most once. */
export const NOTICE_WINDOW_MS = 60_000;
export const DEFAULT_MAX_KEYS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets by key, refilled continuously; least recently used keys go first when full. */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #maxKeys: number;

  constructor(perMinute: number, maxKeys = DEFAULT_MAX_KEYS) {
    if (!(perMinute > 0)) throw new RangeError('TokenBuckets: perMinute must be more than 0');
    this.#capacity = perMinute;
    this.#perMs = perMinute / 60_000;
    this.#maxKeys = Math.max(1, maxKeys);
  }

  /** The key's bucket, refilled up to now and marked most recently used. */
  #bucket(key: string, now: number): Bucket {
    const found = this.#buckets.get(key);
    const bucket: Bucket = found
      ? { tokens: Math.min(this.#capacity, found.tokens + (now - found.at) * this.#perMs), at: now }
      : { tokens: this.#capacity, at: now };
    // Re-inserting moves the key to the end: Map order is least recently used first.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    for (const oldest of this.#buckets.keys()) {
      if (this.#buckets.size <= this.#maxKeys) break;
      this.#buckets.delete(oldest);
    }
    return bucket;
  }

  /** Milliseconds until the key has a whole token; 0 when it has one now. */
  waitMs(key: string, now: number): number {
    const { tokens } = this.#bucket(key, now);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.#perMs);
  }

  /** Takes one token (call after waitMs said 0). */
  take(key: string, now: number): void {
    this.#bucket(key, now).tokens -= 1;
  }

  get size(): number {
    return this.#buckets.size;
  }
}

export class RateLimiter {
  readonly #users: TokenBuckets | undefined;
  readonly #channels: TokenBuckets | undefined;
  /** When each asker was last told to slow down. */
  readonly #noticed = new Map<string, number>();
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(limits: RateLimits, now: () => number = Date.now) {
    this.#maxKeys = Math.max(1, limits.maxKeys ?? DEFAULT_MAX_KEYS);
    this.#users =
      limits.userPerMinute > 0 ? new TokenBuckets(limits.userPerMinute, this.#maxKeys) : undefined;
    this.#channels =
      limits.channelPerMinute > 0 ? new TokenBuckets(limits.channelPerMinute, this.#maxKeys) : undefined;
    this.#now = now;
  }

  /** Whether the request may be answered now; takes its tokens when it may. */
  admit(request: RateLimitedRequest): Admission {
    const now = this.#now();
    const { userKey, channelKey, asker } = keysOf(request);
    const userWait = userKey && this.#users ? this.#users.waitMs(userKey, now) : 0;
    const channelWait = channelKey && this.#channels ? this.#channels.waitMs(channelKey, now) : 0;
    if (userWait === 0 && channelWait === 0) {
      if (userKey) this.#users?.take(userKey, now);
      if (channelKey) this.#channels?.take(channelKey, now);
      return { ok: true };
    }
    const scope = userWait > 0 ? 'user' : 'channel';
    return {
      ok: false,
      scope,
      notify: this.#firstNotice(asker, now),
      retryAfterMs: Math.max(userWait, channelWait),
    };
  }

  #firstNotice(asker: string, now: number): boolean {
    const last = this.#noticed.get(asker);
    if (last !== undefined && now - last < NOTICE_WINDOW_MS) return false;
    this.#noticed.delete(asker);
    this.#noticed.set(asker, now);
    for (const oldest of this.#noticed.keys()) {
      if (this.#noticed.size <= this.#maxKeys) break;
      this.#noticed.delete(oldest);
    }
    return true;
  }

  /** Keys remembered, for tests of the memory bound. */
  get size(): { users: number; channels: number; notices: number } {
    return {
      users: this.#users?.size ?? 0,
      channels: this.#channels?.size ?? 0,
      notices: this.#noticed.size,
    };
  }
}

/**
 * The same limits across every bot instance, on shared counters. The user's count is taken first;
 * when the channel's then refuses, the user's is given back, so a refused request costs nothing.
 * "Slow down" is said once per window per asker across instances (a counter of 1 a minute).
 */
export class SharedRateLimiter {
  constructor(
    private readonly limits: RateLimits,
    private readonly counters: RateCounters,
  ) {}

  async admit(request: RateLimitedRequest): Promise<Admission> {
    const { userKey, channelKey, asker } = keysOf(request);
    const { userPerMinute, channelPerMinute } = this.limits;
    if (userKey && userPerMinute > 0) {
      const user = await this.counters.take(`u:${userKey}`, userPerMinute);
      if (!user.ok) return this.#refuse('user', asker, user.retryAfterMs);
    }
    if (channelKey && channelPerMinute > 0) {
      const channel = await this.counters.take(`c:${channelKey}`, channelPerMinute);
      if (!channel.ok) {
        if (userKey && userPerMinute > 0) await this.counters.giveBack(`u:${userKey}`, userPerMinute);
        return this.#refuse('channel', asker, channel.retryAfterMs);
      }
    }
    return { ok: true };
  }

  async #refuse(scope: 'user' | 'channel', asker: string, retryAfterMs: number): Promise<Admission> {
    const notice = await this.counters.take(`n:${asker}`, 1);
    return { ok: false, scope, notify: notice.ok, retryAfterMs };
  }
}
