/**
 * The Slack listeners: each turns a Slack event into a core Request and posts the rendered Reply.
 * No answering logic lives here. Where replies go:
 * - slash commands: acknowledged at once, then answered through the command's response_url, in
 *   the channel or to the asker alone as the core decided (Reply.visibility);
 * - mentions: in the thread of the mention (one at a channel's top level starts a thread, keyed
 *   by its ts); direct messages: in the conversation;
 * - follow-up questions: a mention in a thread continues that thread's context (Request.thread:
 *   its thread_ts), a direct message the conversation's; slash commands and buttons stand alone;
 * - suggestion buttons: the chosen question is answered through the click's response_url, as a
 *   new message next to the one clicked (in its thread, if it has one), seen as a slash command's is;
 * - shared links (link_shared): previews through chat.unfurl (linkUnfurls.ts);
 * - "slow down" and "busy" (kind 'throttled') go to the asker alone; when the core says nothing
 *   (rate limited again within the window), nothing is posted.
 * Every incoming request gets an id (reqId) that its log lines carry, and its work is tracked so a
 * graceful shutdown can wait for it.
 */
import type { App, BlockAction, ButtonAction, RespondArguments } from '@slack/bolt';
import type { Bot } from '../../core/bot.ts';
import { apologyReply, type Reply } from '../../core/reply.ts';
import type { Request } from '../../core/request.ts';
import type { Logger } from '../../ops/logger.ts';
import type { ErrorCounter } from '../../ops/metrics.ts';
import { type Leases, onceAcross } from '../../state/leases.ts';
import { ANSWER_LEASE } from '../answerOnce.ts';
import type { InFlight } from '../inFlight.ts';
import { newRequestScope, type RequestScope } from '../requestScope.ts';
import { textFromSlack } from './escapeSlack.ts';
import { registerLinkUnfurls } from './linkUnfurls.ts';
import { renderSlackMessage, SUGGESTION_ACTION_PATTERN } from './renderSlackBlocks.ts';
import { SEND_OPTIONS } from './sendOptions.ts';

export interface SlackHandlerDeps {
  bot: Bot;
  log: Logger;
  /** Who answers each event: this process alone, or one of the instances sharing a store. */
  leases: Leases;
  /** Tracks each listener's work, for a graceful shutdown. */
  inFlight?: InFlight;
  /** Counts failed Slack calls. */
  errors?: ErrorCounter;
}

type Visibility = 'in_channel' | 'ephemeral';

/** The core's decision, in Slack's words: a reply for the asker alone is ephemeral. */
export function slashVisibility(reply: Pick<Reply, 'visibility'>): Visibility {
  return reply.visibility === 'asker' ? 'ephemeral' : 'in_channel';
}

