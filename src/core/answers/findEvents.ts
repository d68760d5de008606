/**
 * Finds the curated events a free question is about: names mentioned in it (people, places)
 * and its content words are scored against each event's participants, place and wording.
 */
import type { NewsEvent } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { nameKey } from '../../text/words.ts';
import type { QuestionAnalysis } from '../qa/analyzeQuestion.ts';
import { keysOfText } from '../qa/findSentences.ts';
import { contentTerms, termHits } from './snippets.ts';

export interface EventMatch {
  event: NewsEvent;
  score: number;
}

/** Entity ids named in a text, by exact names and aliases over word n-grams. */
export function namesInText(kb: KnowledgeBase, text: string): string[] {
  const words = nameKey(text).split(' ').filter(Boolean);
  const found = new Set<string>();
  for (let n = Math.min(5, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (n === 1 && phrase.length < 3) continue;
      for (const m of kb.names.exactMatches(phrase)) found.add(m.target.id);
    }
  }
  return [...found];
}

export function findEvents(kb: KnowledgeBase, question: string): EventMatch[] {
  if (kb.events.size === 0) return [];
  const mentioned = namesInText(kb, question);
  const terms = contentTerms(question);
  const matches: EventMatch[] = [];
  for (const event of kb.events.values()) {
    let score = 0;
    const involved = new Set([
      event.id,
      ...(event.place ? [event.place] : []),
      ...event.participants,
      ...event.accounts.flatMap((a) => a.participants),
    ]);
    for (const id of mentioned) if (involved.has(id)) score += 2;
    const wording = [event.name, ...event.aliases, event.summary, ...event.accounts.map((a) => a.says)].join(
      ' ',
    );
    score += termHits(wording, terms);
    if (score > 0) matches.push({ event, score });
  }
  return matches.sort((a, b) => b.score - a.score);
}

/**
 * Words that ask nothing of an event: "what happened?", and the words that only relate others
 * ("the warming between Trump and Putin partly based on ...").
 */
const GENERIC = new Set(['happen', 'do', 'occur', 'between', 'among', 'partli', 'mainli', 'mostli', 'also']);

/**
 * Whether an event's card says anything of what is asked: "what did the G7 summit agree?" is not
 * answered by a card that only says the summit took place, nor "when did Tillerson accuse Russia
 * of ...?" by the card of his talks in Moscow.
 */
export function speaksOf(event: NewsEvent, analysis: QuestionAnalysis): boolean {
  // What is asked of the event: the question's words other than the event's own name; "what
  // happened to the deal on flights?" asks about a thing, which the card must name somewhere.
  const happened = analysis.type === 'event';
  const named = keysOfText([event.name, ...event.aliases].join(' '));
  const verbs = analysis.predicateKeys.filter((k) => (happened || !named.has(k)) && !GENERIC.has(k));
  if (!verbs.length) return true;
  const said = [event.summary, ...event.accounts.map((a) => a.says)];
  const card = keysOfText((happened ? [event.name, ...event.aliases, ...said] : said).join(' '));
  // "What happened to the deal ...?" wants the thing named as asked; other questions may be
  // answered in other words ("dispatched" for "sent").
  const matched = verbs.filter((k) => (happened ? [k] : equivalentKeys(k)).some((e) => card.has(e))).length;
  // A long question asks more than one word of it: "called" alone on the card does not answer
  // "which newspaper reported that Putin called the attack a violation of international law?".
  return happened ? matched > 0 : matched >= Math.max(1, Math.ceil(verbs.length / 2));
}
