/**
 * The real PostgreSQL and Redis of the development and CI machines (127.0.0.1, standard ports;
 * `.ci/run` starts them). Each test gets a schema of its own in the `test` database, reached by a
 * DATABASE_URL whose search_path names it, so test files running in parallel never meet.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

export const POSTGRES_BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_TEST_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestSchema {
  /** A DATABASE_URL that keeps every table in this schema. */
  url: string;
  schema: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_BASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty schema; drop() removes it with everything in it. */
export async function freshSchema(): Promise<TestSchema> {
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(POSTGRES_BASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    schema,
    drop: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined),
  };
}

/** A Redis client and a key prefix of this test's own; close() deletes its keys and disconnects. */
export function freshRedis(): { redis: Redis; prefix: string; close(): Promise<void> } {
  const redis = new Redis(REDIS_TEST_URL, { lazyConnect: false, maxRetriesPerRequest: 1 });
  const prefix = `test:${randomUUID().slice(0, 12)}:`;
  return {
    redis,
    prefix,
    close: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
