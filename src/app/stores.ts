/**
 * Where the bot keeps what must outlive a process, chosen by the settings in one place:
 * - no DATABASE_URL: SQLite in DATA_DIR, one instance (events and rate limits held in memory);
 * - DATABASE_URL: PostgreSQL for the state (subscriptions, digest runs, the archive's URLs and
 *   feeds) and the ingested articles, shared by every instance, plus the short-lived shared keys
 *   (event leases, rate counters), which go to Redis instead when REDIS_URL is set; and for
 *   Discord, the locks by which the instances share the gateway shards out and the long asks
 *   behind suggestion buttons.
 */
import type { Settings } from '../config/settings.ts';
import type { Logger } from '../ops/logger.ts';
import type { ArticleStore } from '../state/articleStore.ts';
import type { CorpusFileStore } from '../state/corpusFileStore.ts';
import type { Leases } from '../state/leases.ts';
import type { RateCounters } from '../state/rateCounters.ts';
import type { ShardLocks } from '../state/shardLocks.ts';
import type { SharedAsks } from '../state/sharedAsks.ts';
import { SqliteStateStore, stateFileIn } from '../state/sqliteStateStore.ts';
import type { StateStore } from '../state/stateStore.ts';

export interface Stores {
  readonly state: StateStore;
  /** Shared leases on incoming events and work; unset: each adapter keeps its own in memory. */
  readonly leases?: Leases;
  /** Articles shared by every instance; unset: each instance's CORPUS_DIR alone. */
  readonly articles?: ArticleStore;
  /** The editors' corpus folder shared by every instance; set with `articles`. */
  readonly corpusFiles?: CorpusFileStore;
  /** Shared rate-limit counters; unset: each process counts for itself. */
  readonly rateCounters?: RateCounters;
  /** Locks for sharing Discord's shards out among the instances; unset: one instance runs them all. */
  readonly shardLocks?: (shardCount: number) => ShardLocks;
  /** The long asks behind Discord's suggestion buttons; unset: each instance remembers its own. */
  readonly sharedAsks?: SharedAsks;
  /** Where things are kept, for the start-up log (no credentials). */
  readonly where: Record<string, string>;
  close(): Promise<void>;
}

function withoutPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

export async function openStores(settings: Settings, log: Logger): Promise<Stores> {
  if (!settings.DATABASE_URL) {
    const file = stateFileIn(settings.DATA_DIR);
    const state = new SqliteStateStore(file);
    return { state, where: { state: file }, close: () => state.close() };
  }
  // The drivers are loaded only when used: a single instance starts as fast as before.
  const [
    { openPostgres },
    { PgArticleStore },
    { PgCorpusFiles },
    { PgLeases },
    { PgStateStore },
    { PgShardLocks },
    { PgSharedAsks },
    counters,
  ] = await Promise.all([
    import('../state/postgres/database.ts'),
    import('../state/postgres/pgArticleStore.ts'),
    import('../state/postgres/pgCorpusFiles.ts'),
    import('../state/postgres/pgLeases.ts'),
    import('../state/postgres/pgStateStore.ts'),
    import('../state/postgres/pgShardLocks.ts'),
    import('../state/postgres/pgSharedAsks.ts'),
    import('../state/flexibleRateCounters.ts'),
  ]);
  const url = settings.DATABASE_URL;
  const pool = await openPostgres({ url });
  const state = new PgStateStore(pool, { ownsPool: false });
  const articles = new PgArticleStore(pool);
  // Shard locks live on a connection of their own, opened when the Discord adapter asks.
  const shared = {
    state,
    articles,
    corpusFiles: new PgCorpusFiles(pool),
    shardLocks: (shardCount: number) => new PgShardLocks({ url, shardCount }),
    sharedAsks: new PgSharedAsks(pool),
  };
  const storeError = (service: string) => (error: unknown) =>
    log.error({ err: error, service }, 'a shared rate limit could not be counted: answered anyway');
  const where = { state: withoutPassword(settings.DATABASE_URL) };
  if (settings.REDIS_URL) {
    const [{ Redis }, { RedisLeases }] = await Promise.all([
      import('ioredis'),
      import('../state/redis/redisLeases.ts'),
    ]);
    const redis = new Redis(settings.REDIS_URL, { maxRetriesPerRequest: 2 });
    redis.on('error', (error) => log.warn({ err: error }, 'redis connection error'));
    return {
      ...shared,
      leases: new RedisLeases(redis),
      rateCounters: counters.redisRateCounters(redis, storeError('redis')),
      where: { ...where, leases: withoutPassword(settings.REDIS_URL) },
      close: async () => {
        redis.disconnect();
        await pool.end();
      },
    };
  }
  return {
    ...shared,
    leases: new PgLeases(pool),
    rateCounters: counters.postgresRateCounters(pool, storeError('postgres')),
    where,
    close: () => pool.end(),
  };
}
