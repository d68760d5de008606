/**
 * One PostgreSQL connection pool for the process (pg), its schema brought up to date at start.
 * Migrations run in one transaction under an advisory lock, so instances started together wait for
 * each other instead of racing to create the same tables. DATABASE_URL may carry
 * `?options=-c search_path=<schema>` to keep the bot's tables in a schema of their own.
 */
import pg from 'pg';
import { CodedError } from '../../ops/errors.ts';
import { PG_MIGRATIONS, type PgMigration } from './migrations.ts';

export class PostgresError extends CodedError<'POSTGRES'> {
  constructor(message: string, options?: ErrorOptions) {
    super('POSTGRES', message, options);
  }
}

/** Any number that no other user of the database is likely to pick: "newsbot" in ASCII, folded. */
const MIGRATION_LOCK = 0x6e657773;

export interface PostgresOptions {
  url: string;
  /** Connections in the pool. Default 10. */
  max?: number;
  /** How long to wait for a connection at start (ms). Default 10000. */
  connectTimeoutMs?: number;
}

/** A pool on DATABASE_URL, checked and migrated; close it with `pool.end()`. */
export async function openPostgres(
  options: PostgresOptions,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // An idle connection dropped by the server must not crash the process: the pool makes a new one.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool, migrations);
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof PostgresError) throw error;
    throw new PostgresError(
      `Cannot use the PostgreSQL database of DATABASE_URL: ${(error as Error).message}. Check that the server runs and the URL (host, port, user, database) is right.`,
      { cause: error },
    );
  }
  return pool;
}

/** Applies the migrations the database has not seen; returns the schema version. */
export async function migratePostgres(pool: pg.Pool, migrations: readonly PgMigration[]): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM schema_migrations',
    );
    const current = rows[0]?.v ?? 0;
    const latest = Math.max(0, ...migrations.map((m) => m.version));
    if (current > latest) {
      throw new PostgresError(
        `The PostgreSQL database is at schema version ${current}, newer than this bot knows (${latest}): run a newer version of the bot, or point DATABASE_URL elsewhere.`,
      );
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
    }
    await client.query('COMMIT');
    return latest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Runs `work` in a transaction on one connection of the pool. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
