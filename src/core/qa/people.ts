/**
 * People as answers: capitalised runs weighed by how much they look like a person's name (the
 * name index, the lexicon's given names and surnames, a title before them) and by where they
 * stand (after "by", right before the asked verb, the subject of the sentence); a title that is
 * the asked role ("Defense Minister X") marks the role's holder.
 */
import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import { isRoleWord, ROLE_QUALIFIERS, titleBefore } from '../../knowledge/extract/rolePhrases.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { hasPhrasalVerb, withPhrasalVerbsAsWords } from '../../text/phrasalVerbs.ts';
import { isSpeechVerb } from '../../text/speechVerbs.ts';
import { wordKey, wordsOf } from '../../text/wordForms.ts';
import { ANY_LOWER_WORD, nameInitials, quotationOpen } from '../../text/words.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { type Candidate, isOfficeWord, isPlaceOfName, nameRuns, withoutTitle } from './candidates.ts';
import { type Evidence, keysNear } from './evidence.ts';
import { keysOfText } from './findSentences.ts';
import { inQuestion, isPlaceName, kindsOf, lowerWords } from './questionNames.ts';
import type { Typed } from './rankCandidates.ts';

/** Last words that make a capitalised run a title or an institution, not a person. */
const TITLE_WORDS =
  /^(?:President|Chief|General|Minister|Secretary|Director|Chairman|Governor|Senator|Judge|Mayor|King|Queen|Prince|Pope|Bishop|Colonel|Captain|Admiral|Commissioner|Ambassador|Leader|Committee|Council|Board|Company|Church|University|College|School|Hospital|Hall|Street|Avenue|Road|River|Bridge|Hotel|Theatre|Theater|Department|Office|Bureau|Association|Society|Institute|Party|Army|Navy|Corps|War|Act|Day|Century|Age)$/;

/** Per article body, read in one pass: the words it capitalises in mid-sentence. */
interface MidSentenceCapitals {
  /** Capitalised after a lower-case word or a comma: names, not sentence openers. */
  readonly afterLower: Set<string>;
  /** Capitalised common words, not after "the" or "a" and not before another capital, twice or more. */
  readonly asNames: Set<string>;
}

const capitalsOfArticle = new WeakMap<object, MidSentenceCapitals>();

