/**
 * Finds the people, organisations and places an article names, with the roles the text gives
 * them. Names are runs of capitalised words; compromise's English lexicon tells a name from a
 * common word that opens a sentence, and knows given names, surnames, places and organisations.
 * Rules of news English decide the rest (a title before the name, an appositive after it, "X
 * said", "Harbour Street", "the Council"); a surname alone ("Okafor said") joins the full name
 * used elsewhere in the article.
 * Every role and source cites an excerpt cut from the article itself, so it stays verifiable.
 */

import { nameKey } from '../../text/words.ts';
import type { Article, Role, SourceRef } from '../types.ts';
import { withAuthorNote } from './authorNote.ts';
import { type Gazetteer, type NameClass, nameGazetteer } from './nameLexicon.ts';
import { rolesOfPerson } from './personRoles.ts';
import { affiliationAfter, roleBeforeName, rolesAfterName } from './roleAppositives.ts';
import { isRoleHead } from './roleNouns.ts';
import {
  COURTESY_TITLES,
  foldSameLength,
  isRoleWord,
  normalizeTitle,
  type PhraseSpan,
  ROLE_QUALIFIERS,
  ROLE_WORDS,
  titleBefore,
} from './rolePhrases.ts';
import {
  hasSurnamePrefix,
  NAME_PARTICLES,
  SURNAME_PREFIX,
  type TextToken,
  tokenizeText,
} from './tokenizeText.ts';

export type ExtractedKind = 'person' | 'organisation' | 'place';

/** One name as one article uses it; the loader merges these across articles. */
export interface ExtractedEntity {
  name: string;
  kind: ExtractedKind;
  aliases: string[];
  roles: Role[];
  sources: SourceRef[];
  mentions: number;
}

interface Mention {
  /** The name's words as written. */
  words: string[];
  kind: ExtractedKind | undefined;
  start: number;
  end: number;
  sentence: { start: number; end: number };
  roles: Role[];
  /** "X of the Woonsocket Patriot": where the person belongs, when no role phrase says more. */
  affiliation?: Role;
}

/** What the lexicon says a word at the start of a sentence is, when it is a name. */
const NAME_CLASSES = new Set<NameClass | undefined>([
  'given',
  'surname',
  'place',
  'organisation',
  'honorific',
  undefined,
]);
/** Abbreviations the lexicon reads as ordinary words ("US" as the pronoun "us"). */
const KNOWN_ABBREVIATIONS: Record<string, ExtractedKind> = {
  us: 'place',
  'u.s': 'place',
  usa: 'place',
  uk: 'place',
  'u.k': 'place',
  uae: 'place',
  un: 'organisation',
  'u.n': 'organisation',
  eu: 'organisation',
};
const MORE_ORGANISATION_WORDS = [
  'party',
  'court',
  'parliament',
  'senate',
  'congress',
  'assembly',
  'navy',
  'team',
];
const PLACE_FIRST_WORDS = new Set([
  'port',
  'mount',
  'mt',
  'fort',
  'lake',
  'cape',
  'saint',
  'st',
  'san',
  'santa',
  'los',
  'las',
]);
const SPEECH_AFTER =
  /^\s*(?:,[^,]{1,60},\s*)?(?:said|says|told|added|stated|argued|warned|wrote|explained|noted|insisted|claimed|replied|announced|confirmed|denied)\b/;
const SPEECH_BEFORE = /\b(?:said|says|asked)\s+$/;

/** The key a word is looked up by: lower case, no closing full stop. */
function wordKey(word: string): string {
  const lower = word.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** A capitalised word, or a surname with a lower-case particle ("al-Assad"). */
function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return c >= 97 && c <= 122 && word.length > 3 && hasSurnamePrefix(word);
  return /^\p{Lu}/u.test(word) || hasSurnamePrefix(word);
}

/**
 * Whether token i can be part of a name. A capitalised word mid-sentence is one. At the start of
 * a sentence (or of a quote) it is one when the lexicon knows it as a name, or does not know it
 * and it does not read as an adverb ("Rhetorically").
 */
