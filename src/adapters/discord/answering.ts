/** What the interaction and message handlers share: the bot, the logger, button ids, timings. */
import type { Logger } from '../../app/logger.ts';
import type { Bot } from '../../core/bot.ts';
import type { Reply, ReplyKind } from '../../core/reply.ts';
import type { Request } from '../../core/request.ts';
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
}

/** Errors and "not found" go only to the person who asked. */
export function isPrivate(kind: ReplyKind): boolean {
  return kind === 'not_found' || kind === 'error';
}

export function expectSlow(ctx: DiscordContext, text: string): boolean {
  const expected = ctx.timings.expected(timingKey(text));
  return expected !== undefined && expected >= ctx.deferAfterMs;
}

/** Asks the core, timing the answer so the next request for the same command knows what to expect. */
export function answer(ctx: DiscordContext, request: Request): Reply {
  const started = performance.now();
  try {
    return ctx.bot.answer(request);
  } finally {
    const ms = performance.now() - started;
    ctx.timings.record(timingKey(request.text), ms);
    ctx.log.debug({ platform: 'discord', command: timingKey(request.text), ms: Math.round(ms) }, 'answered');
  }
}
