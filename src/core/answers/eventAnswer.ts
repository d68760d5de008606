/** Answers "what happened" from a curated event, showing each source's account where they differ. */
import type { NewsEvent } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { shorten } from '../../text/words.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import { articleIdsOf, eventWhen, firstSentence, listNames, nameOf } from './describe.ts';

export type EventFocus = 'what' | 'when' | 'where' | 'who';

function sameParticipants(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function accountsDiffer(event: NewsEvent): boolean {
  const withParticipants = event.accounts.filter((a) => a.participants.length);
  const first = withParticipants[0];
  return !!first && withParticipants.some((a) => !sameParticipants(a.participants, first.participants));
}

export function eventHeadline(kb: KnowledgeBase, event: NewsEvent, focus: EventFocus): string {
  const when = eventWhen(event, kb);
  switch (focus) {
    case 'when':
      return when ? `${event.name}: ${when}` : `${event.name}: the articles give no time`;
    case 'where':
      return event.place
        ? `${event.name}: ${nameOf(kb, event.place)}`
        : `${event.name}: the articles give no place`;
    case 'who':
      return `${event.name}: ${listNames(kb, event.participants) || 'no participants named'}`;
    default:
      return `${event.name}: ${shorten(firstSentence(event.summary), 220)}`;
  }
}

export function eventAnswer(kb: KnowledgeBase, event: NewsEvent, focus: EventFocus = 'what'): Reply {
  return eventReply(kb, event, focus).build();
}

/** The event answer still open for more lines (used when several events share a place). */
export function eventReply(kb: KnowledgeBase, event: NewsEvent, focus: EventFocus): ReplyBuilder {
  const reply = new ReplyBuilder(kb, 'answer', eventHeadline(kb, event, focus));
  reply.about({ name: event.name, kind: 'event' });
  for (const id of [...event.participants, ...(event.place ? [event.place] : [])]) {
    const entity = kb.entities.get(id);
    if (entity) reply.about({ name: entity.name, kind: entity.kind });
  }
  const differ = accountsDiffer(event);
  reply.citeHeadline(
    ...articleIdsOf(
      differ ? event.sources : [...event.accounts.map((a) => a.source), ...event.sources],
    ).slice(0, 2),
  );

  if (focus !== 'what' || event.summary !== firstSentence(event.summary))
    reply.line(event.summary, ...articleIdsOf(event.sources));
  if (differ) {
    reply.line(`Sources differ on who took part:`);
    for (const account of event.accounts) {
      reply.line(`${account.says} (${listNames(kb, account.participants)})`, account.source.article);
    }
  } else {
    for (const account of event.accounts) reply.line(account.says, account.source.article);
  }

  const when = eventWhen(event, kb);
  if (when) reply.field('When', when);
  if (event.place) reply.field('Where', nameOf(kb, event.place));
  if (event.participants.length) reply.field('Who', listNames(kb, event.participants));
  if (event.follows.length) reply.field('After', listNames(kb, event.follows));
  const place = event.place ? kb.entities.get(event.place) : undefined;
  if (place) reply.suggest({ label: `About ${place.name}`, ask: `/what ${place.name}` });
  reply.suggest({ label: 'Timeline', ask: '/timeline' });
  return reply;
}
