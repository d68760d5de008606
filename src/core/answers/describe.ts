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

export function eventWhen(event: NewsEvent): string | undefined {
  if (event.time && event.date) return `${event.time}, ${event.date}`;
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
