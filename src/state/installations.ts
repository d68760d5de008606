/**
 * Where a chat platform's installations are kept, one per workspace (a Slack team, or an Enterprise
 * Grid organisation for an org-wide install): the platform's own record as JSON, so this floor
 * knows nothing of Slack's shapes. `update` is the one way to change a record that several bot
 * instances may change at once (a token refresh): it reads and writes the record with the
 * workspace locked, so of two instances refreshing together the second sees the first's result.
 */
export interface WorkspaceInstallations {
  save(platform: string, id: string, record: unknown): Promise<void>;
  find(platform: string, id: string): Promise<unknown | undefined>;
  /** Forgets the installation; false if there was none. */
  remove(platform: string, id: string): Promise<boolean>;
  /**
   * Runs `change` on the stored record with the workspace locked (against other instances too, where
   * the store is shared), saves what it returns, and returns it; `undefined` from `change` saves
   * nothing and returns the record as it was. Nothing stored: `change` is not called.
   */
  update(
    platform: string,
    id: string,
    change: (current: unknown) => Promise<unknown | undefined>,
  ): Promise<unknown | undefined>;
}

/** Runs one piece of work per key at a time in this process (a queue per key). */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => {});
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