function capitalsOf(kb: KnowledgeBase, articleId: string): MidSentenceCapitals | undefined {
  const article = kb.articles.get(articleId);
  if (!article) return undefined;
  let capitals = capitalsOfArticle.get(article);
  if (!capitals) {
    const afterLower = new Set<string>();
    const counts = new Map<string, number>();
    for (const m of article.body.matchAll(/(?<=[\p{Ll},;]) (\p{Lu}[\p{L}'’-]+)/gu))
      afterLower.add(m[1] ?? '');
    for (const m of article.body.matchAll(/(?:^|[\s(])(\p{Ll}+|,) (\p{Lu}\p{Ll}+)\b(?! \p{Lu})/gmu)) {
      if (/^(?:the|a|an|this|that|these|those|of)$/.test(m[1] ?? '')) continue;
      const w = m[2] ?? '';
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const asNames = new Set([...counts].filter(([, n]) => n >= 2).map(([w]) => w));
    capitals = { afterLower, asNames };
    capitalsOfArticle.set(article, capitals);
  }
  return capitals;
}

function capitalisedMidSentence(kb: KnowledgeBase, articleId: string, word: string): boolean {
  return capitalsOf(kb, articleId)?.afterLower.has(word) ?? false;
}

/**
 * "... and Cricket took the rest": a common word the article capitalises in mid-sentence, not
 * after "the" or "a", at least twice, is a name (a nickname, a ship) there.
 */
function usedAsName(kb: KnowledgeBase, articleId: string, word: string): boolean {
  return capitalsOf(kb, articleId)?.asNames.has(word) ?? false;
}

/** "by Fred Ikle", "by Sunday Telegraph journalist Robert Peston": the agent, after "by" and a few words that describe them. */
const AGENT_BEFORE = /\bby\s+(?:the\s+)?(?:[\p{L}'’.&-]+\s+){0,4}$/iu;

/** Words of time or manner, and particles, between a verb and its "by" ("confirmed this week by"). */
const BETWEEN_VERB_AND_BY =
  /^(?:this|last|next|that|week|month|year|day|weekend|today|yesterday|earlier|later|recently|once|first|originally|allegedly|reportedly|apparently|jointly|also|mainly|partly|largely|only|out|up|down|off|in|\d{4}|[a-z]+ly)$/i;

/**
 * The words before "by", a two-word verb read as the one word it stands for ("carried out" as
 * "committed"), without the words of time or manner that may stand between the verb and "by"
 * ("confirmed this week by"): the verb is the last.
 */
function wordsBeforeBy(before: string): string[] {
  const words = (hasPhrasalVerb(before) ? withPhrasalVerbsAsWords(before) : before).trim().split(/\s+/);
  while (words.length > 1 && BETWEEN_VERB_AND_BY.test(words[words.length - 1] ?? '')) words.pop();
  return words;
}

/**
 * "a point confirmed this week by Nikki Haley", asked who called for it: the verb before "by"
 * (past the words of time or manner between) is a participle, and none of the words before "by"
 * is an asked verb.
 */
function agentOfOther(window: string, keys: readonly string[]): boolean {
  const m = /((?:[\p{L}-]+\s+){1,4})by\s+(?:the\s+)?(?:[\p{L}'’.&-]+\s+){0,4}$/u.exec(window)?.[1];
  if (!m) return false;
  const words = wordsBeforeBy(m);
  const verb = words[words.length - 1] ?? '';
  if (!/^\p{Ll}[\p{Ll}-]*(?:ed|en)$/u.test(verb)) return false;
  // ("developed and heavily endowed by": the asked verb may be the first of two.)
  return !words.some((w) => equivalentKeys(wordKey(w)).some((k) => keys.includes(k)));
}

/** Titles an organisation's name qualifies: "Balco president Victor Conte", "Arsenal boss Arsene Wenger". */
const TITLE_AFTER_NAME =
  /^(?:president|chairman|chairwoman|chief|director|founder|boss|owner|spokesman|spokeswoman|spokesperson|coach|manager|head|leader|editor|executive|minister|secretary|governor|captain|striker|midfielder|defender|goalkeeper|analyst|economist|lawyer|chairperson|investor|financier|businessman|businesswoman|banker|industrialist|entrepreneur|tycoon|magnate|developer|publisher|attorney|official|senator|congressman|trader|broker)$/;

/** Nouns for a body of people that acts as one: "the Damascus regime", "the Kestrel gang". */
const GROUP_AFTER =
  /^\s+(regime|government|authorities|army|forces|military|police|administration|rebels|militants|insurgents|troops|gang|junta|navy|militia|council|committee|board|jury|court|cartel)\b/;

/**
 * "allegedly committed by the Damascus regime", asked who carried it out: a name that qualifies
 * a body of people is that body, which acts in the news as a person does. Undefined otherwise.
 */
function groupNamed(sentence: string, c: Candidate): Candidate | undefined {
  if (!/\bthe\s+$/i.test(sentence.slice(Math.max(0, c.start - 4), c.start))) return undefined;
  const noun = GROUP_AFTER.exec(sentence.slice(c.end));
  if (!noun?.[1]) return undefined;
  return { ...c, text: `the ${c.text} ${noun[1]}`, end: c.end + noun[0].length };
}

/**
 * "Brown's Britain by Sunday Telegraph journalist Robert Peston", asked who wrote Brown's Britain:
 * the work the question names, then "by" and its maker.
 */
function madeBy(sentence: string, c: Candidate, asked: ReadonlySet<string>): boolean {
  const m = /([\p{L}\p{N}'’-]+)["”]?,?\s+by\s+(?:the\s+)?(?:[\p{L}'’.&-]+\s+){0,4}$/u.exec(
    sentence.slice(Math.max(0, c.start - 80), c.start),
  );
  return m?.[1] !== undefined && asked.has(m[1].toLowerCase().replace(/['’]s$/, ''));
}

/** "X had been expected to win", "X failed to buy": the asked verb after words that say it was not done. */
const NOT_DONE_BEFORE =
  /^\s+(?:(?:had|has|have)\s+been\s+|was\s+|were\s+|is\s+|are\s+)?(?:expected|tipped|favourite|favorite|set|tried|hoped|wanted|sought|failed|attempted|bidding|trying|hoping)\s+to\s+([\p{L}-]+)/u;
const NOT_DONE = 0.4;

function notDone(sentence: string, c: Candidate, keys: readonly string[]): boolean {
  const verb = NOT_DONE_BEFORE.exec(sentence.slice(c.end))?.[1];
  return verb !== undefined && keys.includes(wordKey(verb));
}

/** The noun for the one who does a verb: "winner" for "win", "buyer" for "buy". */
const DOER_NOUNS: Record<string, string> = Object.fromEntries(
  [
    ['win', 'winner'],
    ['buy', 'buyer'],
    ['sell', 'seller'],
    ['own', 'owner'],
    ['found', 'founder'],
    ['invent', 'inventor'],
    ['discover', 'discoverer'],
    ['design', 'designer'],
    ['build', 'builder'],
    ['write', 'writer'],
    ['create', 'creator'],
  ].map(([verb, noun]) => [wordKey(verb ?? ''), wordKey(noun ?? '')]),
);

const NAMED_AS =
  /^\s+(?:emerged\s+as|was\s+named|has\s+been\s+named|was\s+declared|became|is|was)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}]+(?:er|or))\b/u;

/** "Baikal Finance Group emerged as the auction winner": named as the one who did the asked verb. */
function namedAsDoer(sentence: string, c: Candidate, keys: readonly string[]): boolean {
  const noun = NAMED_AS.exec(sentence.slice(c.end))?.[1];
  return noun !== undefined && keys.some((k) => DOER_NOUNS[k] === wordKey(noun));
}

/** "Universal said on Wednesday it had bought ...": the verb the speaker's "it" did. */
const SAID_IT_DID =
  /^\s+(?:said|says|announced|confirmed|added)\s+(?:on\s+\p{Lu}\p{Ll}+\s+|\p{Ll}+day\s+)?(?:that\s+)?(?:it|he|she|they)\s+(?:(?:had|has|have|would|will|was|is|were|are)\s+)?(?:\p{Ll}+ly\s+)?([\p{L}-]+)/u;

function saidItDid(sentence: string, c: Candidate, keys: readonly string[]): boolean {
  const verb = SAID_IT_DID.exec(sentence.slice(c.end))?.[1];
  return verb !== undefined && keys.includes(wordKey(verb));
}

/** "Cricket took eight ships", "Universal said it had bought ...": the name does an asked verb. */
function opensWithVerb(sentence: string, c: Candidate, keys: readonly string[]): boolean {
  const next = wordsOf(sentence.slice(c.end))[0];
  return (next !== undefined && keys.includes(wordKey(next.text))) || saidItDid(sentence, c, keys);
}

/** How much a capitalised run looks like a person's name, from the lexicon and the text around it. */
function personWeight(
  kb: KnowledgeBase,
  articleId: string,
  sentence: string,
  c: Candidate,
  keys: readonly string[],
  doer: boolean,
): number {
  const bare = withoutTitle(c.text);
  const kinds = kindsOf(kb, c.text);
  // "Russian President Vladimir Putin": the name index knows the name without its title.
  if (!kinds.size && bare !== c.text) for (const kind of kindsOf(kb, bare)) kinds.add(kind);
  const lexicon = nameGazetteer();
  const words = bare.split(/\s+/);
  const whole = lexicon.classOf(c.text.toLowerCase());
  const classes = words.map((w) => lexicon.classOf(w.toLowerCase()));
  const titled = words.length < c.text.split(/\s+/).length;
  // A story's title capitalises its first word as a sentence does, and its doer is no name by
  // that alone: "Gamer buys $26,500 virtual land" names no one where its story names the buyer.
  const inTitle = () => kb.articles.get(articleId)?.title.trim() === sentence.trim();
  let weight = words.length > 1 ? 1 : 0.6;
  // "Rock group Korn's guitarist quits": a common word opening a title or sentence is not the
  // "Rock" the index knows from another story, unless this article writes it so mid-sentence.
  if (
    words.length === 1 &&
    classes[0] === 'word' &&
    kinds.has('person') &&
    !capitalisedMidSentence(kb, articleId, c.text)
  )
    kinds.clear();
  if (kinds.has('person')) weight = 1.3;
  // "who reported ...?" may be answered by a newspaper: a known organisation does for a doer.
  else if (doer && kinds.has('organisation')) weight = 0.9;
  // "missile testing by North Korea": a country acts in the news; it answers where it does the asked thing.
  else if (doer && kinds.has('place') && doesNamed(sentence, c, keys)) weight = 0.9;
  else if (kinds.size) return 0;
  else if (doer && whole === 'organisation') weight = 0.9;
  else if (whole === 'place' || whole === 'organisation' || whole === 'demonym') return 0;
  // "Italian Renaissance": a people's adjective opens a phrase, not a name.
  else if (classes[0] === 'demonym' && !titled) return 0;
  // "Banned American sprinter Kelli White": a common word and a people's adjective describe her.
  else if (words.length === 2 && classes[0] === 'word' && classes[1] === 'demonym') return 0;
  // "Republic of Congo", "Gulf of Mexico": a place's name of two parts.
  else if (isPlaceOfName(bare) && !(doer && doesNamed(sentence, c, keys))) return 0;
  // "Democratic President", "Police Chief": a title without a name.
  else if (TITLE_WORDS.test(words[words.length - 1] ?? '')) return 0;
  else if (titled || classes[0] === 'given') weight = 1.4;
  else if (classes.some((k) => k === 'given' || k === 'surname')) weight = 1.2;
  // All common words ("Will Power") is no name, unless a title says it is ("Mrs. Child").
  else if (classes.every((k) => k === 'word' || k === 'function' || k === 'time')) {
    // "Cricket took eight ships": a word the article writes as a name wherever it stands.
    if (words.length === 1 && usedAsName(kb, articleId, bare)) weight = 0.6;
    // ... or that opens the sentence as the doer of the asked verb, with no article before it.
    else if (doer && words.length === 1 && c.start === 0 && opensWithVerb(sentence, c, keys) && !inTitle())
      weight = 0.7;
    // "the Daily Mirror states": capitalised common words after "the" name an institution.
    else if (!doer || words.length < 2 || !/\bthe\s+$/i.test(sentence.slice(0, c.start))) return 0;
    else weight = 0.7;
  }
  // One unknown capitalised word opening a sentence ("Thereafter") is a name only if the text also
  // capitalises it mid-sentence ("... and Kearton").
  // Unless it is the doer of the asked verb right after it ("Cricket took eight ships").
  else if (
    words.length === 1 &&
    c.start === 0 &&
    !capitalisedMidSentence(kb, articleId, c.text) &&
    !(doer && opensWithVerb(sentence, c, keys) && !inTitle())
  )
    weight = 0.3;
  // "the Brumidi frescos", "Pandora's box": a name used as a modifier of a common noun.
  // Not where the word after is a verb closing its clause ("as the Daily Mirror states, ...").
  if (
    /^(?:['’]s)?\s+[a-z]/.test(sentence.slice(c.end)) &&
    !/^\s+[a-z]+(?:s|ed)\s*(?:[,:;"“]|that\b)/.test(sentence.slice(c.end)) &&
    // "the Russian President Vladimir Putin who ...": a relative pronoun after names a person.
    !/^,?\s+(?:who|whom|whose)\b/.test(sentence.slice(c.end)) &&
    /\b(?:the|a|an|this|that)\s+$/i.test(sentence.slice(0, c.start))
  )
    weight *= 0.5;
  if (/^['’]s\s+[a-z]/.test(sentence.slice(c.end))) weight *= 0.6;
  // "by Bay Area Lab Co-Operative (Balco) president Victor Conte": an organisation that qualifies
  // the title of the person named after it.
  const titleAfter = /^\s*(?:\([^()]{1,30}\)\s*)?(\p{Ll}+)\s+\p{Lu}/u.exec(sentence.slice(c.end))?.[1];
  if (titleAfter !== undefined && TITLE_AFTER_NAME.test(titleAfter)) weight *= 0.5;
  // "in Washington", "from Germany": a place, not a doer; but "under the leadership of Deputy
  // Sheriff Frank MacPherson" names a person by title or given name.
  // "developed at the Medical Electronics Center": with its "the", still where, not who.
  // ("reported in the Guardian" names a source, so "in the" does not count).
  const before = sentence.slice(Math.max(0, c.start - 10), c.start);
  // Not "an offer from Ciba-Geigy", where the asked act is named before "from".
  if (
    (/\b(?:in|at|near|from|to|into|of)\s+$/i.test(before) ||
      /\b(?:at|near|from|into)\s+the\s+$/i.test(before)) &&
    !(doer && /\b(?:from|to)\s+(?:the\s+)?<?$/i.test(before) && doesNamed(sentence, c, keys))
  )
    weight *= /\bof\s+$/i.test(sentence.slice(0, c.start)) && (titled || classes[0] === 'given') ? 0.8 : 0.4;
  // "... was done by Fred Ikle", "Samuel Gorton, founder of Warwick", "Mercer turned out":
  // the doer stands after "by", or just before the asked verb.
  // ("an assertion by Air North America" makes it the doer of the assertion only: a noun before
  // "by" counts where it is the asked act.)
  const window = sentence.slice(Math.max(0, c.start - 60), c.start);
  const nounBy =
    /\b(?:a|an|the|its|his|her|their)\s+([\p{L}-]+)\s+by\s+(?:the\s+)?(?:[\p{L}'’.&-]+\s+){0,4}$/iu.exec(
      window,
    );
  if (doer && AGENT_BEFORE.test(window) && (!nounBy || keys.includes(wordKey(nounBy[1] ?? '')))) {
    // "... called for him to be ousted, a point confirmed by Nikki Haley": the agent of another verb.
    weight *= agentOfOther(window, keys) ? 0.6 : 1.4;
  }
  const after = wordsOf(sentence.slice(c.end)).slice(0, 4);
  if (after.some((w) => keys.includes(wordKey(w.text)))) weight *= 1.3;
  // The subject of its clause: first in the sentence, a verb right after ("Kearton got off ...").
  if (doer && c.start === 0 && /^(?:\s+[a-z]|,)/.test(sentence.slice(c.end))) weight *= 1.2;
  return weight;
}

/**
 * "Defense Minister Bahi Ladgham" for "who was Tunisia's defense minister?": a title that is the
 * asked role, written before the name, marks its holder; the name is shown without it.
 */
function titledWithRole(text: string, roleKeys: readonly string[]): { name: string; titled: boolean } {
  const words = text.split(/\s+/);
  let cut = 0;
  while (cut < words.length - 1 && roleKeys.includes(wordKey(words[cut] ?? ''))) cut++;
  return { name: words.slice(cut).join(' '), titled: cut > 0 };
}

/**
 * The words after the last office word of the asked title ("Exchange Chairman Maurice Menn" ->
 * "Maurice Menn"): what the name is, without the organisation written before the title.
 */
function afterTitle(
  text: string,
  roleKeys: readonly string[],
  asked: ReadonlySet<string>,
): { name: string; titled: boolean } {
  const words = text.split(/\s+/);
  const last = words.slice(0, -1).findLastIndex((w) => isOfficeWord(w) && roleKeys.includes(wordKey(w)));
  // Only the asked organisation's own words (or its initials: "NASD President Gordon Macklin")
  // stand before the title ("United States Secretary Of State X" is another office's title).
  const ofAsked =
    last > 0 &&
    words.slice(0, last).every((w) => asked.has(w.toLowerCase()) || asked.has(`#${w.toLowerCase()}`));
  if (!ofAsked || !/^\p{Lu}/u.test(words[last + 1] ?? '') || /^of$/i.test(words[last + 1] ?? ''))
    return { name: text, titled: false };
  return { name: words.slice(last + 1).join(' '), titled: true };
}

/**
 * "Russian President Vladimir Putin", "Foreign Minister Sergei Lavrov", asked who the defence
 * minister is: a title before the name that holds an office and a word the asked role does not
 * ("President", "Foreign") gives another office, unless the asked role is said of the name just after.
 */
function holdsOtherOffice(sentence: string, c: Candidate, roleKeys: readonly string[]): boolean {
  const words = c.text.split(/\s+/);
  const title = words
    .slice(0, words.length - withoutTitle(c.text).split(/\s+/).length)
    .filter((w) => !COURTESY.test(w));
  if (!title.some(isOfficeWord)) return false;
  const lexicon = nameGazetteer();
  const other = title.some((w) => {
    const kind = lexicon.classOf(w.replace(/\.$/, '').toLowerCase());
    return kind !== 'demonym' && kind !== 'place' && !roleKeys.includes(wordKey(w));
  });
  if (!other) return false;
  // "Sen. Ann Roe, chairman of the commission": the asked role, said of the name in an aside.
  const aside = /^\s*,\s*((?:[\p{L}'’-]+\s+){0,5}[\p{L}'’-]+)/u.exec(sentence.slice(c.end))?.[1] ?? '';
  return !aside.split(/\s+/).some((w) => roleKeys.includes(wordKey(w)));
}

/**
 * "It was led by Digby Jones, director general of the UK's Confederation of British Industry",
 * asked who heads Cadbury Schweppes: the aside gives the name an office of another body.
 */
function officeOfAnother(sentence: string, c: Candidate, askedNames: ReadonlySet<string>): boolean {
  const m =
    /^\s*,\s+(?:the\s+)?((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)\s+(?:of|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*['’]s\s+)?(\p{Lu}[\p{L}.&'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?\p{Lu}[\p{L}.&'’-]*)*)/u.exec(
      sentence.slice(c.end, c.end + 160),
    );
  if (!m?.[1] || !m[2]) return false;
  if (!m[1].split(/\s+/).some((w) => isRoleWord(w.toLowerCase()))) return false;
  return ![...lowerWords(m[2])].some((w) => askedNames.has(w));
}

/**
 * "Marc Gonsalves, an executive at Xstrata", asked who the chief executive is: the name is given
 * the asked title's head without the words that make it the asked one ("chief").
 */
function lesserTitleAfter(sentence: string, c: Candidate, roleKeys: readonly string[]): boolean {
  if (roleKeys.length < 2) return false;
  const head = roleKeys[roleKeys.length - 1];
  const m =
    /^\s*,\s+(?:a|an|the|one)\s+((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)(?=\s+(?:at|of|for|with|in)\b|\s*[,.;])/u.exec(
      sentence.slice(c.end, c.end + 80),
    );
  if (!m?.[2] || wordKey(m[2]) !== head) return false;
  const before = (m[1] ?? '').trim().split(/\s+/).filter(Boolean).map(wordKey);
  return roleKeys.slice(0, -1).some((k) => !before.includes(k));
}

/** What a name counts for in a role question where nothing near it says a role. */
const UNLINKED_ROLE = 0.3;

/** Whether a word of the asked role stands within a few words of the name, before or after it. */
function linkedToRole(sentence: string, c: Candidate, roleKeys: readonly string[]): boolean {
  const near = [
    ...wordsOf(sentence.slice(Math.max(0, c.start - 40), c.start)).slice(-4),
    ...wordsOf(c.text),
    ...wordsOf(sentence.slice(c.end, c.end + 60)).slice(0, 6),
  ];
  return near.some((w) => roleKeys.includes(wordKey(w.text)));
}

/** Words that may stand in a title between an organisation and a name ("chief executive", "former"). */
const IN_TITLE = /^(?:former|then|new|acting|deputy|vice|executive|managing|general|senior|joint|interim)$/i;
/** Whether a word may be part of the asked title: a word of it, an office, or "former", "chief", ... */
function inTitle(word: string, roleKeys: readonly string[]): boolean {
  return roleKeys.includes(wordKey(word)) || isOfficeWord(word) || IN_TITLE.test(word);
}
/** Capitalised words that open a title at a sentence's start ("Chief executive X", "Club chairman X"). */
const TITLE_CASE_WORDS = /^(?:Chief|Head|Club|Team|Party|Company|Group|Board|Its|Their|His|Her|The)$/;

/** The organisation written before the asked title, right before the name ("ARU chief executive X"). */
function titlingOrganisation(
  sentence: string,
  c: Candidate,
  roleKeys: readonly string[],
): string | undefined {
  const before = sentence.slice(Math.max(0, c.start - 100), c.start);
  const m = /((?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+(?:(?:of|and|&)\s+)?)+)((?:[\p{Ll}-]+\s+){1,3})$/u.exec(before);
  if (!m?.[1] || !m[2]) return organisationAfter(sentence.slice(c.end, c.end + 100), roleKeys);
  // "Deutsche's chairman Rolf Breuer and chief executive Werner Seifert": a name before "and" is
  // another holder in a list; the organisation is the one the list's first title is of.
  if (/\s(?:and|&|of)$/.test(m[1].trim())) {
    const listed =
      /((?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+)+)(?:[\p{Ll}-]+\s+){1,3}(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}and\s+(?:[\p{Ll}-]+\s+){1,3}$/u.exec(
        before,
      )?.[1];
    return listed?.replace(/['’]s\s*$/, '').trim() || undefined;
  }
  const title = m[2].trim().split(/\s+/);
  if (!title.some((w) => roleKeys.includes(wordKey(w)))) return undefined;
  // "Chief executive Jim Skinner" opening a sentence: a capitalised title word is no organisation.
  if (
    m[1]
      .trim()
      .split(/\s+/)
      .every((w) => inTitle(w, roleKeys) || TITLE_CASE_WORDS.test(w))
  )
    return undefined;
  // "director of rugby": after its "of", a title may name its field in any word.
  const of = title.indexOf('of');
  const head = of > 0 ? title.slice(0, of) : title;
  if (!head.every((w) => inTitle(w, roleKeys))) return undefined;
  return m[1].replace(/['’]s\s*$/, '').trim();
}

/**
 * "said Jeremy Dear, NUJ General Secretary": the organisation and the asked title set after the
 * name and a comma, the title's words last (capitalised or not).
 */
function organisationAfter(after: string, roleKeys: readonly string[]): string | undefined {
  const m = /^,\s+((?:the\s+)?\p{Lu}[\p{L}\p{N}&.'’ -]{0,80}?)(?=\s*(?:[,.;:)]|$))/u.exec(after);
  const words = m?.[1]?.replace(/^the\s+/, '').split(/\s+/) ?? [];
  let title = words.length;
  while (title > 1) {
    const w = words[title - 1] ?? '';
    if (!inTitle(w, roleKeys)) break;
    title--;
  }
  const titleWords = words.slice(title);
  if (title === words.length || !titleWords.some((w) => roleKeys.includes(wordKey(w)))) return undefined;
  return words
    .slice(0, title)
    .join(' ')
    .replace(/['’]s$/, '');
}

/** Words of an organisation's name that many organisations share: no sign of which one it is. */
const GENERIC_ORGANISATION_WORDS = new Set(
  'union national general international federation association council company group bank party club league society institute committee board trust foundation corporation services united american british royal new the of and'.split(
    ' ',
  ),
);

/** Whether an organisation is the one asked about, by a word of its name or its initials ("ARU"). */
function isAsked(organisation: string, asked: ReadonlySet<string>): boolean {
  // "Transport & General Worker's Union" is not the National Union of Journalists.
  const words = [...lowerWords(organisation)];
  if (words.some((w) => asked.has(w) && !GENERIC_ORGANISATION_WORDS.has(w))) return true;
  // "Committee chairman Edward Leigh", asked of the Public Accounts Committee: the asked body
  // called by its own generic word.
  if (words.length && words.every((w) => asked.has(w))) return true;
  // "OEP director Dr. Julian Smith", asked of the Outdoor Education Project.
  // ("CME board chairman": the initials may come with the body's part.)
  return organisation.split(/\s+/).some((w) => /^\p{Lu}{2,6}$/u.test(w) && asked.has(`#${w.toLowerCase()}`));
}

/**
 * "ARU chief executive Gary Flowers", asked who the boss of the Australian Rugby Union is: the
 * asked title of the asked organisation, written before the name.
 */
function titledForAsked(
  sentence: string,
  c: Candidate,
  roleKeys: readonly string[],
  asked: ReadonlySet<string>,
  isPlace: (name: string) => boolean,
): boolean {
  const organisation = titlingOrganisation(sentence, c, roleKeys);
  return (
    organisation !== undefined &&
    isAsked(organisation, asked) &&
    !placeBeforeTitle(organisation, asked, isPlace)
  );
}

/**
 * "Hong Kong director Wong Kar-Wai", asked who heads the Hong Kong Rugby Football Union: a place
 * that qualifies a title is not the body asked about, whose name says more than the place.
 */
function placeBeforeTitle(
  organisation: string,
  asked: ReadonlySet<string>,
  isPlace: (name: string) => boolean,
): boolean {
  // ("for Bad Education and Hong Kong director X": the part after "and" qualifies the title.)
  const part = organisation.split(/\s+(?:and|&)\s+/).pop() ?? organisation;
  const own = lowerWords(part);
  const more = [...asked].some(
    (w) => !w.startsWith('#') && !own.has(w) && !GENERIC_ORGANISATION_WORDS.has(w),
  );
  return more && isPlace(part);
}

/**
 * "Royal Bank of Scotland chief executive Fred Goodwin", "former Vodafone boss Chris Gent", asked
 * who the chief executive of Tate & Lyle is: the asked title, but of an organisation the question
 * does not name, written right before it.
 */
function titledForAnother(
  sentence: string,
  c: Candidate,
  roleKeys: readonly string[],
  asked: ReadonlySet<string>,
  isPlace: (name: string) => boolean,
): boolean {
  const organisation = titlingOrganisation(sentence, c, roleKeys);
  if (!organisation) return false;
  if (isAsked(organisation, asked)) return placeBeforeTitle(organisation, asked, isPlace);
  const words = [...lowerWords(organisation)];
  // "Russian defence minister X", "Iraqi Prime Minister X": a people or a place, said otherwise;
  // but asked of one place ("Valencia"), "the Madrid president X" is another's.
  const lexicon = nameGazetteer();
  if ([...asked].some((w) => lexicon.classOf(w) === 'place')) return true;
  return !words.every((w) => {
    const kind = lexicon.classOf(w);
    return kind === 'demonym' || kind === 'place';
  });
}

/** Titles of courtesy, which hold no office: "Dr. Julian Smith" may be the director asked about. */
const COURTESY =
  /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Dame|Rev|Father|Brother|Sister|Saint|St|Prof|Professor)\.?$/;

/** "the current commander in chief, Donald Trump": the name set after the asked role and a comma. */
function afterRole(sentence: string, start: number, roleKeys: readonly string[]): boolean {
  const word = /([\p{L}-]+)\s*,\s*$/u.exec(sentence.slice(Math.max(0, start - 40), start))?.[1];
  return word !== undefined && roleKeys.includes(wordKey(word));
}

/** "Appointment of William S. Pfaff Jr., 41, as promotion manager": the name given the role. */
function asRole(sentence: string, end: number, roleKeys: readonly string[]): boolean {
  const word =
    /^\.?(?:,\s*\d{1,3},)?\s+as\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:new\s+)?([\p{L}-]+)/u.exec(
      sentence.slice(end, end + 60),
    )?.[1];
  return word !== undefined && roleKeys.includes(wordKey(word));
}

const DATELINE =
  /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*(?:,\s*(?:[\p{Lu}\d][\p{L}.\d'’-]*\s*){1,3})*\s*(?:\(\s*\p{Lu}+\s*\)\s*)?--\s/u;

const BODIES = /^(?:newspaper|paper|magazine|company|firm|agency|party|team|club)s?$/i;

/**
 * "which newspaper reported ...?": a name written with the asked noun ("the Guardian newspaper",
 * "the newspaper Pravda") is what is asked for; a person is not a newspaper.
 */
function askedNounFit(kb: KnowledgeBase, sentence: string, c: Candidate, noun: string): number {
  const key = wordKey(noun);
  const next = wordsOf(sentence.slice(c.end)).slice(0, 1);
  const prev = wordsOf(sentence.slice(Math.max(0, c.start - 30), c.start)).slice(-1);
  if ([...next, ...prev].some((w) => wordKey(w.text) === key)) return 2;
  // "Jane Amory, the MP for Ribble Vale, was attacked": the name the asked noun is said of in an
  // aside; not "Ribble Vale", which the MP is for.
  const aside = wordsOf(/^\s*,\s+([^,;]{1,40})/u.exec(sentence.slice(c.end))?.[1] ?? '').slice(0, 4);
  if (aside.some((w) => wordKey(w.text) === key)) return 2;
  const before = wordsOf(sentence.slice(Math.max(0, c.start - 40), c.start)).slice(-3);
  if (
    /^(?:for|of)$/i.test(before.at(-1)?.text ?? '') &&
    before.slice(0, -1).some((w) => wordKey(w.text) === key)
  )
    return 0.3;
  const kinds = kindsOf(kb, c.text);
  const person = kinds.has('person') || kindsOf(kb, withoutTitle(c.text)).has('person');
  if (BODIES.test(noun)) return person ? 0.3 : 1;
  // "which Tanzanian finance minister ...?": a person is asked, and a body ("the International
  // Monetary Fund") is none.
  const last = (c.text.split(/\s+/).pop() ?? '').toLowerCase();
  const body = kinds.has('organisation') || nameGazetteer().organisationWords.has(last);
  return isRoleWord(noun) && body && !person ? 0.3 : 1;
}

/** The name a stock ticker in angle brackets follows ("Norfolk Southern Corp <NSC>"), if it is one. */
function tickerOf(sentence: string, run: Candidate, runs: readonly Candidate[]): Candidate | undefined {
  if (!/(?:&lt;|<)$/.test(sentence.slice(Math.max(0, run.start - 4), run.start))) return undefined;
  return runs.findLast((r) => r.end <= run.start && /^\s*(?:&lt;|<)$/.test(sentence.slice(r.end, run.start)));
}

/** An envoy's title and where it is to: "Turkish Ambassador to Athens Nazmi Akiman". */
const POSTED_TO =
  /\b(?:ambassador|envoy|consul|high\s+commissioner|representative|delegate)\s+(?:to|in|at)\s+(?:the\s+)?$/i;

/**
 * "Turkish Ambassador to Athens Nazmi Akiman": the capitals after the place an envoy is posted
 * to are the envoy's name; the place is part of the title.
 */
function afterPostedPlace(sentence: string, c: Candidate): Candidate {
  if (!POSTED_TO.test(sentence.slice(Math.max(0, c.start - 40), c.start))) return c;
  const words = c.text.split(/\s+/);
  const lexicon = nameGazetteer();
  for (const n of [2, 1]) {
    if (words.length < n + 2) continue;
    if (lexicon.classOf(words.slice(0, n).join(' ').toLowerCase()) !== 'place') continue;
    const rest = words.slice(n).join(' ');
    const start = c.start + c.text.lastIndexOf(rest);
    return { text: rest, start, end: start + rest.length };
  }
  return c;
}

/** What a name inside quoted words counts for, asked for a role's holder. */
const QUOTED_NAME = 0.5;

const MIN_PERSON_WEIGHT = 0.5;
/** What a name counts for in a sentence without the asked verb. */
const WITHOUT_VERB = 0.4;
const LIGHT_VERBS = new Set(
  'be have do get make take give go come put keep let see become'.split(' ').map((w) => wordKey(w)),
);
/** Acts a text names as a noun with their maker after "from" ("an offer from X", "a call from X"). */
const ACT_NOUNS = new Set(
  'offer bid proposal call request letter gift donation loan order invitation complaint demand challenge approach'
    .split(' ')
    .map((w) => wordKey(w)),
);
/** "a shock defeat to Taylor Dent": the winner, after the loser's noun or verb of losing and "to". */
const DEFEAT_KEY = wordKey('defeat');
/** The two sides of a sale: who buys is who another sells "to", and who sells is whom another buys "from". */
const BUY_KEYS = ['buy', 'purchase', 'acquire', 'bought'].map((w) => wordKey(w));
/** ("The sale of the stake to Spain's Ferrovial": the sale said as a noun.) */
const SELL_KEYS = ['sell', 'sold', 'sale'].map((w) => wordKey(w));

/** The other side's verbs of an asked sale, and the word before its maker ("sold to X" for who bought). */
export function otherSide(
  verbKeys: readonly string[],
): { keys: readonly string[]; before: 'to' | 'from' } | undefined {
  if (verbKeys.some((k) => BUY_KEYS.includes(k))) return { keys: SELL_KEYS, before: 'to' };
  if (verbKeys.some((k) => SELL_KEYS.includes(k))) return { keys: BUY_KEYS, before: 'from' };
  return undefined;
}
/** The confidence a name gains by standing right before the asked verb. */
const SLOT_SUPPORT = 0.15;

/**
 * Whether the sentence or the ones around it name what the question names, by a word that is not
 * common to many organisations' names ("Lanka", not "Bank").
 */
function speaksOfAsked(kb: KnowledgeBase, evidence: Evidence, asked: ReadonlySet<string>): boolean {
  const words = [...asked].filter((w) => !w.startsWith('#') && !GENERIC_ORGANISATION_WORDS.has(w));
  if (!words.length) return false;
  const near = keysNear(kb, evidence.hit, 1);
  return words.some((w) => near.has(wordKey(w)));
}

/** Whether the title written right before the name holds none of the asked title's words. */
function titledOtherwise(sentence: string, c: Candidate, roleKeys: readonly string[]): boolean {
  // The title's last word, right before the name, is its head ("executive" of "chief executive").
  const head = titleBefore(sentence, c.start)?.text.split(/\s+/).at(-1);
  if (!head || !isRoleWord(head) || ROLE_QUALIFIERS.has(head) || /^\p{Lu}/u.test(head)) return false;
  return !roleKeys.some((k) => equivalentKeys(k).includes(wordKey(head)));
}

/** What a title holder counts for where the asked organisation is only the one told. */
const TOLD_ONLY = 0.3;

/** Whether the asked names stand in the sentence only as the one told or quoting ("told Reuters", "according to Reuters"). */
function toldOnly(sentence: string, asked: ReadonlySet<string>): boolean {
  const words = [...asked].filter((w) => !w.startsWith('#') && !GENERIC_ORGANISATION_WORDS.has(w));
  let mentioned = false;
  // Each run of capitalised words is one mention ("Kestrel News"), told where its first word is.
  for (const m of sentence.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu)) {
    const run = m[0].split(/\s+/).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
    if (!run.some((w) => words.includes(w))) continue;
    mentioned = true;
    if (
      !/\b(?:told|tells|telling|tell|according\s+to|quoted\s+by|speaking\s+to|interview\s+with)\s+(?:the\s+)?$/i.test(
        sentence.slice(Math.max(0, m.index - 30), m.index),
      )
    )
      return false;
  }
  return mentioned;
}

/** "He was Julius Kahn.": a sentence that names whom the one before it described. */
const IDENTIFIES = /^(?:He|She|They|This|That|It)\s+(?:was|is|were|are)\s+$/;

/** Words that may stand between a speaker and the verb ("Clinton has asked", "Putin who, ... stated"). */
const BETWEEN =
  /^(?:has|have|had|was|is|also|then|later|once|who|which|publicly|repeatedly|recently|even|again)$/i;

/**
 * "X has asked", "X who, according to Reuters, stated", "according to X", "as X states": the
 * candidate is the one who says something, for a question that asks who said (urged, complained) it.
 */
function speaks(sentence: string, c: { start: number; end: number }): boolean {
  if (
    /\b(?:according\s+to|says|said|told)\s+(?:the\s+)?$/i.test(
      sentence.slice(Math.max(0, c.start - 20), c.start),
    )
  )
    return true;
  const after = sentence.slice(c.end).replace(/^,?\s*(?:who|which)?,?\s*according\s+to\s+[^,]{1,40},/i, ' ');
  for (const w of wordsOf(after).slice(0, 4)) {
    if (isSpeechVerb(w.text)) return true;
    if (!BETWEEN.test(w.text)) return false;
  }
  return false;
}

/**
 * The words given to a speaker: from the name to where another clause begins ("not only did Putin
 * state that ..., but Medvedev stated that ...").
 */
function saidBy(sentence: string, c: { end: number }): string {
  const rest = sentence.slice(c.end);
  const stop = rest.search(/;|,?\s+(?:but|while|whereas|although)\s/);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** Share of the asked words (beyond the verb of saying) in what the speaker is given. */
function saidShare(sentence: string, c: { end: number }, keys: readonly string[]): number {
  if (!keys.length) return 1;
  const said = keysOfText(saidBy(sentence, c));
  return keys.filter((k) => equivalentKeys(k).some((e) => said.has(e))).length / keys.length;
}

/**
 * "the missile testing by North Korea", "North Korea's missile testing": the doer of the asked
 * verb written as a noun, after "by" or as its owner.
 */
export function doesNamed(
  sentence: string,
  c: { start: number; end: number },
  verbKeys: readonly string[],
): boolean {
  // "a point confirmed this week by Nikki Haley", "allegedly carried out by the gang": words of
  // time or manner may stand between the verb and "by"; another verb ("designed and built by") may not.
  // "led by former Senator John Tower": a word that dates a title may stand after "by".
  const by =
    /((?:[\p{L}-]+\s+){1,4})by\s+(?:the\s+)?(?:(?:former|late|then|acting|retired|veteran)\s+)?$/u.exec(
      sentence.slice(Math.max(0, c.start - 60), c.start),
    )?.[1];
  if (by) {
    const words = wordsBeforeBy(by);
    if (verbKeys.includes(wordKey(words[words.length - 1] ?? ''))) return true;
  }
  // "rejected a 32 dlrs a share tender offer for its stock from Ciba-Geigy": the asked act as a
  // noun, a few words before "from" its maker ("The bid has come from Boston-based private
  // investment firm X": words that describe the maker may stand after "from").
  const from =
    /((?:[\p{L}\d.'’-]+\s+){1,8})from\s+(?:the\s+)?(?:(?:\p{Ll}[\p{Ll}-]*|\p{Lu}[\p{L}.-]*-based)\s+){0,5}$/u.exec(
      sentence.slice(Math.max(0, c.start - 120), c.start),
    )?.[1];
  if (from && wordsOf(from).some((w) => ACT_NOUNS.has(wordKey(w.text)) && verbKeys.includes(wordKey(w.text))))
    return true;
  // "agreed to sell its grocery operations to Ajinomoto", asked who is buying them: the other
  // side of the deal, after "to" (and "bought it from X" for who sold it), a place's name
  // before it owning it ("to Spain's Ferrovial").
  const side = otherSide(verbKeys);
  const converse = side
    ? /((?:[\p{L}\d.,'’<>()%-]+\s+){1,12})(to|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*['’]s\s+)?<?$/u.exec(
        sentence.slice(Math.max(0, c.start - 120), c.start),
      )
    : undefined;
  if (side && converse?.[1] && converse[2] === side.before) {
    if (wordsOf(converse[1]).some((w) => side.keys.includes(wordKey(w.text)))) return true;
  }
  // "Hewitt suffered a shock defeat to Taylor Dent", "lost to Dent", "a shock loss to unseeded
  // Nicolas Kiefer": the winner, asked who beat him.
  if (
    verbKeys.some((k) => equivalentKeys(k).includes(DEFEAT_KEY)) &&
    /\b(?:defeats?|loss|losses|lost|lose|loses|losing|fell|falls|fall|falling|bowed|succumbed)\s+(?:[\p{L}\d-]+\s+){0,3}?to\s+(?:the\s+)?(?:(?:unseeded|seeded|top|little-known|unheralded|veteran|teenager|compatriot|qualifier|wildcard|wild-card)\s+){0,2}$/iu.test(
      sentence.slice(Math.max(0, c.start - 50), c.start),
    )
  )
    return true;
  const owned = /^['’]s?\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(sentence.slice(c.end))?.[1] ?? '';
  return owned.split(/\s+/).some((w) => /(?:ing|ion|ment|al)s?$/.test(w) && verbKeys.includes(wordKey(w)));
}

/** "Kearton got off and ...": the found sentence opens with a name, its own doer. */
function namesItsSubject(kb: KnowledgeBase, evidence: Evidence): boolean {
  const sentence = evidence.hit.text;
  const first = nameRuns(sentence)[0];
  if (first?.start !== 0 || !/^\s+[a-z]/.test(sentence.slice(first.end))) return false;
  const kind = nameGazetteer().classOf((first.text.split(/\s+/)[0] ?? '').toLowerCase());
  return kind !== 'function' && kind !== 'word' && kind !== 'time' && !kindsOf(kb, first.text).has('place');
}

/** People in a sentence: known people first, then names the lexicon does not call a place or group. */
export function people(
  kb: KnowledgeBase,
  a: QuestionAnalysis,
  exclude: readonly string[] = [],
  keys = a.predicateKeys,
  /** The sentence read names whom the one before gave the role ("Iain Moray was given the title"). */
  unlinkedHolds = false,
) {
  const doer = a.type === 'person';
  // "who urged Trump to ...?": the asked verb is one of saying, which the text may say otherwise.
  const asksSpeaker =
    doer &&
    isSpeechVerb(/^\s*(?:who|whom)\s+(?:had\s+|has\s+|first\s+)?([\p{L}-]+)/iu.exec(a.question)?.[1] ?? '');
  // The doer stands before the asked verb (or a word that says the same), not before any of the
  // question's words: "Mike caught the ball" does not answer "who crashed into the catcher?".
  // "who made the tender offer?": after a light verb, its object names the act ("offer").
  const slotKeys = a.verbKeys
    ? [
        ...a.verbKeys.flatMap(equivalentKeys),
        ...(a.verbKeys.every((k) => LIGHT_VERBS.has(k))
          ? a.predicateKeys.filter((k) => ACT_NOUNS.has(k))
          : []),
      ]
    : a.predicateKeys;
  // A sentence that never says the asked verb names people who did something else ("Dr. Tucker
  // was honored", asked who carved the ox); verbs as light as "got" or "came" are said otherwise.
  const verbKeys =
    a.verbKeys && !asksSpeaker && !a.verbKeys.every((k) => LIGHT_VERBS.has(k)) ? slotKeys : undefined;
  const saidKeys = asksSpeaker ? a.predicateKeys.filter((k) => !slotKeys.includes(k)) : [];
  // The question's names, word by word, and their initials ("#oep" of "Outdoor Education Project").
  const askedNames = new Set(a.names.flatMap((n) => [...lowerWords(n), `#${nameInitials(n)}`]));
  const roleWords = keys.flatMap(equivalentKeys);
  const questionWords = new Set(a.question.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u));
  const isPlace = (name: string) => isPlaceName(kb, name);
  return (evidence: Evidence): Typed[] => {
    // The found sentence may say the verb and its neighbour the name ("He was Julius Kahn.").
    const saysVerb =
      !verbKeys ||
      [evidence.text, evidence.hit.text].some((text) => {
        const said = keysOfText(text);
        // "agreed to sell it to Esso" says the buying from the other side.
        return (
          verbKeys.some((k) => said.has(k)) || (otherSide(verbKeys)?.keys.some((k) => said.has(k)) ?? false)
        );
      });
    // A name in a neighbouring sentence answers only when the found one leaves the doer unnamed.
    const neighbourWeight = evidence.offset === 0 ? 1 : namesItsSubject(kb, evidence) ? 0.35 : 0.7;
    // "Austin, Texas --", "Kansas City, Mo., Feb. 9 ( UPI ) --": a dateline names where and who
    // filed the story, never who did what it tells.
    const dateline = DATELINE.exec(evidence.text)?.[0].length ?? 0;
    // "ATT <T> CHAIRMAN SAYS DIVIDEND WILL NOT BE CUT": a headline in capitals names no one by them.
    if (!ANY_LOWER_WORD.test(evidence.text)) return [];
    const runs = nameRuns(evidence.text);
    return runs.flatMap((written) => {
      // "Norfolk Southern Corp <NSC>": a stock ticker in angle brackets stands for the name before it.
      // (Read where the ticker stands, named as the name it follows.)
      const company = tickerOf(evidence.text, written, runs);
      const run = company ? { ...written, text: company.text } : written;
      const candidate = doer ? run : afterPostedPlace(evidence.text, run);
      if (candidate.start < dateline) return [];
      // ("Exchange Chairman Maurice Menn", asked who chairs the Pacific Stock Exchange: the
      // name after the asked title is read, not the organisation's word before it.)
      const ofAskedTitle = doer ? undefined : afterTitle(candidate.text, keys, askedNames);
      if (inQuestion(a, ofAskedTitle?.name ?? candidate.text)) return [];
      // "its General Election fund", asked who gave to the general election fund: the question's own words.
      if (candidate.text.split(/\s+/).every((w) => questionWords.has(w.toLowerCase()))) return [];
      // "FT-30", "B-52": a name with a figure in it is a thing, not a person ("Shah Abbas 2" is one).
      if (/\d/.test(candidate.text) && !/^\p{L}[\p{L}\s.'’-]*\s\d{1,2}$/u.test(candidate.text)) return [];
      // "Fig. 1", "No. 5": a word labelling a figure is no name either.
      if (/^\.?\s*\d/.test(evidence.text.slice(candidate.end))) return [];
      if (exclude.some((e) => lowerWords(e).has(candidate.text.toLowerCase()))) return [];
      if (!doer && holdsOtherOffice(evidence.text, candidate, keys)) return [];
      // "Deutsche's chairman Rolf Breuer and chief executive Werner Seifert", asked who the chief
      // executive is: the title written right before a name is the one it holds.
      if (!doer && titledOtherwise(evidence.text, candidate, keys)) return [];
      // (Of any head's titles, none is a lesser form of another.)
      if (!doer && !a.anyHead && lesserTitleAfter(evidence.text, candidate, keys)) return [];
      if (!doer && titledForAnother(evidence.text, candidate, roleWords, askedNames, isPlace)) return [];
      if (!doer && officeOfAnother(evidence.text, candidate, askedNames)) return [];
      // "the Forbes award", "the Kennedy administration": a name that qualifies a thing holds no role.
      if (
        !doer &&
        !candidate.text.split(/\s+/).some(isOfficeWord) &&
        /\bthe\s+$/i.test(evidence.text.slice(Math.max(0, candidate.start - 4), candidate.start)) &&
        /^\s+\p{Ll}/u.test(evidence.text.slice(candidate.end))
      )
        return [];
      // "the Damascus regime": a body of people, the doer where it stands in the asked slot.
      const group = doer ? groupNamed(evidence.text, candidate) : undefined;
      if (group) {
        const slot =
          doesNamed(evidence.text, candidate, slotKeys) ||
          wordsOf(evidence.text.slice(group.end))
            .slice(0, 2)
            .some((w) => slotKeys.includes(wordKey(w.text)));
        if (!slot || !saysVerb) return [];
        return [{ candidate: group, weight: 0.9 * neighbourWeight, support: SLOT_SUPPORT }];
      }
      const titled = doer ? undefined : titledWithRole(candidate.text, keys);
      // (A title after the organisation's word, "Exchange Chairman X", is cut too.)
      const role = titled?.titled ? titled : (ofAskedTitle ?? { name: candidate.text, titled: false });
      // "Works Superintendent": the asked title itself, capitalised, with no name after it.
      if (role.titled && keys.includes(wordKey(role.name))) return [];
      const named = role.titled ? { ...candidate, text: role.name } : candidate;
      let weight = personWeight(kb, evidence.articleId, evidence.text, named, doer ? slotKeys : keys, doer);
      weight *= neighbourWeight;
      if (
        role.titled ||
        (!doer &&
          (afterRole(evidence.text, candidate.start, a.predicateKeys) ||
            asRole(evidence.text, candidate.end, a.predicateKeys)))
      )
        weight = Math.max(weight, 1) * 2;
      // The asked title of the asked organisation: as sure as a doer in the asked verb's place.
      const ofAsked = !doer && titledForAsked(evidence.text, candidate, roleWords, askedNames, isPlace);
      if (ofAsked) weight *= 2;
      // A role question: a name the sentence links to no title at all ("investment firm Grant
      // Samuel" beside "WMC chief executive X") holds none of the asked role.
      if (!doer && !unlinkedHolds && !linkedToRole(evidence.text, candidate, roleWords))
        weight *= UNLINKED_ROLE;
      // 'Mr Fox said: "Sandra has been campaigning ..."': a name inside someone's quoted words,
      // asked for the holder of a role, is who the speaker talks about.
      if (!doer && quotationOpen(evidence.text.slice(0, candidate.start))) weight *= QUOTED_NAME;
      if (a.askedNoun) weight *= askedNounFit(kb, evidence.text, candidate, a.askedNoun);
      if (evidence.offset > 0 && IDENTIFIES.test(evidence.text.slice(0, candidate.start))) weight *= 2.5;
      // "the US unsure of what it wants", "Russia vetoed it": a country, right before the asked
      // word, is who did it or is so.
      const next = wordsOf(evidence.text.slice(candidate.end)).slice(0, 2);
      const countryInSlot =
        doer && next[0] !== undefined && slotKeys.includes(wordKey(next[0].text)) && isPlace(candidate.text);
      if (countryInSlot) weight = Math.max(weight, MIN_PERSON_WEIGHT);
      // Below this, a capitalised word is more likely a place, a modifier or a common word.
      if (weight < MIN_PERSON_WEIGHT) return [];
      if (!saysVerb) weight *= WITHOUT_VERB;
      // Of two speakers in one sentence, the one given the asked words says them.
      const speaker = asksSpeaker && evidence.offset === 0 && speaks(evidence.text, candidate);
      if (speaker) weight *= 0.7 + 0.6 * saidShare(evidence.text, candidate, saidKeys);
      // "Gazprom had been expected to win the auction but ... failed": the asked act not done.
      if (doer && notDone(evidence.text, candidate, slotKeys)) weight *= NOT_DONE;
      // "Morgan Guaranty Trust Co, which is arranging the financing": the doer, in its own clause.
      const relative =
        /^\s*(?:<[^<>\s]{1,15}>\s*)?,\s+(?:which|who)\s+(?:is\s+|was\s+|has\s+|had\s+|will\s+)?([\p{L}-]+)/u.exec(
          evidence.text.slice(candidate.end),
        )?.[1];
      // "Schlumberger Ltd's decision to end the agreement": the one whose act it is.
      const decided =
        /^['’]s\s+(?:<[^<>\s]{1,15}>\s+)?(?:decision|plan|move|bid|attempt|refusal|failure|vote|offer)\s+to\s+([\p{L}-]+)/u.exec(
          evidence.text.slice(candidate.end),
        )?.[1];
      const fillsSlot =
        doer &&
        ((decided !== undefined && slotKeys.includes(wordKey(decided))) ||
          // "Baikal Finance Group emerged as the auction winner", asked who won: the doer's noun.
          namedAsDoer(evidence.text, candidate, slotKeys) ||
          // "Universal said on Wednesday it had bought the 50% ...": the speaker did what "it" did.
          saidItDid(evidence.text, candidate, slotKeys) ||
          next.some((w) => slotKeys.includes(wordKey(w.text))) ||
          (relative !== undefined && slotKeys.includes(wordKey(relative))) ||
          doesNamed(evidence.text, candidate, slotKeys) ||
          madeBy(evidence.text, candidate, askedNames) ||
          speaker);
      // "bank governor Sunil Mendis", asked who the central bank's governor is: the asked title
      // written before the name is the role's own slot.
      const titleBefore = /([\p{L}-]+)\s+$/u.exec(
        evidence.text.slice(Math.max(0, candidate.start - 30), candidate.start),
      )?.[1];
      // "Chief Executive Martin Sorrell told Reuters news agency ...", asked who heads Reuters:
      // the asked organisation is the one told, not whose title it is.
      const told = !doer && toldOnly(evidence.text, askedNames);
      if (told) weight *= TOLD_ONLY;
      const titledAsked =
        !doer &&
        !told &&
        (role.titled || (titleBefore !== undefined && keys.includes(wordKey(titleBefore)))) &&
        speaksOfAsked(kb, evidence, askedNames);
      return [{ candidate: named, weight, support: fillsSlot || ofAsked || titledAsked ? SLOT_SUPPORT : 0 }];
    });
  };
}
