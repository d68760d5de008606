/**
 * /digest: scheduled digests of new articles for the channel it is typed in.
 *
 *   /digest subscribe <daily HH:MM | weekly DAY HH:MM | cron "expr"> [time zone] [skip-quiet]
 *   /digest list
 *   /digest unsubscribe [id]
 *   /digest now [id]          a preview, shown only to the asker
 *
 * Subscriptions belong to a platform, workspace (Slack team or Discord server) and channel. In the console, which has no channel, list shows
 * every subscription and unsubscribe takes any id; subscribing needs a channel.
 */

import type { CommandContext, CommandDefinition } from '../core/commands/types.ts';
import type { Reply } from '../core/reply.ts';
import { ReplyBuilder } from '../core/replyBuilder.ts';
import type { Request } from '../core/request.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import type { DigestRun, Subscription } from '../state/stateStore.ts';
import { SubscriptionLimitError } from './channelLimits.ts';
import type { ChannelRef, DigestService, SubscriptionStatus } from './digestService.ts';
import { describeSchedule, formatSlot, parseSchedule, SCHEDULE_EXAMPLES } from './schedule.ts';

const EXAMPLE = '/digest subscribe daily 08:00 Europe/London';
const SKIP_QUIET = /(?:^|\s)(?:--)?skip[-_ ]?quiet(?=\s|$)/i;
const CHAT_PLATFORMS = new Set(['slack', 'discord']);

function privately(reply: Reply): Reply {
  return { ...reply, visibility: 'asker' };
}

function usageReply(kb: KnowledgeBase, headline: string): Reply {
  return privately(
    new ReplyBuilder(kb, 'help', headline)
      .line('/digest subscribe daily 08:00 Europe/London: a digest every day at 08:00, London time')
      .line('/digest subscribe weekly monday 09:00: every Monday (time zone optional)')
      .line('/digest subscribe cron "0 8 * * 1-5" America/New_York: any cron schedule')
      .line('Add skip-quiet to post nothing when there is no news.')
      .line('/digest list · /digest unsubscribe [id] · /digest now (a preview only you see)')
      .build(),
  );
}

function errorReply(kb: KnowledgeBase, message: string, example = EXAMPLE): Reply {
  return privately(new ReplyBuilder(kb, 'error', message).line(`Example: ${example}`).build());
}

/** The channel a chat request came from; undefined for the console and the one-shot tools. */
function channelOf(request: Request): ChannelRef | undefined {
  if (!request.platform || !CHAT_PLATFORMS.has(request.platform) || !request.channelId) return undefined;
  return {
    platform: request.platform,
    ...(request.workspaceId ? { workspaceId: request.workspaceId } : {}),
    channelId: request.channelId,
  };
}

function describeRun(run: DigestRun | undefined, timeZone: string): string {
  if (!run) return 'nothing posted yet';
  const when = formatSlot(new Date(run.slot), timeZone);
  switch (run.status) {
    case 'sent':
      return `last posted for ${when}`;
    case 'skipped':
      return `${when} skipped: ${run.detail ?? 'no reason recorded'}`;
    case 'failed':
      return `${when} FAILED: ${run.detail ?? 'no reason recorded'}`;
    case 'retrying':
      return `${when} retrying after ${run.attempts} failed attempt${run.attempts === 1 ? '' : 's'}: ${run.detail ?? ''}`.trim();
    default:
      return `${when} being posted now`;
  }
}

function statusLine(s: SubscriptionStatus, showChannel: boolean): string {
  const { subscription: sub } = s;
  const parts = [
    `#${sub.id} ${describeSchedule(sub)}`,
    showChannel
      ? `in ${sub.platform} channel ${sub.channelId}${sub.workspaceId ? ` of workspace ${sub.workspaceId}` : ''}`
      : undefined,
    sub.origin === 'config' ? 'from configuration' : undefined,
    sub.skipQuiet ? 'skips quiet windows' : undefined,
    s.next ? `next ${formatSlot(s.next, sub.timeZone)}` : undefined,
    describeRun(s.lastRun, sub.timeZone),
  ];
  return parts.filter(Boolean).join('; ');
}

/** The id the user gave ("3" or "#3"); undefined when none; NaN when it is not a number. */
function idArgument(text: string): number | undefined {
  const word = text.trim();
  if (!word) return undefined;
  return /^#?\d+$/.test(word) ? Number(word.replace('#', '')) : Number.NaN;
}

async function subscribe(args: string, ctx: CommandContext, digests: DigestService): Promise<Reply> {
  const { kb, request } = ctx;
  const channel = channelOf(request);
  if (!channel) {
    return errorReply(
      kb,
      'Subscribe from the Slack or Discord channel that should get the digests, or declare it in DIGEST_SUBSCRIPTIONS.',
    );
  }
  const skipQuiet = SKIP_QUIET.test(args);
  const scheduleText = args.replace(SKIP_QUIET, ' ').trim();
  const parsed = parseSchedule(scheduleText, digests.defaultTimeZone);
  if (!parsed.ok) return errorReply(kb, parsed.error);
  let subscribed: Awaited<ReturnType<DigestService['subscribe']>>;
  try {
    subscribed = await digests.subscribe({
      ...channel,
      schedule: parsed.value,
      skipQuiet,
      ...(request.userId ? { userId: request.userId } : {}),
    });
  } catch (error) {
    if (error instanceof SubscriptionLimitError) return errorReply(kb, error.message);
    throw error;
  }
  const { subscription, created } = subscribed;
  const [status] = await digests
    .list({ ...channel })
    .then((all) => all.filter((s) => s.subscription.id === subscription.id));
  const when = describeSchedule(subscription);
  const reply = new ReplyBuilder(
    kb,
    'answer',
    created
      ? `This channel will get a digest of new articles ${when}.`
      : `This channel already gets a digest ${when} (#${subscription.id}).`,
  );
  if (status?.next) reply.line(`Next digest: ${formatSlot(status.next, subscription.timeZone)}.`);
  reply.line(
    subscription.skipQuiet
      ? 'When there is no news, nothing is posted.'
      : 'When there is no news, a one-line note says so (add skip-quiet to post nothing).',
  );
  reply.line(
    `Subscription #${subscription.id}: /digest list shows it, /digest unsubscribe ${subscription.id} stops it, /digest now previews it.`,
  );
  if (created) reply.line('In a private channel, invite the bot first so it can post here.');
  return reply.build();
}

