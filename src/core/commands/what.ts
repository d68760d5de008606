import type { NewsEvent } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { didYouMean, missingArgument, resolveName } from '../answers/common.ts';
import { articleIdsOf, eventsInvolving, eventWhen } from '../answers/describe.ts';
import { entityAnswer } from '../answers/entityAnswer.ts';
import { type EventFocus, eventAnswer, eventReply } from '../answers/eventAnswer.ts';
import { findEvents } from '../answers/findEvents.ts';
import { searchAnswer } from '../answers/searchAnswer.ts';
import type { Reply } from '../reply.ts';
import type { CommandDefinition } from './types.ts';

/** Several events at one place or around one name: the most reported first, the rest listed. */
function eventsAnswer(kb: KnowledgeBase, label: string, events: NewsEvent[], focus: EventFocus): Reply {
  const [main, ...rest] = [...events].sort((a, b) => b.sources.length - a.sources.length);
  if (!main) throw new Error('eventsAnswer needs at least one event');
  const reply = eventReply(kb, main, focus);
  if (rest.length) reply.line(`Also involving ${label}:`);
  for (const e of rest.slice(0, 4)) {
    const when = eventWhen(e);
    reply.line(`${e.name}${when ? ` (${when})` : ''}`, ...articleIdsOf(e.sources));
  }
  return reply.build();
}

/** Shared by /what, /when and /where: a named event, a place's events, an entity, or a search. */
export function answerAbout(kb: KnowledgeBase, subject: string, focus: EventFocus, command: string): Reply {
  const lookup = resolveName(kb, subject, ['event', 'place', 'vessel', 'thing', 'organisation']);
  if (lookup.status === 'ambiguous') return didYouMean(kb, subject, lookup.matches, command);
  if (lookup.status === 'found') {
    const target = lookup.match.target;
    const event = kb.events.get(target.id);
    if (target.type === 'event' && event) return eventAnswer(kb, event, focus);
    const entity = kb.entities.get(target.id);
    if (entity) {
      const events = eventsInvolving(kb, entity.id);
      const wantsEvents = focus !== 'what' || entity.kind === 'place' || entity.kind === 'vessel';
      if (events.length && wantsEvents) return eventsAnswer(kb, entity.name, events, focus);
      return entityAnswer(kb, entity);
    }
  }
  const [best, second] = findEvents(kb, subject);
  if (best && best.score >= 2 && (!second || best.score > second.score))
    return eventAnswer(kb, best.event, focus);
  return searchAnswer(kb, subject);
}

export const whatCommand: CommandDefinition = {
  name: 'what',
  summary: 'What happened at a place, or what an event or thing is',
  args: [{ name: 'subject', description: 'An event, place or thing', required: true, completeNames: true }],
  examples: ['/what Shayrat', 'what happened at Shayrat?'],
  run(parsed, { kb }) {
    const subject = parsed.subject ?? parsed.text;
    if (!subject) return missingArgument(kb, '/what <event, place or thing>', '/what Shayrat');
    return answerAbout(kb, subject, 'what', 'what');
  },
};

export const whenCommand: CommandDefinition = {
  name: 'when',
  summary: 'When something happened, as the articles date it',
  args: [{ name: 'event', description: 'An event or what happened', required: true, completeNames: true }],
  examples: ['/when chemical attack', 'when did Tillerson meet Lavrov?'],
  run(parsed, { kb }) {
    const subject = parsed.subject ?? parsed.text;
    if (!subject) return missingArgument(kb, '/when <event>', '/when chemical attack');
    return answerAbout(kb, subject, 'when', 'when');
  },
};

export const whereCommand: CommandDefinition = {
  name: 'where',
  summary: 'Where something happened or is',
  args: [{ name: 'subject', description: 'An event, place or thing', required: true, completeNames: true }],
  examples: ['/where Admiral Grigorovich', 'where did Tillerson meet Lavrov?'],
  run(parsed, { kb }) {
    const subject = parsed.subject ?? parsed.text;
    if (!subject) return missingArgument(kb, '/where <event or thing>', '/where Admiral Grigorovich');
    return answerAbout(kb, subject, 'where', 'where');
  },
};
