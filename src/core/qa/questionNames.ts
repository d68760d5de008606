/**
 * The names a question gives, as the answer extractors use them: a candidate that repeats one is
 * not the answer, and an answer must come from an article that names one of them.
 */
import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { wordKey } from '../../text/wordForms.ts';
import { nameInitials } from '../../text/words.ts';
import { contentTerms } from '../answers/snippets.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { withoutTitle } from './candidates.ts';

/** A name's words, lower-cased, without a leading title. */
export function lowerWords(text: string): Set<string> {
  return new Set(
    withoutTitle(text)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );
}

/**
 * One key per name of the question: its rarest word ("sloan" of "John Sloan"). A people's
 * adjective alone ("American") is no anchor: the text may say "U.S." or "in the United States".
 */
export function nameAnchors(kb: KnowledgeBase, a: QuestionAnalysis): string[] {
  return a.names.flatMap((name) => {
    const word = name.trim();
    if (!/\s/.test(word) && nameGazetteer().classOf(word.toLowerCase()) === 'demonym') return [];
    // "how many US business failures ...?": a country written before a common noun qualifies it
    // as a people's adjective does; the text may leave it to be understood.
    if (
      !/\s/.test(word) &&
      (/^(?:U\.?S\.?A?|U\.?K\.?)$/.test(word) || nameGazetteer().classOf(word.toLowerCase()) === 'place') &&
      new RegExp(`(?:^|\\s)${escapeRegExp(word)}\\s+\\p{Ll}`, 'u').test(a.question)
    )
      return [];
    // "the USS Stark", where the archive writes "the U.S. frigate Stark": a word it never
    // writes anchors nothing; the rarest word it does write stands for the name.
    const all = contentTerms(name);
    const written = all.filter((t) => kb.passageIndex.documentFrequency(t) > 0);
    // "according to the UCL research", where the archive writes only "University College London":
    // initials it never writes anchor nothing, as its other words carry the question.
    if (!written.length && /^(?:\p{Lu}\.?){2,6}$/u.test(word)) return [];
    const terms = written.length ? written : all;
    const rarest = terms.sort(
      (x, y) => kb.passageIndex.documentFrequency(x) - kb.passageIndex.documentFrequency(y),
    )[0];
    return rarest ? [wordKey(rarest)] : [];
  });
}

/**
 * Per name of the question, the keys any of which stands for it in a sentence: its rarest word,
 * and for a person the surname too ("Dr. Keys" stands for Ancel Keys).
 */
export function nameAnchorSets(
  kb: KnowledgeBase,
  a: QuestionAnalysis,
  texts: readonly string[] = [],
): string[][] {
  return a.names.flatMap((name) => {
    const [rarest] = nameAnchors(kb, { ...a, names: [name] });
    if (!rarest) return [];
    // "the FSLIC", where the sentence writes "the Federal Savings and Loan Insurance Corporation":
    // initials asked stand for the name the found sentences spell out.
    const spelled = /^\p{Lu}{2,6}$/u.test(name) ? spelledOut(kb, name, texts) : undefined;
    if (spelled) return [[rarest, spelled]];
    const words = withoutTitle(name).split(/\s+/);
    const surname = surnameOf(kb, a, name);
    const short = surname ? undefined : shortNameOf(words, texts);
    const other = surname ?? short;
    const keys = other && wordKey(other) !== rarest ? [rarest, wordKey(other)] : [rarest];
    // "the United States", where the sentence writes "the U.S." or "the US": a body or place of
    // two words or more may be written as its initials, with full stops or without.
    const initials =
      !surname && words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w)) ? nameInitials(name) : '';
    return [initials.length > 1 ? [...keys, initials, initials.split('').join('.')] : keys];
  });
}

/**
 * "Metropolitan" for Metropolitan Consolidated Industries: news writes a body again by its first
 * word. That word stands for it where a found sentence writes it alone, inside the sentence, and
 * a found sentence writes the name whole.
 */
function shortNameOf(words: readonly string[], texts: readonly string[]): string | undefined {
  const [first] = words;
  if (words.length < 2 || !first || first.length < 4 || !/^\p{Lu}\p{Ll}+$/u.test(first)) return undefined;
  const whole = words.join(' ');
  if (!texts.some((t) => t.includes(whole))) return undefined;
  const alone = new RegExp(`(?<=[\\p{Ll},]\\s+)${escapeRegExp(first)}(?![\\p{L}'’-]|\\s+\\p{Lu})`, 'u');
  return texts.some((t) => alone.test(t)) ? first : undefined;
}

