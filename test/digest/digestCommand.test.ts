/** /digest through the command core, with a real SQLite store and a clock the test sets. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleCommands, COMMANDS } from '../../src/app/commands.ts';
import { type Bot, createBot } from '../../src/core/bot.ts';
import type { Request } from '../../src/core/request.ts';
import { MAX_SUBSCRIPTIONS_PER_CHANNEL } from '../../src/digest/channelLimits.ts';
import { DigestConfigError, loadDigestSubscriptions } from '../../src/digest/digestConfig.ts';
import { createDigestService, syncConfiguredSubscriptions } from '../../src/digest/digestService.ts';
import { parseSchedule } from '../../src/digest/schedule.ts';
import { renderText } from '../../src/render/renderText.ts';
import { SqliteStateStore } from '../../src/state/sqliteStateStore.ts';
import { aprilKnowledge, ManualClock, removeTempDirs, shippedKnowledge, tempDir } from './support.ts';

let store: SqliteStateStore;
let clock: ManualClock;
let bot: Bot;
let changes: number;

beforeEach(() => {
  store = new SqliteStateStore(':memory:');
  clock = new ManualClock(new Date('2026-03-05T10:00:00Z'));
  changes = 0;
  const kb = shippedKnowledge({ 'us-russia-deep-freeze': '2026-03-05T09:00:00.000Z' });
  const digests = createDigestService({
    store,
    knowledge: () => kb,
    defaultTimeZone: 'Europe/London',
    clock,
    onChange: () => changes++,
  });
  bot = createBot(kb, { commands: assembleCommands({ digests }) });
});

afterEach(async () => {
  await store.close();
  removeTempDirs();
});

const slack = (text: string, channelId = 'C1'): Request => ({
  text,
  platform: 'slack',
  userId: 'U1',
  channelId,
});
const ask = async (request: Request) => {
  const reply = await bot.respond(request);
  if (!reply) throw new Error(`no reply to ${request.text}`);
  return { reply, text: renderText(reply) };
};

describe('/digest subscribe', () => {
  it('subscribes the channel, says when the next digest comes, and finds an existing one instead of a duplicate', async () => {
    const { reply, text } = await ask(slack('/digest subscribe daily 08:00 Europe/London'));
    expect(reply.kind).toBe('answer');
    expect(reply.visibility).toBe('channel');
    expect(reply.headline).toBe(
      'This channel will get a digest of new articles daily 08:00 (Europe/London).',
    );
    expect(text).toMatch(/Next digest: 2026-03-06 08:00 Europe\/London\./);
    expect(text).toMatch(/Subscription #1: \/digest list shows it, \/digest unsubscribe 1 stops it/);
    expect(changes).toBe(1);
    const again = await ask(slack('/digest subscribe daily 8:00 europe/london'));
    expect(again.reply.headline).toBe('This channel already gets a digest daily 08:00 (Europe/London) (#1).');
    expect(changes).toBe(1);
    expect(await store.listSubscriptions()).toHaveLength(1);
  });

  it('uses the default time zone, and skip-quiet', async () => {
    const { text } = await ask(slack('/digest subscribe weekly friday 17:30 skip-quiet', 'C2'));
    expect(text).toMatch(
      /^This channel will get a digest of new articles weekly friday 17:30 \(Europe\/London\)\./,
    );
    expect(text).toMatch(/When there is no news, nothing is posted\./);
    const [sub] = await store.listSubscriptions({ channelId: 'C2' });
    expect(sub).toMatchObject({ cron: '30 17 * * 5', skipQuiet: true, origin: 'chat', createdBy: 'U1' });
  });

  it('explains a bad schedule or time zone privately, with an example', async () => {
    const bad = await ask(slack('/digest subscribe daily 8am'));
    expect(bad.reply.kind).toBe('error');
    expect(bad.reply.visibility).toBe('asker');
    expect(bad.text).toMatch(/"8am" is not a time of day/);
    expect(bad.text).toMatch(/Example: \/digest subscribe daily 08:00 Europe\/London/);
    const zone = await ask(slack('/digest subscribe daily 08:00 Atlantis/Capital'));
    expect(zone.text).toMatch(
      /"Atlantis\/Capital" is not a time zone: use an IANA time zone such as Europe\/London/,
    );
    const cron = await ask(slack('/digest subscribe cron "every morning"'));
    expect(cron.text).toMatch(/not a cron expression/);
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('needs a chat channel: not from the console', async () => {
    const { reply } = await ask({ text: '/digest subscribe daily 08:00', platform: 'console' });
    expect(reply.kind).toBe('error');
    expect(reply.headline).toMatch(
      /Subscribe from the Slack or Discord channel .* or declare it in DIGEST_SUBSCRIPTIONS/,
    );
  });
});

describe('/digest subscribe: per-channel cap', () => {
  it('refuses a subscription past the cap in one channel, privately, and leaves other channels alone', async () => {
    for (let m = 0; m < MAX_SUBSCRIPTIONS_PER_CHANNEL; m++)
      expect((await ask(slack(`/digest subscribe cron "${m}-59/15 * * * *"`))).reply.kind).toBe('answer');
    const refused = await ask(slack('/digest subscribe cron "9-59/15 * * * *"'));
    expect(refused.reply.visibility).toBe('asker');
    expect(refused.text).toMatch(
      new RegExp(`already has ${MAX_SUBSCRIPTIONS_PER_CHANNEL} digest subscriptions.*/digest unsubscribe`),
    );
    expect(await store.listSubscriptions({ channelId: 'C1' })).toHaveLength(MAX_SUBSCRIPTIONS_PER_CHANNEL);
    // Asking again for one it has is not a new subscription; another channel has its own cap.
    expect((await ask(slack('/digest subscribe cron "0-59/15 * * * *"'))).text).toMatch(
      /already gets a digest/,
    );
    expect((await ask(slack('/digest subscribe cron "9-59/15 * * * *"', 'C2'))).text).toMatch(
      /will get a digest/,
    );
  });
});

describe('/digest list, unsubscribe and now', () => {
  it('lists the channel subscriptions with their next slot and last result, privately', async () => {
    await ask(slack('/digest subscribe daily 08:00 Europe/London'));
    await ask(slack('/digest subscribe cron "0 9 * * 1-5" UTC'));
    await ask(slack('/digest subscribe daily 07:00', 'C-OTHER'));
    const slot = new Date('2026-03-06T08:00:00Z');
    const run = { subscriptionId: 1, slot, owner: 'x', leaseMs: 60_000, now: slot };
    await store.claimSlot(run);
    await store.startAttempt(run);
    await store.finishAttempt({
      ...run,
      status: 'failed',
      detail: 'Slack: not_in_channel (after 4 attempts)',
    });

    clock.set('2026-03-06T12:00:00Z');
    const { reply, text } = await ask(slack('/digest list'));
    expect(reply.visibility).toBe('asker');
    expect(reply.headline).toBe('2 digest subscriptions in this channel:');
    expect(text).toMatch(
      /#1 daily 08:00 \(Europe\/London\); next 2026-03-07 08:00 Europe\/London; 2026-03-06 08:00 Europe\/London FAILED: Slack: not_in_channel \(after 4 attempts\)/,
    );
    expect(text).toMatch(/#2 cron "0 9 \* \* 1-5" \(UTC\); next 2026-03-09 09:00 UTC; nothing posted yet/);
    expect(text).not.toMatch(/#3/);

    const console = await ask({ text: '/digest list', platform: 'console' });
    expect(console.reply.headline).toBe('3 digest subscriptions in this bot:');
    expect(console.text).toMatch(/#3 daily 07:00 \(Europe\/London\); in slack channel C-OTHER/);
  });

  it('unsubscribes the only subscription, asks which when there are several, and keeps to the channel', async () => {
    await ask(slack('/digest subscribe daily 08:00'));
    await ask(slack('/digest subscribe daily 09:00'));
    await ask(slack('/digest subscribe daily 07:00', 'C-OTHER'));
    const which = await ask(slack('/digest unsubscribe'));
    expect(which.reply.kind).toBe('ambiguous');
    expect(which.text).toMatch(/#1 daily 08:00[\s\S]*#2 daily 09:00/);
    const elsewhere = await ask(slack('/digest unsubscribe 3'));
    expect(elsewhere.reply.headline).toBe('There is no subscription #3 in this channel.');
    const notNumber = await ask(slack('/digest unsubscribe all'));
    expect(notNumber.reply.headline).toBe('"all" is not a subscription number.');
    const done = await ask(slack('/digest unsubscribe #2'));
    expect(done.reply.kind).toBe('answer');
    expect(done.reply.headline).toBe('Unsubscribed #2: no more digests daily 09:00 (Europe/London) here.');
    const last = await ask(slack('/digest unsubscribe'));
    expect(last.reply.headline).toMatch(/^Unsubscribed #1/);
    const none = await ask(slack('/digest unsubscribe'));
    expect(none.reply.kind).toBe('not_found');
    expect((await store.listSubscriptions()).map((s) => s.id)).toEqual([3]);
  });

  it('leaves subscriptions from the configuration to the configuration', async () => {
    const schedule = parseSchedule('daily 06:00', 'UTC');
    if (!schedule.ok) throw new Error(schedule.error);
    await syncConfiguredSubscriptions(
      store,
      [{ platform: 'slack', channelId: 'C1', schedule: schedule.value, skipQuiet: false }],
      clock.now(),
    );
    const { reply } = await ask(slack('/digest unsubscribe'));
    expect(reply.headline).toBe(
      '#1 is declared in DIGEST_SUBSCRIPTIONS: remove it there and restart the bot.',
    );
    expect((await ask(slack('/digest list'))).text).toMatch(/#1 daily 06:00 \(UTC\); from configuration/);
  });

  it('previews the next digest for the asker alone', async () => {
    await ask(slack('/digest subscribe daily 08:00 Europe/London'));
    const { reply, text } = await ask(slack('/digest now'));
    expect(reply.visibility).toBe('asker');
    expect(reply.headline).toBe('Digest preview: 1 new article since 2026-03-05 08:00 (Europe/London)');
    expect(text).toMatch(/US-Russia relations in deep freeze\?: US Secretary of State Rex Tillerson/);
    const none = await ask({ text: '/digest now', platform: 'console' });
    expect(none.reply.visibility).toBe('asker');
    expect(none.reply.headline).toMatch(/^Digest preview: 1 new article since 2026-03-04 10:00/);
    const missing = await ask(slack('/digest now 9'));
    expect(missing.reply.headline).toBe('There is no subscription #9 here.');
  });

  it('shows how to use it for no action or an unknown one', async () => {
    const help = await ask(slack('/digest'));
    expect(help.reply.kind).toBe('help');
    expect(help.reply.visibility).toBe('asker');
    expect(help.text).toMatch(/\/digest subscribe daily 08:00 Europe\/London/);
    const unknown = await ask(slack('/digest weekly'));
    expect(unknown.reply.headline).toMatch(/^"weekly" is not a \/digest action/);
  });
});

describe('the core without digests', () => {
  it('says digests are not available in the one-shot tools, and the sync path refuses to wait', async () => {
    const plain = createBot(aprilKnowledge(), { commands: COMMANDS });
    expect(plain.answer({ text: '/digest list' }).headline).toBe('Scheduled digests are not available here.');
    expect(bot.answer(slack('/digest list')).headline).toBe('Sorry, that command cannot answer here.');
    expect(bot.answer(slack('/who Tillerson')).headline).toMatch(/Rex Tillerson/);
    expect((await bot.respond(slack('/who Tillerson')))?.headline).toMatch(/Rex Tillerson/);
  });
});

describe('configured subscriptions', () => {
  it('reads a YAML file or a JSON list, with defaults', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'digests.yaml'),
      '# headless\n- platform: slack\n  channel: C0123\n  schedule: daily 08:00\n  time_zone: Europe/London\n- platform: discord\n  channel: "1300000000000000001"\n  schedule: cron "0 7 * * 1-5"\n  skip_quiet: true\n',
    );
    const fromFile = loadDigestSubscriptions('digests.yaml', 'UTC', dir);
    expect(fromFile).toEqual([
      {
        platform: 'slack',
        channelId: 'C0123',
        schedule: { spec: 'daily 08:00', cron: '0 8 * * *', timeZone: 'Europe/London' },
        skipQuiet: false,
      },
      {
        platform: 'discord',
        channelId: '1300000000000000001',
        schedule: { spec: 'cron "0 7 * * 1-5"', cron: '0 7 * * 1-5', timeZone: 'UTC' },
        skipQuiet: true,
      },
    ]);
    const inline = loadDigestSubscriptions(
      '[{"platform":"slack","channel":"C9","schedule":"weekly mon 09:00"}]',
      'Asia/Tokyo',
    );
    // With Slack installed in many workspaces, an entry names its workspace (whose token posts it).
    expect(
      loadDigestSubscriptions(
        '[{"platform":"slack","workspace":"T0123","channel":"C9","schedule":"daily 08:00"}]',
        'UTC',
      )[0],
    ).toMatchObject({ platform: 'slack', workspaceId: 'T0123', channelId: 'C9' });
    expect(inline[0]?.schedule).toEqual({
      spec: 'weekly monday 09:00',
      cron: '0 9 * * 1',
      timeZone: 'Asia/Tokyo',
    });
    expect(loadDigestSubscriptions(undefined, 'UTC')).toEqual([]);
  });

  it('names the entry and field that is wrong, and what to do', () => {
    const error = (value: string) => {
      try {
        loadDigestSubscriptions(value, 'UTC', tempDir());
      } catch (e) {
        expect(e).toBeInstanceOf(DigestConfigError);
        return (e as Error).message;
      }
      throw new Error('expected a DigestConfigError');
    };
    expect(error('[{"platform":"teams","channel":"C1","schedule":"daily 08:00"}]')).toBe(
      'DIGEST_SUBSCRIPTIONS: entry 1, platform: must be slack or discord',
    );
    expect(
      error(
        '[{"platform":"slack","channel":"C1","schedule":"daily 08:00"},{"platform":"slack","channel":"C1","schedule":"daily 26:00"}]',
      ),
    ).toMatch(/^DIGEST_SUBSCRIPTIONS: entry 2, schedule: "26:00" is not a time of day/);
    expect(error('[{"platform":"slack","schedule":"daily 08:00"}]')).toMatch(
      /entry 1, channel: must be the channel id/,
    );
    expect(error('[{"platform":"slack","channel":"C1","schedule":"daily 08:00","when":"x"}]')).toMatch(
      /entry 1/,
    );
    expect(error('missing.yaml')).toBe(
      'DIGEST_SUBSCRIPTIONS (missing.yaml): the file does not exist; give the path of a YAML file, or a JSON list inline',
    );
    expect(error('[not json')).toMatch(/^DIGEST_SUBSCRIPTIONS: /);
  });

  it('syncs the declared subscriptions: adds, updates, and removes only configured ones no longer declared', async () => {
    const parsed = (text: string) => {
      const p = parseSchedule(text, 'UTC');
      if (!p.ok) throw new Error(p.error);
      return p.value;
    };
    await ask(slack('/digest subscribe daily 10:00', 'C-CHAT'));
    const a = { platform: 'slack', channelId: 'C1', schedule: parsed('daily 08:00'), skipQuiet: false };
    const b = { platform: 'discord', channelId: 'D1', schedule: parsed('daily 09:00'), skipQuiet: false };
    expect(await syncConfiguredSubscriptions(store, [a, b], clock.now())).toEqual({ added: 2, removed: 0 });
    expect(await syncConfiguredSubscriptions(store, [a, b], clock.now())).toEqual({ added: 0, removed: 0 });
    expect(await syncConfiguredSubscriptions(store, [{ ...a, skipQuiet: true }], clock.now())).toEqual({
      added: 0,
      removed: 1,
    });
    const all = await store.listSubscriptions();
    expect(all.map((s) => [s.channelId, s.origin, s.skipQuiet])).toEqual([
      ['C-CHAT', 'chat', false],
      ['C1', 'config', true],
    ]);
  });
});
