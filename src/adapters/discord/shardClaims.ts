/**
 * Instances sharing Discord's gateway shards out among themselves, with no one in charge: each
 * takes free shards under locks that die with it (../../state/shardLocks.ts) and runs a gateway
 * session for each shard it holds. Every few seconds (pollMs) each instance looks again:
 *
 *   - holding nothing, it takes the first free shard at once;
 *   - holding one shard, it takes a free one only once it has seen it free for claimDelayMs, and
 *     holding more, for twice that: so instances starting together end up with one shard each
 *     rather than the first taking all, and those holding least take over first when an instance
 *     dies. (No more than twice: a dead instance's shard must be served again within 30 s, so the
 *     wait stays bounded; poll, 16 s and one identify window come to about 25 s.)
 *   - one shard a round, so each decision counts what it already holds.
 *
 * When the locks are lost (the database connection dropped), every session stops at once: another
 * instance may hold those shards already. A shard whose session cannot start is given back and left
 * alone for retryAfterMs, so a bad token does not spin.
 */
import type { Logger } from '../../ops/logger.ts';
import { type ShardLocks, ShardLocksLost } from '../../state/shardLocks.ts';

export interface ShardClaimsOptions {
  locks: ShardLocks;
  shardCount: number;
  log: Logger;
  /** Starts serving a shard; resolves once its session is ready, rejects when it cannot start. */
  serve(shard: number): Promise<void>;
  /** Stops serving a shard (its lock lost, its session dead, or the bot stopping). */
  leave(shard: number): Promise<void>;
  /** Between two looks for free shards (ms). Default 3000. */
  pollMs?: number;
  /** An instance holding shards takes another once seen free this long (holding one) or twice as long (ms). Default 8000. */
  claimDelayMs?: number;
  /** A shard whose session failed is not tried again by this instance for this long (ms). Default 30000. */
  retryAfterMs?: number;
  now?: () => number;
}

export class ShardClaims {
  readonly #serving = new Set<number>();
  readonly #freeSince = new Map<number, number>();
  readonly #failedAt = new Map<number, number>();
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(private readonly options: ShardClaimsOptions) {
    this.#now = options.now ?? Date.now;
  }

  /** The shards this instance serves now, in order. */
  serving(): number[] {
    return [...this.#serving].sort((a, b) => a - b);
  }

  /** Takes a first shard if one is free (and waits for its session), then keeps looking every pollMs. */
  async start(): Promise<void> {
    await this.look();
    if (this.#stopped) return;
    this.#timer = setInterval(() => void this.look(), this.options.pollMs ?? 3000);
  }

  /** One look for free shards; rounds never overlap. */
  look(): Promise<void> {
    this.#round = this.#round.then(() => (this.#stopped ? undefined : this.#lookOnce()));
    return this.#round;
  }

  /** A session died for good (closed by Discord): give its shard back, and let others have it for a while. */
  async release(shard: number): Promise<void> {
    if (!this.#serving.delete(shard)) return;
    this.#failedAt.set(shard, this.#now());
    await this.options.leave(shard).catch(() => {});
    await this.options.locks.unlock(shard).catch(() => {});
  }

  /** Stops looking, stops every session, gives every shard back. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#round;
    await this.#leaveAll();
    await this.options.locks.close();
  }

  async #lookOnce(): Promise<void> {
    const { locks, log } = this.options;
    try {
      await locks.check();
      const now = this.#now();
      for (let shard = 0; shard < this.options.shardCount; shard++) {
        if (this.#serving.has(shard)) continue;
        const failedAt = this.#failedAt.get(shard);
        if (failedAt !== undefined && now - failedAt < (this.options.retryAfterMs ?? 30_000)) continue;
        if (this.#serving.size > 0) {
          if (!(await locks.isFree(shard))) {
            this.#freeSince.delete(shard);
            continue;
          }
          const since = this.#freeSince.get(shard) ?? now;
          this.#freeSince.set(shard, since);
          const wait = Math.min(this.#serving.size, 2) * (this.options.claimDelayMs ?? 8_000);
          if (now - since < wait) continue;
        }
        if (!(await locks.tryLock(shard))) continue;
        this.#freeSince.delete(shard);
        await this.#serve(shard);
        return;
      }
    } catch (error) {
      if (error instanceof ShardLocksLost) {
        log.error(
          { platform: 'discord', shards: error.shards, err: error.cause },
          'discord: lost the shard locks with the database connection; stopping those shards',
        );
        await this.#leaveAll();
      } else {
        log.warn(
          { platform: 'discord', err: error },
          'discord: cannot reach the database to look for free shards; trying again',
        );
      }
    }
  }

  async #serve(shard: number): Promise<void> {
    const { log } = this.options;
    this.#serving.add(shard);
    log.info({ platform: 'discord', shard, shardCount: this.options.shardCount }, 'discord: took a shard');
    try {
      await this.options.serve(shard);
    } catch (error) {
      this.#serving.delete(shard);
      this.#failedAt.set(shard, this.#now());
      await this.options.locks.unlock(shard).catch(() => {});
      log.error(
        { platform: 'discord', shard, err: error },
        'discord: the shard could not start; it is left to other instances for a while',
      );
    }
  }

  async #leaveAll(): Promise<void> {
    const shards = [...this.#serving];
    this.#serving.clear();
    this.#freeSince.clear();
    await Promise.allSettled(shards.map((shard) => this.options.leave(shard)));
  }
}
