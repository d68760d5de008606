/**
 * "Slow answers defer first". The core answers synchronously, so no timer can fire while it
 * works: the choice to defer has to be made before answering. This remembers how long recent
 * answers took, per command, and defers a command whose slowest recent answer came near the
 * deadline (Discord drops an interaction that gets no response within 3 seconds). Answers take
 * milliseconds on a normal corpus, so in practice nothing defers until the corpus grows.
 */
export const DEFAULT_DEFER_AFTER_MS = 1500;

export class AnswerTimings {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly window = 20) {}

  record(key: string, ms: number): void {
    const list = this.recent.get(key) ?? [];
    list.push(ms);
    if (list.length > this.window) list.shift();
    this.recent.set(key, list);
  }

  /** The slowest of the recent answers for this key; undefined before the first. */
  expected(key: string): number | undefined {
    const list = this.recent.get(key);
    return list?.length ? Math.max(...list) : undefined;
  }
}

/** Timings are kept per slash command; plain questions share one key. */
export function timingKey(text: string): string {
  const match = /^\/(\S+)/.exec(text.trim());
  return match?.[1]?.toLowerCase() ?? 'question';
}