function slackError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function registerSlackHandlers(
  app: App,
  { bot, log, leases, inFlight, errors }: SlackHandlerDeps,
): void {
  const answer = async (
    scope: RequestScope,
    text: string,
    userId: string | undefined,
    channelId: string | undefined,
    via: Request['via'],
    workspaceId?: string,
    thread?: Request['thread'],
  ): Promise<Reply | null> => {
    try {
      return await bot.respond({
        text: text || 'help',
        id: scope.reqId,
        platform: 'slack',
        ...(workspaceId ? { workspaceId } : {}),
        userId,
        channelId,
        via,
        ...(thread ? { thread } : {}),
      });
    } catch (error) {
      scope.log.error({ err: error, userId, channelId }, 'slack: the core failed to answer');
      errors?.countError('slack');
      return apologyReply({ via });
    }
  };

  /**
   * Runs one listener's work under a new request id; a failed Slack call is logged, never thrown
   * at Bolt or the process.
   */
  const guard = (
    what: string,
    where: Record<string, unknown>,
    work: (scope: RequestScope) => Promise<void>,
  ) => {
    const scope = newRequestScope(log);
    const run = async () => {
      try {
        scope.log.debug(where, `slack: ${what}`);
        await work(scope);
      } catch (error) {
        scope.log.error({ err: error, slackError: slackError(error), ...where }, `slack: ${what} failed`);
        errors?.countError('slack');
      }
    };
    return inFlight ? inFlight.track(run()) : run();
  };

  /** Posts in the channel; a reply for the asker alone goes as an ephemeral message to them. */
  const post = async (
    client: App['client'],
    args: { channel: string; thread_ts?: string | undefined; user?: string | undefined },
    reply: Reply,
  ) => {
    const { thread_ts, channel, user } = args;
    if (reply.visibility === 'asker' && user) {
      await client.chat.postEphemeral({
        channel,
        user,
        ...(thread_ts ? { thread_ts } : {}),
        ...renderSlackMessage(reply),
        ...SEND_OPTIONS,
      });
      return;
    }
    await client.chat.postMessage({
      channel,
      ...(thread_ts ? { thread_ts } : {}),
      ...renderSlackMessage(reply),
      ...SEND_OPTIONS,
    });
  };

  const leaseFailed = (error: unknown) => {
    log.warn({ err: error }, 'slack: the shared lease store failed; answering anyway');
    errors?.countError('slack');
  };
  const timing = { ...ANSWER_LEASE, onError: leaseFailed };

  // Retries carry the event_id of the first delivery: whoever holds or has answered it drops them
  // before any listener runs. Marked done once the listeners finished, so the answer was posted.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return next();
    const outcome = await onceAcross(leases, `slack:event:${eventId}`, timing, next);
    if (outcome !== 'acquired') {
      log.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason, outcome },
        'slack: repeated event ignored',
      );
    }
  });

  /** One answer per message, even if it also arrives as another event type. */
  const answerOnce = (channel: string, ts: string, work: () => Promise<void>) =>
    onceAcross(leases, `slack:message:${channel}:${ts}`, timing, work);

  for (const command of bot.commands) {
    app.command(`/${command.name}`, async ({ command: payload, ack, respond }) => {
      const where = { command: payload.command, userId: payload.user_id, channelId: payload.channel_id };
      await guard('slash command', where, async (scope) => {
        // Acknowledge first: Slack shows an error if nothing comes back within 3 seconds.
        await ack();
        const reply = await answer(
          scope,
          `/${command.name} ${textFromSlack(payload.text ?? '')}`.trim(),
          payload.user_id,
          payload.channel_id,
          'command',
          payload.team_id,
        );
        if (!reply) return;
        scope.log.debug({ ...where, kind: reply.kind }, 'slack: slash command answered');
        await respond({
          ...renderSlackMessage(reply),
          response_type: slashVisibility(reply),
          ...SEND_OPTIONS,
        });
      });
    });
  }

  app.event('app_mention', async ({ event, context, client }) => {
    if (event.bot_id) return;
    const where = { event: 'app_mention', userId: event.user, channelId: event.channel };
    // The answer goes in the mention's thread, or starts one under it: follow-ups asked there
    // share its context.
    const threadTs = event.thread_ts ?? event.ts;
    await answerOnce(event.channel, event.ts, () =>
      guard('answering a mention', where, async (scope) => {
        const reply = await answer(
          scope,
          textFromSlack(event.text, context.botUserId),
          event.user,
          event.channel,
          'message',
          context.teamId,
          { id: threadTs },
        );
        if (!reply) return;
        await post(client, { channel: event.channel, thread_ts: threadTs, user: event.user }, reply);
      }),
    );
  });

  app.message(async ({ message, context, client }) => {
    // Plain messages typed by a person in a DM; edits, joins and bot posts have a subtype or bot_id.
    if (message.subtype !== undefined || message.channel_type !== 'im' || message.bot_id) return;
    const where = { event: 'message.im', userId: message.user, channelId: message.channel };
    await answerOnce(message.channel, message.ts, () =>
      guard('answering a direct message', where, async (scope) => {
        // A direct message is seen by the asker alone already, so it is answered in the conversation.
        const reply = await answer(
          scope,
          textFromSlack(message.text ?? '', context.botUserId),
          message.user,
          message.channel,
          'message',
          context.teamId,
          // A direct message is one conversation; a thread in it is one of its own.
          { id: message.thread_ts ?? 'dm' },
        );
        if (!reply) return;
        await post(client, { channel: message.channel, thread_ts: message.thread_ts }, reply);
      }),
    );
  });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: SUGGESTION_ACTION_PATTERN },
    async ({ ack, action, body, respond, client }) => {
      const where = { action: action.action_id, userId: body.user.id, channelId: body.channel?.id };
      await guard('answering a suggestion', where, async (scope) => {
        await ack();
        if (!action.value) return;
        const reply = await answer(
          scope,
          action.value,
          body.user.id,
          body.channel?.id,
          'command',
          body.team?.id,
        );
        if (!reply) return;
        const container = body.container as { thread_ts?: unknown };
        const threadTs = [body.message?.thread_ts, container.thread_ts].find(
          (t): t is string => typeof t === 'string',
        );
        const message = renderSlackMessage(reply);
        if (body.response_url) {
          const args: RespondArguments = {
            ...message,
            response_type: slashVisibility(reply),
            replace_original: false,
            ...(threadTs ? { thread_ts: threadTs } : {}),
            ...SEND_OPTIONS,
          };
          await respond(args);
        } else if (body.channel?.id) {
          await post(client, { channel: body.channel.id, thread_ts: threadTs, user: body.user.id }, reply);
        }
      });
    },
  );

  registerLinkUnfurls(app, { bot, log, inFlight, errors });

  app.error(async (error) => {
    errors?.countError('slack');
    log.error(
      { err: error, code: (error as { code?: unknown }).code },
      'slack: unhandled error in a listener',
    );
  });
}
