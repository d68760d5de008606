/**
 * Graceful shutdown: steps run in order (stop taking requests, finish what is under way, close
 * connections and the database), the whole within a time bound. A step that fails is logged and
 * the next one still runs; a shutdown that overruns the bound is cut short.
 */
import type { Logger } from './logger.ts';

export interface ShutdownStep {
  name: string;
  run(): Promise<unknown> | unknown;
}

export type ShutdownOutcome = 'clean' | 'timed_out';

export async function runShutdown(
  steps: readonly ShutdownStep[],
  timeoutMs: number,
  log: Pick<Logger, 'info' | 'warn' | 'error'>,
): Promise<ShutdownOutcome> {
  let current = '';
  const work = (async () => {
    for (const step of steps) {
      current = step.name;
      try {
        await step.run();
      } catch (error) {
        log.error({ err: error, step: step.name }, 'shutdown: a step failed; going on');
      }
    }
    return 'clean' as const;
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timed_out'>((resolve) => {
    timer = setTimeout(() => resolve('timed_out'), timeoutMs);
  });
  const outcome = await Promise.race([work, deadline]);
  clearTimeout(timer);
  if (outcome === 'timed_out') {
    log.warn({ timeoutMs, step: current }, 'shutdown: took too long; stopping now');
  }
  return outcome;
}

/** What was started, in order, so that one shutdown stops it all in reverse. */
export class ShutdownList {
  readonly #steps: ShutdownStep[] = [];

  /** Adds a step; steps added later run earlier. */
  add(name: string, run: () => Promise<unknown> | unknown): void {
    this.#steps.push({ name, run });
  }

  /** The steps, the last added first. */
  inReverse(): ShutdownStep[] {
    return [...this.#steps].reverse();
  }
}
