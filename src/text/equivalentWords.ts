/**
 * Common verbs that texts say in other words: a question asks why someone was "called" Gimpy and
 * the text says he was "known as" Gimpy. Small and hand-checked on purpose: a general thesaurus
 * maps too much (it makes "bar" a "pub"), and a wrong equivalence answers the wrong question.
 */
import { wordKey } from './wordForms.ts';

const GROUPS = [
  'call name nickname know dub',
  'die death dead kill murder slay',
  // "who was convicted of ...?": "a jury found X guilty of ...".
  'convict guilty',
  'bear birth born',
  'begin start open launch',
  'end finish close closure conclude cease shut',
  // "called off the deal": "decided to end the agreement", "scrapped it".
  'cancel end scrap',
  'buy purchase acquire',
  'build construct erect',
  // "where will it put its second factory?": "the new plant will be built close to ...".
  'factory plant',
  'found establish',
  'leave depart quit',
  'arrive reach',
  'win victory',
  'beat defeat overcome',
  // "does it pose a safety risk?": "the faulty part does not represent a safety risk".
  'pose represent',
  'replace succeed',
  'marry wed wife husband engaged fiance fiancee',
  'help aid assist',
  // "who supplied the steroids?": "steroids given to her by Victor Conte".
  'supply provide give',
  'support back endorse',
  'send dispatch deploy',
  'ruin wreck destroy devastate',
  'completely totally entirely utterly wholly',
  'shoot fire',
  'house home',
  'surprise unexpected',
  'abroad overseas',
  'deal agreement accord pact',
  // "who was in charge of the Peace Corps?": "Sargent Shriver, the head corpsman".
  'charge head lead leader chief director boss',
  'breach violation violate infringe',
  'prepare ready willing',
  'oust remove topple depose overthrow',
  'demand urge',
  // "did China officially ask for the plants?": "China has made no such official request".
  'ask request',
  'move relocate',
  'collapse fall',
  'establish founder',
  'withdraw abandon',
  // "when did he go missing?": "he vanished on 1 February 1995".
  'vanish disappear missing',
  'quit resign',
  'create creator devise invent',
  // "who discovered Peptide T?": "first identified by neuro-scientist Dr. Candace Pert".
  'discover identify',
  // "which company did NASA pick?": "NASA has selected Boeing".
  'pick select choose',
  'halt suspend suspension freeze stop',
  // News words: "the DS will launch in Europe", asked when it comes out; "sacked 100 employees",
  // asked how many staff were laid off; "her last show", asked for her final one.
  'release launch',
  // "did Gates unveil the next Xbox?": "he made no announcement about the next generation Xbox".
  'unveil announce announcement reveal',
  'sack dismiss',
  'staff employee worker',
  'final last',
  'premiere debut',
  // "when is the film supposed to come out?": "The $100m movie ... is due for release on May 19".
  'film movie',
  // "when is Nelly playing at the university?": "Nelly's 12 March concert at the university".
  'play perform concert gig',
  // "when will the episode be shown?": "it will be broadcast on 19 May".
  'show broadcast screen air televise',
  // "Were they part of the settlement?": "the deal does not include them".
  'include involve part',
  'fix repair mend',
  'sue suit lawsuit',
  // "to settle the SEC market-timing probe": "to settle an investigation into ...".
  'probe investigation inquiry',
  'reject deny refuse',
  // "when is a ruling expected?": "a decision is now expected by around mid-March".
  'verdict judgement judgment decision ruling',
  'attack hit strike raid',
  'quake earthquake',
  // Newswire abbreviations: "3.4 billion dlr acquisition", "up 10.8 pct", "120 mln dlrs".
  'dollar dlr',
  'percent pct',
  'million mln',
  'billion bln',
  'chair chairman chairwoman chairperson',
  'profit earnings income',
  // "was it his first big venture into a foreign conflict?": "his first major foray into ...".
  'big major',
  'venture foray',
  // "a partner in fighting terrorism": "combating terrorism".
  'fight combat battle',
  // Verbs of saying: "who warned that ...?" is answered by "X said that ...".
  'say tell state warn declare claim insist assert',
];

const EQUIVALENTS = new Map<string, string[]>();
for (const group of GROUPS) {
  const keys = [...new Set(group.split(' ').map(wordKey))];
  for (const k of keys) EQUIVALENTS.set(k, [...new Set([...(EQUIVALENTS.get(k) ?? []), ...keys])]);
}

/** Verbs of going somewhere: "where did it sail from?" is answered by "dispatched from Crimea". */
export const MOVEMENT_KEYS: readonly string[] = [
  ...new Set(
    'go come sail fly travel move send dispatch deploy head leave depart return arrive drive walk ride flee escape transfer ship relocate emigrate join'
      .split(' ')
      .map(wordKey),
  ),
];

/** The word-family key and the keys of the words that say the same (itself alone if none). */
export function equivalentKeys(key: string): readonly string[] {
  return EQUIVALENTS.get(key) ?? [key];
}
