/**
 * The scheduler against a real SQLite file, with an injected clock and sleep: days of schedule
 * run in milliseconds, and nothing waits on a real timer except where a test says so.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composeDigest } from '../../src/digest/composeDigest.ts';
import {
  DeliveryError,
  type DigestDelivery,
  DigestScheduler,
  type DigestSchedulerOptions,
  type RunReport,
} from '../../src/digest/digestScheduler.ts';
import { parseSchedule } from '../../src/digest/schedule.ts';
import { SqliteStateStore } from '../../src/state/sqliteStateStore.ts';
import type { Subscription } from '../../src/state/stateStore.ts';
import { ManualClock, RecordingDelivery, removeTempDirs, shippedKnowledge, tempDir } from './support.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const stores: SqliteStateStore[] = [];
const schedulers: DigestScheduler[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const s of schedulers.splice(0)) await s.stop();
  for (const s of stores.splice(0)) await s.close();
  removeTempDirs();
});

// One article comes into the archive on 28 March 2026, so that day's digest has news.
const kb = shippedKnowledge({ 'us-russia-deep-freeze': '2026-03-28T12:00:00.000Z' });

function openStore(file: string): SqliteStateStore {
  const store = new SqliteStateStore(file);
  stores.push(store);
  return store;
}

interface Harness {
  scheduler: DigestScheduler;
  store: SqliteStateStore;
  sleeps: number[];
}

function harness(
  file: string,
  clock: ManualClock,
  delivery: DigestDelivery,
  options: Partial<DigestSchedulerOptions> = {},
): Harness {
  const store = openStore(file);
  const sleeps: number[] = [];
  const scheduler = new DigestScheduler({
    store,
    deliveries: new Map([
      ['slack', delivery],
      ['discord', delivery],
    ]),
    compose: (_subscription, window) => composeDigest(kb, window),
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  schedulers.push(scheduler);
  return { scheduler, store, sleeps };
}

async function subscribe(
  store: SqliteStateStore,
  text: string,
  createdAt: string,
  extra: Partial<Omit<Subscription, 'id' | 'createdAt'>> = {},
): Promise<Subscription> {
  const parsed = parseSchedule(text, 'UTC');
  if (!parsed.ok) throw new Error(parsed.error);
  const { spec, cron, timeZone } = parsed.value;
  const { subscription } = await store.addSubscription({
    platform: 'slack',
    channelId: 'C-NEWS',
    spec,
    cron,
    timeZone,
    skipQuiet: false,
    origin: 'chat',
    createdAt: new Date(createdAt),
    ...extra,
  });
  return subscription;
}

/** Moves the clock from its time to `until` in steps, ticking at each; returns every report. */
async function runUntil(
  clock: ManualClock,
  until: string,
  step: number,
  ...schedulers: DigestScheduler[]
): Promise<RunReport[]> {
  const end = new Date(until).getTime();
  const reports: RunReport[] = [];
  for (let round = 0; clock.now().getTime() <= end; round++) {
    // Several schedulers tick together, each round in another order, as separate processes would.
    const order = schedulers.map((_, i) => schedulers[(i + round) % schedulers.length] as DigestScheduler);
    for (const batch of await Promise.all(order.map((s) => s.tick()))) reports.push(...batch);
    clock.advance(step);
  }
  return reports;
}

const sentSlots = (store: SqliteStateStore, id: number) =>
  store
    .runs(id)
    .filter((r) => r.status === 'sent')
    .map((r) => r.slot);

