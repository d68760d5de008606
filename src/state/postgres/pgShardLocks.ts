/**
 * Shard locks (see ../shardLocks.ts) as PostgreSQL session advisory locks, on one connection of
 * their own rather than the pool's: a session lock belongs to the connection that took it, and lives
 * exactly as long. When the process dies, however abruptly (kill -9), the server ends the session and
 * the shards are free; when the connection fails, this instance ends it (so that the locks are surely
 * gone) and the next call throws ShardLocksLost. Queries time out, so a connection hung by the
 * network counts as failed rather than blocking forever.
 *
 * Advisory locks are database-wide: the key names the schema and the shard count, so bots in other
 * schemas of one database, or a deployment changing its count, never meet.
 */
import pg from 'pg';
import { type ShardLocks, ShardLocksLost } from '../shardLocks.ts';

export interface PgShardLocksOptions {
  /** DATABASE_URL. */
  url: string;
  /** Shards in all. */
  shardCount: number;
  /** What the locks are of, in their key. Default "discord-shard". */
  name?: string;
  /** A query not answered by then fails, and the connection with it (ms). Default 5000. */
  queryTimeoutMs?: number;
}

export class PgShardLocks implements ShardLocks {
  readonly #held = new Set<number>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  /** Set when the connection failed while holding shards; thrown by the next call. */
  #lost: ShardLocksLost | undefined;

  constructor(private readonly options: PgShardLocksOptions) {}

  get held(): ReadonlySet<number> {
    return this.#held;
  }

  async tryLock(shard: number): Promise<boolean> {
    // Advisory locks count: taken twice by one session, they would need two unlocks.
    if (this.#held.has(shard)) return true;
    const ok = await this.#lockQuery('pg_try_advisory_lock', shard);
    if (ok) this.#held.add(shard);
    return this.#held.has(shard);
  }

  async isFree(shard: number): Promise<boolean> {
    if (this.#held.has(shard)) return false;
    const taken = await this.#lockQuery('pg_try_advisory_lock', shard);
    if (taken) await this.#lockQuery('pg_advisory_unlock', shard);
    return taken;
  }

  async unlock(shard: number): Promise<void> {
    if (!this.#held.has(shard)) return;
    this.#held.delete(shard);
    await this.#lockQuery('pg_advisory_unlock', shard);
  }

  async check(): Promise<void> {
    await this.#query('SELECT 1');
  }

  async close(): Promise<void> {
    this.#held.clear();
    const client = this.#client ?? (await this.#connecting?.catch(() => undefined));
    this.#client = undefined;
    this.#connecting = undefined;
    await client?.end().catch(() => {});
  }

  async #lockQuery(fn: 'pg_try_advisory_lock' | 'pg_advisory_unlock', shard: number): Promise<boolean> {
    const key = `${this.options.name ?? 'discord-shard'}:${this.options.shardCount}`;
    const { rows } = await this.#query<{ ok: boolean }>(
      `SELECT ${fn}(hashtext(current_schema() || ':' || $1::text), $2::int) AS ok`,
      [key, shard],
    );
    return rows[0]?.ok === true;
  }

  async #query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    if (this.#lost) {
      const lost = this.#lost;
      this.#lost = undefined;
      throw lost;
    }
    const client = await this.#connection();
    try {
      return await client.query<R>(text, values);
    } catch (error) {
      this.#fail(client, error);
      const lost = this.#lost;
      this.#lost = undefined;
      throw lost ?? error;
    }
  }

  #connection(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.options.url,
        keepAlive: true,
        query_timeout: this.options.queryTimeoutMs ?? 5000,
        connectionTimeoutMillis: this.options.queryTimeoutMs ?? 5000,
      });
      client.on('error', (error) => this.#fail(client, error));
      client.on('end', () => this.#fail(client, new Error('the connection ended')));
      try {
        await client.connect();
      } catch (error) {
        client.removeAllListeners('end');
        await client.end().catch(() => {});
        throw error;
      }
      this.#client = client;
      return client;
    })().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  /** The connection is no longer trusted: end it, so that whatever it held is surely released. */
  #fail(client: pg.Client, error: unknown): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    if (this.#held.size > 0)
      this.#lost = new ShardLocksLost(
        [...this.#held].sort((a, b) => a - b),
        { cause: error },
      );
    this.#held.clear();
    client.end().catch(() => {});
  }
}
