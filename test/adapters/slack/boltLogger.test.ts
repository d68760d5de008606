import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../../src/adapters/slack/boltLogger.ts';
import { memoryLogger } from './support.ts';

describe('boltLogger', () => {
  it("reports the app's level to Bolt", () => {
    expect(boltLogger(memoryLogger('debug').log).getLevel()).toBe(LogLevel.DEBUG);
    expect(boltLogger(memoryLogger('warn').log).getLevel()).toBe(LogLevel.WARN);
    expect(boltLogger(memoryLogger('silent').log).getLevel()).toBe(LogLevel.ERROR);
  });

  it("writes Bolt's loose arguments as one pino entry, an error as err", () => {
    const { log, entries } = memoryLogger('debug');
    const logger = boltLogger(log);
    logger.error('Slack API error:', new Error('channel_not_found'));
    logger.info('connected', { attempt: 2 });
    expect(entries[0]).toMatchObject({
      component: 'slack',
      msg: 'Slack API error:',
      err: { message: 'channel_not_found' },
    });
    expect(entries[1]).toMatchObject({ component: 'slack', msg: 'connected {"attempt":2}' });
  });

  it('keeps LOG_LEVEL when Bolt asks for another level', () => {
    const { log, entries } = memoryLogger('warn');
    const logger = boltLogger(log);
    logger.setLevel(LogLevel.DEBUG);
    logger.debug('noise');
    expect(entries).toHaveLength(0);
  });
});
