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
import type { Reply } from '../reply.ts';

/**
 * "where is the regime blamed for the gas attack based?": where one of the event's parties is
 * (the text's "the Damascus regime"), which the event's own place does not say.
 */
const ASKS_WHERE_BASED = /\b(?:based|headquartered|located|situated)\s*[?.!]*\s*$/i;

export function cardOrText(
  kb: KnowledgeBase,
  event: NewsEvent,
  analysis: QuestionAnalysis,
  focus: EventFocus,
): Reply {
  const partyAsked = analysis.type === 'place' && ASKS_WHERE_BASED.test(analysis.question);
  if (!partyAsked && speaksOf(event, analysis)) return eventAnswer(kb, event, focus);
  const fromText = answerQuestion(kb, analysis);
  return fromText.kind === 'answer' ? fromText : eventAnswer(kb, event, focus);
}
