/**
 * Slack signs each HTTP request with its timestamp, and Bolt refuses one older than five minutes;
 * within those five minutes a captured request (a slash command carries no event id) could be
 * sent again and would be answered again. Each signature of a request without an event id is
 * remembered for longer than that window, and a request whose signature was seen before is
 * acknowledged and dropped before any listener runs. Socket Mode has no signatures and no such replay.
 */
import type { App, BufferedIncomingMessage } from '@slack/bolt';
import type { Logger } from '../../ops/logger.ts';
import { EventDedup } from './eventDedup.ts';

/** Longer than the five minutes in which Bolt accepts a request's timestamp. */
export const REPLAY_WINDOW_MS = 10 * 60_000;

/** For the HTTP receiver's customPropertiesExtractor: the request's signature, into the context. */
export function signatureOf(request: BufferedIncomingMessage): { slackSignature: string } {
  const header = request.headers['x-slack-signature'];
  return { slackSignature: typeof header === 'string' ? header : '' };
}

export function registerReplayGuard(
  app: App,
  options: { log: Pick<Logger, 'warn'>; seen?: EventDedup },
): void {
  const seen = options.seen ?? new EventDedup({ ttlMs: REPLAY_WINDOW_MS, maxEntries: 100_000 });
  app.use(async (args) => {
    // Events carry an event_id, remembered longer than five minutes by the event dedup (which
    // also knows Slack's own retries); commands and clicks carry none: their signature stands in.
    if (typeof (args.body as { event_id?: unknown }).event_id === 'string') return args.next();
    const signature = args.context.slackSignature;
    if (typeof signature === 'string' && signature && !seen.firstTime(signature)) {
      options.log.warn(
        { retryNum: args.context.retryNum },
        'slack: replayed request (signature seen before) dropped',
      );
      // Acknowledged, so the sender learns nothing and Slack's side does not wait.
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  });
}