describe('DigestScheduler', () => {
  it('posts a daily 08:00 London digest once a day, at 08:00 local time across the change to summer time', async () => {
    const clock = new ManualClock(new Date('2026-03-27T12:00:00Z'));
    const delivery = new RecordingDelivery();
    const { scheduler, store } = harness(join(tempDir(), 'state.sqlite'), clock, delivery);
    const sub = await subscribe(store, 'daily 08:00 Europe/London', '2026-03-27T12:00:00Z');
    const postedAt: string[] = [];
    const post = delivery.post.bind(delivery);
    delivery.post = async (target, reply) => {
      postedAt.push(clock.now().toISOString());
      await post(target, reply);
    };

    await runUntil(clock, '2026-03-31T12:00:00Z', 30 * MINUTE, scheduler);

    expect(sentSlots(store, sub.id)).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ]);
    expect(postedAt).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ]);
    expect(delivery.posted.map((p) => p.target)).toEqual(
      Array(4).fill({ platform: 'slack', channelId: 'C-NEWS' }),
    );
    // The 29 March digest covers the 28th, when the article came in; the others are quiet.
    expect(delivery.posted.map((p) => p.reply.kind)).toEqual([
      'not_found',
      'answer',
      'not_found',
      'not_found',
    ]);
    expect(delivery.posted[1]?.reply.fields[0]?.value).toBe(
      '2026-03-28 08:00 – 2026-03-29 08:00 Europe/London',
    );
  });

  it('posts nothing twice after a restart', async () => {
    const file = join(tempDir(), 'state.sqlite');
    const clock = new ManualClock(new Date('2026-03-05T07:50:00Z'));
    const delivery = new RecordingDelivery();
    const first = harness(file, clock, delivery, { owner: 'first' });
    const sub = await subscribe(first.store, 'daily 08:00', '2026-03-05T07:00:00Z');
    await runUntil(clock, '2026-03-05T08:05:00Z', 5 * MINUTE, first.scheduler);
    expect(delivery.posted).toHaveLength(1);
    await first.scheduler.stop();
    await first.store.close();

    const second = harness(file, clock, delivery, { owner: 'second' });
    await runUntil(clock, '2026-03-05T09:00:00Z', 5 * MINUTE, second.scheduler);
    expect(delivery.posted).toHaveLength(1);
    clock.set('2026-03-06T08:00:30Z');
    await second.scheduler.tick();
    await second.scheduler.tick();
    expect(delivery.posted).toHaveLength(2);
    expect(second.store.runs(sub.id).map((r) => [r.slot, r.status, r.owner])).toEqual([
      ['2026-03-05T08:00:00.000Z', 'sent', 'first'],
      ['2026-03-06T08:00:00.000Z', 'sent', 'second'],
    ]);
  });

  it('posts each slot once when two schedulers share the database', async () => {
    const file = join(tempDir(), 'state.sqlite');
    const clock = new ManualClock(new Date('2026-03-05T00:00:00Z'));
    const delivery = new RecordingDelivery();
    // Both post through one slow delivery, so their work interleaves while a post is in flight.
    const slow: DigestDelivery = {
      post: async (target, reply) => {
        await new Promise((resolve) => setImmediate(resolve));
        await delivery.post(target, reply);
      },
    };
    const a = harness(file, clock, slow, { owner: 'a' });
    const b = harness(file, clock, slow, { owner: 'b' });
    const daily = await subscribe(a.store, 'daily 08:00 Europe/London', '2026-03-04T00:00:00Z');
    const quarter = await subscribe(b.store, 'cron "*/15 * * * *"', '2026-03-04T00:00:00Z', {
      channelId: 'C-BUSY',
    });

    await runUntil(clock, '2026-03-06T00:00:00Z', 15 * MINUTE, a.scheduler, b.scheduler);

    expect(sentSlots(a.store, daily.id)).toEqual(['2026-03-05T08:00:00.000Z']);
    // Every quarter hour of the day, and the midnight slot that was due when they started.
    expect(sentSlots(a.store, quarter.id)).toHaveLength(24 * 4 + 1);
    const posts = delivery.posted.map((p) => `${p.target.channelId} ${p.reply.fields[0]?.value}`);
    expect(new Set(posts).size).toBe(posts.length);
    expect(posts).toHaveLength(1 + 24 * 4 + 1);
    const owners = new Set(a.store.runs(quarter.id).map((r) => r.owner));
    expect(owners).toEqual(new Set(['a', 'b']));
  });

  it('posts a slot missed while down once on start, if still within the catch-up window', async () => {
    const file = join(tempDir(), 'state.sqlite');
    const clock = new ManualClock(new Date('2026-03-05T08:00:10Z'));
    const delivery = new RecordingDelivery();
    const { scheduler, store } = harness(file, clock, delivery, { catchUpMs: HOUR });
    const sub = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z');
    await scheduler.tick();
    // Down from 08:01 on the 5th to 08:40 on the 6th: the 08:00 slot is 40 minutes old.
    clock.set('2026-03-06T08:40:00Z');
    const reports = await scheduler.tick();
    expect(reports).toEqual([
      { subscriptionId: sub.id, slot: '2026-03-06T08:00:00.000Z', status: 'sent', attempts: 1 },
    ]);
    expect(await scheduler.tick()).toEqual([]);
    expect(delivery.posted).toHaveLength(2);
    expect(delivery.posted[1]?.reply.fields[0]?.value).toBe('2026-03-05 08:00 – 2026-03-06 08:00 UTC');
  });

  it('records older missed slots as skipped, and the next digest covers everything since the last one sent', async () => {
    const clock = new ManualClock(new Date('2026-03-05T08:00:10Z'));
    const delivery = new RecordingDelivery();
    const { scheduler, store } = harness(join(tempDir(), 'state.sqlite'), clock, delivery, {
      catchUpMs: HOUR,
    });
    const sub = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z');
    await scheduler.tick();
    // Down for three days; back at 10:00, two hours after the last slot.
    clock.set('2026-03-08T10:00:00Z');
    const reports = await scheduler.tick();
    expect(reports).toEqual([
      {
        subscriptionId: sub.id,
        slot: '2026-03-08T08:00:00.000Z',
        status: 'skipped',
        attempts: 0,
        detail: 'missed while the bot was not running; older than the 60-minute catch-up window',
      },
    ]);
    expect(delivery.posted).toHaveLength(1);
    clock.set('2026-03-09T08:00:05Z');
    await scheduler.tick();
    expect(delivery.posted).toHaveLength(2);
    expect(delivery.posted[1]?.reply.fields[0]?.value).toBe('2026-03-05 08:00 – 2026-03-09 08:00 UTC');
  });

  it('catches up several recent slots with one digest', async () => {
    const clock = new ManualClock(new Date('2026-03-05T10:00:00Z'));
    const delivery = new RecordingDelivery();
    const { scheduler, store } = harness(join(tempDir(), 'state.sqlite'), clock, delivery, {
      catchUpMs: HOUR,
    });
    const sub = await subscribe(store, 'cron "*/15 * * * *"', '2026-03-05T09:59:00Z');
    await scheduler.tick();
    clock.set('2026-03-05T10:50:00Z');
    const reports = await scheduler.tick();
    expect(reports.map((r) => [r.slot.slice(11, 16), r.status])).toEqual([
      ['10:15', 'skipped'],
      ['10:30', 'skipped'],
      ['10:45', 'sent'],
    ]);
    expect(reports[0]?.detail).toBe('covered by the digest of 2026-03-05 10:45 UTC');
    expect(delivery.posted).toHaveLength(2);
    expect(delivery.posted[1]?.reply.fields[0]?.value).toBe('2026-03-05 10:00 – 2026-03-05 10:45 UTC');
    expect(store.runs(sub.id)).toHaveLength(4);
  });

  it('retries a failed post with back-off, then records it as sent', async () => {
    const clock = new ManualClock(new Date('2026-03-05T08:00:00Z'));
    const delivery = new RecordingDelivery((call) =>
      call <= 2 ? new DeliveryError('Slack: ratelimited') : undefined,
    );
    const { scheduler, store, sleeps } = harness(join(tempDir(), 'state.sqlite'), clock, delivery, {
      retry: { attempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 },
    });
    const sub = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z');
    const [report] = await scheduler.tick();
    expect(report).toMatchObject({ status: 'sent', attempts: 3 });
    expect(sleeps).toEqual([1000, 2000]);
    expect(await store.lastRun(sub.id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(delivery.posted).toHaveLength(1);
  });

  it('waits as long as the platform asks, and records a post that keeps failing', async () => {
    const clock = new ManualClock(new Date('2026-03-05T08:00:00Z'));
    const delivery = new RecordingDelivery((call) =>
      call === 1
        ? new DeliveryError('Slack: rate limited', { retryAfterMs: 30_000 })
        : new DeliveryError('Slack: channel_not_found'),
    );
    const { scheduler, store, sleeps } = harness(join(tempDir(), 'state.sqlite'), clock, delivery, {
      retry: { attempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 },
    });
    const sub = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z');
    const [report] = await scheduler.tick();
    expect(report).toMatchObject({
      status: 'failed',
      attempts: 3,
      detail: 'Slack: channel_not_found (after 3 attempts)',
    });
    expect(sleeps).toEqual([30_000, 2000]);
    expect(await store.lastRun(sub.id)).toMatchObject({ status: 'failed', attempts: 3 });
    // A failed slot stays failed; the next one is tried afresh.
    expect(await scheduler.tick()).toEqual([]);
    clock.set('2026-03-06T08:00:00Z');
    expect((await scheduler.tick())[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(delivery.calls).toBe(6);
  });

  it('never lets one failing channel delay the others', async () => {
    const clock = new ManualClock(new Date('2026-03-05T08:00:00Z'));
    const delivery = new RecordingDelivery((_call, target) =>
      target.channelId === 'C-BROKEN' ? new DeliveryError('Slack: not_in_channel') : undefined,
    );
    let release: () => void = () => {};
    const backOff = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { scheduler, store } = harness(join(tempDir(), 'state.sqlite'), clock, delivery, {
      sleep: () => backOff,
      retry: { attempts: 2, baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const broken = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z', { channelId: 'C-BROKEN' });
    const fine = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z', { channelId: 'C-FINE' });

    const first = scheduler.tick();
    await vi.waitFor(() => expect(delivery.posted.map((p) => p.target.channelId)).toEqual(['C-FINE']));
    expect(await store.lastRun(fine.id)).toMatchObject({ status: 'sent' });
    expect(await store.lastRun(broken.id)).toMatchObject({ status: 'retrying', attempts: 1 });
    // A tick meanwhile leaves the subscription that is still retrying alone.
    expect(await scheduler.tick()).toEqual([]);

    release();
    const reports = await first;
    expect(reports.map((r) => [r.subscriptionId, r.status])).toEqual([
      [broken.id, 'failed'],
      [fine.id, 'sent'],
    ]);
  });

  it('skips a quiet window for a subscription that asks to, and posts a short note for the others', async () => {
    const clock = new ManualClock(new Date('2026-03-05T08:00:00Z'));
    const delivery = new RecordingDelivery();
    const { scheduler, store } = harness(join(tempDir(), 'state.sqlite'), clock, delivery);
    const quiet = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z', { skipQuiet: true });
    await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z', { channelId: 'C-NOTE' });
    const reports = await scheduler.tick();
    expect(reports.find((r) => r.subscriptionId === quiet.id)).toMatchObject({
      status: 'skipped',
      detail: 'quiet: no new articles in the window',
    });
    expect(delivery.posted.map((p) => [p.target.channelId, p.reply.headline])).toEqual([
      ['C-NOTE', 'News digest: no new articles since 2026-03-04 08:00 (UTC).'],
    ]);
  });

  it('takes over a slot whose claim went stale before posting, but never reposts one interrupted mid-post', async () => {
    const clock = new ManualClock(new Date('2026-03-05T08:00:30Z'));
    const delivery = new RecordingDelivery();
    const { scheduler, store } = harness(join(tempDir(), 'state.sqlite'), clock, delivery, {
      leaseMs: 10 * MINUTE,
    });
    const waiting = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z', { channelId: 'C-WAIT' });
    const midPost = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z', { channelId: 'C-MID' });
    const slot = new Date('2026-03-05T08:00:00Z');
    for (const id of [waiting.id, midPost.id]) {
      await store.claimSlot({
        subscriptionId: id,
        slot,
        owner: 'crashed',
        now: clock.now(),
        leaseMs: 10 * MINUTE,
      });
    }
    await store.startAttempt({ subscriptionId: midPost.id, slot, owner: 'crashed', now: clock.now() });

    expect((await scheduler.tick()).map((r) => r.status)).toEqual(['taken', 'taken']);
    clock.set('2026-03-05T08:11:00Z');
    const reports = await scheduler.tick();
    expect(reports.map((r) => [r.subscriptionId, r.status])).toEqual([
      [waiting.id, 'sent'],
      [midPost.id, 'taken'],
    ]);
    expect(delivery.posted.map((p) => p.target.channelId)).toEqual(['C-WAIT']);
    expect(await store.lastRun(midPost.id)).toMatchObject({ status: 'failed' });
  });

  it('records a digest that cannot be composed as failed, without posting', async () => {
    const clock = new ManualClock(new Date('2026-03-05T08:00:00Z'));
    const delivery = new RecordingDelivery();
    const { scheduler, store } = harness(join(tempDir(), 'state.sqlite'), clock, delivery, {
      compose: () => {
        throw new Error('index missing');
      },
    });
    const sub = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z');
    expect((await scheduler.tick())[0]).toMatchObject({
      status: 'failed',
      detail: 'could not compose the digest: index missing',
    });
    expect(await store.lastRun(sub.id)).toMatchObject({ status: 'failed' });
    expect(delivery.calls).toBe(0);
  });

  it('leaves subscriptions of a platform it cannot post to for an instance that can', async () => {
    const clock = new ManualClock(new Date('2026-03-05T08:00:00Z'));
    const store = openStore(join(tempDir(), 'state.sqlite'));
    const warnings: unknown[] = [];
    const scheduler = new DigestScheduler({
      store,
      deliveries: new Map([['slack', new RecordingDelivery()]]),
      compose: (_s, w) => composeDigest(kb, w),
      clock,
      log: { warn: (...args: unknown[]) => warnings.push(args), info() {}, error() {}, debug() {} } as never,
    });
    schedulers.push(scheduler);
    const sub = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z', { platform: 'discord' });
    expect(await scheduler.tick()).toEqual([]);
    expect(await scheduler.tick()).toEqual([]);
    expect(store.runs(sub.id)).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('stop() cuts a back-off wait short and leaves the slot for a later start', async () => {
    const clock = new ManualClock(new Date('2026-03-05T08:00:00Z'));
    const delivery = new RecordingDelivery(() => new DeliveryError('Slack: ratelimited'));
    const { scheduler, store } = harness(join(tempDir(), 'state.sqlite'), clock, delivery, {
      sleep: undefined,
      retry: { attempts: 5, baseDelayMs: HOUR, maxDelayMs: HOUR },
    });
    const sub = await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z');
    const work = scheduler.tick();
    await vi.waitFor(() => expect(delivery.calls).toBe(1));
    const started = Date.now();
    await scheduler.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await work)[0]).toMatchObject({ status: 'taken', detail: 'stopped while waiting to retry' });
    expect(await store.lastRun(sub.id)).toMatchObject({ status: 'retrying', attempts: 1 });
  });

  it('start() wakes up for each slot by itself', async () => {
    vi.useFakeTimers({
      now: new Date('2026-03-05T07:58:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
    const delivery = new RecordingDelivery();
    const store = openStore(join(tempDir(), 'state.sqlite'));
    const scheduler = new DigestScheduler({
      store,
      deliveries: new Map([['slack', delivery]]),
      compose: (_s, w) => composeDigest(kb, w),
      pollMs: HOUR,
    });
    schedulers.push(scheduler);
    await subscribe(store, 'daily 08:00', '2026-03-05T07:00:00Z');
    scheduler.start();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(delivery.posted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(delivery.posted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(delivery.posted).toHaveLength(2);
    await scheduler.stop();
  });

  it('posts at most one digest per channel in any 15 minutes, however many subscriptions it has', async () => {
    const clock = new ManualClock(new Date('2026-03-28T09:00:00Z'));
    const delivery = new RecordingDelivery();
    const { scheduler, store } = harness(join(tempDir(), 'state.sqlite'), clock, delivery);
    // Fifteen schedules a minute apart, and two more due at the very same minute.
    for (let m = 0; m < 15; m++) await subscribe(store, `cron "${m}-59/15 * * * *"`, '2026-03-28T09:00:00Z');
    await subscribe(store, 'cron "0-59/15 * * * *"', '2026-03-28T09:00:00Z', {
      channelId: 'C-SAME',
      timeZone: 'UTC',
    });
    await subscribe(store, 'cron "0,15,30,45 * * * *"', '2026-03-28T09:00:00Z', { channelId: 'C-SAME' });
    await subscribe(store, 'cron "1-59/15 * * * *"', '2026-03-28T09:00:00Z', { channelId: 'C-OTHER' });

    const reports = await runUntil(clock, '2026-03-28T11:00:00Z', MINUTE, scheduler);

    const times = (channel: string) =>
      reports
        .filter((r) => r.status === 'sent')
        .filter((r) => channelOf(r.subscriptionId) === channel)
        .map((r) => new Date(r.slot).getTime())
        .sort((a, b) => a - b);
    const subs = await store.listSubscriptions();
    const channelOf = (id: number) => subs.find((s) => s.id === id)?.channelId;
    for (const channel of ['C-NEWS', 'C-SAME']) {
      const sent = times(channel);
      expect(sent.length).toBeGreaterThanOrEqual(7);
      for (let i = 1; i < sent.length; i++)
        expect((sent[i] ?? 0) - (sent[i - 1] ?? 0)).toBeGreaterThanOrEqual(15 * MINUTE);
    }
    // Another channel is not held back by these.
    expect(times('C-OTHER')).toHaveLength(8);
    const skipped = reports.find((r) => r.status === 'skipped' && /too soon after/.test(r.detail ?? ''));
    expect(skipped?.detail).toMatch(/at most one every 15 minutes per channel/);
  });
});
