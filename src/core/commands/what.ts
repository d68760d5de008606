import type { NewsEvent } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { didYouMean, missingArgument, resolveName } from '../answers/common.ts';
import { articleIdsOf, eventsInvolving, eventWhen } from '../answers/describe.ts';
import { entityAnswer } from '../answers/entityAnswer.ts';
import { type EventFocus, eventAnswer, eventReply } from '../answers/eventAnswer.ts';
import { findEvents } from '../answers/findEvents.ts';
import { mentionsName, passagesMentioning } from '../answers/mentions.ts';
import { analyzeQuestion } from '../qa/analyzeQuestion.ts';
import { answerQuestion } from '../qa/answerQuestion.ts';
import type { Reply } from '../reply.ts';
import { cardOrText } from './cardOrText.ts';
import { type CommandArgument, type CommandDefinition, usage } from './types.ts';

/** Several events at one place or around one name: the most reported first, the rest listed. */
function eventsAnswer(kb: KnowledgeBase, label: string, events: NewsEvent[], focus: EventFocus): Reply {
  const [main, ...rest] = [...events].sort((a, b) => b.sources.length - a.sources.length);
  if (!main) throw new Error('eventsAnswer needs at least one event');
  const reply = eventReply(kb, main, focus);
  if (rest.length) reply.line(`Also involving ${label}:`);
  for (const e of rest.slice(0, 4)) {
    const when = eventWhen(e, kb);
    reply.line(`${e.name}${when ? ` (${when})` : ''}`, ...articleIdsOf(e.sources));
  }
  return reply.build();
}

/** Shared by /what, /when and /where: a named event, a place's events, an entity, or a search. */
export function answerAbout(
  kb: KnowledgeBase,
  subject: string,
  focus: EventFocus,
  command: string,
  askedWhatHappened = false,
  question?: string,
): Reply {
  const analysis = analyzeQuestion(question ?? subject, focus);
  // "what was the name of ...", "what was the population of ...": a typed answer from the text.
  if (analysis.type === 'name' || analysis.type === 'number') return answerQuestion(kb, analysis);
  // "where did it sail from?": an event's card says where it happened or went, not where from.
  if (analysis.type === 'place' && question && analysis.direction === 'from')
    return answerQuestion(kb, analysis);
  const lookup = resolveName(kb, subject, ['event', 'place', 'vessel', 'thing', 'organisation']);
  if (lookup.status === 'ambiguous') {
    // "what is Gavi?" where the text writes "Gavi" and knows a Gavin Duffy and a Gavin Patterson:
    // the word as the text writes it is what is asked, not a name it is near to.
    // ("/what war" still asks which war: the Cold War and the civil war are each called so.)
    const near = lookup.matches.every((m) => !mentionsName(m.matched, subject));
    if (/^\p{Lu}/u.test(subject) && near && passagesMentioning(kb, [subject], 1).length)
      return answerQuestion(kb, analysis);
    return didYouMean(kb, subject, lookup.matches, command);
  }
  if (lookup.status === 'found') {
    const target = lookup.match.target;
    const event = kb.events.get(target.id);
    if (target.type === 'event' && event) return eventAnswer(kb, event, focus);
    const entity = kb.entities.get(target.id);
    // A name found only in the text has no events of its own: the archive's best sentence says more.
    // "when did X die?" asks about X's life, which the text answers better than X's card.
    const asksAboutName = analysis.type !== 'time' && analysis.type !== 'place';
    if (entity && entity.origin !== 'extracted' && (asksAboutName || entity.kind === 'place' || !question)) {
      const events = eventsInvolving(kb, entity.id);
      const wantsEvents =
        askedWhatHappened || focus !== 'what' || entity.kind === 'place' || entity.kind === 'vessel';
      if (events.length && wantsEvents) return eventsAnswer(kb, entity.name, events, focus);
      return entityAnswer(kb, entity);
    }
  }
  const [best, second] = findEvents(kb, subject);
  // A curated event answers "when" only if it has a time, "where" only if it has a place;
  // otherwise the text may say what the event card does not.
  const answersFocus = (e: NewsEvent) =>
    (focus !== 'when' || Boolean(e.time || e.date)) && (focus !== 'where' || Boolean(e.place));
  if (best && best.score >= 2 && (!second || best.score > second.score) && answersFocus(best.event))
    return question ? cardOrText(kb, best.event, analysis, focus) : eventAnswer(kb, best.event, focus);
  // No curated event: the text answers, or says it does not.
  return answerQuestion(kb, analysis);
}

/** /what, /when and /where differ only in what the answer leads with. */
function focusCommand(
  focus: 'what' | 'when' | 'where',
  summary: string,
  arg: CommandArgument,
  examples: string[],
): CommandDefinition {
  const command: CommandDefinition = {
    name: focus,
    summary,
    args: [arg],
    examples,
    run(parsed, { kb }) {
      const subject = parsed.subject ?? parsed.text;
      if (!subject) return missingArgument(kb, usage(command), examples[0] ?? usage(command));
      return answerAbout(
        kb,
        subject,
        focus,
        focus,
        /\bhappened\b/i.test(parsed.question ?? ''),
        parsed.question,
      );
    },
  };
  return command;
}

export const whatCommand = focusCommand(
  'what',
  'What happened at a place, or what an event or thing is',
  { name: 'subject', description: 'An event, place or thing', required: true, completeNames: true },
  ['/what Shayrat', 'what happened at Shayrat?'],
);

export const whenCommand = focusCommand(
  'when',
  'When something happened, as the articles date it',
  { name: 'event', description: 'An event or what happened', required: true, completeNames: true },
  ['/when chemical attack', 'when did Tillerson meet Lavrov?'],
);

export const whereCommand = focusCommand(
  'where',
  'Where something happened or is',
  { name: 'subject', description: 'An event, place or thing', required: true, completeNames: true },
  ['/where Admiral Grigorovich', 'where did Tillerson meet Lavrov?'],
);
