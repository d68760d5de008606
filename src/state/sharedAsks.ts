/**
 * Texts kept under short keys for a while, shared by every instance: the long asks behind Discord's
 * "did you mean" buttons, whose custom_id holds 100 characters at most. Implementation: the
 * `suggestion_asks` table of PostgreSQL (postgres/pgSharedAsks.ts); without a shared database the
 * Discord adapter keeps them in memory.
 */
export interface SharedAsks {
  /** Keeps `ask` under `key` (again, if it is there: its time starts over). */
  put(key: string, ask: string): Promise<void>;
  /** The ask under `key`, unless it has expired. */
  get(key: string): Promise<string | undefined>;
}
