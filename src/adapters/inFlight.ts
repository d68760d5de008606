/**
 * Work under way in an adapter (answering and posting one request), so a graceful shutdown can
 * wait for it: track() each handler's promise, idle() resolves when none is left.
 */
export class InFlight {
  #count = 0;
  #idle: (() => void)[] = [];

  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#count += 1;
    const done = () => {
      this.#count -= 1;
      if (this.#count === 0) for (const resolve of this.#idle.splice(0)) resolve();
    };
    work.then(done, done);
    return work;
  }

  get size(): number {
    return this.#count;
  }

  /** Resolves once nothing is under way. */
  idle(): Promise<void> {
    if (this.#count === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }
}
