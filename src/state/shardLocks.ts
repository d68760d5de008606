/**
 * Locks on numbered shards (Discord gateway shards), held by one instance at a time for as long as
 * it lives. Unlike leases (leases.ts), nothing runs out on a clock: a lock is held by a database
 * session and dies with it, so an instance killed outright frees its shards at once, and an
 * instance whose connection drops must assume it lost them all. Implementation: PostgreSQL advisory
 * locks (postgres/pgShardLocks.ts), chosen in the composition root.
 */
import { CodedError } from '../ops/errors.ts';

export interface ShardLocks {
  /** The shards this instance holds now. */
  readonly held: ReadonlySet<number>;
  /** Takes the shard if no instance holds it; true when this instance holds it now. */
  tryLock(shard: number): Promise<boolean>;
  /** Whether no instance holds the shard (asked by taking and giving it back at once). */
  isFree(shard: number): Promise<boolean>;
  /** Gives a shard back. */
  unlock(shard: number): Promise<void>;
  /** Checks that the locks are still held; throws ShardLocksLost when they are not. */
  check(): Promise<void>;
  /** Gives every shard back. */
  close(): Promise<void>;
}

/** The connection that held the locks is gone: every shard it held may belong to another instance now. */
export class ShardLocksLost extends CodedError<'SHARD_LOCKS_LOST'> {
  constructor(
    readonly shards: readonly number[],
    options?: ErrorOptions,
  ) {
    super(
      'SHARD_LOCKS_LOST',
      `lost the database connection that held shards ${shards.join(', ')}: they may be served elsewhere now`,
      options,
    );
  }
}
