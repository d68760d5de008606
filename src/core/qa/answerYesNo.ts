/**
 * Yes/no questions: the sentence that best states the question's claim is the evidence; a
 * negation next to the claim's words ("never ... expel", "not permitted"), or a word of the
 * opposite sense ("banished" for "allowed"), makes the answer "No"; a question asked in the
 * negative ("Wasn't he ...?") turns it round. Too weak a match: "The archive doesn't say".
 */

import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { withPhrasalVerbsAsWords } from '../../text/phrasalVerbs.ts';
import { wordKey, wordsOf } from '../../text/wordForms.ts';
import { mentionsName, passagesMentioning } from '../answers/mentions.ts';
import type { Reply } from '../reply.ts';
import { analyzeQuestion, type QuestionAnalysis } from './analyzeQuestion.ts';
import { isTimeName, nameRuns } from './candidates.ts';
import {
  amountDiffers,
  beatenTo,
  chargeDiffers,
  countDiffers,
  dateDiffers,
  effectDenied,
  fillerDiffers,
  MIN_YES_NO_COVERAGE,
  negatedByPrefix,
  obligationDenied,
  orderDiffers,
  originDiffers,
  prizeWentToAnother,
  rankDiffers,
  shareDiffers,
  survivalDenied,
  tellsWhoDiedFirst,
} from './claimDiffers.ts';
import { composeAnswer, windowAround } from './composeAnswer.ts';
import { keysOfHit, neighbour } from './evidence.ts';
import { keysOfText, readPassage, type SentenceHit, type WeightedTerm, weighTerms } from './findSentences.ts';
import { isFormOf, oppositeOf } from './opposites.ts';
import { people } from './people.ts';
import { isPlaceName, lastName, lowerWords, nameAnchors, surnameOf } from './questionNames.ts';
import { rankCandidates } from './rankCandidates.ts';

/** A negation counts when it stands this close (in words) to one of the question's words. */
const NEGATION_REACH = 8;

