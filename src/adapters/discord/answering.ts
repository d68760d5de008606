/** What the interaction and message handlers share: the bot, the logger, button ids, timings. */

import type { Bot } from '../../core/bot.ts';
import type { Reply } from '../../core/reply.ts';
import type { Request } from '../../core/request.ts';
import type { Logger } from '../../ops/logger.ts';
import type { ErrorCounter } from '../../ops/metrics.ts';
import type { AnswerTimings } from './slowAnswers.ts';
import { timingKey } from './slowAnswers.ts';
import type { SuggestionIds } from './suggestionButtons.ts';

export interface DiscordContext {
  bot: Bot;
  log: Logger;
  ids: SuggestionIds;
  timings: AnswerTimings;
  /** Defer (or show typing) first when this command's recent answers took this long. */
  deferAfterMs: number;
  /** Counts failed Discord calls (metrics). */
  errors?: ErrorCounter;
}

/** The core's decision, in Discord's words: a reply for the asker alone is ephemeral. */
export function isPrivate(reply: Pick<Reply, 'visibility'>): boolean {
  return reply.visibility === 'asker';
}

export function expectSlow(ctx: DiscordContext, text: string): boolean {
  const expected = ctx.timings.expected(timingKey(text));
  return expected !== undefined && expected >= ctx.deferAfterMs;
}

/**
 * Asks the core, timing the answer so the next request for the same command knows what to expect.
 * null: the core chose to say nothing (rate limited again within the window).
 */
export async function answer(
  ctx: DiscordContext,
  request: Request,
  log: Logger = ctx.log,
): Promise<Reply | null> {
  const started = performance.now();
  try {
    return await ctx.bot.respond(request);
  } finally {
    const ms = performance.now() - started;
    ctx.timings.record(timingKey(request.text), ms);
    log.debug({ platform: 'discord', command: timingKey(request.text), ms: Math.round(ms) }, 'answered');
  }
}