async function list(ctx: CommandContext, digests: DigestService): Promise<Reply> {
  const { kb, request } = ctx;
  const channel = channelOf(request);
  const statuses = await digests.list(channel ?? {});
  const where = channel ? 'this channel' : 'this bot';
  if (!statuses.length) {
    return privately(
      new ReplyBuilder(kb, 'not_found', `No digest subscriptions in ${where} yet.`)
        .line(`Subscribe with ${EXAMPLE}.`)
        .build(),
    );
  }
  const reply = new ReplyBuilder(
    kb,
    'answer',
    `${statuses.length} digest subscription${statuses.length === 1 ? '' : 's'} in ${where}:`,
  );
  for (const s of statuses) reply.line(statusLine(s, !channel));
  return privately(reply.build());
}

async function unsubscribe(args: string, ctx: CommandContext, digests: DigestService): Promise<Reply> {
  const { kb, request } = ctx;
  const channel = channelOf(request);
  const id = idArgument(args);
  if (id !== undefined && Number.isNaN(id)) {
    return errorReply(kb, `"${args.trim()}" is not a subscription number.`, '/digest unsubscribe 3');
  }
  const mine = (await digests.list(channel ?? {})).map((s) => s.subscription);
  let target: Subscription | undefined;
  if (id !== undefined) {
    target = mine.find((s) => s.id === id);
    if (!target) {
      return errorReply(
        kb,
        `There is no subscription #${id} in ${channel ? 'this channel' : 'this bot'}.`,
        '/digest list',
      );
    }
  } else if (mine.length === 1) {
    target = mine[0];
  } else if (mine.length === 0) {
    return privately(
      new ReplyBuilder(
        kb,
        'not_found',
        `No digest subscriptions in ${channel ? 'this channel' : 'this bot'}.`,
      )
        .line(`Subscribe with ${EXAMPLE}.`)
        .build(),
    );
  } else {
    const reply = new ReplyBuilder(kb, 'ambiguous', 'Which subscription? Say /digest unsubscribe <number>:');
    for (const s of mine) reply.line(`#${s.id} ${describeSchedule(s)}`);
    return privately(reply.build());
  }
  if (!target) return errorReply(kb, 'No such subscription.', '/digest list');
  if (target.origin === 'config') {
    return errorReply(
      kb,
      `#${target.id} is declared in DIGEST_SUBSCRIPTIONS: remove it there and restart the bot.`,
      '/digest list',
    );
  }
  await digests.unsubscribe(target.id);
  return new ReplyBuilder(
    kb,
    'answer',
    `Unsubscribed #${target.id}: no more digests ${describeSchedule(target)} here.`,
  ).build();
}

async function preview(args: string, ctx: CommandContext, digests: DigestService): Promise<Reply> {
  const { kb, request } = ctx;
  const channel = channelOf(request);
  const id = idArgument(args);
  if (id !== undefined && Number.isNaN(id)) {
    return errorReply(kb, `"${args.trim()}" is not a subscription number.`, '/digest now 3');
  }
  const mine = (await digests.list(channel ?? {})).map((s) => s.subscription);
  const target = id === undefined ? (channel ? mine[0] : undefined) : mine.find((s) => s.id === id);
  if (id !== undefined && !target) {
    return errorReply(kb, `There is no subscription #${id} here.`, '/digest list');
  }
  return privately(await digests.preview(target));
}

/**
 * /digest, answering with the digest service; without one (the one-shot tools, which have no
 * state database) it says scheduled digests are not available here.
 */
export function digestCommand(digests: DigestService | undefined): CommandDefinition {
  return {
    name: 'digest',
    summary: 'Scheduled digests of new articles for this channel: subscribe, list, unsubscribe, now',
    args: [
      {
        name: 'action',
        description: 'subscribe daily 08:00 Europe/London · list · unsubscribe [id] · now',
        required: false,
      },
    ],
    examples: [EXAMPLE, '/digest list', '/digest now'],
    run(parsed, ctx) {
      const { kb } = ctx;
      if (!digests) {
        return privately(
          new ReplyBuilder(kb, 'error', 'Scheduled digests are not available here.')
            .line('They run with the bot itself (npm start), in Slack and Discord channels.')
            .build(),
        );
      }
      const [verb = '', ...rest] = parsed.text.trim().split(/\s+/);
      const args = rest.join(' ');
      switch (verb.toLowerCase()) {
        case 'subscribe':
        case 'add':
          return subscribe(args, ctx, digests);
        case 'list':
        case 'ls':
          return list(ctx, digests);
        case 'unsubscribe':
        case 'remove':
        case 'stop':
          return unsubscribe(args, ctx, digests);
        case 'now':
        case 'preview':
          return preview(args, ctx, digests);
        case '':
        case 'help':
          return usageReply(
            kb,
            `Scheduled digests: the new articles, who and what they mention, with sources.`,
          );
        default:
          return usageReply(
            kb,
            `"${verb}" is not a /digest action. Try subscribe, list, unsubscribe or now (${SCHEDULE_EXAMPLES}).`,
          );
      }
    },
  };
}
