/**
 * /watch: the names and phrases a channel wants to hear about when new articles arrive.
 *
 *   /watch <name or phrase>     "Tilerson" is corrected to Rex Tillerson, and the reply says so
 *   /watch "exact words"        a phrase, never looked up as a name
 *   /watch list
 *   /watch remove <n or name>
 *
 * Watches belong to a platform and channel (in the console, to the console, where alerts are
 * printed). A new watch and a removal are announced in the channel; the list, "did you mean" and
 * mistakes go to the asker alone.
 */
import type { CommandContext, CommandDefinition } from '../core/commands/types.ts';
import type { Reply } from '../core/reply.ts';
import { ReplyBuilder } from '../core/replyBuilder.ts';
import type { Request } from '../core/request.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import type { Watch, WatchChannel, WatchState } from '../state/watchState.ts';
import { nameKey } from '../text/words.ts';
import { MAX_WATCHES_PER_CHANNEL, WatchLimitError } from './watchLimits.ts';
import { resolveWatch } from './watchTerms.ts';

const WATCH_PLATFORMS = new Set(['slack', 'discord', 'console']);

export interface WatchCommandDeps {
  state: WatchState;
  now?: () => Date;
}

function privately(reply: Reply): Reply {
  return { ...reply, visibility: 'asker' };
}

function usageReply(kb: KnowledgeBase, headline: string): Reply {
  return privately(
    new ReplyBuilder(kb, 'help', headline)
      .line('/watch Tillerson: a short post here whenever a new article mentions Rex Tillerson')
      .line('/watch "chemical weapons": the words exactly as typed')
      .line('/watch list: what this channel watches · /watch remove <n or name>: stop one')
      .build(),
  );
}

function errorReply(kb: KnowledgeBase, message: string, example: string): Reply {
  return privately(new ReplyBuilder(kb, 'error', message).line(`Example: ${example}`).build());
}

/** The channel a request came from; the console is one channel of its own. */
function channelOf(request: Request): WatchChannel | undefined {
  if (!request.platform || !WATCH_PLATFORMS.has(request.platform)) return undefined;
  if (request.platform === 'console') return { platform: 'console', channelId: 'console' };
  return request.channelId ? { platform: request.platform, channelId: request.channelId } : undefined;
}

function describe(watch: Watch): string {
  const spelt = watch.terms.filter((t) => nameKey(t) !== nameKey(watch.name));
  const also = spelt.length ? ` (also "${spelt.slice(0, 4).join('", "')}")` : '';
  return watch.kind === 'name' ? `"${watch.name}"${also}` : `the words "${watch.name}"`;
}

async function add(typed: string, ctx: CommandContext, deps: WatchCommandDeps, channel: WatchChannel) {
  const { kb, request } = ctx;
  const meaning = resolveWatch(kb, typed);
  if (meaning.status === 'ambiguous') {
    const names = [...new Set(meaning.matches.map((m) => m.target.name))];
    const reply = new ReplyBuilder(
      kb,
      'ambiguous',
      `"${typed}" could mean ${names.length} names. Watch which?`,
    );
    for (const name of names) reply.line(name).suggest({ label: name, ask: `/watch ${name}` });
    return privately(reply.build());
  }
  const existing = await deps.state.listWatches(channel);
  const same = existing.find((w) => w.name === meaning.name);
  if (!same && existing.length >= MAX_WATCHES_PER_CHANNEL) {
    const limit = new WatchLimitError(existing.length);
    return errorReply(kb, limit.message, '/watch remove 1');
  }
  const { watch, created } = await deps.state.addWatch({
    ...channel,
    typed,
    name: meaning.name,
    kind: meaning.status,
    ...(meaning.status === 'name' ? { targetId: meaning.targetId } : {}),
    terms: meaning.terms,
    ...(request.userId ? { createdBy: request.userId } : {}),
    createdAt: (deps.now ?? (() => new Date()))(),
  });
  if (!created) {
    return privately(
      new ReplyBuilder(kb, 'answer', `This channel already watches ${describe(watch)}.`)
        .line('/watch list shows what it watches.')
        .build(),
    );
  }
  const corrected = meaning.status === 'name' && meaning.corrected ? ` (you typed "${typed}")` : '';
  const headline =
    meaning.status === 'name'
      ? `Watching "${meaning.name}"${corrected}`
      : `Watching the words "${meaning.name}"`;
  const reply = new ReplyBuilder(kb, 'answer', headline);
  if (meaning.status === 'name') {
    const also = meaning.terms.filter((t) => nameKey(t) !== nameKey(meaning.name));
    reply.line(
      `New articles that mention ${meaning.name}${also.length ? ` (or "${also.slice(0, 4).join('", "')}")` : ''} get a short post here: the title, the sentence and the source.`,
    );
    if (corrected) reply.line(`To watch exactly what you typed instead, say /watch "${typed}".`);
  } else {
    reply.line(
      meaning.quoted
        ? 'New articles that contain these words get a short post here.'
        : 'No name in the archive matches it yet, so new articles that contain these words get a short post here.',
    );
  }
  reply.line(`/watch list shows this channel's watches; /watch remove ${meaning.name} stops this one.`);
  return reply.build();
}

