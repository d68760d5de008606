/** Small wording helpers shared by answers. */
import type { Entity, NewsEvent } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { joinWords } from '../../text/words.ts';

export function nameOf(kb: KnowledgeBase, id: string): string {
  return kb.entities.get(id)?.name ?? kb.events.get(id)?.name ?? id;
}

export function listNames(kb: KnowledgeBase, ids: readonly string[]): string {
  return joinWords(ids.map((id) => nameOf(kb, id)));
}

/** "Rex Tillerson (US Secretary of State)" for people with a role, else just the name. */
export function nameWithRole(entity: Entity): string {
  const role = entity.roles[0]?.title;
  return role ? `${entity.name} (${role})` : entity.name;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAYS_FROM_PUBLICATION: Record<string, number> = {
  yesterday: -1,
  'last night': -1,
  today: 0,
  tonight: 0,
  'this morning': 0,
  tomorrow: 1,
};

/**
 * The calendar day of a time the article gives relative to its own date ("yesterday" in an article
 * of 2017-04-13 is Wednesday 2017-04-12; "on Wednesday" the last Wednesday before it), when every
 * source of the event is one dated article.
 */
export function dayOf(time: string, published: string | undefined): string | undefined {
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return undefined;
  const phrase = time
    .trim()
    .toLowerCase()
    .replace(/^on\s+/, '');
  const base = new Date(`${published}T12:00:00Z`);
  let offset = DAYS_FROM_PUBLICATION[phrase];
  const weekday = DAY_NAMES.findIndex((d) => d.toLowerCase() === phrase);
  if (offset === undefined && weekday >= 0) offset = -((base.getUTCDay() - weekday + 7) % 7 || 7);
  if (offset === undefined) return undefined;
  const day = new Date(base.getTime() + offset * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  return weekday >= 0 ? date : `${DAY_NAMES[day.getUTCDay()]}, ${date}`;
}

/** When an event happened, as the articles say it, with the calendar day where it can be worked out. */
export function eventWhen(event: NewsEvent, kb?: KnowledgeBase): string | undefined {
  if (event.time && event.date) return `${event.time}, ${event.date}`;
  if (event.time && kb) {
    const articles = new Set(event.sources.map((s) => s.article));
    const [only] = articles;
    const day = articles.size === 1 && only ? dayOf(event.time, kb.articles.get(only)?.published) : undefined;
    if (day) return `${event.time} (${day})`;
  }
  return event.time ?? event.date;
}

export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m?.[1] ?? text;
}

/** Events an entity took part in or that happened at it, in timeline order. */
export function eventsInvolving(kb: KnowledgeBase, entityId: string): NewsEvent[] {
  return [...kb.events.values()].filter(
    (e) =>
      e.place === entityId ||
      e.participants.includes(entityId) ||
      e.accounts.some((a) => a.participants.includes(entityId)),
  );
}

export function articleIdsOf(refs: readonly { article: string }[]): string[] {
  return [...new Set(refs.map((r) => r.article))];
}
