/** One structured JSON logger (pino) for the whole process; secrets are redacted by key. */
import { pino } from 'pino';

export type Logger = pino.Logger;

export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
];

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  // Logs go to stderr so `npm run ask -- --json` keeps stdout clean.
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, pino.destination(2));
}
