/** Bolt, its Web API client and its Socket Mode client log through the app's pino logger. */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../ops/logger.ts';

function levelOf(log: Logger): LogLevel {
  switch (log.level) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'info':
      return LogLevel.INFO;
    case 'warn':
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Bolt passes loose arguments (`'Slack API error', err`): errors become `err`, the rest the message. */
function write(log: Logger, level: 'debug' | 'info' | 'warn' | 'error', args: unknown[]): void {
  const err = args.find((a) => a instanceof Error);
  const msg = args
    .filter((a) => a !== err)
    .map(stringify)
    .join(' ');
  if (err) log[level]({ err }, msg || (err as Error).message);
  else log[level](msg);
}

export function boltLogger(parent: Logger): BoltLogger {
  const log = parent.child({ component: 'slack' });
  return {
    debug: (...args: unknown[]) => write(log, 'debug', args),
    info: (...args: unknown[]) => write(log, 'info', args),
    warn: (...args: unknown[]) => write(log, 'warn', args),
    error: (...args: unknown[]) => write(log, 'error', args),
    // LOG_LEVEL decides; Bolt is given the same level, so it has no reason to ask for another.
    setLevel: () => {},
    getLevel: () => levelOf(log),
    setName: () => {},
  };
}
