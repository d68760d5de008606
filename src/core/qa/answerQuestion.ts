/**
 * The question-answering pipeline every free question ends in: analysis (analyzeQuestion) ->
 * sentence retrieval (findSentences) -> candidates of the expected type (candidates.ts), scored by
 * closeness to the question's words and agreement (rankCandidates) -> the answer as the first
 * line, or "the archive doesn't say" when nothing answers well enough (composeAnswer).
 */

import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import type { Passage } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys, MOVEMENT_KEYS } from '../../text/equivalentWords.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { wordKey, wordsOf, wordTexts } from '../../text/wordForms.ts';
import { articleMentionAnswer } from '../answers/articleMention.ts';
import { articleCalled } from '../answers/articleOrder.ts';
import { authorAnswer } from '../answers/authorOf.ts';
import { roleHolderAnswer } from '../answers/roleHolder.ts';
import { contentTerms } from '../answers/snippets.ts';
import { whichArticleAnswer } from '../answers/whichArticle.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import {
  askedCurrency,
  bidOfAnother,
  countsAnotherNumber,
  countsNamedNoun,
  countsOtherNoun,
  countsRightAfter,
  countsUnit,
  currencyOf,
  enumeratedCount,
  isAge,
  isCurrencyWord,
  isMoney,
  isShare,
  MONEY_QUESTION,
  MONEY_VERBS,
  measureDiffers,
  measuresInUnit,
  singleCounted,
  unitFamily,
  withUnit,
} from './amounts.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { definition, properName } from './answerDefinition.ts';
import { reason } from './answerReason.ts';
import { time } from './answerTime.ts';
import { answerYesNo, NOT_YET } from './answerYesNo.ts';
import { bestSentence } from './bestSentence.ts';
import {
  type Candidate,
  COMPANY_FORMS,
  dateMentions,
  looksLikeYear,
  nameRuns,
  numberMentions,
  type PlaceMention,
  placeMentions,
  placeModifiers,
} from './candidates.ts';
import { abstain, composeAnswer, HEADLINE_CHARS, windowAround } from './composeAnswer.ts';
import { type Evidence, evidenceAround, keysNear } from './evidence.ts';
import {
  acronymAliases,
  articleKeysOf,
  findSentences,
  type KeySet,
  keysOfText,
  type SentenceHit,
} from './findSentences.ts';
import { otherSide, people } from './people.ts';
import {
  alone,
  best,
  constraints,
  hedged,
  MIN_CONFIDENCE,
  others,
  predicateOfAnother,
  SAYS_ASKED,
  type Strategy,
  saysAskedAct,
  saysPredicate,
  traceWith,
} from './pickAnswer.ts';
import {
  articleNames,
  inQuestion,
  kindsOf,
  lastName,
  nameAnchorSets,
  nameAnchors,
  personAnchors,
} from './questionNames.ts';
import { type Ranked, rankCandidates, type Typed } from './rankCandidates.ts';
import { storyTitleHolder } from './storyTitleHolder.ts';
import { successionAnswer } from './succession.ts';

/** The word keys of the title of a passage's article (none where it has no title passage). */
function titleKeysOf(kb: KnowledgeBase, passage: Passage): KeySet | undefined {
  const title = kb.passages[passage.id - 1];
  return title && title.articleId === passage.articleId && title.paragraph < 0
    ? keysOfText(title.text)
    : undefined;
}

/** Below the floor, what a doer in the asked slot of the best sentence must still match of the question. */
const SLOT_FLOOR = 0.4;
/** How many times the next answer's score the slotted one must score. */
const STANDS_OUT = 1.5;
/** ... and how much less of the question it may match where it scores this many times the next. */
const FAR_OUT = 3;
const FAR_SLOT_FLOOR = 0.3;

/**
 * "The BBC reported that an air strike ... 'damaged or destroyed' 20 per cent of Syria's
 * operational aircraft", asked who reported that it wrecked a fifth of Syria's working planes: the
 * question's words are the text's in other words, but the best sentence names one doer in the
 * asked slot, far ahead of any other.
 */
function standsOut(ranked: Ranked[], hits: readonly SentenceHit[]): Ranked | undefined {
  const [top, next] = ranked;
  if (!top?.slotted || top.evidence.hit !== hits[0] || top.evidence.offset !== 0) return undefined;
  if (next && top.score < STANDS_OUT * next.score) return undefined;
  // ("the missile testing by North Korea", asked who was test-firing missiles "during that hectic
  // week of world news": the question's other words are its own, and the doer far ahead of any.)
  const floor = next && top.score < FAR_OUT * next.score ? SLOT_FLOOR : FAR_SLOT_FLOOR;
  return top.confidence >= floor ? top : undefined;
}

/** How near the best-scored answer a doer in the asked slot must score to be preferred. */
const SLOT_SHARE = 0.6;

/**
 * "It has since emerged, as the Daily Mirror states, that sarin was used", asked who reported it:
 * the name in the asked slot of a found sentence beats a name scored a little higher from a
 * sentence that does not say the verb of it ("... commander in chief, Donald Trump.").
 */
export function inSlot(ranked: Ranked[], hits: readonly SentenceHit[] = []): Ranked | undefined {
  const [top] = ranked;
  // A sentence read first as a better hit's neighbour may be a found sentence too.
  const found = (r: Ranked) =>
    r.evidence.offset === 0 ||
    hits.some((h) => h.passage.articleId === r.evidence.articleId && h.text === r.evidence.text);
  // Among names in the slot, the one whose sentence holds most of the question.
  const slotted = ranked
    .filter((r) => r.slotted && found(r) && r.confidence >= MIN_CONFIDENCE)
    .sort((x, y) => y.confidence - x.confidence || y.score - x.score)[0];
  return top && slotted && slotted.score >= SLOT_SHARE * top.score ? slotted : undefined;
}

/**
 * "Mike" -> "Mike Deegan", "Poor John" -> "John Cooper": a story calls people by their given name;
 * the answer gives the full name its article writes most often, where it writes one.
 */