/** Words that deny what stands near them; "except" too ("accepted everywhere except Spain"). */
const NEGATORS = /^(?:not|never|no|nor|neither|nobody|none|nothing|without|cannot|except|n't)$|n't$/i;

/** Verbs of denying, and what they deny: "denied reports that", "dismissed claims that". */
const DENY = /^(?:denied|denies|deny|denying|dismissed|dismisses|rejected|rejects|refuted|refutes)$/i;
const HEARSAY_NOUN = /^(?:reports?|claims?|allegations?|suggestions?|rumou?rs?|speculation|accusations?)$/i;

/** Words after "not" that make it no denial: "not only", "not just", "not least". */
const NOT_ONLY = /^(?:only|just|merely|simply|least|solely)$/i;

/**
 * Whether the word at i denies: a negator ("not", "never", "without"; not "not only"), or two
 * words that deny as "not" does: "far from being Cubans", "well short of the world record".
 */
function negatorAt(words: readonly { text: string }[], i: number): boolean {
  const word = words[i]?.text ?? '';
  const next = words[i + 1]?.text ?? '';
  return (
    (NEGATORS.test(word) && !NOT_ONLY.test(next)) ||
    // "Nippon Steel denied local newspaper reports that China ...": what is denied is not so.
    (DENY.test(word) &&
      (/^that$/i.test(next) || words.slice(i + 1, i + 4).some((w) => HEARSAY_NOUN.test(w.text)))) ||
    (/^far$/i.test(word) && /^from$/i.test(next)) ||
    (/^short$/i.test(word) && /^of$/i.test(next))
  );
}

/**
 * '"No, I would not go down that same road again," the president said ... when asked if he would
 * again sell arms to Iran': the question put to someone, and the "No" they answered it with.
 */
function repliedNo(sentence: string): boolean {
  return /^\s*["“‘']\s*No\b\s*[,.!]/.test(sentence) && /\basked\s+(?:if|whether)\b/i.test(sentence);
}

/** "anyone", "anybody", "anything" in a claim; "no one", "nobody", "nothing" in the text. */
const ANY_ONE = /\bany(?:one|body|thing)\b/i;
const NO_ONE_SAID = /\b(?:no\s+one|nobody|nothing)\b/i;

/**
 * "Is the confusion helping anyone?" against "this confusion is helping no one": the text says
 * the claim of no one.
 */
function saidOfNone(question: string, sentence: string, predicateKeys: readonly string[]): boolean {
  if (!ANY_ONE.test(question) || !NO_ONE_SAID.test(sentence)) return false;
  // Said of the claim's own verb: "helping no one", "nobody helped", not "nothing" elsewhere.
  const words = wordsOf(sentence).map((w) => w.text.toLowerCase());
  return words.some((w, i) => {
    if (ANY_ONE.test(w) || !predicateKeys.some((k) => equivalentKeys(k).includes(wordKey(w)))) return false;
    const after = words.slice(i + 1, i + 3).join(' ');
    const before = words.slice(Math.max(0, i - 3), i).join(' ');
    return /^(?:no\s+one|nobody|nothing)\b/.test(after) || /\b(?:no\s+one|nobody|nothing)\b/.test(before);
  });
}

/** How far apart "no" and "without" cancel each other ("no way to meet them without a rise"). */
const CANCEL_REACH = 12;

/** A negation counts for a word when it stands this close before it ("not banished"). */
const NEGATES_NEXT = 3;

/**
 * Whether the evidence denies the claim: a word of the opposite sense ("banished" for "allowed"),
 * or a negation near the question's words ("never ... expel"); a negated opposite ("not
 * banished") affirms.
 */
export function denies(said: string, anchorKeys: readonly string[]): boolean {
  const sentence = withPhrasalVerbsAsWords(said);
  const words = wordsOf(sentence);
  const keys = words.map((w) => wordKey(w.text));
  // "far from being Cubans" denies as "not" does.
  // "not only did Putin state ...", "not least": no denial.
  const isNegator = (i: number) => negatorAt(words, i);
  const negatedAt = (i: number) =>
    Array.from({ length: NEGATES_NEXT }, (_, d) => i - d - 1).some((j) => j >= 0 && isNegator(j));
  const opposites = anchorKeys.flatMap(oppositeOf);
  let oppositeAffirmed = false;
  let oppositeNegated = false;
  // "the deficit reduction targets", asked whether a tax increase is needed: an opposite that
  // qualifies another of the claim's nouns (one not next to the word it opposes) is about that.
  const claimedAt = (k: string) => anchorKeys.findIndex((a) => oppositeOf(a).some((o) => isFormOf(k, o)));
  // (A common noun before it, as in a compound: not "Councillors in Harlow unanimously approved".)
  const qualifiesOther = (k: string, i: number) => {
    const other = anchorKeys.indexOf(keys[i - 1] ?? '');
    return other >= 0 && /^\p{Ll}/u.test(words[i - 1]?.text ?? '') && Math.abs(other - claimedAt(k)) > 1;
  };
  keys.forEach((k, i) => {
    if (anchorKeys.includes(k) || !opposites.some((o) => isFormOf(k, o)) || qualifiesOther(k, i)) return;
    if (negatedAt(i)) oppositeNegated = true;
    else oppositeAffirmed = true;
  });
  const anchorAt = keys.flatMap((k, i) => (anchorKeys.includes(k) ? [i] : []));
  // "X's downgrading of Denmark should not be over-dramatised": "not" after an auxiliary denies
  // the verb that follows it; where that verb is none of the claim's, the claim stands.
  const claimWord = (k: string) =>
    anchorKeys.some((a) => equivalentKeys(a).includes(k)) || opposites.some((o) => isFormOf(k, o));
  const deniesOther = (i: number) => {
    const verb = verbAfterAuxiliaryNot(words, i);
    return verb !== undefined && !claimWord(wordKey(verb)) && anchorAt.every((j) => j < i);
  };
  // "there will be no way to meet the targets without a tax increase": two denials that cancel,
  // saying the increase is needed.
  const cancelled = (i: number) => {
    const word = words[i]?.text ?? '';
    if (/^without$/i.test(word))
      return words
        .slice(Math.max(0, i - CANCEL_REACH), i)
        .some((w) => NEGATORS.test(w.text) && !/^without$/i.test(w.text));
    return words.slice(i + 1, i + 1 + CANCEL_REACH).some((w) => /^without$/i.test(w.text));
  };
  // "The council repaired the ferry, and nothing else was done": a denial in a clause of its
  // own, after "and" or "but", denies none of the claim's words in another.
  const boundaries = [...sentence.matchAll(CLAUSE_BREAK)].map((m) => m.index ?? 0);
  const clauseOf = (i: number) => boundaries.filter((b) => b < (words[i]?.start ?? 0)).length;
  const negated = words.some(
    (_, i) =>
      isNegator(i) &&
      !deniesOther(i) &&
      !cancelled(i) &&
      anchorAt.some((j) => Math.abs(i - j) <= NEGATION_REACH && clauseOf(i) === clauseOf(j)),
  );
  // "The United States might well have exploited the opportunity to push ...": what might have
  // been, and was not.
  const counterfactual = COUNTERFACTUAL.exec(sentence);
  const imagined =
    counterfactual !== null && anchorAt.some((j) => (words[j]?.start ?? 0) > counterfactual.index);
  // ("without admitting or denying the finding": the claim's own word denied with its opposite
  // denies the claim still.)
  const claimDenied = anchorAt.some(
    (j) => oppositeOf(keys[j] ?? '').length > 0 && negatedAt(j) && !cancelled(j - 1),
  );
  return oppositeAffirmed || (negated && (!oppositeNegated || claimDenied)) || (imagined && !negated);
}

/** Where one clause ends and another begins: ", and", ", but", ";". */
const CLAUSE_BREAK = /[,;]\s+(?:and|but|while|whereas|yet)\b|;/g;

const AUXILIARY =
  /^(?:should|would|could|will|must|can|may|might|shall|did|does|do|is|are|was|were|has|have|had)$/i;

/** Words between "not" and the verb it denies ("should not be over-dramatised", "did not immediately"). */
const BEFORE_VERB =
  /^(?:be|been|being|have|yet|ever|even|always|also|necessarily|immediately|really|fully|actually|currently|formally|officially|publicly|directly|specifically|so|too)$/i;

/**
 * The verb a negation at `i` denies, where it stands after an auxiliary ("should not be
 * over-dramatised", "won't go"): the first word after it past "be" and adverbs; otherwise none.
 */
function verbAfterAuxiliaryNot(words: readonly { text: string }[], i: number): string | undefined {
  const word = words[i]?.text ?? '';
  const contracted = /^([a-z]+)n't$/i.exec(word)?.[1];
  const auxiliary = contracted ? AUXILIARY.test(contracted) || /^(?:wo|ca|sha)$/i.test(contracted) : false;
  if (!auxiliary && !(/^not$/i.test(word) && AUXILIARY.test(words[i - 1]?.text ?? ''))) return undefined;
  for (let j = i + 1; j < Math.min(words.length, i + 4); j++) {
    const next = words[j]?.text ?? '';
    if (!/^[a-z][a-z-]*$/.test(next)) return undefined;
    if (!BEFORE_VERB.test(next)) return next;
  }
  return undefined;
}

const COUNTERFACTUAL =
  /\b(?:might|could|would|should)\s+(?:well\s+|easily\s+|surely\s+)?have\s+[a-z]+(?:ed|en|wn|ne)\b/i;

/**
 * The share of the claim a sentence speaks to, a word counting where the sentence has it in other
 * words ("support" for "backing") or says its opposite ("continue" for "stop"): "Does he expect
 * Russia to stop backing Assad?" is answered by "I expect the Russians to continue to ... support
 * Assad".
 */
function claimCoverage(hit: SentenceHit, terms: readonly WeightedTerm[]): number {
  const keys = keysOfHit(hit);
  if (!keys) return 0;
  let total = 0;
  let found = 0;
  for (const t of terms) {
    total += t.weight;
    const said =
      equivalentKeys(t.key).some((e) => keys.has(e)) ||
      (ANY_ONE.test(t.term) && NO_ONE_SAID.test(hit.text)) ||
      oppositeOf(t.key).some((o) => [...keys.keys].some((k) => isFormOf(k, o)));
    if (said) found += t.weight;
  }
  return total ? found / total : 0;
}

/** Whether the sentence holds the claim's predicate, or a word of the opposite sense. */
function speaksTo(sentence: string, predicateKeys: readonly string[]): boolean {
  if (!predicateKeys.length) return true;
  const keys = keysOfText(sentence);
  return predicateKeys.some(
    (p) =>
      equivalentKeys(p).some((e) => keys.has(e)) ||
      oppositeOf(p).some((o) => [...keys.keys].some((k) => isFormOf(k, o))),
  );
}

const SLOT_PREPOSITIONS = 'in|at|to|from|with|by|near|into';

/**
 * "Did Tillerson meet Lavrov in Moscow?" against "... met Lavrov in Washington": the claim puts a
 * name after a preposition, and the evidence puts another name there and never the asked one.
 */
export function namesAnotherInSlot(question: string, sentence: string, names: readonly string[]): boolean {
  const lower = sentence.toLowerCase();
  return names.some((name) => {
    const slot = new RegExp(`\\b(${SLOT_PREPOSITIONS})\\s+(?:the\\s+)?${escapeRegExp(name)}\\b`, 'i').exec(
      question,
    );
    if (!slot || lower.includes(name.toLowerCase())) return false;
    // ("in Dubai" is not another place than "in the Dubai Sevens": a word of the name is the name.)
    const own = lowerWords(name);
    // ("at this year's French Open": a time of the year before the name leaves it in the slot.)
    const other = new RegExp(
      `\\b${slot[1]}\\s+(?:the\\s+|(?:this|last|next)\\s+(?:year|season|month|week)['’]s\\s+)?(\\p{Lu}[\\p{L}'’-]+)`,
      'gu',
    );
    // ("in October 2004" is a time, not another place than "in the UK".)
    return [...sentence.matchAll(other)].some(
      (m) => !own.has((m[1] ?? '').toLowerCase()) && !isTimeName(m[1] ?? ''),
    );
  });
}

/**
 * "Was it sent from Tartus to Crimea?" against "dispatched from Crimea to ... Tartus": the evidence
 * puts an asked name after the other of "from" and "to".
 */
export function swapsDirection(question: string, sentence: string, names: readonly string[]): boolean {
  return names.some((name) => {
    const asked = new RegExp(`\\b(from|to)\\s+(?:the\\s+)?${escapeRegExp(name)}\\b`, 'i').exec(question)?.[1];
    if (!asked) return false;
    const other = asked.toLowerCase() === 'from' ? 'to' : 'from';
    const said = new RegExp(
      `\\b${other}\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?${escapeRegExp(name)}\\b`,
      'iu',
    );
    const same = new RegExp(
      `\\b${asked}\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?${escapeRegExp(name)}\\b`,
      'iu',
    );
    return said.test(sentence) && !same.test(sentence);
  });
}

/**
 * "Did Davenport beat Williams?" against "Williams ... beat Lindsay Davenport": the evidence gives
 * the asked verb with its doer and the one it was done to the other way round.
 */
export function swapsRoles(question: string, sentence: string, names: readonly string[]): boolean {
  const m =
    /^(?:[Dd]id|[Dd]oes|[Dd]o|[Hh]as|[Hh]ave|[Hh]ad|[Ww]ill|[Ww]ould|[Cc]an|[Cc]ould)\s+(.+?)\s+([a-z]{3,})\s+(?:the\s+)?(.+)$/.exec(
      question.trim(),
    );
  if (!m?.[1] || !m[2] || !m[3]) return false;
  const doer = names.find((n) => n.toLowerCase() === m[1]?.toLowerCase());
  const done = names.find((n) => m[3]?.toLowerCase().startsWith(n.toLowerCase()));
  if (!doer || !done || doer === done) return false;
  const verbs = equivalentKeys(wordKey(m[2]));
  const words = wordsOf(sentence).map((w) => w.text.toLowerCase());
  const last = (name: string) => (name.split(/\s+/).pop() ?? name).toLowerCase();
  const at = (name: string) => words.flatMap((w, i) => (w.replace(/['’]s$/, '') === last(name) ? [i] : []));
  const verbAt = words.flatMap((w, i) => (verbs.includes(wordKey(w)) ? [i] : []));
  // Subject within a few words before the verb, object right after it.
  const says = (subject: string, object: string) =>
    verbAt.some(
      (v) => at(subject).some((s) => s < v && v - s <= 8) && at(object).some((o) => o > v && o - v <= 4),
    );
  return says(done, doer) && !says(doer, done);
}

/**
 * "Had they already met?" against "... even before he and Putin have even had their first
 * meeting", "is yet to", "not yet": what is asked about as done has not happened yet.
 */
export const NOT_YET =
  /\b(?:(?:is|are|was|were|has|have)\s+yet\s+to|not\s+yet|still\s+to\s+(?:be|come)|before\s+(?:[\p{L}'’-]+\s+){0,5}(?:has|have)\s+(?:even\s+|yet\s+)?[\p{L}-]+)/iu;
const ASKS_DONE = /\b(?:already|yet|so\s+far|by\s+then)\b/i;

/** A sentence that goes on from the one before: it opens by pointing back or qualifying it. */
const GOES_ON =
  /^(?:if|and|also|besides|moreover|furthermore|in\s+addition|but|however|this|these|that|those|such|so|then|still|yet|instead|otherwise|in\s+that\s+case|for\s+(?:this|that)\s+reason)\b|^(?:\S+\s+){0,7}(?:these|such)\s/i;

/** "Was it Medvedev who called ...?", "Did Trump call for ...?": the person the claim is about, and the rest of it. */
const CLEFT = /^(?:was|is)\s+it\s+(.+?)\s+(?:who|that)\s+(.+?)\??$/i;
const DID = /^(?:did|does|do|has|have|had)\s+(.+?)\??$/i;

function claimedDoer(a: QuestionAnalysis): { name: string; rest: string } | undefined {
  const cleft = CLEFT.exec(a.question.trim());
  if (cleft?.[1] && cleft[2]) return { name: cleft[1].replace(/^the\s+/i, ''), rest: cleft[2] };
  const did = DID.exec(a.question.trim())?.[1];
  const name = a.names.find((n) => did?.startsWith(n));
  if (!did || !name) return undefined;
  return { name, rest: did.slice(name.length).trim() };
}

/**
 * "Was it Medvedev who called the strike a violation of international law?" against "not only did
 * Putin state that the attack was 'in violation of international law', but Medvedev stated ...":
 * the evidence gives the asked deed to another person, in the doer's place, and not to the one asked.
 */
export function doneByAnother(kb: KnowledgeBase, a: QuestionAnalysis, top: SentenceHit): string | undefined {
  const claim = claimedDoer(a);
  if (!claim || !/^[a-z]/.test(claim.rest)) return undefined;
  const asked = analyzeQuestion(`who ${claim.rest}?`);
  if (asked.type !== 'person') return undefined;
  const ranked = rankCandidates(kb, [top], people(kb, asked), { anchorKeys: asked.anchorKeys, reach: 0 });
  const mine = lastName(claim.name);
  // The doer the evidence gives most surely (of two speakers, the one given the asked words).
  const [first, second] = ranked.filter((r) => r.slotted);
  if (!first || lastName(first.text) === mine) return undefined;
  // "Sumitomo Mitsui Financial" for "Sumitomo Mitsui": the one claimed, by a longer name.
  const claimed = claim.name.toLowerCase();
  const given = first.text.toLowerCase();
  if (given.includes(claimed) || claimed.includes(given)) return undefined;
  if (second && lastName(second.text) === mine && second.score * OUTSCORES > first.score) return undefined;
  // The one asked about must be named in the evidence: the deed is then the other's, not unknown.
  if (!keysOfText(top.text).has(wordKey(mine))) return undefined;
  return first.text;
}

/** Below this share of the claim, yes or no is given as read ("Yes, it seems: ..."). */
const FIRM_YES_NO = 0.5;

/** How much less of the claim a sentence that says the contested word (or its opposite) may state. */
const SETTLES_WITHIN = 0.25;

/** How much less of the claim a sentence that says more of its own words may state, to be read first. */
const FULLER_WITHIN = 0.1;
/** ... and one that denies what the best leaves unsaid, within this. */
const DENIAL_WITHIN = 0.2;

/** The same, for a sentence of the best one's own article. */
const SETTLES_IN_ARTICLE = 0.4;

/** How much of the claim a second sentence must state to be shown beside the evidence. */
const SECOND_SUPPORT = 0.5;

/** How far another doer must outscore the asked one for the deed to be the other's. */
const OUTSCORES = 1.2;

/** "Is the Admiral Grigorovich a submarine?": a name, then what it is claimed to be. */
const IS_A =
  /^(?:is|was|are|were)\s+(?:the\s+)?(.+?)\s+(?:a|an|the|[\p{L}-]+['’]s)\s+((?:[\p{L}'’-]+\s+){0,3}[\p{L}-]+)\??$/iu;

/**
 * "Is the Admiral Grigorovich a submarine?" where the text calls it a frigate: no sentence that
 * names it says what it is claimed to be, while one says what it is ("X, a ...", "the X frigate").
 */
export function calledOtherwise(kb: KnowledgeBase, a: QuestionAnalysis): string | undefined {
  const m = IS_A.exec(a.question.trim());
  const name = a.names[0]?.replace(/^the\s+/i, '');
  if (!m?.[1] || !m[2] || !name || m[1] !== name) return undefined;
  const head = wordsOf(m[2]).pop()?.text;
  if (!head || /^\p{Lu}/u.test(head)) return undefined;
  const headKey = wordKey(head);
  const sentences = passagesMentioning(kb, [name], 30).flatMap((p) =>
    readPassage(p).sentences.filter((t) => mentionsName(t, name)),
  );
  if (!sentences.length) return undefined;
  if (sentences.some((t) => equivalentKeys(headKey).some((k) => keysOfText(t).has(k)))) return undefined;
  const n = escapeRegExp(name);
  const described = new RegExp(
    `${n},\\s+(?:an?|the)\\s+[a-z]|\\b(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,2}[a-z]+\\s+${n}\\b|${n}\\s+[a-z]+`,
    'u',
  );
  return sentences.find((t) => described.test(t));
}

/** The answer, then the sentence it stands on: "No: ... 69 billion U.S. Dlrs ...". */
function verdict(
  kb: KnowledgeBase,
  a: QuestionAnalysis,
  answer: string,
  found: { text: string; hit: SentenceHit },
): Reply {
  return composeAnswer(kb, {
    headline: `${answer}: ${windowAround(found.text, a.anchorKeys)}`,
    evidence: { text: found.text, articleId: found.hit.passage.articleId, hit: found.hit, offset: 0 },
  });
}

/** Whether the sentence opens with a name the question does not give ("Danish brewer Carlsberg suffered ..."). */
function opensWithAnother(sentence: string, names: readonly string[]): boolean {
  const [opening] = nameRuns(sentence);
  if (!opening || opening.start > OPENING_CHARS) return false;
  // "America's former world indoor 200m champion is ...": a country owning a description of a
  // person is no other actor.
  if (
    /^['’]s\s+\p{Ll}/u.test(sentence.slice(opening.end)) &&
    nameGazetteer().classOf(opening.text.toLowerCase()) === 'place'
  )
    return false;
  const asked = new Set(names.flatMap((n) => [...lowerWords(n)]));
  return ![...lowerWords(opening.text)].some((w) => asked.has(w));
}

/** How far into a sentence its opening name may stand ("Danish brewer Carlsberg"). */
const OPENING_CHARS = 20;

/** Whether a negator ("not", "no", "never") stands right before one of the keys' words. */
function negatesAny(sentence: string, keys: readonly string[]): boolean {
  const words = wordsOf(sentence);
  return words.some(
    (w, i) =>
      keys.some((k) => equivalentKeys(k).includes(wordKey(w.text))) &&
      Array.from({ length: Math.min(i, NEGATION_REACH) }, (_, d) => i - d - 1).some((j) =>
        negatorAt(words, j),
      ),
  );
}

export function answerYesNo(kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]): Reply | undefined {
  // Claims the text gives otherwise: the sentence that does is the evidence.
  if (!a.negated) {
    const otherwise = calledOtherwise(kb, a);
    const hit = otherwise ? (hits.find((h) => h.text === otherwise) ?? hits[0]) : undefined;
    if (otherwise && hit) return verdict(kb, a, 'No', { text: otherwise, hit });
    const recount = countDiffers(kb, a.question, hits);
    if (recount) return verdict(kb, a, 'No', recount);
    const share = shareDiffers(kb, a.question, hits);
    if (share) return verdict(kb, a, share.same ? 'Yes' : 'No', share);
    const amount = amountDiffers(kb, a, hits);
    if (amount) return verdict(kb, a, 'No', amount);
    // "Was she the first British woman to ...?" against "only the second British woman to ...".
    const order = hits[0] ? orderDiffers(kb, a.question, hits[0]) : undefined;
    if (order && hits[0]) return verdict(kb, a, 'No', { text: order, hit: hits[0] });
    // "Is the band Kasabian from Manchester?" against "The four-piece Leicester band".
    const origin = hits[0]
      ? originDiffers(kb, a.question, hits[0], (name) => isPlaceName(kb, name))
      : undefined;
    if (origin && hits[0]) return verdict(kb, a, 'No', { text: origin, hit: hits[0] });
    // "Was the gig moved to 15 July?" against "rescheduled for 15 June".
    const date = hits[0] ? dateDiffers(kb, a, hits[0]) : undefined;
    if (date && hits[0]) return verdict(kb, a, 'No', { text: date, hit: hits[0] });
    const prize = prizeWentToAnother(kb, a.question, hits);
    if (prize) return verdict(kb, a, `No, ${prize.other}`, { text: prize.text, hit: prize.hit });
  }
  // The sentence that states most of the claim, counting what its neighbours supply ("he"), and
  // among those, one that speaks to what is claimed (the verb, or its opposite).
  const weighted = weighTerms(kb, a.terms);
  const support = (h: SentenceHit) =>
    Math.max(h.coverage, 0.9 * h.contextCoverage, h.coverage >= 0.3 ? claimCoverage(h, weighted) : 0);
  const ranked = hits
    .filter((h) => support(h) >= MIN_YES_NO_COVERAGE)
    .sort((x, y) => support(y) - support(x) || y.score - x.score);
  const first = ranked.find((h) => speaksTo(h.text, a.predicateKeys));
  if (!first) return undefined;
  // "Did the shares rise?": of sentences about as good, one that says the shares rose or sank
  // settles it; "the shares have taken a dunking" says neither.
  const contested = a.anchorKeys.filter((k) => oppositeOf(k).length > 0);
  // "up from 725,000", "down 3 pct": a change said without its verb settles a rise or a fall.
  const ofChange = contested.some((k) => oppositeOf(k).some((o) => o === 'fall' || o === 'rise'));
  const settles = (h: SentenceHit) => {
    if (ofChange && /\b(?:up|down)\s+(?:from|by|\d)/i.test(h.text)) return true;
    const keys = keysOfText(h.text);
    return contested.some(
      (k) =>
        equivalentKeys(k).some((e) => keys.has(e)) ||
        oppositeOf(k).some((o) => [...keys.keys].some((key) => isFormOf(key, o))),
    );
  };
  // ... from the article of the best, or one that names what is asked about ("IBM's profit" is
  // not settled by Salomon's).
  const names = nameAnchors(kb, a);
  const onTopic = (h: SentenceHit) =>
    h.passage.articleId === first.passage.articleId || names.every((n) => keysOfText(h.text).has(n));
  // (Never one that opens with another person where the best one names the person asked about:
  // "Natasha Kaplinsky's win was top entertainment moment", asked whether Kelly Holmes's win was.
  // "He lost out ..." is about him, and "Herbert said CSR had no plans" need not name Monier.)
  const people = a.names.flatMap((name) => {
    const surname = surnameOf(kb, a, name);
    return surname ? [wordKey(surname)] : [];
  });
  const namesAll = (h: SentenceHit) => people.every((n) => keysOfText(h.text).has(n));
  const firstNamesAll = namesAll(first);
  const namesAsFirst = (h: SentenceHit) =>
    !firstNamesAll || namesAll(h) || !opensWithAnother(h.text, a.names);
  const settling =
    contested.length && !settles(first)
      ? ranked.find(
          (h) =>
            settles(h) &&
            onTopic(h) &&
            namesAsFirst(h) &&
            // (From the best one's own article, one that settles it may state less of the claim.)
            support(h) >=
              support(first) -
                (h.passage.articleId === first.passage.articleId ? SETTLES_IN_ARTICLE : SETTLES_WITHIN),
        )
      : undefined;
  // "Was the mine insured?": of sentences about as good, one that says more of the claim's own
  // words ("Noranda said the mine was not insured") before one that only names the mine.
  // (A word of the opposite sense speaks to the claim as much: "only to lose", asked of a victory.)
  const said = (h: SentenceHit) => {
    const keys = keysOfText(h.text);
    return a.predicateKeys.filter(
      (k) =>
        equivalentKeys(k).some((e) => keys.has(e)) ||
        oppositeOf(k).some((o) => [...keys.keys].some((key) => isFormOf(key, o))),
    ).length;
  };
  // (Not one that leaves unsaid what the best settles: "its board has rejected TWA's offer".)
  const firstSettles = contested.length > 0 && settles(first);
  const fuller = ranked.find(
    (h) =>
      support(h) >= support(first) - FULLER_WITHIN &&
      said(h) > said(first) &&
      onTopic(h) &&
      (!firstSettles || settles(h)) &&
      namesAsFirst(h),
  );
  // "Does the faulty pump pose a safety risk?": where the best sentence only names the pump, one
  // about as good that says what it leaves unsaid of the claim, and denies it, settles it ("The
  // faulty part does not represent a safety risk").
  const firstKeys = keysOfText(first.text);
  const unsaid = a.predicateKeys.filter((k) => !equivalentKeys(k).some((e) => firstKeys.has(e)));
  const denial =
    unsaid.length && !a.negated
      ? ranked.find((h) => {
          if (h === first || support(h) < support(first) - DENIAL_WITHIN || !onTopic(h)) return false;
          const keys = keysOfText(h.text);
          const says = unsaid.filter((k) => equivalentKeys(k).some((e) => keys.has(e)));
          // (Not one that says it of another: "Carlsberg suffered a 3% fall", asked of Heineken.)
          return (
            says.length * 2 >= unsaid.length &&
            negatesAny(h.text, unsaid) &&
            !opensWithAnother(h.text, a.names)
          );
        })
      : undefined;
  // "Was his wife still alive when he died?": of the story's sentences, the one that tells who died first.
  const diedFirst = ranked.find(
    (h) => h.passage.articleId === first.passage.articleId && tellsWhoDiedFirst(a.question, h.text),
  );
  const top = settling ?? denial ?? diedFirst ?? fuller ?? first;
  // "Has he ever called it obsolete?" against "NATO is no longer obsolete": it once was, so yes.
  const once = /\bever\b/i.test(a.question) && /\bno\s+longer\b|\bnot\s+any\s*more\b/i.test(top.text);
  const other = a.negated ? undefined : doneByAnother(kb, a, top);
  if (other) {
    const evidence = { text: top.text, articleId: top.passage.articleId, hit: top, offset: 0 };
    return composeAnswer(kb, { headline: `No, ${other}: ${windowAround(top.text, a.anchorKeys)}`, evidence });
  }
  const denied =
    (!once && denies(top.text, a.anchorKeys)) ||
    namesAnotherInSlot(a.question, top.text, a.names) ||
    swapsDirection(a.question, top.text, a.names) ||
    swapsRoles(a.question, top.text, a.names) ||
    chargeDiffers(a.question, top.text) ||
    rankDiffers(a.question, top.text) ||
    fillerDiffers(a.question, top.text) ||
    negatedByPrefix(a.question, top.text) ||
    obligationDenied(a.question, top.text) ||
    effectDenied(a.question, top.text) ||
    survivalDenied(a.question, top.text) ||
    beatenTo(top.text, a.names) ||
    repliedNo(top.text) ||
    saidOfNone(a.question, top.text, a.predicateKeys) ||
    (ASKS_DONE.test(a.question) && NOT_YET.test(top.text));
  const no = denied !== a.negated;
  const evidence = { text: top.text, articleId: top.passage.articleId, hit: top, offset: 0 };
  // "If you plan to visit any of these countries, ...": the next sentence goes on about the claim.
  const next = neighbour(kb, top, 1);
  // Otherwise the next best sentence of the same article that states the claim well, as context.
  const second = ranked.find(
    (h) => h !== top && h.passage.articleId === top.passage.articleId && support(h) >= SECOND_SUPPORT,
  );
  const more =
    next && GOES_ON.test(next)
      ? [{ text: next, articleId: top.passage.articleId }]
      : second
        ? [{ text: second.text, articleId: second.passage.articleId }]
        : [];
  // Evidence that states less of the claim than half is given, and said to be read, not known.
  const hedge = support(top) < FIRM_YES_NO ? ', it seems' : '';
  return composeAnswer(kb, {
    headline: `${no ? 'No' : 'Yes'}${hedge}: ${windowAround(top.text, a.anchorKeys)}`,
    evidence,
    more,
  });
}