function isNameLike(tokens: readonly TextToken[], i: number, first: number, gazetteer: Gazetteer): boolean {
  const t = tokens[i];
  if (!t || !isCapitalised(t.text)) return false;
  const cls = gazetteer.classOf(wordKey(t.text));
  if (cls === 'time' || cls === 'demonym' || cls === 'function') return false;
  const previous = tokens[i - 1];
  const opening = i === first || (previous !== undefined && OPENING.test(previous.text));
  return !opening || (NAME_CLASSES.has(cls) && !(cls === undefined && t.text.endsWith('ly')));
}

const OPENING = /^["'“‘(:\-–—]$/;

/** The longest run of tokens read as names ("Ministry of Foreign Affairs of the Russian Federation" is 8). */
export const MAX_RUN_TOKENS = 12;

let organisationWordSet: Set<string> | undefined;

function organisationWordsOf(gazetteer: Gazetteer): Set<string> {
  organisationWordSet ??= new Set([...gazetteer.organisationWords, ...MORE_ORGANISATION_WORDS]);
  return organisationWordSet;
}

export function extractEntities(article: Article): ExtractedEntity[] {
  const body = article.body;
  const { tokens, sentences } = tokenizeText(body);
  const gazetteer = nameGazetteer();
  const organisationWords = organisationWordsOf(gazetteer);
  const folded = foldSameLength(body);
  const mentions: Mention[] = [];

  for (const { first, last, start, end } of sentences) {
    const sentence = { start, end };
    const text = folded.slice(start, end);
    let i = first;
    while (i <= last) {
      if (!isNameLike(tokens, i, first, gazetteer)) {
        i++;
        continue;
      }
      let j = i;
      while (j < last) {
        if (isNameLike(tokens, j + 1, first, gazetteer)) {
          j++;
          continue;
        }
        const gap = joinerEnd(tokens, j, last, organisationWords, gazetteer);
        if (gap > j && isNameLike(tokens, gap + 1, first, gazetteer)) j = gap + 1;
        else break;
      }
      if (j - i >= MAX_RUN_TOKENS) {
        // No name is this long: a run of capitalised words (a list, a Title Case text, crafted
        // input) is skipped whole, which also keeps splitRun's work per run small.
        i = j + 1;
        continue;
      }
      for (const candidate of splitRun(tokens.slice(i, j + 1), gazetteer, organisationWords)) {
        const mention = classify(candidate, text, sentence, body, gazetteer, organisationWords);
        if (mention) mentions.push(mention);
      }
      i = j + 1;
    }
  }
  return withAuthorNote(article, resolve(article, mentions, body));
}

/**
 * The last of the tokens after j that join two parts of one name ("de la", "&", "al-", "Bank of
 * England", "Ministry of the Interior", "O'Neil-Smith"); j itself when none do.
 */
function joinerEnd(
  tokens: readonly TextToken[],
  j: number,
  last: number,
  organisationWords: ReadonlySet<string>,
  gazetteer: Gazetteer,
): number {
  let k = j;
  while (k < last) {
    const previous = tokens[k] as TextToken;
    const next = tokens[k + 1] as TextToken;
    const key = next.text.toLowerCase();
    const joined =
      NAME_PARTICLES.has(key) ||
      next.text === '&' ||
      (next.text === '-' && next.start === previous.end && tokens[k + 2]?.start === next.end) ||
      (key === 'of' && k === j && joinsOf(previous, organisationWords, gazetteer)) ||
      (key === 'the' && previous.text.toLowerCase() === 'of');
    if (!joined) break;
    k++;
  }
  return k;
}

/** "of" joins only after the head word of an organisation, place or title ("Ministry of Health"). */
function joinsOf(token: TextToken, organisationWords: ReadonlySet<string>, gazetteer: Gazetteer): boolean {
  const key = wordKey(token.text);
  return (
    organisationWords.has(key) ||
    gazetteer.placeWords.has(key) ||
    ROLE_WORDS.has(key) ||
    ['republic', 'kingdom', 'house', 'duke', 'city'].includes(key)
  );
}

interface Candidate {
  tokens: TextToken[];
  /** A title was written inside the run ("Mayor Jane Okafor"): the name is a person's. */
  titled: boolean;
}

/**
 * Cuts a run of proper nouns into names: a leading title comes off ("Foreign Minister Sergei
 * Lavrov"), and an organisation or place written right before a given name is a name of its own
 * ("the United Nations Nikki Haley").
 */
function splitRun(
  run: TextToken[],
  gazetteer: Gazetteer,
  organisationWords: ReadonlySet<string>,
): Candidate[] {
  const words = run.map((t) => wordKey(t.text));
  // "Governor of the State of Rhode Island" is a role, not a name: the name is what it is "of".
  const of = words.indexOf('of');
  if (of > 0 && isRoleHead(words[of - 1] ?? '')) {
    const rest = words[of + 1] === 'the' ? of + 2 : of + 1;
    return rest < run.length ? splitRun(run.slice(rest), gazetteer, organisationWords) : [];
  }
  const lastWord = words.at(-1) ?? '';
  const endsAsPlace = organisationWords.has(lastWord) || gazetteer.placeWords.has(lastWord);
  let titleEnd = -1;
  let strongTitle = false;
  if (!endsAsPlace) {
    for (let k = 0; k < run.length - 1; k++) {
      const key = words[k] ?? '';
      const honorific = gazetteer.classOf(key) === 'honorific' || COURTESY_TITLES.has(key);
      if (isRoleWord(key) || honorific) {
        titleEnd = k;
        if (honorific || !ROLE_QUALIFIERS.has(key)) strongTitle = true;
      }
    }
  }
  if (titleEnd >= 0) {
    const name = run.slice(titleEnd + 1);
    // "National Gallery": qualifiers alone do not make a title, nor does a title before one word
    // unless it is a real one ("Sen. Okoro", "Mayor Okafor").
    if (name.length >= 2 || strongTitle) return [{ tokens: name, titled: true }];
    return [{ tokens: run, titled: false }];
  }
  for (let p = 1; p < run.length - 1 && !endsAsPlace; p++) {
    if (gazetteer.classOf(words[p] ?? '') !== 'given') continue;
    const prefix = words.slice(0, p).join(' ');
    const cls = gazetteer.classOf(prefix) ?? KNOWN_ABBREVIATIONS[prefix];
    if (cls === 'organisation' || cls === 'place')
      return [
        { tokens: run.slice(0, p), titled: false },
        { tokens: run.slice(p), titled: true },
      ];
    // "Stallholder Ruth Ambrose": words that are no names before a given name describe her.
    const described = words
      .slice(0, p)
      .every((w) => !PLACE_FIRST_WORDS.has(w) && [undefined, 'word'].includes(gazetteer.classOf(w)));
    if (described) return [{ tokens: run.slice(p), titled: false }];
  }
  return [{ tokens: run, titled: false }];
}

function classify(
  candidate: Candidate,
  text: string,
  sentence: { start: number; end: number },
  body: string,
  gazetteer: Gazetteer,
  organisationWords: ReadonlySet<string>,
): Mention | undefined {
  const { tokens } = candidate;
  const first = tokens[0];
  const last = tokens.at(-1);
  if (!first || !last) return undefined;
  const start = first.start;
  const end = last.end;
  const words = body.slice(start, end).split(/\s+/);
  const keys = words.map(wordKey);
  const key = keys.join(' ');
  const local = { start: start - sentence.start, end: end - sentence.start };
  // A title alone ("the Secretary of State") names no one.
  if (keys.every((k) => ROLE_WORDS.has(k) || k === 'of' || k === 'the')) return undefined;
  const abbreviation = /^(?:[A-Z]\.?){2,3}$/.test(words.join('')) ? KNOWN_ABBREVIATIONS[key] : undefined;
  const lexical = abbreviation ?? gazetteer.classOf(key);
  const lastKey = keys.at(-1) ?? '';
  const firstKey = keys[0] ?? '';

  let kind: ExtractedKind | undefined;
  let roles: Role[] = [];
  let affiliation: Role | undefined;
  if (lexical === 'organisation' || (keys.length >= 2 && organisationWords.has(lastKey)))
    kind = 'organisation';
  else if (
    lexical === 'place' ||
    (keys.length >= 2 && (gazetteer.placeWords.has(lastKey) || PLACE_FIRST_WORDS.has(firstKey)))
  )
    kind = 'place';
  else if (lexical === 'time' || lexical === 'demonym') return undefined;
  else {
    const cue = personCue(candidate, text, local, sentence.start, body);
    roles = cue.roles;
    kind = cue.person ? 'person' : uncuedKind(words, keys, text, local, gazetteer);
    if (cue.affiliation && !isPlace(cue.affiliation.title, gazetteer)) affiliation = cue.affiliation;
  }
  // Unknown words stay: a surname alone joins a full name later in resolve(), and an uncued full
  // name may yet be read as a person there (see resolve()).
  return { words, kind, start, end, sentence, roles, ...(affiliation ? { affiliation } : {}) };
}

/** Whether "of the United States" names a place (then it says where someone is from, not a role). */
function isPlace(affiliation: string, gazetteer: Gazetteer): boolean {
  const org = affiliation.replace(/^of\s+the\s+/, '').toLowerCase();
  return gazetteer.classOf(org) === 'place' || gazetteer.placeWords.has(org.split(' ').at(-1) ?? '');
}

/**
 * The roles written next to the name (a title before it, phrases after it, "the director of ...,
 * X,"), or a courtesy title: any of them makes the name a person's. Each role cites the stretch
 * of the sentence from the name to its phrase.
 */
function personCue(
  candidate: Candidate,
  text: string,
  local: { start: number; end: number },
  offset: number,
  body: string,
): { person: boolean; roles: Role[]; affiliation?: Role } {
  const written = titleBefore(text, local.start);
  // Qualifiers alone ("former Democratic") are no title; "chief executive" is one.
  const title =
    written &&
    (written.text.split(/\s+/).some((w) => isRoleWord(w) && !ROLE_QUALIFIERS.has(wordKey(w))) ||
      /\bchief\s+executive\b/i.test(written.text))
      ? written
      : undefined;
  const titleText = title ? normalizeTitle(title.text) : undefined;
  const roles: Role[] = [];
  const cite = (title: string, from: number, to: number): Role => ({
    title,
    source: { article: '', excerpt: body.slice(offset + from, offset + to) },
  });
  const before = title ? undefined : roleBeforeName(text, local.start, local.end);
  if (before) roles.push(cite(before.text, before.start, local.end));
  // "..., the President of the Arab Bankers Association said. Hikmat Nashashibi told ...": the
  // newswire names a speaker by title first, then by name opening the next sentence.
  // (A full name: "Charitable deductions ..." after "..., the President said." is no one.)
  const saidBefore =
    !title && !before && local.start === 0 && candidate.tokens.length >= 2
      ? roleSaidBefore(body, offset)
      : undefined;
  const saidTitle = saidBefore ? normalizeTitle(saidBefore.title) : undefined;
  if (saidBefore && saidTitle)
    roles.push({
      title: saidTitle,
      source: { article: '', excerpt: body.slice(saidBefore.from, offset + local.end) },
    });
  if (title && titleText) roles.push(cite(titleText, title.start, local.end));
  // "Formby of Plainview, former chairman of ...": the phrase after a place describes the person before it.
  const preceding = text.slice(Math.max(0, local.start - 4), local.start);
  const object =
    /\b(?:in|at)\s+$/.test(preceding) || (/\bof\s+$/.test(preceding) && candidate.tokens.length === 1);
  const after = object ? [] : rolesAfterName(text, local.start, local.end);
  for (const phrase of after) roles.push(cite(phrase.text, local.start, phrase.end));
  const courtesy = /\b(?:Mr|Mrs|Ms|Mx|Dr|Sir|Dame)\.?\s+$/.test(
    text.slice(Math.max(0, local.start - 8), local.start),
  );
  const person = Boolean(title || before || saidTitle || after.length || courtesy || candidate.titled);
  // A full name only: "Chapter of the American Association" names no one.
  const of = after.length || candidate.tokens.length < 2 ? undefined : affiliationAfter(text, local.end);
  // "... of Ste Lyonnaise des Eaux <LYOE.PA> ..., Chairman Jerome Monod told": a company's title
  // with no company after it is held at the company the sentence names before it.
  const company =
    !of && title && COMPANY_TITLE.test(title.text) ? companyBefore(text, title.start) : undefined;
  const affiliation = of
    ? cite(of.text, local.start, of.end)
    : company
      ? {
          title: `of ${company.text}`,
          source: { article: '', excerpt: body.slice(offset + company.start, offset + local.end) },
        }
      : undefined;
  return affiliation ? { person, roles, affiliation } : { person, roles };
}

/** "..., the Bankers Federation Secretary said.": a sentence that ends by naming its speaker by title alone. */
const TITLE_SAID =
  /,\s+the\s+([^,;:"“”()]{3,80}?)\s+(?:said|says|told\s+\p{L}+(?:\s+\p{L}+)?)\s*\.["”]?\s*$/u;

/**
 * The title the sentence before names its speaker by, where it ends "..., the <title> said." and
 * names no one: a name opening the next sentence is that speaker's.
 */
function roleSaidBefore(body: string, sentenceStart: number): { title: string; from: number } | undefined {
  const from = Math.max(0, sentenceStart - 200);
  const m = TITLE_SAID.exec(body.slice(from, sentenceStart));
  const title = m?.[1];
  if (!m || !title) return undefined;
  const words = title.split(/\s+/);
  if (!words.some((w) => isRoleWord(w) && !ROLE_QUALIFIERS.has(wordKey(w)))) return undefined;
  // ("the company's chief executive said": whose title it is must be named, not pointed back to.)
  if (/^(?:company|group|bank|firm|ministry|government)['’]s?$/i.test(words[0] ?? '')) return undefined;
  return { title, from: from + m.index + m[0].indexOf(title) };
}

/** Titles held at a company ("Chairman", "President", "Chief Executive"). */
const COMPANY_TITLE =
  /^(?:(?:executive|senior|group|deputy)\s+)?(?:chairman|chairwoman|chief\s+executive|president|vice\s+president|managing\s+director|treasurer|chief\s+(?:financial|operating)\s+officer|general\s+manager)$/i;
/** A company's name: ending in a company word ("Corp", "Ltd"), or followed by its stock code in angle brackets. */
const COMPANY =
  /\b((?:[A-Z][\p{L}&'.-]*)(?:\s+(?:[A-Z][\p{L}&'.-]*|de|des|du|of|and|&))*?(?:\s+(?:Corp|Corporation|Inc|Co|Ltd|Limited|Plc|PLC|LLC|Group|Holdings|AG|SA|NV|GmbH|SpA|Cos|Industries)\b\.?|(?=\s+<[A-Z0-9.]{1,10}>)))/gu;

/** The last company the sentence names before the index, if any. */
function companyBefore(text: string, index: number): PhraseSpan | undefined {
  let found: PhraseSpan | undefined;
  for (const m of text.slice(0, index).matchAll(COMPANY)) {
    const name = (m[1] ?? '').replace(/\.$/, '');
    found = { text: name, start: m.index, end: m.index + name.length };
  }
  return found;
}

/** With no title or appositive: an acronym is an organisation; a known name or "X said" a person. */
function uncuedKind(
  words: readonly string[],
  keys: readonly string[],
  text: string,
  local: { start: number; end: number },
  gazetteer: Gazetteer,
): ExtractedKind | undefined {
  if (/^[A-Z]{2,6}$/.test(words.join(''))) return 'organisation';
  const speech = SPEECH_AFTER.test(text.slice(local.end)) || SPEECH_BEFORE.test(text.slice(0, local.start));
  const given = gazetteer.classOf(keys[0] ?? '') === 'given';
  const surname = gazetteer.classOf(keys.at(-1) ?? '') === 'surname';
  const common = keys.some((k) => gazetteer.classOf(k) === 'word' && !ROLE_WORDS.has(k));
  if (keys.length >= 2 && (given || surname || speech) && !(common && !given && !speech)) return 'person';
  if (keys.length === 1 && (surname || speech)) return 'person';
  return undefined;
}

/** A short excerpt around a mention: its sentence, cut to about 200 characters at word ends. */
function excerptAround(body: string, mention: Mention): string {
  const { start, end } = mention.sentence;
  if (end - start <= 200) return body.slice(start, end).trim();
  const from = Math.max(start, mention.start - 80);
  const to = Math.min(end, mention.end + 100);
  const cutFrom = from === start ? from : body.indexOf(' ', from) + 1 || from;
  const lastSpace = body.lastIndexOf(' ', to);
  const cutTo = to === end || lastSpace <= mention.end ? to : lastSpace;
  return body.slice(cutFrom, cutTo).trim();
}

/** The ways a full name's surname is written alone: "Okafor"; "al-Assad" and "Assad". */
/** Generation suffixes: "Thomas B. Carvey Jr." is Carvey, never "Jr". */
const SUFFIX = /^(?:Jr|Sr|II|III|IV|V)\.?$/;

function surnames(words: readonly string[]): string[] {
  const named = SUFFIX.test(words.at(-1) ?? '') ? words.slice(0, -1) : words;
  const last = named.at(-1);
  if (!last || named.length < 2) return [];
  const bare = last.replace(SURNAME_PREFIX, '');
  return bare === last ? [last] : [last, bare];
}

interface Group {
  name: string;
  words: string[];
  kinds: Map<ExtractedKind, number>;
  mentions: Mention[];
}

function resolve(article: Article, mentions: readonly Mention[], body: string): ExtractedEntity[] {
  const groups = new Map<string, Group>();
  const add = (key: string, mention: Mention, words: string[]) => {
    let group = groups.get(key);
    if (!group) {
      group = { name: words.join(' '), words, kinds: new Map(), mentions: [] };
      groups.set(key, group);
    }
    group.mentions.push(mention);
    if (mention.kind) group.kinds.set(mention.kind, (group.kinds.get(mention.kind) ?? 0) + 1);
  };
  // Full names first, so that a surname alone can join the one full name it belongs to.
  const single: Mention[] = [];
  for (const m of mentions) {
    if (m.words.length === 1) single.push(m);
    else add(nameKey(m.words.join(' ')), m, m.words);
  }
  // "Ozzy Osbourne", written once with no title, is a person where the article writes "Ozzy" alone
  // as one ("Ozzy said") or "Osbourne" as another person's surname ("Sharon Osbourne").
  const personWords = new Set<string>();
  for (const m of single) if (m.kind === 'person') personWords.add(nameKey(m.words[0] ?? ''));
  for (const group of groups.values())
    if (group.kinds.has('person') && group.words.length > 1)
      personWords.add(nameKey(group.words.at(-1) ?? ''));
  for (const group of groups.values()) {
    if (group.kinds.size || group.words.length !== 2) continue;
    const [first, last] = group.words.map(nameKey);
    if ((first && personWords.has(first)) || (last && personWords.has(last)))
      group.kinds.set('person', group.mentions.length);
  }
  const fullBySurname = new Map<string, string[]>();
  for (const [key, group] of groups) {
    if (!group.kinds.has('person')) continue;
    for (const surname of surnames(group.words)) {
      fullBySurname.set(nameKey(surname), [...(fullBySurname.get(nameKey(surname)) ?? []), key]);
    }
  }
  for (const m of single) {
    const key = nameKey(m.words[0] ?? '');
    if (!key) continue;
    const full = fullBySurname.get(key);
    if (full?.length === 1 && m.kind !== 'place' && m.kind !== 'organisation') {
      const target = groups.get(full[0] as string) as Group;
      target.mentions.push({ ...m, kind: 'person' });
      target.kinds.set('person', (target.kinds.get('person') ?? 0) + 1);
    } else if (m.kind && !full) add(key, m, m.words);
  }

  const out: ExtractedEntity[] = [];
  for (const group of groups.values()) {
    const kind = [...group.kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!kind) continue;
    const ordered = [...group.mentions].sort((a, b) => a.start - b.start);
    const aliases = new Set<string>();
    for (const m of ordered) {
      const written = m.words.join(' ');
      if (written !== group.name) aliases.add(written);
    }
    const roles = kind === 'person' ? rolesOfPerson(ordered, article.id) : [];
    if (kind === 'person' && group.words.length > 1) for (const s of surnames(group.words)) aliases.add(s);
    const firstMention = ordered[0] as Mention;
    out.push({
      name: group.name,
      kind,
      aliases: [...aliases],
      roles,
      sources: [{ article: article.id, excerpt: excerptAround(body, firstMention) }],
      mentions: ordered.length,
    });
  }
  return out;
}
