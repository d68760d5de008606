/**
 * What every StateStore must do, whatever holds it: one suite, run against SQLite
 * (sqliteStateStore.test.ts) and PostgreSQL (pgStateStore.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DigestRun, NewSubscription, StateStore } from '../../src/state/stateStore.ts';
import type { NewWatch } from '../../src/state/watchState.ts';

export interface ContractSubject {
  store: StateStore;
  /** Every run of a subscription, oldest first. */
  runs(subscriptionId: number): Promise<DigestRun[]>;
  /** A second connection to the same database, as another process would open. */
  another(): Promise<StateStore>;
  close(): Promise<void>;
}

export const T0 = new Date('2026-03-05T08:00:00Z');
export const LEASE = 10 * 60_000;

export function sub(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: 'slack',
    channelId: 'C1',
    spec: 'daily 08:00',
    cron: '0 8 * * *',
    timeZone: 'Europe/London',
    skipQuiet: false,
    origin: 'chat',
    createdBy: 'U1',
    createdAt: T0,
    ...overrides,
  };
}

export function stateStoreContract(name: string, open: () => Promise<ContractSubject>): void {
  const opened: ContractSubject[] = [];
  const subject = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  describe(`${name}: subscriptions`, () => {
    it('adds, finds an identical one instead of a duplicate, lists by channel and removes', async () => {
      const { store } = await subject();
      const a = await store.addSubscription(sub());
      expect(a.created).toBe(true);
      expect(a.subscription).toMatchObject({
        id: 1,
        platform: 'slack',
        channelId: 'C1',
        skipQuiet: false,
        createdBy: 'U1',
      });
      expect(a.subscription.createdAt).toBe(T0.toISOString());
      const again = await store.addSubscription(sub({ createdBy: 'U2' }));
      expect(again).toMatchObject({ created: false, subscription: { id: 1, createdBy: 'U1' } });
      const c2 = await store.addSubscription(sub({ channelId: 'C2' }));
      await store.addSubscription(sub({ platform: 'discord', channelId: 'C1' }));
      expect(
        (await store.listSubscriptions({ platform: 'slack', channelId: 'C1' })).map((s) => s.id),
      ).toEqual([1]);
      expect((await store.listSubscriptions({ platform: 'slack' })).map((s) => s.id)).toEqual([
        1,
        c2.subscription.id,
      ]);
      expect(await store.listSubscriptions()).toHaveLength(3);
      await store.setSkipQuiet(1, true);
      expect((await store.listSubscriptions({ channelId: 'C1', platform: 'slack' }))[0]?.skipQuiet).toBe(
        true,
      );
      expect(await store.removeSubscription(1)).toBe(true);
      expect(await store.removeSubscription(1)).toBe(false);
    });

    it('removes the runs of a removed subscription', async () => {
      const { store, runs } = await subject();
      const { subscription } = await store.addSubscription(sub());
      await store.claimSlot({
        subscriptionId: subscription.id,
        slot: T0,
        owner: 'a',
        now: T0,
        leaseMs: LEASE,
      });
      await store.removeSubscription(subscription.id);
      expect(await runs(subscription.id)).toEqual([]);
      expect(
        await store.claimSlot({
          subscriptionId: subscription.id,
          slot: T0,
          owner: 'a',
          now: T0,
          leaseMs: LEASE,
        }),
      ).toBe('taken');
    });
  });

  describe(`${name}: claiming slots`, () => {
    it('lets exactly one of two connections to one database claim a slot', async () => {
      const { store: a, another, runs } = await subject();
      const b = await another();
      const { subscription } = await a.addSubscription(sub());
      const claim = (store: StateStore, owner: string) =>
        store.claimSlot({ subscriptionId: subscription.id, slot: T0, owner, now: T0, leaseMs: LEASE });
      const outcomes = await Promise.all([claim(a, 'a'), claim(b, 'b'), claim(a, 'a2'), claim(b, 'b2')]);
      expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
      expect(await runs(subscription.id)).toHaveLength(1);
    });

    it('lets exactly one of many racing connections take over a stale claim', async () => {
      const { store: a, another } = await subject();
      const others = await Promise.all([another(), another(), another()]);
      const { subscription } = await a.addSubscription(sub());
      const run = { subscriptionId: subscription.id, slot: T0, leaseMs: LEASE };
      await a.claimSlot({ ...run, owner: 'crashed', now: T0 });
      const later = new Date(T0.getTime() + LEASE + 1);
      const outcomes = await Promise.all(
        [a, ...others].flatMap((s, i) => [
          s.claimSlot({ ...run, owner: `o${i}`, now: later }),
          s.claimSlot({ ...run, owner: `p${i}`, now: later }),
        ]),
      );
      expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
    });

    it('moves an owned claim through posting to sent, and refuses anyone else', async () => {
      const { store } = await subject();
      const { subscription } = await store.addSubscription(sub());
      const run = { subscriptionId: subscription.id, slot: T0, now: T0 };
      expect(await store.claimSlot({ ...run, owner: 'a', leaseMs: LEASE })).toBe('claimed');
      expect(await store.startAttempt({ ...run, owner: 'b' })).toBe(false);
      expect(await store.startAttempt({ ...run, owner: 'a' })).toBe(true);
      expect(await store.startAttempt({ ...run, owner: 'a' })).toBe(false);
      expect(await store.finishAttempt({ ...run, owner: 'b', status: 'sent' })).toBe(false);
      expect(
        await store.finishAttempt({ ...run, owner: 'a', status: 'retrying', detail: 'ratelimited' }),
      ).toBe(true);
      expect(await store.startAttempt({ ...run, owner: 'a' })).toBe(true);
      expect(await store.finishAttempt({ ...run, owner: 'a', status: 'sent' })).toBe(true);
      expect(await store.finishAttempt({ ...run, owner: 'a', status: 'failed' })).toBe(false);
      expect(await store.lastRun(subscription.id)).toMatchObject({ status: 'sent', attempts: 2, owner: 'a' });
    });

    it('never hands out a finished slot again, however old', async () => {
      const { store } = await subject();
      const { subscription } = await store.addSubscription(sub());
      const run = { subscriptionId: subscription.id, slot: T0 };
      await store.claimSlot({ ...run, owner: 'a', now: T0, leaseMs: LEASE });
      await store.startAttempt({ ...run, owner: 'a', now: T0 });
      await store.finishAttempt({ ...run, owner: 'a', now: T0, status: 'sent' });
      const muchLater = new Date(T0.getTime() + 365 * 24 * 3600_000);
      expect(await store.claimSlot({ ...run, owner: 'b', now: muchLater, leaseMs: LEASE })).toBe('taken');
    });

    it('takes over a claim whose owner went quiet before posting', async () => {
      const { store } = await subject();
      const { subscription } = await store.addSubscription(sub());
      const run = { subscriptionId: subscription.id, slot: T0 };
      await store.claimSlot({ ...run, owner: 'crashed', now: T0, leaseMs: LEASE });
      const soon = new Date(T0.getTime() + LEASE - 1);
      expect(await store.claimSlot({ ...run, owner: 'b', now: soon, leaseMs: LEASE })).toBe('taken');
      const later = new Date(T0.getTime() + LEASE + 1);
      expect(await store.claimSlot({ ...run, owner: 'b', now: later, leaseMs: LEASE })).toBe('claimed');
      expect(await store.startAttempt({ ...run, owner: 'crashed', now: later })).toBe(false);
      expect(await store.startAttempt({ ...run, owner: 'b', now: later })).toBe(true);
    });

    it('records a claim interrupted while posting as failed instead of posting it again', async () => {
      const { store } = await subject();
      const { subscription } = await store.addSubscription(sub());
      const run = { subscriptionId: subscription.id, slot: T0 };
      await store.claimSlot({ ...run, owner: 'crashed', now: T0, leaseMs: LEASE });
      await store.startAttempt({ ...run, owner: 'crashed', now: T0 });
      const later = new Date(T0.getTime() + LEASE + 1);
      expect(await store.claimSlot({ ...run, owner: 'b', now: later, leaseMs: LEASE })).toBe('taken');
      expect(await store.lastRun(subscription.id)).toMatchObject({
        status: 'failed',
        detail: expect.stringMatching(/interrupted while posting .*cannot appear twice/),
      });
    });

    it('records skipped slots, and finds the latest run of any or of given statuses', async () => {
      const { store } = await subject();
      const { subscription } = await store.addSubscription(sub());
      const day = 24 * 3600_000;
      const slot = (n: number) => new Date(T0.getTime() + n * day);
      const base = { subscriptionId: subscription.id, owner: 'a', leaseMs: LEASE, now: T0 };
      await store.claimSlot({ ...base, slot: slot(0) });
      await store.startAttempt({ ...base, slot: slot(0) });
      await store.finishAttempt({ ...base, slot: slot(0), status: 'sent' });
      await store.claimSlot({ ...base, slot: slot(1), status: 'skipped', detail: 'quiet' });
      expect(await store.lastRun(subscription.id)).toMatchObject({ status: 'skipped', detail: 'quiet' });
      expect((await store.lastRun(subscription.id, ['sent']))?.slot).toBe(slot(0).toISOString());
      expect(await store.lastRun(subscription.id, ['failed'])).toBeUndefined();
    });
  });

  describe(`${name}: the archive's state`, () => {
    it('remembers URLs by address and by content hash, and feeds with their validators', async () => {
      const { store } = await subject();
      const at = T0.toISOString();
      await store.archive.recordUrl({
        url: 'https://a.example/1',
        status: 'stored',
        contentHash: 'h1',
        file: 'ingested/a.md',
        title: 'A',
        via: 'chat:slack:U1',
        at,
      });
      await store.archive.recordUrl({
        url: 'https://a.example/2',
        status: 'refused',
        via: 'feed:x',
        detail: 'not an article',
        at,
      });
      expect(await store.archive.findUrl('https://a.example/1')).toEqual({
        url: 'https://a.example/1',
        status: 'stored',
        contentHash: 'h1',
        file: 'ingested/a.md',
        title: 'A',
        via: 'chat:slack:U1',
        at,
      });
      expect((await store.archive.findHash('h1'))?.url).toBe('https://a.example/1');
      expect(await store.archive.findHash('nope')).toBeUndefined();
      await store.archive.recordUrl({
        url: 'https://a.example/2',
        status: 'stored',
        contentHash: 'h2',
        via: 'feed:x',
        at,
      });
      expect((await store.archive.findUrl('https://a.example/2'))?.status).toBe('stored');
      expect(await store.archive.feed('https://f.example/rss')).toBeUndefined();
      await store.archive.saveFeed({
        url: 'https://f.example/rss',
        etag: '"e1"',
        polledAt: at,
        status: 'ok',
        addedTotal: 3,
      });
      expect(await store.archive.feed('https://f.example/rss')).toEqual({
        url: 'https://f.example/rss',
        etag: '"e1"',
        polledAt: at,
        status: 'ok',
        addedTotal: 3,
      });
    });
  });
  describe(`${name}: conversation contexts`, () => {
    it('keeps one context per key, replaces it, shares it with another connection and forgets silent ones', async () => {
      const subj = await subject();
      const { store } = subj;
      const t = T0.getTime();
      expect(await store.threads.load('slack:T1:C1:1.5')).toBeUndefined();
      await store.threads.save('slack:T1:C1:1.5', '{"turns":[1]}', t, t - 3_600_000);
      await store.threads.save('slack:T1:C2:1.5', '{"turns":[2]}', t + 1000, t - 3_600_000);
      await store.threads.save('slack:T1:C1:1.5', '{"turns":[3]}', t + 2000, t - 3_600_000);
      expect(await store.threads.load('slack:T1:C1:1.5')).toEqual({
        data: '{"turns":[3]}',
        updatedAt: t + 2000,
      });
      const other = await subj.another();
      expect((await other.threads.load('slack:T1:C2:1.5'))?.data).toBe('{"turns":[2]}');
      // A write an hour and more later forgets the contexts silent since before then.
      await store.threads.save('discord:G:C:9', '{}', t + 3_601_500, t + 1_500);
      expect(await store.threads.load('slack:T1:C2:1.5')).toBeUndefined();
      expect(await store.threads.load('slack:T1:C1:1.5')).toBeDefined();
    });
  });

  describe(`${name}: workspaces`, () => {
    it("lists a workspace's subscriptions (and those recorded with none), and forgets one workspace whole", async () => {
      const { store } = await subject();
      const a = (await store.addSubscription(sub({ workspaceId: 'TA', channelId: 'CA' }))).subscription;
      const b = (await store.addSubscription(sub({ workspaceId: 'TB', channelId: 'CB' }))).subscription;
      const old = (await store.addSubscription(sub({ channelId: 'COLD' }))).subscription;
      expect(a.workspaceId).toBe('TA');
      expect(old.workspaceId).toBeUndefined();
      expect((await store.listSubscriptions({ workspaceId: 'TA' })).map((s) => s.id)).toEqual([a.id, old.id]);
      await store.installations.save('slack', 'TA', { bot: { token: 'xoxb-a' } });
      await store.installations.save('slack', 'TB', { bot: { token: 'xoxb-b' } });
      for (const s of [a, b]) {
        await store.claimSlot({ subscriptionId: s.id, slot: T0, owner: 'o', now: T0, leaseMs: LEASE });
      }
      expect(await store.forgetWorkspace('slack', 'TA')).toEqual({ subscriptions: 1, installation: true });
      expect((await store.listSubscriptions()).map((s) => s.id)).toEqual([b.id, old.id]);
      expect(await store.lastRun(a.id)).toBeUndefined();
      expect((await store.lastRun(b.id))?.status).toBe('claimed');
      expect(await store.installations.find('slack', 'TA')).toBeUndefined();
      expect(await store.installations.find('slack', 'TB')).toEqual({ bot: { token: 'xoxb-b' } });
      expect(await store.forgetWorkspace('discord', 'TB')).toEqual({ subscriptions: 0, installation: false });
    });

    it('keeps installations per platform and workspace, and updates one under its lock', async () => {
      const { store } = await subject();
      expect(await store.installations.find('slack', 'T1')).toBeUndefined();
      await store.installations.save('slack', 'T1', { n: 1 });
      await store.installations.save('slack', 'T1', { n: 2 });
      expect(await store.installations.find('slack', 'T1')).toEqual({ n: 2 });
      expect(await store.installations.update('slack', 'T9', async () => ({ n: 0 }))).toBeUndefined();
      expect(await store.installations.find('slack', 'T9')).toBeUndefined();
      expect(await store.installations.update('slack', 'T1', async () => undefined)).toEqual({ n: 2 });
      // Two updates at once, each reading the count and writing it plus one: neither is lost.
      const bump = async (current: unknown) => {
        const n = (current as { n: number }).n;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { n: n + 1 };
      };
      await Promise.all([
        store.installations.update('slack', 'T1', bump),
        store.installations.update('slack', 'T1', bump),
      ]);
      expect(await store.installations.find('slack', 'T1')).toEqual({ n: 4 });
      expect(await store.installations.remove('slack', 'T1')).toBe(true);
      expect(await store.installations.remove('slack', 'T1')).toBe(false);
    });
  });

  describe(`${name}: watched names`, () => {
    const watch = (overrides: Partial<NewWatch> = {}): NewWatch => ({
      platform: 'slack',
      channelId: 'C1',
      typed: 'Tilerson',
      name: 'Rex Tillerson',
      kind: 'name',
      targetId: 'entity:rex-tillerson',
      terms: ['Rex Tillerson', 'Tillerson'],
      createdBy: 'U1',
      createdAt: T0,
      ...overrides,
    });
    const alert = (watchId: number, articleId: string) => ({
      watchId,
      name: 'Rex Tillerson',
      sentence: 'Tillerson met Lavrov.',
      article: {
        id: articleId,
        title: `Title ${articleId}`,
        publication: 'Gazette',
        url: `https://x.example/${articleId}`,
      },
      createdAt: T0,
    });

    it('adds a watch once per channel and name, lists by channel and removes it', async () => {
      const { store } = await subject();
      const a = await store.watches.addWatch(watch());
      expect(a.created).toBe(true);
      expect(a.watch).toMatchObject({
        platform: 'slack',
        channelId: 'C1',
        name: 'Rex Tillerson',
        kind: 'name',
      });
      expect(a.watch.terms).toEqual(['Rex Tillerson', 'Tillerson']);
      expect(a.watch.createdAt).toBe(T0.toISOString());
      expect((await store.watches.addWatch(watch({ typed: 'Tillerson' }))).created).toBe(false);
      await store.watches.addWatch(watch({ channelId: 'C2' }));
      await store.watches.addWatch(
        watch({ name: 'chemical weapons', kind: 'phrase', terms: ['chemical weapons'] }),
      );
      expect(
        (await store.watches.listWatches({ platform: 'slack', channelId: 'C1' })).map((w) => w.name),
      ).toEqual(['Rex Tillerson', 'chemical weapons']);
      expect(await store.watches.listWatches()).toHaveLength(3);
      expect(await store.watches.removeWatch(a.watch.id)).toBe(true);
      expect(await store.watches.removeWatch(a.watch.id)).toBe(false);
    });

    it('records an alert once per watch and article, even from another connection', async () => {
      const { store, another } = await subject();
      const { watch: w } = await store.watches.addWatch(watch());
      const b = await another();
      const results = await Promise.all([
        store.watches.recordAlert(alert(w.id, 'a1')),
        b.watches.recordAlert(alert(w.id, 'a1')),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.watches.recordAlert(alert(w.id, 'a1'))).toBe(false);
      expect(await store.watches.recordAlert(alert(w.id + 100, 'a1'))).toBe(false);
      expect(await store.watches.pendingChannels()).toEqual([{ platform: 'slack', channelId: 'C1' }]);
    });

    it('hands a channel its pending alerts together, to one taker, at most once per floor', async () => {
      const { store, another } = await subject();
      const { watch: w } = await store.watches.addWatch(watch());
      await store.watches.recordAlert(alert(w.id, 'a1'));
      await store.watches.recordAlert(alert(w.id, 'a2'));
      const b = await another();
      const channel = { platform: 'slack', channelId: 'C1' };
      const [mine, theirs] = await Promise.all([
        store.watches.takeAlerts(channel, 'A', T0, LEASE),
        b.watches.takeAlerts(channel, 'B', T0, LEASE),
      ]);
      const taken = [mine, theirs].filter((t) => t.alerts.length);
      expect(taken).toHaveLength(1);
      expect(taken[0]?.alerts.map((a) => a.article.id)).toEqual(['a1', 'a2']);
      expect(taken[0]?.alerts[0]).toMatchObject({
        name: 'Rex Tillerson',
        sentence: 'Tillerson met Lavrov.',
        status: 'posting',
        article: { id: 'a1', title: 'Title a1', publication: 'Gazette', url: 'https://x.example/a1' },
      });
      await store.watches.finishAlerts(taken[0]?.alerts ?? [], 'sent');
      expect(await store.watches.pendingChannels()).toEqual([]);
      // A new alert within the floor waits, and says until when.
      await store.watches.recordAlert(alert(w.id, 'a3'));
      const soon = new Date(T0.getTime() + 60_000);
      const waiting = await store.watches.takeAlerts(channel, 'A', soon, LEASE);
      expect(waiting.alerts).toEqual([]);
      expect(waiting.notBefore?.toISOString()).toBe(new Date(T0.getTime() + LEASE).toISOString());
      const later = await store.watches.takeAlerts(channel, 'A', new Date(T0.getTime() + LEASE), LEASE);
      expect(later.alerts.map((a) => a.article.id)).toEqual(['a3']);
      expect(await store.watches.takeAlerts({ platform: 'slack', channelId: 'C9' }, 'A', T0, LEASE)).toEqual({
        alerts: [],
      });
    });
  });
}
