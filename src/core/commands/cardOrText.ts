/**
 * A curated event's card or the text: the card answers when it speaks of what is asked; when it
 * does not ("when did Tillerson accuse Russia of ...?" finds the card of his talks in Moscow, which
 * names him but says nothing of an accusation), the text answers if it can, the card otherwise.
 */
import type { NewsEvent } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { type EventFocus, eventAnswer } from '../answers/eventAnswer.ts';
import { speaksOf } from '../answers/findEvents.ts';
import type { QuestionAnalysis } from '../qa/analyzeQuestion.ts';
import { answerQuestion } from '../qa/answerQuestion.ts';
import { dateMentions } from '../qa/candidates.ts';
import { keysOfText } from '../qa/findSentences.ts';
import type { Reply } from '../reply.ts';

/**
 * "where is the regime blamed for the gas attack based?": where one of the event's parties is
 * (the text's "the Damascus regime"), which the event's own place does not say.
 */
const ASKS_WHERE_BASED = /\b(?:based|headquartered|located|situated)\s*[?.!]*\s*$/i;

/**
 * "when did Nikki Haley confirm that Trump wants Assad ousted?", of the card "Trump calls for Assad
 * to be ousted" (last week), whose summary adds that Haley confirmed it this week: the time of an
 * act the card's name does not say is the text's to give, where it gives one.
 */
function anotherActTimed(event: NewsEvent, analysis: QuestionAnalysis): boolean {
  const verb = analysis.predicateKeys[0];
  if (analysis.type !== 'time' || verb === undefined || keysOfText(event.name).has(verb)) return false;
  // The card's summary tells of the act, in a clause with a time of its own.
  return event.summary
    .split(/;\s+|\.\s+/)
    .some(
      (clause) =>
        keysOfText(clause).has(verb) &&
        dateMentions(clause).some((time) => time.text.toLowerCase() !== event.time?.toLowerCase()),
    );
}

export function cardOrText(
  kb: KnowledgeBase,
  event: NewsEvent,
  analysis: QuestionAnalysis,
  focus: EventFocus,
): Reply {
  const partyAsked = analysis.type === 'place' && ASKS_WHERE_BASED.test(analysis.question);
  if (!partyAsked && !anotherActTimed(event, analysis) && speaksOf(event, analysis))
    return eventAnswer(kb, event, focus);
  const fromText = answerQuestion(kb, analysis);
  return fromText.kind === 'answer' ? fromText : eventAnswer(kb, event, focus);
}
