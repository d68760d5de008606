/**
 * Finds the curated events a free question is about: names mentioned in it (people, places)
 * and its content words are scored against each event's participants, place and wording.
 */
import type { NewsEvent } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
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
 * Whether an event's card says anything of what is asked: "what did the G7 summit agree?" is not
 * answered by a card that only says the summit took place.
 */
export function eventSpeaksOf(event: NewsEvent, analysis: QuestionAnalysis): boolean {
  const happened = analysis.type === 'event';
  if (analysis.type !== 'any' && !happened) return true;
  // What is asked of the event: the question's words other than the event's own name; "what
  // happened to the deal on flights?" asks about a thing, which the card must name somewhere.
  const named = keysOfText([event.name, ...event.aliases].join(' '));
  const generic = ['happen', 'do', 'occur'];
  const verbs = analysis.predicateKeys.filter((k) => (happened || !named.has(k)) && !generic.includes(k));
  if (!verbs.length) return true;
  const said = [event.summary, ...event.accounts.map((a) => a.says)];
  const card = keysOfText((happened ? [event.name, ...event.aliases, ...said] : said).join(' '));
  return verbs.some((k) => card.has(k));
}