/** Capitalised words in a row, with the link words of a body's name between them ("Savings and Loan"). */
const CAPITALISED_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:and|of|the|for|on|in|&)\s+)*\p{Lu}[\p{L}'’.-]*)+/gu;

/** The rarest word's key of a name in the texts whose initials are the given ones. */
function spelledOut(kb: KnowledgeBase, initials: string, texts: readonly string[]): string | undefined {
  const wanted = initials.toLowerCase();
  for (const text of texts)
    for (const run of text.match(CAPITALISED_RUN) ?? []) {
      if (nameInitials(run) !== wanted) continue;
      const df = (t: string) => kb.passageIndex.documentFrequency(t);
      const [rarest] = contentTerms(run).sort((x, y) => df(x) - df(y));
      return rarest ? wordKey(rarest) : undefined;
    }
  return undefined;
}

/**
 * The surname of a name the question gives, where it names a person: one the index knows, or
 * two or more words that name no known place or body (a person the index missed).
 */
export function surnameOf(kb: KnowledgeBase, a: QuestionAnalysis, name: string): string | undefined {
  const words = withoutTitle(name).split(/\s+/);
  const kinds = kindsOf(kb, name);
  // ("Metropolitan Consolidated Industries": a last word that names a kind of body is no surname.)
  const last = (words[words.length - 1] ?? '').toLowerCase().replace(/\.$/, '');
  const person =
    personAnchors(kb, { ...a, names: [name] }).length > 0 ||
    (words.length > 1 &&
      !kinds.has('place') &&
      !kinds.has('organisation') &&
      !nameGazetteer().organisationWords.has(last));
  return person ? words[words.length - 1] : undefined;
}

/**
 * The surname of each person the question names ("Player" of "Gary Player"): an answer about
 * Gary Player must come from an article that names him, not from one about the Masters alone.
 */
export function personAnchors(kb: KnowledgeBase, a: QuestionAnalysis): string[] {
  return a.names.flatMap((name) => {
    const words = withoutTitle(name).split(/\s+/);
    const isPerson =
      (words.length > 1 && nameGazetteer().classOf((words[0] ?? '').toLowerCase()) === 'given') ||
      kindsOf(kb, name).has('person');
    const last = words[words.length - 1];
    return isPerson && last ? [last] : [];
  });
}

const NAMED_CACHE_LIMIT = 5_000;
const namedIn = new Map<string, boolean>();

/** Whether an article writes a surname as a name (capitalised: "Player", not "a top player"). */
export function articleNames(kb: KnowledgeBase, articleId: string, surname: string): boolean {
  const key = `${articleId}\u0000${surname}`;
  const known = namedIn.get(key);
  if (known !== undefined) return known;
  const body = kb.articles.get(articleId)?.body ?? '';
  const escaped = escapeRegExp(surname);
  const found = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u').test(body);
  if (namedIn.size >= NAMED_CACHE_LIMIT) namedIn.clear();
  namedIn.set(key, found);
  return found;
}

/** Whether a candidate repeats a name the question already gives (it is not the answer). */
export function inQuestion(a: QuestionAnalysis, text: string): boolean {
  const asked = askedWords(a);
  const words = [...lowerWords(text)];
  // "Federated Department Stores", asked who is buying May Department Stores: a body's generic
  // words ("Department Stores", "Group") are shared by others; its own words tell which it is.
  const own = words.filter((w) => !GENERIC_NAME_WORDS.has(w));
  return words.length > 0 && (own.length ? own : words).some((w) => asked.has(w));
}

/** Words many bodies' names end with: they name no one body. */
const GENERIC_NAME_WORDS = new Set(
  'department departments store stores group groups company companies corporation corp inc ltd plc holdings international airlines airways bank banks motors industries partners associates'.split(
    ' ',
  ),
);

/** Per analysis: the lower-cased words of the names it found and of the words the question capitalises. */
const askedWordsOf = new WeakMap<QuestionAnalysis, Set<string>>();

function askedWords(a: QuestionAnalysis): Set<string> {
  let asked = askedWordsOf.get(a);
  if (!asked) {
    // The names the analysis found, and any word the question writes with a capital or a digit ("G7").
    const written = (a.question.match(/(?<![\p{L}\p{N}])[\p{Lu}\d][\p{L}\p{N}'’-]*/gu) ?? []).filter(
      (w, i) => i > 0 || /\d/.test(w),
    );
    asked = new Set([...a.names, ...written].flatMap((n) => [...lowerWords(n)]));
    // "PSA" for "Pacific Southwest Airlines": a name's initials are the name too.
    for (const name of a.names) {
      const initials = nameInitials(name);
      if (initials.length >= 2) asked.add(initials);
    }
    askedWordsOf.set(a, asked);
  }
  return asked;
}

/** People agree on their last name: "Brumidi" and "Constantino Brumidi" are one answer. */
export const lastName = (name: string) =>
  (name.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? []).pop() ?? name;

/** What the name index knows a name as (person, place, ...). */
export function kindsOf(kb: KnowledgeBase, name: string): Set<string> {
  return new Set(kb.names.exactMatches(name).map((m) => m.target.kind));
}

/**
 * Whether a name is a place's: the archive knows it as one, or the lexicon calls each of its words
 * a place or a people ("Hong Kong", "Leicester", "Russian").
 */
export function isPlaceName(kb: KnowledgeBase, name: string): boolean {
  if (kindsOf(kb, name).has('place')) return true;
  const words = [...lowerWords(name)];
  return (
    words.length > 0 && words.every((w) => ['place', 'demonym'].includes(nameGazetteer().classOf(w) ?? ''))
  );
}
