import type { NewsEvent } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { articleIdsOf, eventWhen } from '../answers/describe.ts';
import { findEvents } from '../answers/findEvents.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import type { CommandDefinition } from './types.ts';

const MAX_LINES = 12;

/** Date of an event, or of the earliest article reporting it when the text gives none. */
function sortDate(kb: KnowledgeBase, event: NewsEvent): string {
  if (event.date) return event.date;
  const dates = event.sources
    .map((s) => kb.articles.get(s.article)?.published)
    .filter((d): d is string => !!d);
  return dates.sort()[0] ?? '9999-99-99';
}

/**
 * Orders events so that every event comes after those it follows; otherwise by date, then by
 * the order the facts list them. Undated events carry "last week" style times, so the "follows"
 * links matter more than the reporting date.
 */
export function orderEvents(kb: KnowledgeBase, events: readonly NewsEvent[]): NewsEvent[] {
  const byDate = [...events].sort((a, b) => sortDate(kb, a).localeCompare(sortDate(kb, b)));
  const ids = new Set(events.map((e) => e.id));
  const placed = new Set<string>();
  const out: NewsEvent[] = [];
  const place = (event: NewsEvent, depth: number) => {
    if (placed.has(event.id) || depth > events.length) return;
    for (const before of event.follows) {
      const prior = kb.events.get(before);
      if (prior && ids.has(before)) place(prior, depth + 1);
    }
    if (!placed.has(event.id)) {
      placed.add(event.id);
      out.push(event);
    }
  };
  for (const event of byDate) place(event, 0);
  return out;
}

export const timelineCommand: CommandDefinition = {
  name: 'timeline',
  summary: 'Events in order, optionally on one topic',
  args: [{ name: 'topic', description: 'A name or subject to follow', required: false, completeNames: true }],
  examples: ['/timeline', '/timeline Syria'],
  run(parsed, { kb }) {
    const topic = parsed.subject ?? parsed.text;
    const events = topic ? findEvents(kb, topic).map((m) => m.event) : [...kb.events.values()];
    if (events.length === 0) {
      // No curated events: the articles themselves, by date.
      const articles = [...kb.articles.values()].sort((a, b) =>
        (a.published ?? '').localeCompare(b.published ?? ''),
      );
      if (!articles.length)
        return new ReplyBuilder(kb, 'not_found', 'The archive holds no articles yet.').build();
      const reply = new ReplyBuilder(
        kb,
        'answer',
        topic
          ? `No events about "${topic}" in the facts; the articles by date:`
          : `Timeline of ${articles.length} articles:`,
      );
      for (const a of articles.slice(0, MAX_LINES))
        reply.line(`${a.published ?? 'undated'}: ${a.title}`, a.id);
      return reply.build();
    }
    const ordered = orderEvents(kb, events);
    const reply = new ReplyBuilder(
      kb,
      'answer',
      `Timeline${topic ? ` for "${topic}"` : ''}: ${ordered.length} event${ordered.length === 1 ? '' : 's'}`,
    );
    for (const event of ordered.slice(0, MAX_LINES)) {
      const when = eventWhen(event, kb);
      reply.line(`${when ? `${when}: ` : ''}${event.name}`, ...articleIdsOf(event.sources));
    }
    if (ordered.length > MAX_LINES)
      reply.line(`…and ${ordered.length - MAX_LINES} more; narrow it with /timeline <topic>.`);
    return reply.build();
  },
};
