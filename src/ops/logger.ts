/**
 * One structured JSON logger (pino) for the whole process. Secrets never reach a log line: fields
 * named like credentials are replaced by key, and every finished line is also scanned for the
 * settings' secret values and for anything shaped like a token (in messages, error messages and
 * stack traces too), which is masked before it is written.
 */
import { type DestinationStream, pino } from 'pino';
import { createRedactor } from './redact.ts';

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
  '*.headers.Authorization',
];

export interface LoggerOptions {
  /** Values to mask wherever they appear (tokens and secrets from the settings). */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; stderr by default, so `npm run ask -- --json` keeps stdout clean. */
  destination?: DestinationStream;
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', options: LoggerOptions = {}): Logger {
  const redact = createRedactor(options.secrets);
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: redact },
    },
    options.destination ?? pino.destination(2),
  );
}
