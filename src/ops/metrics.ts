/**
 * The bot's Prometheus metrics (prom-client), in their own registry: requests by command and
 * platform, answer latency, requests turned away, errors, digest runs, plus Node's process
 * metrics (memory, CPU, event-loop lag). Served as text on the health port's /metrics.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export const METRIC_PREFIX = 'newsbot_';

/** Where adapters count failed platform calls (the metrics' errors_total); optional everywhere. */
export interface ErrorCounter {
  countError(source: string): void;
}

/** One request handled, as the core reports it (the core's AnswerEvent has this shape). */
export interface AnswerObservation {
  request: { platform?: string | undefined };
  /** The command it was routed to (from the registry, so labels stay few). */
  command: string;
  /** The reply's kind, or 'silent'. */
  outcome: string;
  /** Why it was not answered, when it was not. */
  throttled?: string | undefined;
  seconds: number;
}

export interface MetricsOptions {
  /** Node's process metrics too (default true; tests that build many registries turn them off). */
  processMetrics?: boolean;
}

export class BotMetrics implements ErrorCounter {
  readonly registry = new Registry();
  readonly #requests: Counter<'command' | 'platform' | 'outcome'>;
  readonly #answerSeconds: Histogram<'command'>;
  readonly #throttled: Counter<'reason'>;
  readonly #errors: Counter<'source'>;
  readonly #digestRuns: Counter<'result'>;

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.#requests = new Counter({
      name: `${METRIC_PREFIX}requests_total`,
      help: 'Requests handled, by command, platform and outcome (the reply kind, or silent)',
      labelNames: ['command', 'platform', 'outcome'],
      registers,
    });
    this.#answerSeconds = new Histogram({
      name: `${METRIC_PREFIX}answer_seconds`,
      help: 'Time from receiving a request to having its reply, queueing included, by command',
      labelNames: ['command'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.#throttled = new Counter({
      name: `${METRIC_PREFIX}throttled_total`,
      help: 'Requests not answered now: over the user or channel rate limit, or too busy',
      labelNames: ['reason'],
      registers,
    });
    this.#errors = new Counter({
      name: `${METRIC_PREFIX}errors_total`,
      help: 'Failures: a command that threw (command), or a failed Slack or Discord call',
      labelNames: ['source'],
      registers,
    });
    this.#digestRuns = new Counter({
      name: `${METRIC_PREFIX}digest_runs_total`,
      help: 'Digest slots worked on, by result: sent, failed, skipped, taken (by another instance)',
      labelNames: ['result'],
      registers,
    });
    // Known series start at 0, so rate() and alerts work before the first failure.
    for (const source of ['command', 'slack', 'discord']) this.#errors.inc({ source }, 0);
    for (const result of ['sent', 'failed', 'skipped', 'taken']) this.#digestRuns.inc({ result }, 0);
    for (const reason of ['user', 'channel', 'busy']) this.#throttled.inc({ reason }, 0);
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
  }

  /** For the bot's observe hook. Command names come from the registry, so labels stay few. */
  observeAnswer(event: AnswerObservation): void {
    const platform = event.request.platform ?? 'unknown';
    this.#requests.inc({ command: event.command, platform, outcome: event.outcome });
    if (event.throttled) this.#throttled.inc({ reason: event.throttled });
    else this.#answerSeconds.observe({ command: event.command }, event.seconds);
  }

  countError(source: string): void {
    this.#errors.inc({ source });
  }

  countDigestRun(result: string): void {
    this.#digestRuns.inc({ result });
  }

  /** The Prometheus text exposition. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
