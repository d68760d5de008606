/** The service's bot options: follow-ups are wired from THREAD_CONTEXT_MINUTES and the state store's contexts. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { botOptions } from '../../src/app/botOptions.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { SqliteStateStore } from '../../src/state/sqliteStateStore.ts';

const log = pino({ level: 'silent' });

describe('botOptions: follow-ups', () => {
  it('keeps contexts in the state store for THREAD_CONTEXT_MINUTES, in the console too, and none at 0', async () => {
    const store = new SqliteStateStore(':memory:');
    try {
      const console = botOptions(
        loadSettings({ THREAD_CONTEXT_MINUTES: '15' }),
        log,
        undefined,
        undefined,
        store.threads,
      );
      expect(console.followUps?.store).toBe(store.threads);
      expect(console.followUps?.ttlMs).toBe(15 * 60_000);
      expect(botOptions(loadSettings({}), log, undefined, undefined, store.threads).followUps?.ttlMs).toBe(
        3_600_000,
      );
      expect(
        botOptions(loadSettings({ THREAD_CONTEXT_MINUTES: '0' }), log, undefined, undefined, store.threads)
          .followUps,
      ).toBeUndefined();
      expect(botOptions(loadSettings({}), log, undefined).followUps).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
