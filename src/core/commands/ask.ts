import { missingArgument, resolveName } from '../answers/common.ts';
import { entityAnswer } from '../answers/entityAnswer.ts';
import { type EventFocus, eventAnswer } from '../answers/eventAnswer.ts';
import { findEvents, speaksOf } from '../answers/findEvents.ts';
import { searchAnswer } from '../answers/searchAnswer.ts';
import { analyzeQuestion } from '../qa/analyzeQuestion.ts';
import { answerQuestion } from '../qa/answerQuestion.ts';
import { writerAsTheWriter } from '../qa/writerNamed.ts';
import { cardOrText } from './cardOrText.ts';
import type { CommandDefinition } from './types.ts';

function focusOf(question: string): EventFocus {
  const word = /^\s*(who|where|when)\b/i.exec(question)?.[1]?.toLowerCase();
  return word === 'who' || word === 'where' || word === 'when' ? word : 'what';
}

/** Free questions ("who did Tillerson meet in Moscow?", "which warship ..."): events first, then text. */
export const askCommand: CommandDefinition = {
  name: 'ask',
  summary: 'Ask anything in plain words; the best-supported answer, with sources',
  args: [{ name: 'question', description: 'A question in plain words', required: true }],
  examples: ['who did Tillerson meet in Moscow?', 'which warship was sent to Tartus?'],
  run(parsed, { kb }) {
    const asked = parsed.question ?? parsed.text;
    if (!asked) return missingArgument(kb, '/ask <question>', 'which warship was sent to Tartus?');
    // "why does Hammond think ...?", Hammond being the writer of one of the articles: what it says.
    const question = writerAsTheWriter(kb, asked);
    const analysis = analyzeQuestion(question);
    // A curated event that the question names answers it best, unless a typed answer is asked for.
    // "where did it sail from?": a card gives where an event happened or went, not where from.
    const directed = analysis.type === 'place' && analysis.direction === 'from';
    if (['any', 'event', 'person', 'place', 'time'].includes(analysis.type) && !directed) {
      const [best, second] = findEvents(kb, question);
      if (best && best.score >= 3 && (!second || best.score > second.score)) {
        // A free question is the card's only if the card speaks of it; a who, where or when the
        // card may answer when the text does not.
        const focus = focusOf(question);
        if (analysis.type !== 'any') return cardOrText(kb, best.event, analysis, focus);
        if (speaksOf(best.event, analysis)) return eventAnswer(kb, best.event, focus);
      }
    }
    return answerQuestion(kb, analysis);
  },
};

/** "tell me about X": whatever X is, the matching answer. */
export const aboutCommand: CommandDefinition = {
  name: 'about',
  summary: 'Everything known about a name',
  args: [
    { name: 'name', description: 'A person, place, event or thing', required: true, completeNames: true },
  ],
  examples: ['/about NATO', 'tell me about the Admiral Grigorovich'],
  run(parsed, { kb }) {
    const subject = parsed.subject ?? parsed.text;
    if (!subject) return missingArgument(kb, '/about <name>', '/about NATO');
    const lookup = resolveName(kb, subject);
    if (lookup.status === 'found') {
      const event = kb.events.get(lookup.match.target.id);
      if (lookup.match.target.type === 'event' && event) return eventAnswer(kb, event);
      const entity = kb.entities.get(lookup.match.target.id);
      if (entity) return entityAnswer(kb, entity);
    }
    return searchAnswer(kb, subject);
  },
};
