/**
 * Posts each subscription's digest at its scheduled slots, exactly once.
 *
 * - Every slot is claimed in the StateStore before anything is posted; a slot someone else
 *   claimed, or that is finished (sent, failed, skipped), is left alone. So a restart or a second
 *   process sharing the database never posts a slot twice.
 * - Slots missed while the bot was down are posted once on start when they are still within the
 *   catch-up window (only the latest, covering the others); older ones are recorded as skipped.
 * - A failed post is retried with exponential back-off, then recorded as failed. Subscriptions
 *   are worked on independently: one channel's retries never hold up another's digest.
 * - Time comes from an injected clock, and waiting from an injected sleep, so tests run
 *   schedules across days in milliseconds.
 */
import { hostname } from 'node:os';
import type { Reply } from '../core/reply.ts';
import { CodedError } from '../ops/errors.ts';
import type { Logger } from '../ops/logger.ts';
import { redactSecretShapes } from '../ops/redact.ts';
import { FINAL_STATUSES, type Platform, type StateStore, type Subscription } from '../state/stateStore.ts';
import { channelFloorReason } from './channelLimits.ts';
import type { DigestWindow } from './composeDigest.ts';
import { digestWindow } from './digestWindow.ts';
import { formatSlot, nextSlot, previousSlot, slotsBetween } from './schedule.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface DeliveryTarget {
  platform: Platform;
  /** The workspace (Slack team) or server the channel is in: the bot posts there with its token. */
  workspaceId?: string;
  channelId: string;
}

/** How one platform posts a Reply to a channel; each running adapter provides one. */
export interface DigestDelivery {
  post(target: DeliveryTarget, reply: Reply): Promise<void>;
}

/** A failed post, said briefly ("channel_not_found", "Missing Permissions (50013)"). */
export class DeliveryError extends CodedError<'DIGEST_DELIVERY_FAILED'> {
  /** The platform asked us to wait this long (rate limits). */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(
      'DIGEST_DELIVERY_FAILED',
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.retryAfterMs = options.retryAfterMs;
  }
}

export interface RetryPolicy {
  /** Post attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled for each one after. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 5_000, maxDelayMs: 60_000 };

/** A slot later than this after its time is never posted, even with a catch-up window of 0. */
export const MIN_CATCH_UP_MS = 5 * 60_000;

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

type SchedulerLog = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

const silentLog: SchedulerLog = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
} as unknown as SchedulerLog;

export interface DigestSchedulerOptions {
  store: StateStore;
  /**
   * By platform ('slack', 'discord'); subscriptions of other platforms wait for an instance that
   * has them. May instead be given to start(), once the adapters that deliver are running.
   */
  deliveries?: ReadonlyMap<Platform, DigestDelivery>;
  /** Builds the digest of a window (usually composeDigest on the current knowledge base). */
  compose(subscription: Subscription, window: DigestWindow): Reply;
  clock?: Clock;
  sleep?: Sleep;
  /** This instance's name in claims; default host:pid:random. */
  owner?: string;
  /** How late a missed slot may still be posted (after a restart, say). Default 60 minutes. */
  catchUpMs?: number;
  /** A claim that has not moved for this long may be taken over. Default 10 minutes. */
  leaseMs?: number;
  /**
   * Brings the knowledge base up to date before a digest is composed: with several instances,
   * every article the shared store held at that moment is then in this instance's index.
   */
  catchUp?: () => Promise<unknown>;
  retry?: Partial<RetryPolicy>;
  /** start(): look for due slots at least this often. Default 30 seconds. */
  pollMs?: number;
  log?: SchedulerLog;
  /** Told about every slot worked on (for metrics). */
  onReport?: (report: RunReport) => void;
}

export interface RunReport {
  subscriptionId: number;
  slot: string;
  status: 'sent' | 'failed' | 'skipped' | 'taken';
  attempts: number;
  detail?: string;
}

