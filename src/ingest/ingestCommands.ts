/**
 * Growing the archive from chat: /ingest <url> adds one article (editors only: ADMIN_USER_IDS),
 * /feeds lists the followed feeds (FEEDS) and how their last poll went. The work is done by the
 * archive service (archiveService.ts); main.ts registers them with the service it starts.
 */

import type { CommandDefinition } from '../core/commands/types.ts';
import type { Reply } from '../core/reply.ts';
import { ReplyBuilder } from '../core/replyBuilder.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { formatCount } from '../text/words.ts';
import type { ArchiveService, FeedStatus, IngestOutcome } from './archiveService.ts';

function privately(reply: Reply): Reply {
  return { ...reply, visibility: 'asker' };
}

function unavailable(kb: KnowledgeBase): Reply {
  return privately(
    new ReplyBuilder(kb, 'error', 'Adding articles is not available here.')
      .line('It runs with the bot itself (npm start): in Slack, Discord or its console.')
      .build(),
  );
}

/** A reason as a sentence: capital first letter, one full stop. */
function sentence(reason: string): string {
  const text = reason.trim().replace(/\.$/, '');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function outcomeReply(kb: KnowledgeBase, outcome: IngestOutcome): Reply {
  switch (outcome.status) {
    case 'stored': {
      const a = outcome.article;
      const by = [a.author, a.publication, a.published].filter(Boolean).join(', ');
      const reply = new ReplyBuilder(
        kb,
        'answer',
        `Added “${a.title}”${by ? ` (${by})` : ''} to the archive.`,
      )
        .line(`${formatCount(a.words)} words from ${a.url}, saved as ${outcome.file}.`)
        .line(
          outcome.searchable
            ? 'It is searchable now, and new articles appear in the next digest.'
            : 'It will be searchable in a moment, once the archive is reindexed.',
        );
      if (outcome.searchable && kb.articles.has(outcome.id)) reply.citeHeadline(outcome.id);
      return reply.suggest({ label: 'Sources', ask: '/sources' }).build();
    }
    case 'duplicate': {
      const e = outcome.existing;
      return privately(
        new ReplyBuilder(kb, 'not_found', `Already in the archive: ${outcome.reason}.`)
          .line(`${e.title ? `“${e.title}”` : e.url}${e.file ? `, in ${e.file}` : ''}.`)
          .build(),
      );
    }
    case 'refused':
      return privately(
        new ReplyBuilder(kb, 'error', 'I did not add that page.').line(sentence(outcome.reason)).build(),
      );
    default:
      return privately(
        new ReplyBuilder(kb, 'error', 'I could not fetch that page just now.')
          .line(sentence(outcome.reason))
          .line('Try again in a while.')
          .build(),
      );
  }
}

/** /ingest with the archive service; without one (the one-shot tools) it says adding is not available here. */
export function ingestCommand(archive: ArchiveService | undefined): CommandDefinition {
  return {
    name: 'ingest',
    summary: 'Add an article to the archive from its web address (editors only)',
    args: [{ name: 'url', description: 'the article’s address, https://…', required: true }],
    examples: ['/ingest https://example.com/news/harbour-bridge-closed'],
    run(parsed, { kb, request }) {
      if (!archive) return unavailable(kb);
      if (!archive.mayIngest(request)) {
        return privately(
          new ReplyBuilder(kb, 'error', 'Only editors can add articles to the archive.')
            .line('Ask an admin to add your user id to ADMIN_USER_IDS, or to add the article for you.')
            .build(),
        );
      }
      // Slack wraps links as <https://…> or <https://…|label>.
      const url = parsed.text.trim().replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1');
      if (!url || /\s/.test(url)) {
        return privately(
          new ReplyBuilder(kb, 'help', 'Give me one web address: /ingest <url>.')
            .line('Example: /ingest https://example.com/news/harbour-bridge-closed')
            .build(),
        );
      }
      return archive.ingest(url, request).then((outcome) => outcomeReply(kb, outcome));
    },
  };
}

function feedLine(f: FeedStatus): string {
  const s = f.state;
  if (!s?.polledAt) return `${f.url}: not polled yet`;
  const when = `${s.polledAt.slice(0, 16).replace('T', ' ')} UTC`;
  const result = s.status === 'failed' ? `FAILED: ${s.detail ?? ''}` : (s.detail ?? s.status ?? '');
  return `${f.url}: ${when}, ${result}; ${s.addedTotal} article${s.addedTotal === 1 ? '' : 's'} added so far`;
}

export function feedsCommand(archive: ArchiveService | undefined): CommandDefinition {
  return {
    name: 'feeds',
    summary: 'The RSS and Atom feeds the archive follows, with their last result',
    args: [],
    examples: ['/feeds'],
    run(_parsed, { kb }) {
      if (!archive) return unavailable(kb);
      return archive.feeds().then((feeds) => {
        if (!feeds.length) {
          return privately(
            new ReplyBuilder(kb, 'not_found', 'The archive follows no feeds.')
              .line('List RSS or Atom feed addresses in FEEDS (comma-separated) and restart the bot.')
              .build(),
          );
        }
        const reply = new ReplyBuilder(
          kb,
          'answer',
          `The archive follows ${feeds.length} feed${feeds.length === 1 ? '' : 's'}:`,
        );
        for (const f of feeds) reply.line(feedLine(f));
        return privately(reply.build());
      });
    },
  };
}

/** The archive's commands, in the order help lists them. */
export function ingestCommands(archive: ArchiveService | undefined): CommandDefinition[] {
  return [ingestCommand(archive), feedsCommand(archive)];
}