export function fullName(kb: KnowledgeBase, name: string, articleId: string): string {
  const words = name.split(/\s+/);
  const given = words[words.length - 1] ?? '';
  const lexicon = nameGazetteer();
  if (lexicon.classOf(given.toLowerCase()) !== 'given') return withGivenName(kb, name, articleId);
  if (words.length > 2) return name;
  if (words.length === 2 && lexicon.classOf((words[0] ?? '').toLowerCase()) !== 'word') return name;
  const body = kb.articles.get(articleId)?.body ?? '';
  const counts = new Map<string, number>();
  const escaped = escapeRegExp(given);
  for (const m of body.matchAll(new RegExp(`\\b${escaped}\\s+(\\p{Lu}[\\p{L}'’-]+)`, 'gu'))) {
    const surname = (m[1] ?? '').replace(/['’]s$/, '');
    const kind = lexicon.classOf(surname.toLowerCase());
    if (kind === 'function' || kind === 'word' || kind === 'time' || kind === 'given') continue;
    counts.set(surname, (counts.get(surname) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((x, y) => y[1] - x[1]);
  return best ? `${given} ${best[0]}` : name;
}

/**
 * "Mr Bates" or "Bates" -> "Ken Bates": a man called by his surname gets the one given name his
 * article writes before it. Two ("John" and "Gorham" Palfrey, brothers) leave the name as it is;
 * so does "Mrs." or "Miss", whose given name is seldom her husband's or father's.
 */
function withGivenName(kb: KnowledgeBase, name: string, articleId: string): string {
  const m = /^(?:(?:Mr|Dr|Sir|Mister)\.?\s+)?(\p{Lu}[\p{L}'’-]+)$/u.exec(name);
  const surname = m?.[1];
  const lexicon = nameGazetteer();
  if (!surname || lexicon.classOf(surname.toLowerCase()) === 'given') return name;
  const body = kb.articles.get(articleId)?.body ?? '';
  const givens = new Set<string>();
  for (const g of body.matchAll(new RegExp(`\\b(\\p{Lu}[\\p{L}'’-]+)\\s+${escapeRegExp(surname)}\\b`, 'gu')))
    if (lexicon.classOf((g[1] ?? '').toLowerCase()) === 'given') givens.add(g[1] ?? '');
  const [only] = givens;
  return givens.size === 1 && only ? `${only} ${surname}` : name;
}

/** The confidence of a doer from a sentence that never says the asked act: below the hedge. */
const UNSAID_CONFIDENCE = 0.6;

/** "who founded Warwick?" -> "Samuel Gorton founded Warwick". */
const doer: Strategy = (kb, a, hits) => {
  const asked = constraints(kb, a);
  // "who bought it from Squibb?": "Squibb sold it to Yves Saint Laurent" says the other side.
  const converse = a.verbKeys ? (otherSide(a.verbKeys)?.keys ?? []) : [];
  const ranked = rankCandidates(kb, hits, people(kb, a), {
    ...asked,
    requireKeys: [...asked.requireKeys, ...converse],
    reach: 1,
    depth: 12,
    asidesCountLess: true,
    sameAnswer: lastName,
  });
  const found = inSlot(ranked, hits.slice(0, 12)) ?? best(ranked) ?? standsOut(ranked, hits);
  if (!found) return undefined;
  // "who replaced Poindexter as national security adviser?" against "... National Security aide
  // Oliver North, since fired, with the knowledge of ... Poindexter": a name from a sentence that
  // never says the asked act is not said to have done it. It is shown as what the text says.
  const unsaid =
    !found.slotted &&
    Boolean(a.verbKeys?.length) &&
    !saysAskedAct(found.evidence.text, a) &&
    !saysAskedAct(found.evidence.hit.text, a);
  const top = unsaid ? { ...found, confidence: Math.min(found.confidence, UNSAID_CONFIDENCE) } : found;
  // "the Damascus regime" opens the answer with a capital.
  const name = fullName(kb, top.text, top.evidence.articleId).replace(/^the\s/, 'The ');
  // ("which Tanzanian finance minister presented ...?": up to the noun asked for.)
  const askedNoun = a.askedNoun
    ? new RegExp(`^(?:which|what)\\s+(?:[\\p{L}-]+\\s+){0,2}?${escapeRegExp(a.askedNoun)}\\s+`, 'iu')
    : undefined;
  const predicate = askedNoun?.test(a.question)
    ? a.question.replace(askedNoun, '')
    : a.question.replace(
        /^(?:who|whom|(?:which|what)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+(?=\s+[a-z]))\s+/iu,
        '',
      );
  // "who did Hoag say was in on the plot?" asks for an object: "Mahzeer did Hoag say ..." is no
  // sentence, so the name comes with the words it was read from.
  const asksObject =
    /^(?:did|does|do|has|have|had|will|would|can|could|should|is|was|are|were)\s+\p{Lu}/u.test(predicate);
  return composeAnswer(kb, {
    headline:
      hedged(top, a, name) ??
      (asksObject
        ? `${name}: ${windowAround(top.evidence.text, a.anchorKeys, HEADLINE_CHARS - name.length - 2)}`
        : `${name} ${predicate}`),
    evidence: top.evidence,
    more: others(ranked, top),
  });
};

/** Words for an organisation by what it is: "the company president" of the one its article names. */
const GENERIC_ORGANISATION =
  '(?:company|firm|corporation|college|university|school|club|bank|newspaper|paper|magazine|team|board|society|church|hospital|museum|orchestra|union|party|agency)';
/** The confidence that reading adds. */
const GENERIC_SUPPORT = 0.2;

/** How far into a sentence its subject's name may start ("Mr Iain Ferguson ..."). */
const OPENS_SENTENCE = 12;

/** "who was the president of Smith College?" -> the person the text gives that role. */
/** Titles of whoever heads a body, for "who is in charge of X?". */
const HEAD_TITLE_KEYS: readonly string[] = [
  ...new Set(
    'head chief president chairman chairwoman chair director leader boss manager governor commander captain principal dean superintendent'
      .split(' ')
      .map(wordKey),
  ),
];

/** "... when it ruled out another rate cut", "... during the election campaign": the time a role question names. */
const WHEN_CLAUSE = /\s(?:when|while|during|as)\s+(.+)$/i;

/** The verb a question of any head asks with ("who chairs ...?"). */
const ASKED_HEAD_VERB = /^who\s+(runs|heads|leads|manages|chairs|ran|headed|led|managed|chaired)\b/i;

const roleHolder: Strategy = (kb, a) => {
  const role = a.role ?? '';
  // "chef at the Palace Hotel in San Francisco": where the organisation is qualifies it; the
  // text that names the chef need not repeat it.
  const core = role.replace(/\s+in\s+(?:the\s+)?[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*)*$/u, '');
  // "who chairs X?", asked of any head: the text says "chairman", not "head" (the asked verb
  // stands for the title in the search).
  const asked = a.anyHead
    ? [
        ...contentTerms(core.replace(/^head\s+of\s+/i, '')),
        ...(ASKED_HEAD_VERB.exec(a.question)?.slice(1, 2) ?? []),
      ]
    : contentTerms(core);
  // "who was governor of the Bank of Japan when it ruled out another rate cut?": the time the
  // question names settles which of several holders is meant; its words are searched with the role.
  const when = WHEN_CLAUSE.exec(a.question)?.[1];
  const settling = when ? contentTerms(when).filter((t) => !asked.includes(t)) : [];
  const { hits } = findSentences(kb, [...asked, ...settling], {
    limit: 16,
    aliases: acronymAliases(kb, a.names),
  });
  const fromFacts = roleHolderAnswer(kb, role);
  if (fromFacts && fromFacts.kind !== 'not_found' && !(fromFacts.kind === 'ambiguous' && settling.length))
    return fromFacts;
  // The role's head noun: "president" of "president of Smith College", "minister" of
  // "Tunisia's defense minister"; the words before it ("defense") also make up a title.
  const title = role.split(/\s+(?:of|at|for|in|to|on)\s+/i)[0] ?? role;
  // "who is in charge of X?": the title of any head of it ("President of the Dog Writers ...").
  const titleKeys = a.anyHead ? [...HEAD_TITLE_KEYS] : contentTerms(title).map(wordKey);
  const head = titleKeys[titleKeys.length - 1];
  const heads = a.anyHead ? HEAD_TITLE_KEYS : head ? [head] : [];
  const anchorKeys = heads.length ? [...heads] : a.anchorKeys;
  const holders = people(kb, a, [role], titleKeys.length ? titleKeys : anchorKeys);
  const namedNext = people(kb, a, [role], titleKeys.length ? titleKeys : anchorKeys, true);
  // "old Mr. Lovejoy, the company president", in an article that names Smith & MacIsaacs: the
  // organisation asked about, called by what it is.
  const organisation = nameAnchors(kb, a);
  const generic = head
    ? new RegExp(`\\bthe\\s+${GENERIC_ORGANISATION}(?:['’]s)?\\s+(?:[a-z]+\\s+)?${head}`, 'i')
    : undefined;
  // "WMC chief executive Andrew Michelmore": the role held by a name written after it is not unnamed.
  const heldByName = (text: string) =>
    wordsOf(text).some((w) => heads.includes(wordKey(w.text)) && /^\s+\p{Lu}/u.test(text.slice(w.end)));
  const namesRole = (text: string) => {
    const said = keysOfText(text);
    return (
      heads.some((k) => said.has(k)) &&
      !heldByName(text) &&
      organisation.length > 0 &&
      organisation.every((n) => said.has(n))
    );
  };
  const extract = (evidence: Evidence): Typed[] => {
    const found = holders(evidence);
    // "Tate & Lyle's chief executive has been named ... . Iain Ferguson was awarded ...": the role
    // of the asked organisation, unnamed, and the holder opening the next sentence.
    if (!found.length && namesRole(evidence.text)) {
      const next = evidenceAround(kb, evidence.hit, 1).find((e) => e.offset === 1);
      return next ? namedNext(next).filter((t) => t.candidate.start < OPENS_SENTENCE) : [];
    }
    const meansIt =
      generic?.test(evidence.text) &&
      organisation.length > 0 &&
      organisation.every((n) => articleKeysOf(kb, evidence.hit.passage).has(n));
    return meansIt ? found.map((t) => ({ ...t, support: (t.support ?? 0) + GENERIC_SUPPORT })) : found;
  };
  const ranked = rankCandidates(kb, hits, extract, {
    anchorKeys,
    reach: 0,
    requireKeys: anchorKeys,
    // The holder's article names the organisation asked about ("chief executive Willie Walsh" of
    // Aer Lingus is not the chief executive of Orange).
    requireNames: organisation,
    sameAnswer: lastName,
  });
  const top = best(ranked);
  if (!top) {
    // "But chairman John Wardle said ...", in the asked organisation's own story.
    const story = storyTitleHolder(kb, hits, heads, organisation);
    return story
      ? composeAnswer(kb, { headline: hedged(story, a) ?? story.text, evidence: story.evidence })
      : fromFacts?.kind === 'ambiguous'
        ? fromFacts
        : undefined;
  }
  const copula = /^who\s+(?:was|were)\b/i.test(a.question) ? 'was' : 'is';
  return composeAnswer(kb, {
    // "Russia's defence minister" takes no "the".
    headline: `${top.text} ${copula} ${/^\S+['’]s?\s/.test(role) ? '' : 'the '}${role}`,
    evidence: top.evidence,
    more: others(ranked, top),
  });
};

/** "the Syrian port of Tartus": the place is the name after "port of", not the word before it. */
const PLACE_OF =
  /^\s+(?:port|city|town|village|capital|province|state|region|island|county|district)\s+of\s+$/;

/**
 * "Warwick" -> "Warwick, Rhode Island": the wider place the same article writes after the name
 * once, so a bare town says where it is.
 */
function withRegion(kb: KnowledgeBase, name: string, articleId: string): string {
  if (name.includes(',')) return name;
  const body = kb.articles.get(articleId)?.body ?? '';
  const escaped = escapeRegExp(name);
  const region = new RegExp(
    `\\b${escaped},\\s+(\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*){0,2})(?=[,;.)]|\\s+[a-z])`,
    'u',
  )
    .exec(body)?.[1]
    ?.replace(/\.$/, '');
  if (!region) return name;
  const known = kindsOf(kb, region).has('place') || nameGazetteer().classOf(region.toLowerCase()) === 'place';
  return known ? `${name}, ${region}` : name;
}

const WORKS_WHERE =
  /^where\s+(?:does|did|do|is|was)\s+(.+?)\s+(?:work|works|worked|working|teach|teaches|taught|teaching|employed|based)\b/i;

/**
 * "where does Andrew Hammond work?": the role the archive gives a person it knows ("associate at
 * LSE IDEAS at the London School of Economics"), from the facts or an author's closing note.
 */
function workplace(kb: KnowledgeBase, a: QuestionAnalysis): Reply | undefined {
  const name = WORKS_WHERE.exec(a.question)?.[1];
  if (!name) return undefined;
  const lookup = kb.names.lookup(name, { prefer: ['person'] });
  if (lookup.status !== 'found' || lookup.match.target.kind !== 'person') return undefined;
  const entity = kb.entities.get(lookup.match.target.id);
  const role = entity?.roles[0];
  if (!entity || !role) return undefined;
  const reply = new ReplyBuilder(kb, 'answer', `${entity.name}: ${role.title}`).citeHeadline(
    role.source.article,
  );
  for (const other of entity.roles.slice(1, 3)) reply.line(other.title, other.source.article);
  return reply.build();
}

/** What a place counts for more where it stands right after the question's own word ("based in X"). */
const AFTER_ASKED_WORD = 1.5;
/** ... and right after the verb the question ends with ("where are they based?"). */
const AFTER_ASKED_VERB = 2;

/** "troops from the Royal Gurkha Rifles, based in Brunei": the place follows a word of the question and its preposition. */
function afterAskedWord(text: string, start: number, keys: readonly string[]): boolean {
  const word = /([\p{L}-]+)\s+(?:in|at|on|near|from|to|into|outside|inside)\s+(?:the\s+)?$/u.exec(
    text.slice(Math.max(0, start - 40), start),
  )?.[1];
  return word !== undefined && keys.includes(wordKey(word));
}

const BASED_KEY = wordKey('based');

/**
 * A place joined by a hyphen to the word after it ("Ballymena-born", "Nashville, Tenn.-based":
 * a state after the comma only as abbreviated, so "Meanwhile, UK-based" gives "UK").
 */
function placeJoinedTo(
  text: string,
  word: string,
  fit: number,
  names: readonly string[] = [],
): PlaceMention[] {
  const joined = new RegExp(
    `\\b(?!(?:The|A|An)\\s)(\\p{Lu}[\\p{L}'’.]+(?:\\s\\p{Lu}[\\p{L}'’.]+)?(?:,\\s\\p{Lu}\\p{Ll}+\\.)?)-${word}\\b`,
    'gu',
  );
  return [...text.matchAll(joined)]
    .filter((m) => nameGazetteer().classOf((m[1] ?? '').toLowerCase()) !== 'demonym')
    .map((m) => {
      const after = text.slice(m.index + m[0].length).trimStart();
      // Said of the asked name itself ("Montreal-based Unimedia") it is the answer; said of some
      // other noun ("the Swiss-based pharmaceutical giant"), one place among others.
      const ofAsked =
        !names.length || names.some((n) => after.startsWith(n) || after.startsWith(n.split(/\s+/)[0] ?? n));
      return { text: m[1] ?? '', start: m.index, end: m.index + (m[1] ?? '').length, fit: ofAsked ? fit : 1 };
    });
}

/** "Contrack International, of Arlington, Virginia, heads ...": the place set after a name the question asks about. */
function placeOfName(text: string, names: readonly string[]): PlaceMention[] {
  return names.flatMap((name) => {
    const at = text.indexOf(name);
    if (at < 0) return [];
    const m =
      /^,\s+of\s+(\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+)*(?:,\s\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+)*)?)(?=,|\.|;|\s\p{Ll})/u.exec(
        text.slice(at + name.length),
      );
    if (!m?.[1]) return [];
    const start = at + name.length + m[0].length - m[1].length;
    return [{ text: m[1], start, end: start + m[1].length, fit: AFTER_ASKED_VERB }];
  });
}

/** The last word of a company's name ("Ciba-Geigy Corp"): a body, never a place. */
const COMPANY_SUFFIX = new RegExp(`\\s(?:${COMPANY_FORMS}|Holdings|Industries)\\.?$`);

/** What a place answer counts for that the archive knows as a person's name. */
const PERSON_AS_PLACE = 0.3;

/** A verb denied right before a place: "will no longer be made in", "was not built at". */
const NOT_THERE =
  /\b(?:no\s+longer|not|never|n['’]t)\s+(?:be\s+|been\s+|being\s+)?(?:[\p{L}-]+\s+){1,2}(?:in|at|to|from|into)\s+(?:the\s+)?$/iu;

/** A sentence that speaks of a birth: "Born in Runcorn", "a native of Ohio", "birthplace" (not "intended from birth"). */
const BIRTH_SAID = /\b(?:born|birthplace|native\s+of|birth\s+(?:in|at))\b|\w-born\b/i;

/** A clause set off by a comma, no item of a list: ", who had emigrated from Scotland". */
const RELATIVE_OPENING = /^(?:who|whom|whose|which|where|that|when)\b/i;
/** Items of a list: commas, semicolons, "and" and "to" (as in "from X, to Y, Z and W"). */
const LIST_ITEM_BREAK = /,\s+(?:and\s+|to\s+)?|;\s+|\s+and\s+(?:finally\s+)?/g;

/**
 * "From the use of chemical attacks in Syria, to the US retaliatory airstrike, the missile testing
 * by North Korea, the G7 ministerial summit and finally ...", asked where the G7 summit was held:
 * a place in one item of a list, where another item is what the question asks about, is that
 * item's. (A list: three items or more.)
 */
function ofAnotherListItem(sentence: string, c: Candidate, a: QuestionAnalysis): boolean {
  const items: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of sentence.matchAll(LIST_ITEM_BREAK)) {
    items.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  items.push({ start, end: sentence.length });
  // (A list has an "and": commas alone may set off an aside, "who had emigrated from Scotland".)
  const joined = items.some(
    (item, i) => i > 0 && /\band\b/.test(sentence.slice(items[i - 1]?.end, item.start)),
  );
  if (items.length < 3 || !joined) return false;
  const asked = (item: { start: number; end: number }) =>
    wordTexts(sentence.slice(item.start, item.end)).filter((w) => a.anchorKeys.includes(wordKey(w))).length;
  const own = items.find((item) => item.start <= c.start && c.start < item.end);
  if (!own || asked(own) > 0 || RELATIVE_OPENING.test(sentence.slice(own.start, own.end))) return false;
  // The asked thing is an item of its own, short and mostly the question's words ("the G7
  // ministerial summit"), not a clause that tells of it ("Cousin Emma had simply put Miss Theresa
  // Stubblefield").
  return items.some((item) => {
    if (item === own) return false;
    const words = wordTexts(sentence.slice(item.start, item.end)).length;
    const said = asked(item);
    return said >= 2 && words <= LIST_ITEM_WORDS && said * 2 >= words;
  });
}

/** The most words of an item of a list that is the asked thing itself. */
const LIST_ITEM_WORDS = 6;

const place: Strategy = (kb, a, hits) => {
  const known = workplace(kb, a);
  if (known) return known;
  const direction = a.direction ?? 'in';
  // Going from or to a place: the text may say "dispatched" where the question says "sailed".
  const moves = direction !== 'in' && a.predicateKeys.some((k) => MOVEMENT_KEYS.includes(k));
  // "where was the letter mailed from?": where the mailing was done, "in Tuxapoka", answers too.
  const doneAt =
    direction === 'from' && !moves && !/\b(?:come|came|comes|originat\w*|hail\w*)\b/i.test(a.question);
  const born = /\bborn\b/i.test(a.question);
  const based = /\b(?:based|headquartered)$/i.test(a.question);
  const mentionsIn = (text: string) => [
    ...placeMentions(text, direction),
    // "The Ballymena-born actor": where someone was born, written before "-born".
    ...(born ? placeJoinedTo(text, 'born', 1) : []),
    // "Montreal-based Unimedia", "the Nashville, Tenn.-based company": where it is based, said
    // with the asked word itself; "Contrack International, of Arlington, Virginia,": the same.
    ...(based
      ? [...placeJoinedTo(text, 'based', AFTER_ASKED_VERB, a.names), ...placeOfName(text, a.names)]
      : []),
    ...(doneAt ? placeMentions(text, 'in').map((m) => ({ ...m, fit: m.fit * 0.6 })) : []),
    ...(direction === 'in' ? placeModifiers(text, a.predicateKeys) : []),
  ];
  const wordsOnly = a.predicateKeys.filter((k) => /^\p{L}+$/u.test(k));
  // "where are they based?", "where was it held?": the question's last word is the asked verb.
  const last = /([\p{L}-]+)$/u.exec(a.question)?.[1];
  const lastWord = last && wordsOnly.includes(wordKey(last)) ? [wordKey(last)] : [];
  const extract = (evidence: Evidence): Typed[] => {
    const found: Typed[] = [];
    if (predicateOfAnother(evidence.hit.text, a)) return found;
    const runs = nameRuns(evidence.text);
    // "where will Aston build the Vantage?": a place in the sentence that says "built" rather than
    // one that only names the car ("first shown ... in Detroit").
    const said = saysPredicate(evidence.text, { ...a, predicateKeys: wordsOnly }) ? SAYS_ASKED : 1;
    for (const plain of mentionsIn(evidence.text)) {
      // "the Syrian port of Tartus": the name after "port of", not the word before it.
      const named = runs.find(
        (r) => r.start > plain.end && PLACE_OF.test(evidence.text.slice(plain.end, r.start)),
      );
      const mention = named ? { ...named, fit: plain.fit } : plain;
      // "born at Gorton, England" for "where was Samuel Gorton born?": the part not asked about.
      const parts = mention.text.split(/,\s*/);
      while (parts.length > 1 && inQuestion(a, parts[0] ?? '')) parts.shift();
      while (parts.length > 1 && inQuestion(a, parts[parts.length - 1] ?? '')) parts.pop();
      const placeName = parts.join(', ');
      // "in U.S. District Court in Wilmington, Del.": a building or body, with the town it is in.
      const town = VENUE.test(placeName)
        ? /^\s+in\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*(?:,\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)?)/u.exec(
            evidence.text.slice(mention.end),
          )?.[1]
        : undefined;
      const candidate = { ...mention, text: town ? `${placeName} in ${town}` : placeName };
      if (inQuestion(a, placeName) || COMPANY_SUFFIX.test(placeName)) continue;
      if (ofAnotherListItem(evidence.text, candidate, a)) continue;
      const kinds = kindsOf(kb, candidate.text);
      // A name the archive knows as a person's is seldom a place ("in Rowley" may still be one,
      // where the archive has a Rowley too): it counts for less.
      const personal = kinds.has('person') && !kinds.has('place') ? PERSON_AS_PLACE : 1;
      // "where was X born?": a place in a sentence that never speaks of a birth is seldom the answer.
      // (The birth itself, not another of the question's words: "Actress X ... appeared in Brookside".)
      const unborn = born && !BIRTH_SAID.test(evidence.text) ? 0.3 : 1;
      // "based in Brunei", asked where they are based: the place right after the asked word.
      const after = afterAskedWord(evidence.text, mention.start, lastWord)
        ? AFTER_ASKED_VERB
        : afterAskedWord(evidence.text, mention.start, wordsOnly)
          ? AFTER_ASKED_WORD
          : 1;
      // "the smelter, located in Hawesville": where a thing is, said outright.
      const located = LOCATED.test(evidence.text.slice(Math.max(0, mention.start - 30), mention.start))
        ? 1.4
        : 1;
      // "engines will no longer be made in Arese": where it is done no more, or never was.
      const denied = NOT_THERE.test(evidence.text.slice(Math.max(0, mention.start - 60), mention.start))
        ? 0.3
        : 1;
      found.push({
        candidate,
        weight:
          (kinds.has('place') ? 1.3 : 1) * mention.fit * said * unborn * after * located * personal * denied,
      });
    }
    return found;
  };
  const asked = constraints(kb, a);
  const ranked = rankCandidates(kb, hits, extract, {
    ...asked,
    // "where is X based?" is answered by "X, of Arlington," too, which never says "based".
    requireKeys: moves
      ? [...asked.requireKeys, ...MOVEMENT_KEYS]
      : based
        ? asked.requireKeys.filter((k) => k !== BASED_KEY)
        : asked.requireKeys,
    reach: 1,
  });
  // "where was X born?": where a found sentence speaks of the birth ("Born in Runcorn, she ..."),
  // places in the others ("appeared in Brookside") answer something else.
  const birthSaid = born ? ranked.filter((r) => BIRTH_SAID.test(r.evidence.text)) : [];
  const read = birthSaid.length ? birthSaid : ranked;
  // (Told of her in the best sentence's article, a birth said next to it is given, hedged.)
  const birthNear = birthSaid.find((r) => r.evidence.articleId === hits[0]?.passage.articleId);
  const top = best(read) ?? alone(read, hits) ?? birthNear;
  if (!top) return undefined;
  return composeAnswer(kb, {
    headline: hedged(top, a) ?? withRegion(kb, top.text, top.evidence.articleId),
    evidence: top.evidence,
    more: others(read, top),
  });
};

const FIRST_TIME = /\b(?:for\s+the\s+(?:very\s+)?first\s+time|first[- ]ever)\b/i;

/**
 * "How many meetings had they held by then?" against "... before he and Putin have even had their
 * first meeting": the count is none, where the sentence that best states the question says so.
 */
function noneYet(kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]): Reply | undefined {
  const top = hits[0];
  if (!top || Math.max(top.coverage, 0.9 * top.contextCoverage) < MIN_CONFIDENCE) return undefined;
  if (!a.unit || !keysOfText(top.text).has(wordKey(a.unit))) return undefined;
  // "How many times had he met him before?" against "he met him for the first time on Wednesday".
  const first = /^times?$/i.test(a.unit) && FIRST_TIME.test(top.text);
  if (!first && !NOT_YET.test(top.text)) return undefined;
  const evidence: Evidence = { text: top.text, articleId: top.passage.articleId, hit: top, offset: 0 };
  const none = first ? 'None before' : 'None yet';
  return composeAnswer(kb, { headline: `${none}: ${windowAround(top.text, a.anchorKeys)}`, evidence });
}

/** A number followed by a comparison ("500 dlrs less than", "three more than"). */
const COMPARED =
  /^\s*(?:[\p{L}.]+\s+)?(?:less|more|cheaper|dearer|higher|lower|fewer|greater|bigger|smaller|larger)\s+than\b/iu;

/** What had been done before ("had invested some", "had previously employed"): a past before the news. */
const EARLIER =
  /\bhad\s+(?:already\s+|previously\s+|earlier\s+|so\s+far\s+)?(?:been\s+)?[a-z]+(?:ed|en|t)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/** Names of buildings and bodies that stand in a town ("District Court", "General Hospital"). */
const VENUE =
  /\b(?:Court|Hospital|University|College|School|Hotel|Cent(?:re|er)|Hall|Museum|Airport|Station|Church|Cathedral|Stadium|Building|Institute|Prison|Fair|Exhibition)$/;

/** Words that say where a thing is ("located in", "based at"). */
const LOCATED = /\b(?:located|situated|based|headquartered|sited)\s+(?:in|at|near)\s+(?:the\s+)?$/i;

/** Words that make the number after them a whole ("a total of", "totalled"). */
const TOTAL_BEFORE =
  /\b(?:a\s+total\s+of|totall?ing|totall?ed|in\s+all\s+of)\s+(?:about\s+|some\s+|nearly\s+)?$/i;

/** "might have been able to buy it for about 50 dlrs": what could have been, not what was. */
const COUNTERFACTUAL = /\b(?:might|could|would)\s+have\s+been\s+able\s+to\b/i;

/** A month's name, whole or cut short ("February", "Feb."): a sentence without one holds no date of days. */
const MONTH_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b/;

/** The confidence a number adds that stands right by the noun the question counts. */
const COUNTS_ASKED = 0.05;

/** "21 were repaired": a count, then the act done to what it counts. */
const ACTED_ON =
  /^\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been|are|is)\s+)(?:(?:actually|later|then|eventually|finally)\s+)?([\p{L}-]+)/u;

/** What a count followed by the asked act ("21 were repaired") is worth beside one that only names the noun. */
const ACTED_ON_WEIGHT = 2.5;

/** Whether a number is followed by the passive of one of the asked words ("21 were repaired"). */
function countsAskedAct(text: string, c: { end: number }, asked: readonly string[]): boolean {
  const verb = ACTED_ON.exec(text.slice(c.end, c.end + 40))?.[1];
  return verb !== undefined && /(?:ed|en|wn)$/.test(verb) && asked.includes(wordKey(verb));
}

/** "won 36 of his", "saved two out of the": a part, then "of" and the whole it is a part of. */
const PART_OF =
  /([\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2})\s+(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:out\s+)?of\s+(?:his|her|its|their|the|all|our|your)?\s*$/iu;

/** Whether the words before a part ("having won") say the asked act (one of the question's words). */
function actedBefore(words: string, askedKeys: readonly string[]): boolean {
  return askedKeys.length > 0 && wordsOf(words).some((w) => askedKeys.includes(wordKey(w.text)));
}

/** "is expected to fetch up to $1m": what a sale may bring, not what it brought. */
const ESTIMATED =
  /\b(?:is|are|was|were)\s+(?:expected|estimated|tipped|forecast|predicted|likely)\s+to\s+(?:fetch|sell|raise|make|reach|bring)\b|\b(?:could|may|might)\s+fetch\b/i;

/** A sum the market set, written just before it: "shares were up 19.6% at", "closed at". */
const MARKET_PRICE =
  /\b(?:shares?|stock|stocks)\b[^;]{0,60}\b(?:up|down|rose|fell|gained|lost|closed|ended|jumped|slipped|climbed|dropped|traded|trading|finished|opened)\b[^;]{0,40}\bat\s+$/i;
/** "how much per share ...?", and a sum said so: "138p a share", "$17 per share", "20p each". */
const PER_SHARE = /\b(?:per|a)\s+share\b/i;
/** (A currency word may stand between: "a 40 dlr a share tender offer".) */
const PER_SHARE_AFTER =
  /^\s*(?:(?:dlrs?|dollars?|cents?|cts|pence|pounds?|stg|francs?|marks?|yen|euros?)\s+)?(?:\(\S+\)\s*)?(?:a|per)\s+(?:share|unit)\b|^\s*each\b/i;
/** A question about the market's price itself. */
const ASKS_MARKET =
  /\b(?:trad(?:e|ed|ing)|close|closed|closing|open(?:ed|ing)?|share\s+price|stock\s+price|market\s+value)\b/i;

/** "how much did it sell for?": a question of what was done, in the past. */
const ASKS_PAST = /^how\s+(?:much|many)\s+(?:\S+\s+){0,2}?did\b/i;

/** A sentence that supposes: "If ..., it might (would, could) ...". */
const SUPPOSED = /^\s*(?:if|unless|were)\b[^.;]*\b(?:might|would|could)\b/i;

/** "how long does it run (last, stay)?": the time it runs until answers too. */
const HOW_LONG_RUNS =
  /^how\s+long\b.*\b(?:run|runs|last|lasts|stay|stays|continue|continues|remain|remains)\b/i;
/** What "until May 2008" counts for beside a length ("two years"): the text's own end of it. */
const UNTIL_WEIGHT = 1.3;

/** What "one (the ... warship)" counts for beside a number: a count written out is worth more. */
const SINGLE_WEIGHT = 0.5;

const amount: Strategy = (kb, a, hits) => {
  const unitKey = a.unit ? wordKey(a.unit) : undefined;
  // The counted noun, and the words that qualify it ("overnight" guests: "fifty-four overnighters").
  const unitKeys = unitKey ? [unitKey, ...(a.unitQualifiers ?? []).map(wordKey)] : [];
  // Their families, made once: every sentence read is asked whether it names one.
  const unitFamilies = unitKeys.map(unitFamily);
  const anchorKeys = unitKey ? [unitKey] : a.anchorKeys;
  const money = MONEY_QUESTION.test(a.question);
  const asksAge = /^how\s+old\b/i.test(a.question);
  // "how long does his new contract run?": "signed a new contract to stay until May 2008".
  const asksEnd = HOW_LONG_RUNS.test(a.question);
  // "how much is BMW putting into ...?", "how many does it employ?": the present asked.
  const asksNow = /^how\s+(?:many|much)\b.*\b(?:is|are|does|do|will)\b/i.test(a.question);
  // "the deal for 36 ATR planes": the question's counts, read once for every sentence.
  const anotherCount = countsAnotherNumber(a.question);
  const countsThings = !money && /^how\s+many\b/i.test(a.question) && !(a.unit && isCurrencyWord(a.unit));
  const wanted = money ? askedCurrency(a.question) : undefined;
  // "How many were killed in the US strike on Shayrat?": a count in sentences that never name
  // Shayrat counts the dead of something else; every name asked about stands in or next to it.
  const names = nameAnchorSets(
    kb,
    a,
    hits.slice(0, 8).map((h) => h.text),
  );
  const namesAll = (hit: SentenceHit) => {
    const near = keysNear(kb, hit, 1);
    // "US bank in $515m SEC settlement" / "Five Bank of America subsidiaries have agreed to pay
    // $515m to settle an investigation": the lead paragraph tells of what its title names.
    const titled = hit.passage.paragraph === 0 ? titleKeysOf(kb, hit.passage) : undefined;
    return names.every((any) => any.some((n) => near.has(n) || titled?.has(n)));
  };
  // A neighbour's sum of money must come with something asked beyond the money ("the safe").
  const asked = a.predicateKeys.filter((k) => k !== unitKey && !(unitKey && unitFamily(unitKey).includes(k)));
  const holdsAsked = (evidence: Evidence) => {
    const keys = keysOfText(evidence.text);
    return !asked.length || asked.some((k) => equivalentKeys(k).some((e) => keys.has(e)));
  };
  const extract = (evidence: Evidence): Typed[] => {
    if (!namesAll(evidence.hit)) return [];
    // "If sold then, the land might bring only $5,000": a sum supposed, not one paid.
    if (SUPPOSED.test(evidence.text) || COUNTERFACTUAL.test(evidence.text)) return [];
    // "How much did the saxophone sell for?" is not answered by what it "is expected to fetch".
    if (ASKS_PAST.test(a.question) && ESTIMATED.test(evidence.text)) return [];
    // "how much did Linde offer?" is not answered by the Aga bid.
    if (money && bidOfAnother(a.question, a.names, evidence.text)) return [];
    // "the deal for 36 ATR planes" is not the one "for 30 Airbus A320 planes".
    if (anotherCount(evidence.text)) return [];
    // "there were known to be twenty-two in Norton County": a count may leave out what it counts.
    const keys = unitKey ? keysOfText(evidence.text) : undefined;
    const namesUnit = unitFamilies.some((family) => family.some((k) => keys?.has(k)));
    const named = unitKey && !money ? enumeratedCount(evidence.text, unitKey) : undefined;
    const counted: Typed[] = named ? [{ candidate: named, weight: 0.9 }] : [];
    // "the Admiral Grigorovich frigate warship has been dispatched": one, where no number counts them.
    const single =
      !named && unitKey && countsThings && evidence.offset === 0
        ? singleCounted(evidence.text, unitKey)
        : undefined;
    if (single) counted.push({ candidate: single, weight: SINGLE_WEIGHT });
    // "died on 26 February": a day of a date counts nothing (read only where a month is named).
    let dates: readonly { start: number; end: number }[] | undefined;
    const inDate = (c: { start: number; end: number }) => {
      dates ??= MONTH_NAME.test(evidence.text) ? dateMentions(evidence.text) : [];
      return dates.some((d) => d.start <= c.start && c.end <= d.end);
    };
    const ends: Typed[] = asksEnd
      ? dateMentions(evidence.text)
          .filter((d) => /\buntil\s+(?:at\s+least\s+)?$/i.test(evidence.text.slice(0, d.start)))
          .map((d) => ({ candidate: { ...d, text: `until ${d.text}` }, weight: UNTIL_WEIGHT }))
      : [];
    return counted.concat(
      ends,
      numberMentions(evidence.text).flatMap((candidate) => {
        if (looksLikeYear(candidate.text) || a.question.includes(candidate.text)) return [];
        if (inDate(candidate)) return [];
        if (unitKey && countsOtherNoun(evidence.text, candidate, unitKey)) return [];
        if (countsThings && unitKey && measuresInUnit(evidence.text, candidate, unitKey)) return [];
        // "how much was it sold for?" asks for money: a number without a currency answers something else.
        if (money && !isMoney(evidence.text, candidate)) return [];
        // "how many handhelds were sold?" asks for a count: a price ("£99") counts nothing.
        if (countsThings && isMoney(evidence.text, candidate)) return [];
        // "how old is he?": an age ("aged 55", "the 31-year-old", "Kenteris, 31,"), nothing else.
        if (asksAge && !isAge(evidence.text, candidate)) return [];
        // "how much did it lose in US dollars?" is not answered in rupees.
        const currency = wanted ? currencyOf(evidence.text, candidate) : undefined;
        if (currency && currency !== wanted) return [];
        // "how much profit?" is not answered by a sum the sentence gives as turnover.
        if (money && measureDiffers(a.question, evidence.text, candidate)) return [];
        // "how much per share?": a sum said per share ("138p a share"), not the whole offer.
        if (
          PER_SHARE.test(a.question) &&
          !PER_SHARE_AFTER.test(evidence.text.slice(candidate.end, candidate.end + 20))
        )
          return [];
        // "Shares in the retailer were up 19.6% at $17.04", asked how much a bidder offers: the
        // market's price, not a sum anyone paid or offered (unless the market is what is asked).
        if (
          money &&
          !ASKS_MARKET.test(a.question) &&
          MARKET_PRICE.test(evidence.text.slice(Math.max(0, candidate.start - 100), candidate.start))
        )
          return [];
        const percent = isShare(candidate.text);
        let weight = percent && /^how\s+many/i.test(a.question) ? 0.5 : 1;
        // "takes him beyond the opening of the stadium in two years", asked how long his contract
        // runs: a time from now until something else, not the length asked.
        if (
          asksEnd &&
          /\bin\s+$/i.test(evidence.text.slice(Math.max(0, candidate.start - 4), candidate.start))
        )
          weight *= 0.4;
        // "Before Wednesday's announcement, BMW had invested some £280m", asked how much it is
        // putting in: what had been, before the present the question asks of.
        if (asksNow && EARLIER.test(evidence.text.slice(Math.max(0, candidate.start - 80), candidate.start)))
          weight *= 0.5;
        // "at 2,495 dlrs, costs 500 dlrs less than previous machines": a difference, not the amount.
        if (COMPARED.test(evidence.text.slice(candidate.end, candidate.end + 40))) weight *= 0.4;
        // "having won 36 of his 50 matches", asked how many he won: the part the asked act
        // counts, not the whole it is a part of.
        const part = PART_OF.exec(evidence.text.slice(Math.max(0, candidate.start - 60), candidate.start));
        if (part && actedBefore(part[1] ?? '', asked)) weight *= 0.4;
        // "spent a total of 2.13 billion dlrs ..., 341 mln dlrs in the U.S.": the whole, before its parts.
        if (TOTAL_BEFORE.test(evidence.text.slice(Math.max(0, candidate.start - 30), candidate.start)))
          weight *= 1.3;
        // A count stands next to what it counts ("140,000 copies"); a number far from it counts other things.
        if (unitKey && namesUnit && !unitKeys.some((u) => countsUnit(evidence.text, candidate, u))) return [];
        // "no more than 21 were repaired", asked how many joints were repaired: the count of the
        // asked act, the noun left unsaid.
        const actedOn = unitKey !== undefined && !money && countsAskedAct(evidence.text, candidate, asked);
        if (actedOn) weight *= ACTED_ON_WEIGHT;
        if (unitKey && !namesUnit && !actedOn) {
          // "How many people died?" against "two great fires had burnt two hundred houses".
          if (!money && countsNamedNoun(evidence.text, candidate, unitKey)) return [];
          weight *= 0.6;
        }
        // The sentence next to the matching one answers only with what is asked: the counted
        // noun named, or a sum of money where it says what the money is for ("thirty-seven cents"
        // after "The safe at ...", but not "fifty dollars as compensation" beside "was sold").
        if (evidence.offset !== 0 && !namesUnit && !actedOn && !(money && holdsAsked(evidence))) return [];
        // "jailed for 14 years", asked how many years: the number counts the asked noun itself.
        // ... as does a sum in the currency the question asks it in ("265 mln dlrs", asked in dollars).
        const counts =
          (unitKey && evidence.offset === 0 && countsRightAfter(evidence.text, candidate, unitKey)) ||
          (currency !== undefined && currency === wanted);
        return [{ candidate, weight, ...(counts ? { support: COUNTS_ASKED } : {}) }];
      }),
    );
  };
  const required = constraints(kb, a);
  const ranked = rankCandidates(kb, hits, extract, {
    ...required,
    // A sum of money answers where the sentence tells of money changing hands, in any verb.
    requireKeys:
      money && required.requireKeys.some((k) => MONEY_VERBS.includes(k))
        ? [...required.requireKeys, ...MONEY_VERBS]
        : required.requireKeys,
    asidesCountLess: true,
    anchorKeys,
    reach: 1,
  });
  const top = best(ranked);
  if (!top) return noneYet(kb, a, hits);
  const candidate = { text: top.text, start: top.evidence.text.indexOf(top.text), end: 0 };
  candidate.end = candidate.start + top.text.length;
  const headline =
    hedged(top, a) ?? (candidate.start >= 0 ? withUnit(top.evidence.text, candidate, unitKey) : top.text);
  return composeAnswer(kb, { headline, evidence: top.evidence });
};

const STRATEGIES: Record<QuestionAnalysis['type'], Strategy> = {
  person: doer,
  role: roleHolder,
  time,
  place,
  number: amount,
  reason,
  yesno: (kb, a, hits) => answerYesNo(kb, a, hits),
  definition,
  name: properName,
  quote: bestSentence,
  event: bestSentence,
  describe: bestSentence,
  any: bestSentence,
};

const SAYS_UNKNOWN =
  /\b(?:is|was|are|were|remains?|remained)\s+(?:not|never|still\s+not)\s+(?:known|revealed|recorded|clear|certain|disclosed|given|reported)\b|\bno\s+one\s+(?:knows|knew)\b|\bnobody\s+(?:knows|knew)\b|\b(?:is|was|remains?)\s+(?:unknown|a\s+mystery)\b|\b(?:has|have|is|are|was|were)\s+yet\s+to\s+be\s+(?:revealed|announced|named|decided|confirmed|disclosed|chosen|cast)\b/i;

/**
 * "The company didn't give details of its investment", "the plan will not specify the size of the
 * tax cut", "Neither Takeuchi nor Howard would name the companies": the answer withheld, said of
 * what is asked.
 */
const WITHHELD =
  /\b(?:did\s+not|didn't|does\s+not|doesn't|would\s+not|wouldn't|will\s+not|won't|declined\s+to|refused\s+to)\s+(?:give|disclose|reveal|say|comment\s+on|specify|detail|name|set\s+out)\b|\bgave\s+no\s+(?:details|figure|figures)\b|\bneither\s+[^.;]{1,60}?\s+nor\s+[^.;]{1,60}?\s+(?:would|will|did|could)\s+(?:name|identify|disclose|reveal|say|give)\b/i;

/**
 * How many of the best sentences are read for one that says the answer is not known: the best
 * two (a lesser one that says a spokesman "declined to say how many pairs" leaves the count
 * another sentence gives).
 */
const UNKNOWN_AMONG = 2;

/** A sentence about the question that says its answer is not known ("who bought it is not recorded"). */
function saysUnknown(hit: SentenceHit, a: QuestionAnalysis): boolean {
  if (Math.max(hit.coverage, hit.contextCoverage) < MIN_CONFIDENCE) return false;
  // The clause that says so must be about what is asked: "Who won is not revealed, but ... 1,212
  // words" leaves the count known.
  return hit.text.split(/[,;:]|\s(?:but|and|while|although)\s/).some((clause) => {
    const withheld = WITHHELD.test(clause);
    if (!SAYS_UNKNOWN.test(clause) && !withheld) return false;
    const keys = keysOfText(clause);
    // (Withheld, it must be what is asked: "an undisclosed amount" tells nothing of what Retrovir is.)
    return (!withheld && a.predicateKeys.length === 0) || a.predicateKeys.some((k) => keys.has(k));
  });
}

/**
 * The closest sentences worth offering: from articles that name every person asked about, and
 * those that name (or stand next to) every name asked about first; the others only if none does.
 */
function closestTo(kb: KnowledgeBase, a: QuestionAnalysis, hits: SentenceHit[]): SentenceHit[] {
  const people = personAnchors(kb, a);
  const about = hits.filter((h) => people.every((p) => articleNames(kb, h.passage.articleId, p)));
  const names = nameAnchors(kb, a);
  const naming = about.filter((h) => {
    const near = keysNear(kb, h, 1);
    return names.every((n) => near.has(n));
  });
  return naming.length ? naming : about;
}

const NO_ONE = /^(?:no\s*-?\s*one|nobody|none)\b/i;

/**
 * The best sentences' first that says the asked act was done to or by no one: the asked word, then
 * "no one" ("is helping no one"), or "nobody" before it ("nobody has claimed").
 */
function saidOfNoOne(a: QuestionAnalysis, hits: readonly SentenceHit[]): SentenceHit | undefined {
  const asked = a.predicateKeys;
  if (!asked.length) return undefined;
  return hits.slice(0, 3).find((hit) => {
    if (hit.coverage < NO_ONE_COVERAGE) return false;
    const words = wordsOf(hit.text);
    return words.some((w, i) => {
      if (!asked.includes(wordKey(w.text))) return false;
      if (NO_ONE.test(hit.text.slice(w.end).trimStart())) return true;
      const before = words.slice(Math.max(0, i - 3), i).map((x) => x.text.toLowerCase());
      return before.some((x, j) => x === 'nobody' || (x === 'no' && before[j + 1] === 'one'));
    });
  });
}

/** How much of the question a sentence must say to tell that no one did it. */
const NO_ONE_COVERAGE = 0.5;

/** Answers a question from the archive's text, or says that the archive doesn't say. */
export function answerQuestion(
  kb: KnowledgeBase,
  a: QuestionAnalysis,
  trace?: (line: string) => void,
): Reply {
  // "Who wrote the piece asking ...?": the author of an article, from what the archive knows of it.
  const byAuthor = a.type === 'person' ? authorAnswer(kb, a.question) : undefined;
  if (byAuthor) return byAuthor;
  // "Which of the two pieces names the air base?": one of the archive's own articles.
  const byText = whichArticleAnswer(kb, a.question) ?? articleMentionAnswer(kb, a.question);
  if (byText) return byText;
  // Reading the focus article whole pays for typed answers ("he" for the name); a free question
  // is answered by its best-matching sentence, which the searched paragraphs hold.
  const free = a.type === 'any' || a.type === 'event' || a.type === 'describe';
  const found = findSentences(kb, a.terms, {
    limit: 24,
    focusArticles: free ? 0 : 1,
    aliases: acronymAliases(kb, a.names),
  }).hits;
  // "..., according to the second article": that text's sentences, where it has any.
  const named = a.textCalled ? articleCalled(kb, a.textCalled) : undefined;
  const own = named ? found.filter((h) => h.passage.articleId === named.id) : [];
  const hits = own.length ? own : found;
  traceWith(trace);
  trace?.(`${a.type}: terms ${a.terms.join(' ')}; predicate ${a.predicateKeys.join(' ')}`);
  for (const h of trace ? hits.slice(0, 5) : [])
    trace?.(
      `hit ${h.score.toFixed(2)} cov ${h.coverage.toFixed(2)}/${h.contextCoverage.toFixed(2)} ${h.text.slice(0, 100)}`,
    );
  // "Who won is not revealed": the text itself says the answer is not known.
  if (a.type !== 'yesno' && hits.slice(0, UNKNOWN_AMONG).some((h) => saysUnknown(h, a)))
    return abstain(kb, a.question, hits);
  // "who is all this confusion helping?" against "this confusion is helping no one": the text
  // says that no one is.
  const noOne = a.type === 'person' ? saidOfNoOne(a, hits) : undefined;
  if (noOne)
    return composeAnswer(kb, {
      headline: `No one: ${windowAround(noOne.text, a.anchorKeys, HEADLINE_CHARS - 9)}`,
      evidence: { text: noOne.text, articleId: noOne.passage.articleId, hit: noOne, offset: 0 },
    });
  let answer: Reply | undefined;
  try {
    // "who is taking over as chief executive?": the next holder, where the text names one.
    answer =
      (a.type === 'person' || a.type === 'role' ? successionAnswer(kb, a, hits) : undefined) ??
      STRATEGIES[a.type](kb, a, hits);
  } finally {
    traceWith(undefined);
  }
  if (answer) return answer;
  // "/where Mill Road" names a thing rather than asking a question: what the text says of it.
  if (a.fromHint) return bestSentence(kb, a, hits) ?? abstain(kb, a.question, closestTo(kb, a, hits));
  return abstain(kb, a.question, closestTo(kb, a, hits));
}
