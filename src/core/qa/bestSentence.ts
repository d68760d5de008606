/**
 * No typed answer is asked for ("what happened at X?", "what does the article say about Y?"):
 * the sentence that best matches the question, if it matches well, told in the article's order.
 */

import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { wordKey } from '../../text/wordForms.ts';
import type { Reply } from '../reply.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { composeAnswer, HEADLINE_CHARS, windowAround } from './composeAnswer.ts';
import { type Evidence, type KeysNear, keysNear, neighbour } from './evidence.ts';
import { keysOfText, readPassage, type SentenceHit } from './findSentences.ts';
import { asksPlace, namedOfKind } from './whichKind.ts';

/** "what did the committee decide?": a question that ends in its verb, asking for its object. */
const ASKED_VERB = /^[Ww]hat\s+(?:did|does|do|has|have|had|will|would)\s+.+\s+([a-z]{3,})$/;

/** A sentence that matches only this share of a free question is shown as "closest", not as the answer. */
const MIN_SENTENCE_SUPPORT = 0.3;

/** How far below the best sentence's match another still ties with it, for "what happened at X?". */
const TIED = 0.05;

/**
 * "what happened at the Kehl bridge?", where many sentences name it equally: the account as the
 * article tells it, from the first of them ("I told them I would be going to the Kehl bridge ... to
 * cross the Rhine into Germany"), not the last that happens to score highest.
 */
export function inTellingOrder(hits: SentenceHit[], support: (h: SentenceHit) => number): SentenceHit[] {
  const [best] = hits;
  if (!best) return hits;
  const tied = hits.filter(
    (h) => h.passage.articleId === best.passage.articleId && support(h) >= support(best) - TIED,
  );
  if (tied.length < 3) return hits;
  tied.sort((x, y) => x.passage.id - y.passage.id || x.index - y.index);
  return [...tied, ...hits.filter((h) => !tied.includes(h))];
}