/** The failure as /digest list shows it: one line, and never a credential from an error message. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redactSecretShapes(message.replace(/\s+/g, ' ')).slice(0, 300) || 'unknown error';
}

export class DigestScheduler {
  readonly owner: string;
  private readonly store: StateStore;
  private deliveries: ReadonlyMap<Platform, DigestDelivery>;
  private readonly compose: DigestSchedulerOptions['compose'];
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly catchUpMs: number;
  private readonly leaseMs: number;
  private readonly catchUp: (() => Promise<unknown>) | undefined;
  private readonly retry: RetryPolicy;
  private readonly pollMs: number;
  private readonly log: SchedulerLog;
  private readonly onReport: ((report: RunReport) => void) | undefined;
  /** Work in flight, by subscription: a subscription is never worked on twice at once here. */
  private readonly busy = new Map<number, Promise<RunReport[]>>();
  private readonly stopping = new AbortController();
  private readonly warnedPlatforms = new Set<string>();
  /** The last check-and-claim queued per channel (see inChannel). */
  private readonly channelLocks = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private started = false;

  constructor(options: DigestSchedulerOptions) {
    this.store = options.store;
    this.deliveries = options.deliveries ?? new Map();
    this.compose = options.compose;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.catchUpMs = Math.max(options.catchUpMs ?? 60 * 60_000, MIN_CATCH_UP_MS);
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.catchUp = options.catchUp;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.pollMs = options.pollMs ?? 30_000;
    this.log = options.log ?? silentLog;
    this.onReport = options.onReport;
  }

  /**
   * Does the work due now for every subscription this instance can post to and is not already
   * working on; resolves when that work is done (retries included).
   */
  async tick(): Promise<RunReport[]> {
    const subscriptions = await this.store.listSubscriptions();
    const started: Promise<RunReport[]>[] = [];
    for (const subscription of subscriptions) {
      if (this.busy.has(subscription.id) || this.stopping.signal.aborted) continue;
      if (!this.deliveries.has(subscription.platform)) {
        this.warnNoDelivery(subscription.platform);
        continue;
      }
      const work = this.runDue(subscription)
        .then((reports) => {
          for (const report of reports) this.onReport?.(report);
          return reports;
        })
        .catch((error: unknown): RunReport[] => {
          this.log.error(
            { err: error, subscriptionId: subscription.id },
            'digest: working on a subscription failed',
          );
          return [];
        })
        .finally(() => this.busy.delete(subscription.id));
      this.busy.set(subscription.id, work);
      started.push(work);
    }
    return (await Promise.all(started)).flat();
  }

  /**
   * Ticks now and then whenever a slot comes due, at least every pollMs, until stop(). Deliveries
   * given here (the started adapters') replace those given to the constructor.
   */
  start(deliveries?: ReadonlyMap<Platform, DigestDelivery>): void {
    if (this.started) return;
    if (deliveries) this.deliveries = deliveries;
    this.started = true;
    void this.loop();
  }

  /** Re-plans the timer at once (after a subscription was added or removed). */
  wake(): void {
    if (!this.started || this.stopping.signal.aborted) return;
    if (this.timer) clearTimeout(this.timer);
    void this.loop();
  }

  private async loop(): Promise<void> {
    this.timer = undefined;
    if (this.stopping.signal.aborted) return;
    // Not awaited: a subscription still retrying must not hold up the next slot of the others.
    void this.tick().catch((error: unknown) => this.log.error({ err: error }, 'digest: tick failed'));
    const delay = await this.untilNextSlot().catch(() => this.pollMs);
    if (this.stopping.signal.aborted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), delay);
    this.timer.unref();
  }

  /** Stops the timer and cuts back-off waits short; resolves when work in flight has finished. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.busy.values()]);
  }

  /** Milliseconds until the next slot of any subscription, at most pollMs. */
  private async untilNextSlot(): Promise<number> {
    const now = this.clock.now();
    let next = now.getTime() + this.pollMs;
    for (const s of await this.store.listSubscriptions()) {
      const slot = nextSlot(s, now);
      if (slot && slot.getTime() < next) next = slot.getTime();
    }
    // A little after the slot, so the slot is due by then whatever the timer's rounding.
    return Math.max(250, next - now.getTime() + 250);
  }

  private warnNoDelivery(platform: string): void {
    if (this.warnedPlatforms.has(platform)) return;
    this.warnedPlatforms.add(platform);
    this.log.warn(
      { platform },
      `digest: subscriptions for ${platform} wait: its adapter is not running in this instance`,
    );
  }

  private async runDue(subscription: Subscription): Promise<RunReport[]> {
    const now = this.clock.now();
    const last = await this.store.lastRun(subscription.id);
    const watermark = new Date(last ? last.slot : subscription.createdAt);
    // The latest slot may still be under way: elsewhere (then its claim stands), or abandoned by
    // an instance that stopped (then, once its lease is up, the claim can be taken over).
    const unfinished = last && !FINAL_STATUSES.includes(last.status) ? new Date(last.slot) : undefined;
    const catchUpFrom = new Date(now.getTime() - this.catchUpMs);
    const tooOld = `missed while the bot was not running; older than the ${Math.round(this.catchUpMs / 60_000)}-minute catch-up window`;
    const reports: RunReport[] = [];

    if (unfinished && unfinished.getTime() < catchUpFrom.getTime()) {
      reports.push(await this.skip(subscription, unfinished, tooOld));
    }
    // Slots missed beyond the catch-up window: the latest stands for them all, recorded as skipped.
    const missed = previousSlot(subscription, catchUpFrom);
    if (missed && missed.getTime() > watermark.getTime()) {
      reports.push(await this.skip(subscription, missed, tooOld));
    }

    const after = new Date(Math.max(watermark.getTime(), catchUpFrom.getTime() - 1));
    const due = slotsBetween(subscription, after, now);
    if (unfinished && unfinished.getTime() >= catchUpFrom.getTime()) due.unshift(unfinished);
    const latest = due.at(-1);
    const first = due[0];
    if (!latest || !first) return reports;
    for (const slot of due.slice(0, -1)) {
      reports.push(
        await this.skip(
          subscription,
          slot,
          `covered by the digest of ${formatSlot(latest, subscription.timeZone)}`,
        ),
      );
    }
    reports.push(await this.post(subscription, first, latest));
    return reports;
  }

  private async skip(subscription: Subscription, slot: Date, detail: string): Promise<RunReport> {
    const outcome = await this.store.claimSlot({
      subscriptionId: subscription.id,
      slot,
      owner: this.owner,
      now: this.clock.now(),
      leaseMs: this.leaseMs,
      status: 'skipped',
      detail,
    });
    const status = outcome === 'claimed' ? 'skipped' : 'taken';
    if (status === 'skipped') {
      this.log.info({ subscriptionId: subscription.id, slot: slot.toISOString(), detail }, 'digest: skipped');
    }
    return { subscriptionId: subscription.id, slot: slot.toISOString(), status, attempts: 0, detail };
  }

  /** Claims the slot `latest` and posts the digest of everything since the last one sent. */
  private async post(subscription: Subscription, first: Date, latest: Date): Promise<RunReport> {
    const report = { subscriptionId: subscription.id, slot: latest.toISOString() };
    const claim = (extra: { status?: 'skipped'; detail?: string } = {}) =>
      this.store.claimSlot({
        subscriptionId: subscription.id,
        slot: latest,
        owner: this.owner,
        now: this.clock.now(),
        leaseMs: this.leaseMs,
        ...extra,
      });

    let reply: Reply;
    try {
      await this.catchUp?.();
      const lastSent = await this.store.lastRun(subscription.id, ['sent']);
      reply = this.compose(subscription, digestWindow(subscription, first, latest, lastSent));
    } catch (error) {
      if ((await claim()) !== 'claimed') return { ...report, status: 'taken', attempts: 0 };
      const detail = `could not compose the digest: ${describeFailure(error)}`;
      await this.store.finishAttempt({
        subscriptionId: subscription.id,
        slot: latest,
        owner: this.owner,
        now: this.clock.now(),
        status: 'failed',
        detail,
      });
      this.log.error({ err: error, ...report }, 'digest: compose failed');
      return { ...report, status: 'failed', attempts: 0, detail };
    }

    if (reply.kind === 'not_found' && subscription.skipQuiet) {
      const detail = 'quiet: no new articles in the window';
      const outcome = await claim({ status: 'skipped', detail });
      return { ...report, status: outcome === 'claimed' ? 'skipped' : 'taken', attempts: 0, detail };
    }
    // Checked and claimed under the channel's lock: of two slots due at once, one posts.
    const refused = await this.inChannel(subscription, async (): Promise<RunReport | undefined> => {
      const crowded = await channelFloorReason(this.store, subscription, latest);
      if (crowded) {
        const outcome = await claim({ status: 'skipped', detail: crowded });
        if (outcome === 'claimed') this.log.info({ ...report, detail: crowded }, 'digest: skipped');
        const status = outcome === 'claimed' ? 'skipped' : 'taken';
        return { ...report, status, attempts: 0, detail: crowded };
      }
      if ((await claim()) !== 'claimed') return { ...report, status: 'taken', attempts: 0 };
      return undefined;
    });
    return refused ?? this.deliver(subscription, latest, reply);
  }

  /** Runs `work` after any other work of this instance for the same channel. */
  private async inChannel<T>(subscription: Subscription, work: () => Promise<T>): Promise<T> {
    const key = `${subscription.platform}:${subscription.channelId}`;
    const before = this.channelLocks.get(key) ?? Promise.resolve();
    const mine = before.then(work, work);
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.channelLocks.set(key, settled);
    void settled.then(() => {
      if (this.channelLocks.get(key) === settled) this.channelLocks.delete(key);
    });
    return mine;
  }

  private async deliver(subscription: Subscription, slot: Date, reply: Reply): Promise<RunReport> {
    const key = { subscriptionId: subscription.id, slot, owner: this.owner };
    const report = { subscriptionId: subscription.id, slot: slot.toISOString() };
    const delivery = this.deliveries.get(subscription.platform);
    const target: DeliveryTarget = {
      platform: subscription.platform,
      ...(subscription.workspaceId ? { workspaceId: subscription.workspaceId } : {}),
      channelId: subscription.channelId,
    };
    for (let attempt = 1; ; attempt++) {
      if (!delivery || !(await this.store.startAttempt({ ...key, now: this.clock.now() }))) {
        return { ...report, status: 'taken', attempts: attempt - 1 };
      }
      try {
        await delivery.post(target, reply);
        await this.store.finishAttempt({ ...key, now: this.clock.now(), status: 'sent' });
        this.log.info({ ...report, ...target, attempt }, 'digest: posted');
        return { ...report, status: 'sent', attempts: attempt };
      } catch (error) {
        const detail = describeFailure(error);
        const last = attempt >= this.retry.attempts || this.stopping.signal.aborted;
        if (last) {
          const final = `${detail} (after ${attempt} attempt${attempt === 1 ? '' : 's'})`;
          await this.store.finishAttempt({ ...key, now: this.clock.now(), status: 'failed', detail: final });
          this.log.error({ ...report, ...target, attempt, error: detail }, 'digest: post failed for good');
          return { ...report, status: 'failed', attempts: attempt, detail: final };
        }
        await this.store.finishAttempt({ ...key, now: this.clock.now(), status: 'retrying', detail });
        const wait = this.backOff(attempt, error);
        this.log.warn(
          { ...report, ...target, attempt, error: detail, retryInMs: wait },
          'digest: post failed',
        );
        await this.sleep(wait, this.stopping.signal);
        if (this.stopping.signal.aborted) {
          // Left as 'retrying': after the lease another instance, or the next start, takes it over.
          return { ...report, status: 'taken', attempts: attempt, detail: 'stopped while waiting to retry' };
        }
      }
    }
  }

  /** Exponential back-off, or longer when the platform asked for it; always well within the lease. */
  private backOff(attempt: number, error: unknown): number {
    const exponential = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    const asked = error instanceof DeliveryError ? (error.retryAfterMs ?? 0) : 0;
    return Math.min(Math.max(exponential, asked), this.leaseMs / 4);
  }
}
