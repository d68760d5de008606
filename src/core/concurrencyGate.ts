/**
 * At most `maxConcurrent` answers at once and at most `maxQueued` waiting for a slot; beyond that
 * a request is turned away at once (the bot says it is busy) instead of joining an ever longer
 * queue whose answers would arrive too late to matter.
 */
export interface ConcurrencyLimits {
  maxConcurrent: number;
  maxQueued: number;
}

export class ConcurrencyGate {
  readonly #maxConcurrent: number;
  readonly #maxQueued: number;
  readonly #waiting: (() => void)[] = [];
  #active = 0;
  #idle: (() => void)[] = [];

  constructor({ maxConcurrent, maxQueued }: ConcurrencyLimits) {
    this.#maxConcurrent = Math.max(1, Math.floor(maxConcurrent));
    this.#maxQueued = Math.max(0, Math.floor(maxQueued));
  }

  /** Runs `work` once a slot is free; undefined, without running it, when the queue is full. */
  run<T>(work: () => T | Promise<T>): Promise<T> | undefined {
    if (this.#active < this.#maxConcurrent) {
      this.#active += 1;
      return this.#execute(work);
    }
    if (this.#waiting.length >= this.#maxQueued) return undefined;
    // The slot is handed over by #release, already counted, so a newcomer cannot overtake the queue.
    return new Promise<void>((resolve) => this.#waiting.push(resolve)).then(() => this.#execute(work));
  }

  async #execute<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.#release();
    }
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) {
      next();
      return;
    }
    this.#active -= 1;
    if (this.#active === 0) for (const resolve of this.#idle.splice(0)) resolve();
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  /** Resolves once nothing runs and nothing waits. */
  idle(): Promise<void> {
    if (this.#active === 0 && this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }
}