/** A name, then what was done to it or what it did: "Liam Gallagher has been fined ...". */
function saysWhatHappened(sentence: string, name: string): boolean {
  const last = escapeRegExp(name.split(/\s+/).pop() ?? name);
  const outside = sentence.replace(/[“"][^”"]{1,400}[”"]/g, ' … ');
  // "its board has decided to cancel coal-fired Mayo Unit Two": what was done to it, before it.
  const first = escapeRegExp(name.replace(/^.*['’]s\s+/, '').split(/\s+/)[0] ?? name);
  if (
    new RegExp(
      `\\b(?:to\\s+[a-z]{3,}|(?:has|have|had)\\s+[a-z]{3,}ed|[a-z]{3,}ed)\\s+(?:(?:the|its|their|his|her|a|an|[a-z]+-[a-z]+)\\s+){0,2}${first}\\b`,
      'u',
    ).test(outside) ||
    // "the sinking of the car ferry Herald of Free Enterprise": what happened, as a noun.
    new RegExp(`\\b[a-z]{3,}(?:ing|ion|ure)\\s+of\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,3}${first}\\b`, 'u').test(
      outside,
    )
  )
    return true;
  return new RegExp(
    `\\b${last}(?:,[^,]{1,80},)?\\s+(?:(?:has|have|had|was|were|is|are)\\s+(?:been\\s+)?[a-z]+(?:ed|en|wn|ht|lt|nt|ck|ng)\\b|[a-z]+ed\\b)`,
    'u',
  ).test(outside);
}

/**
 * "what happened to Liam Gallagher over that fight?": of sentences that match about as well, one
 * where he is the subject of what happened ("Gallagher has been fined ...") before one that only
 * names him ("... kicked in the chest by Liam Gallagher").
 */
function happenedTo(
  hits: SentenceHit[],
  a: QuestionAnalysis,
  support: (h: SentenceHit) => number,
): SentenceHit[] {
  const name = /^what\s+happened\s+to\s+/i.test(a.question) ? a.names[0] : undefined;
  const [best] = hits;
  if (!name || !best) return hits;
  // Of those that say so, the first the article tells: news tells what happened before the rest.
  const subject = hits
    .filter((h) => support(h) >= support(best) - 2 * TIED && saysWhatHappened(h.text, name))
    .sort((x, y) =>
      x.passage.articleId === y.passage.articleId ? x.passage.id - y.passage.id || x.index - y.index : 0,
    )[0];
  return subject ? [subject, ...hits.filter((h) => h !== subject)] : hits;
}

/** A lead that tells what happened to someone it describes: "One of Japan's best-known businessmen was arrested". */
const DESCRIBED_LEAD =
  /^(?:One\s+of\s+|An?\s+|The\s+)[^,;:"“]{3,90}?\s+(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn|lt|nt|ck)\b/u;

/**
 * The article's lead, where the found sentence is the one right after it, names the asked person
 * the lead does not, and the lead tells what happened to someone it only describes.
 */
function delayedLead(kb: KnowledgeBase, a: QuestionAnalysis, top: SentenceHit): string | undefined {
  const name = /^what\s+happened\s+to\s+/i.test(a.question) ? a.names[0] : undefined;
  if (!name || neighbour(kb, top, -2) !== undefined) return undefined;
  const lead = neighbour(kb, top, -1);
  const last = name.split(/\s+/).pop() ?? name;
  if (!lead || !top.text.includes(last) || lead.includes(last)) return undefined;
  return DESCRIBED_LEAD.test(lead) ? lead : undefined;
}

/** Nouns that name what happened: the news a story's lead reports. */
const HAPPENING =
  /\b(?:earthquakes?|quakes?|tremors?|fires?|blazes?|explosions?|blasts?|crash(?:es)?|floods?|flooding|storms?|hurricanes?|typhoons?|cyclones?|tornado(?:es)?|landslides?|avalanches?|eruptions?|accidents?|collisions?|derailments?|collapses?|spills?|leaks?|outbreaks?|epidemics?|riots?|protests?|demonstrations?|strikes?|walkouts?|stoppages?|attacks?|bombings?|shootings?|raids?|clashes|fighting|killings?|murders?|kidnapp?ings?|hijack(?:ing)?s?|sieges?|coups?|mutin(?:y|ies)|shutdowns?|closures?|bankruptc(?:y|ies)|takeovers?|mergers?|disasters?|traged(?:y|ies)|scandals?)\b/i;

/** The places a story may be asked about as where something happened. */
const HAPPENED_AT = /^what\s+(?:has\s+)?happened\s+(?:at|in|on|near)\s+/i;

/** Paragraphs into a story within which a place's mention is the story's own. */
const STORY_REACH = 6;

/**
 * "what happened in Miyazaki?", where the story names the place only after its lead: "A very
 * strong earthquake which struck southwest Japan killed one person ... A man died in Miyazaki
 * prefecture". The found sentence tells a detail and names no happening; the lead names one.
 */
function leadOfHappening(kb: KnowledgeBase, a: QuestionAnalysis, top: SentenceHit): string | undefined {
  if (!HAPPENED_AT.test(a.question) || HAPPENING.test(top.text)) return undefined;
  if (top.passage.paragraph < 1 || top.passage.paragraph > STORY_REACH) return undefined;
  // The story's first paragraph: the passages of an article are numbered in a row.
  const first = kb.passages[top.passage.id - top.passage.paragraph];
  if (first?.articleId !== top.passage.articleId || first.paragraph !== 0) return undefined;
  const lead = readPassage(first).sentences[0];
  return lead && HAPPENING.test(lead) ? lead : undefined;
}

/** A sentence that opens by referring back: "The device was thrown ...", "It exploded ...". */
const REFERS_BACK =
  /^(?:The|This|That|These|Those)\s+(?:[a-z-]+\s+)?([a-z-]+)\s+(?:was|were|had|has|is|are|exploded|went)\b|^(?:It|They)\s+(?:was|were|exploded|went)\b/;

/** "which constituency ...", "what colour ...": the kind of thing asked for. */
const WHICH_NOUN = /^(?:which|what)\s+([a-z][a-z-]+)\s/i;
const AUX_WORDS =
  '(?:is|was|are|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must|kind|sort|type|happened|else|about)';

/**
 * "what is the population of X?", "what was the final score when ...?", "what was Richard
 * Scrushy's salary at HealthSouth?": what is asked of a thing.
 */
const ATTRIBUTE_OF =
  /^what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the|its|their|his|her|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\s+(?:of|when|in|at|for|between|after)\s+/i;
/** Nouns a text may leave unsaid where it gives what they ask ("the name of his wife": "his wife, Mary"). */
const LOOSE_ATTRIBUTES =
  /^(?:name|title|meaning|point|idea|purpose|reason|matter|nature|role|kind|sort|type|part|rest|result|subject|story|aim|goal|focus|content|gist|significance|importance|status|state|view|opinion|position|response|reaction)s?$/i;

/** "which summit does ...?", "which Southern states were ...?": the noun before the verb, in small letters. */
const WHICH_PHRASE = new RegExp(
  `^(?:[Ww]hich|[Ww]hat)\\s+((?:[\\p{L}-]+\\s+){0,2}?)([a-z][a-z-]+)\\s+${AUX_WORDS}\\b`,
  'u',
);

function askedKind(question: string): string | undefined {
  // (Else the word after "which", in small letters: "which summit among those busy days".)
  const noun = WHICH_PHRASE.exec(question)?.[2] ?? /^[Ww]hich\s+([a-z][a-z-]+)\s/.exec(question)?.[1];
  return noun && !new RegExp(`^${AUX_WORDS}$`, 'i').test(noun) && !LOOSE_ATTRIBUTES.test(noun)
    ? noun
    : undefined;
}

/** The thing of the asked kind the first of the sentences names, with that sentence. */
function kindAnswer(
  kb: KnowledgeBase,
  a: QuestionAnalysis,
  kind: string,
  hits: SentenceHit[],
): Reply | undefined {
  for (const hit of hits) {
    const named = namedOfKind(kb, hit.text, kind, a.question, a.anchorKeys);
    // (A sentence that says the noun of no name ends the search: "novels were the sources of ...",
    // not the next sentence's "the James Agee novel".)
    if (!named && !asksPlace(kind) && keysOfText(hit.text).has(wordKey(kind))) return undefined;
    if (!named) continue;
    return composeAnswer(kb, {
      headline: `${named}: ${windowAround(hit.text, a.anchorKeys, HEADLINE_CHARS - named.length - 2)}`,
      evidence: { text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 },
    });
  }
  return undefined;
}

/** No typed answer is asked for: the sentence that best matches the question, if it matches well. */
export function bestSentence(kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]): Reply | undefined {
  const support = (h: SentenceHit) => Math.max(h.coverage, 0.9 * h.contextCoverage);
  // "What did the G7 summit agree?": a sentence that only names the summit says nothing of what
  // it agreed; the asked verb (or its family) must stand in the sentence or next to it.
  const verb = a.type === 'any' ? ASKED_VERB.exec(a.question)?.[1] : undefined;
  const verbKey = verb ? wordKey(verb) : undefined;
  // "Which constituency is X the MP for?": a sentence that never says "constituency" near it
  // names none; the asked kind of thing must be written where the answer is.
  const kind = a.type === 'any' ? WHICH_NOUN.exec(a.question)?.[1] : undefined;
  // ("which Southern states were ...?": the asked noun is the last word before the verb.)
  const kindNoun = a.type === 'any' ? askedKind(a.question) : undefined;
  // "What's the top speed of the V8 Vantage?": a sentence that never says "speed" gives none.
  // ("What was X's salary?" is read as asking what a thing is, and is asked of X the same way.)
  const attribute =
    a.type === 'any' || a.type === 'definition' ? ATTRIBUTE_OF.exec(a.question)?.[1] : undefined;
  const kindKey =
    kind && !new RegExp(`^${AUX_WORDS}$`, 'i').test(kind)
      ? wordKey(kind)
      : attribute && !LOOSE_ATTRIBUTES.test(attribute)
        ? wordKey(attribute)
        : undefined;
  const says = (near: KeysNear, key: string | undefined) =>
    !key || equivalentKeys(key).some((k) => near.has(k));
  // ("Which country ...?" is also said by a sentence that names one: "helping contain China".)
  const namesPlace = (h: SentenceHit) =>
    kindNoun !== undefined &&
    asksPlace(kindNoun) &&
    namedOfKind(kb, h.text, kindNoun, a.question, a.anchorKeys);
  const saysVerbAndKind = (h: SentenceHit) => {
    const near = keysNear(kb, h, 1);
    return says(near, verbKey) && (says(near, kindKey) || Boolean(namesPlace(h)));
  };
  const matching = hits.filter((h) => support(h) >= MIN_SENTENCE_SUPPORT && saysVerbAndKind(h));
  // "Veritas?": a question or a fragment of three words tells nothing; a sentence that says
  // something of the same words goes first (their order otherwise kept).
  const tells = (h: SentenceHit) => !/\?\W*$/.test(h.text) && h.text.split(/\s+/).length > 3;
  const kept = [...matching.filter(tells), ...matching.filter((h) => !tells(h))];
  const [top, ...rest] = a.type === 'event' ? happenedTo(inTellingOrder(kept, support), a, support) : kept;
  if (!top) return undefined;
  // "The device was thrown from a passing vehicle as ... were on parade at the Tladi centre",
  // asked what happened there: a sentence that refers back tells what happened after the one before.
  // ("The maneuvers were held ...", after "In their maneuvers, ...", names its own event.)
  const referring = a.type === 'event' ? REFERS_BACK.exec(top.text) : null;
  const before = referring ? neighbour(kb, top, -1) : undefined;
  const noun = referring?.[1] ?? '';
  if (before && !(noun && keysOfText(before).has(wordKey(noun)))) {
    const evidence: Evidence = { text: before, articleId: top.passage.articleId, hit: top, offset: -1 };
    const more = rest.slice(0, 2).map((h) => ({ text: h.text, articleId: h.passage.articleId }));
    return composeAnswer(kb, { headline: before, evidence, more });
  }
  // "One of Japan's best-known businessmen was arrested on Thursday ... Yoshiaki Tsutsumi was once
  // ranked ...": news may name the one a story is about only after its lead, which tells what
  // happened to him.
  const lead = a.type === 'event' ? (delayedLead(kb, a, top) ?? leadOfHappening(kb, a, top)) : undefined;
  if (lead) {
    const evidence: Evidence = { text: lead, articleId: top.passage.articleId, hit: top, offset: -1 };
    return composeAnswer(kb, {
      headline: lead,
      evidence,
      more: [{ text: top.text, articleId: top.passage.articleId }],
    });
  }
  // "Which summit ...?": the name the text writes with the asked noun, from the best sentences.
  const ofKind = kindNoun ? kindAnswer(kb, a, kindNoun, [top, ...rest.slice(0, 3)]) : undefined;
  if (ofKind) return ofKind;
  const evidence: Evidence = { text: top.text, articleId: top.passage.articleId, hit: top, offset: 0 };
  const more = rest.slice(0, 2).map((h) => ({ text: h.text, articleId: h.passage.articleId }));
  return composeAnswer(kb, {
    headline: windowAround(top.text, a.anchorKeys, HEADLINE_CHARS),
    evidence,
    more,
  });
}