async function list(ctx: CommandContext, deps: WatchCommandDeps, channel: WatchChannel): Promise<Reply> {
  const { kb } = ctx;
  const watches = await deps.state.listWatches(channel);
  if (!watches.length) {
    return privately(
      new ReplyBuilder(kb, 'answer', 'This channel watches nothing yet.')
        .line('/watch <name or phrase> to start: /watch Tillerson')
        .build(),
    );
  }
  const reply = new ReplyBuilder(
    kb,
    'answer',
    `This channel watches ${watches.length} name${watches.length === 1 ? '' : 's'} or phrase${watches.length === 1 ? '' : 's'}:`,
  );
  watches.forEach((w, i) => {
    reply.line(`${i + 1}. ${describe(w)}`);
  });
  reply.line('/watch remove <n or name> stops one.');
  return privately(reply.build());
}

async function remove(args: string, ctx: CommandContext, deps: WatchCommandDeps, channel: WatchChannel) {
  const { kb } = ctx;
  const which = args.trim().replace(/^#/, '');
  if (!which)
    return errorReply(kb, 'Which watch? Give its number in /watch list, or its name.', '/watch remove 1');
  const watches = await deps.state.listWatches(channel);
  const byNumber = /^\d+$/.test(which) ? watches[Number(which) - 1] : undefined;
  const key = nameKey(which.replace(/^["“'‘]|["”'’]$/gu, ''));
  const byName =
    byNumber ??
    watches.find((w) => nameKey(w.name) === key || nameKey(w.typed) === key) ??
    watches.find((w) => w.terms.some((t) => nameKey(t) === key));
  if (!byName) {
    return errorReply(
      kb,
      `This channel does not watch "${which}"; /watch list shows what it watches.`,
      '/watch remove 1',
    );
  }
  await deps.state.removeWatch(byName.id);
  return new ReplyBuilder(kb, 'answer', `No longer watching ${describe(byName)} in this channel.`).build();
}

export function watchCommand(deps: WatchCommandDeps | undefined): CommandDefinition {
  return {
    name: 'watch',
    summary: 'Watch a name or phrase: a short post here when a new article mentions it; list, remove',
    args: [
      {
        name: 'name',
        description: 'A person, organisation, place or phrase · list · remove <n or name>',
        required: true,
        completeNames: true,
      },
    ],
    examples: ['/watch Tillerson', '/watch "chemical weapons"', '/watch list', '/watch remove 1'],
    async run(parsed, ctx) {
      const { kb, request } = ctx;
      if (!deps) {
        return privately(
          new ReplyBuilder(kb, 'error', 'Watching names is not available here.')
            .line('It runs with the bot itself (npm start): in Slack, Discord or its console.')
            .build(),
        );
      }
      const text = parsed.text.trim();
      if (!text) return usageReply(kb, 'Tell me what to watch: /watch <name or phrase>');
      const channel = channelOf(request);
      if (!channel) {
        return errorReply(
          kb,
          'Watch from the Slack or Discord channel that should get the posts.',
          '/watch Tillerson',
        );
      }
      const [verb = '', ...rest] = text.split(/\s+/);
      switch (verb.toLowerCase()) {
        case 'list':
          if (rest.length === 0) return list(ctx, deps, channel);
          break;
        case 'remove':
        case 'unwatch':
        case 'stop':
          if (rest.length > 0) return remove(rest.join(' '), ctx, deps, channel);
          return errorReply(
            kb,
            'Which watch? Give its number in /watch list, or its name.',
            '/watch remove 1',
          );
        case 'help':
          if (rest.length === 0)
            return usageReply(kb, 'Watched names: a short post when new articles mention them');
          break;
      }
      return add(text, ctx, deps, channel);
    },
  };
}
