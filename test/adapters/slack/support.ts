/** Shared pieces of the Slack adapter tests: the shipped corpus's bot, fixtures, a log sink. */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import {
  type RunningSlack,
  type SlackAdapterOptions,
  startSlack,
} from '../../../src/adapters/slack/slackAdapter.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import type { Bot } from '../../../src/core/bot.ts';
import type { Logger } from '../../../src/ops/logger.ts';

let shared: Bot | undefined;

/** The bot on the shipped corpus, built once per test file. */
export function corpusBot(): Bot {
  shared ??= openKnowledge('corpus').bot;
  return shared;
}

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/slack/${name}`, import.meta.url), 'utf8')) as T;
}

export interface LogEntry {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger that keeps its JSON lines in memory. */
export function memoryLogger(level = 'debug'): { log: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const log = pino({ level }, { write: (line: string) => entries.push(JSON.parse(line) as LogEntry) });
  return { log, entries };
}

/** Every string Slack would show from a message: `text`, block texts, fields, context, button labels. */
export function displayedTexts(message: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof message.text === 'string') out.push(message.text);
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if ((record.type === 'mrkdwn' || record.type === 'plain_text') && typeof record.text === 'string') {
      out.push(record.text);
      return;
    }
    for (const [k, v] of Object.entries(record)) if (k !== 'value' && k !== key) visit(v, k);
  };
  visit(message.blocks);
  return out;
}

/** Slack syntax that would notify someone or link somewhere if it reached Slack unescaped. */
export const LIVE_MENTION = /<[!@#][^>]*>/;

/**
 * The real Bolt app on its HTTP receiver on a free loopback port, one bot token, talking to the
 * fake Slack at `apiUrl`; events are answered before the HTTP response (processBeforeResponse), so a
 * test sees the reply once its signed POST returns.
 */
export async function startSlackOverHttp(
  options: Pick<SlackAdapterOptions, 'bot'> &
    Partial<SlackAdapterOptions> & { apiUrl: string; signingSecret: string; token?: string },
): Promise<{ slack: RunningSlack; eventsUrl: string }> {
  const { apiUrl, signingSecret, token = 'xoxb-test', ...rest } = options;
  const slack = await startSlack({
    log: memoryLogger('silent').log,
    host: '127.0.0.1',
    port: 0,
    retryConfig: { retries: 0 },
    processBeforeResponse: true,
    ...rest,
    settings: {
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: apiUrl,
      PORT: 0,
    },
  });
  return { slack, eventsUrl: `http://127.0.0.1:${slack.port}/slack/events` };
}
