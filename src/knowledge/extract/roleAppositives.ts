/**
 * Roles written as phrases around a name, by general rules of English prose:
 *   after it:  "X, director of the Peace Corps", "X, Hungarian-born violinist and president of ...",
 *              "X, the Pittsburgh Symphony's conductor", "X, former Police Chief of Farmington,
 *              Conn., and now head of U.N. special police", "X, who is the ...", "X, who conducts
 *              ...", "X was chairman of ...", "X was appointed / became president of ...";
 *   around it: "appointed X chairman of the Commission on ...";
 *   before it: "The music director of the Pittsburgh Symphony Orchestra, X, has ...".
 * A phrase is a role only when its head noun is a role (see roleNouns.ts) and it reads as a noun
 * phrase, not a clause: a verb or pronoun before the head rejects it. Work is bounded by a short
 * window around the name, so each mention costs the same whatever the article's length.
 */
import { isRoleHead } from './roleNouns.ts';
import type { PhraseSpan } from './rolePhrases.ts';

const WINDOW = 240;
const MAX_WORDS = 14;
const MAX_BEFORE_HEAD = 6;
/** Prepositions that open the object of a role ("of the Peace Corps", "at Columbia"). */
const PREPOSITIONS = new Set(
  'of at for to in on with from under by into over about among between against during since after before through without within near like as than until toward towards upon across behind beyond along'.split(
    ' ',
  ),
);
/** Words a role phrase never starts with: a preposition ("as Mayor") or a conjunction ("or the"). */
const NOT_FIRST = new Set([...PREPOSITIONS, 'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'because']);
/** Inside the words before the head, these mean a verb came first ("married the King of France"). */
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'this',
  'that',
]);
/** Words that end a role phrase: a relative clause or speech follows. */
const ENDS = new Set([
  'who',
  'whom',
  'whose',
  'which',
  'that',
  'where',
  'when',
  'said',
  'says',
  'told',
  'wrote',
]);
/** Words that make the text a clause rather than a noun phrase. */
const CLAUSE = new Set(
  'is was were are be been being has have had will would shall could should can may might must did does do he she it they we i you not'.split(
    ' ',
  ),
);
const LEADS = /^(?:(?:now|then|also|later|currently|once|formerly|still)\s+)?(?:(?:the|a|an)\s+)?/i;
/** One word of a phrase: an abbreviation ("U.N.", "Conn."), a word, or one mark. */
const TOKEN =
  /\s*((?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.(?=\s*[,;:]|\s+[a-z])|[\p{L}\p{N}][\p{L}\p{N}'-]*|&|\S)/uy;

interface Word {
  text: string;
  key: string;
  start: number;
  end: number;
}

/** The words from `from` up to a mark or a word that ends the phrase; undefined when it is a clause. */
function phraseWords(text: string, from: number): Word[] | undefined {
  const words: Word[] = [];
  let afterPreposition = false;
  TOKEN.lastIndex = from;
  const limit = Math.min(text.length, from + WINDOW);
  for (let m = TOKEN.exec(text); m && TOKEN.lastIndex <= limit; m = TOKEN.exec(text)) {
    const word = m[1] as string;
    const start = TOKEN.lastIndex - word.length;
    if (!/[\p{L}\p{N}&]/u.test(word[0] as string)) break;
    const key = word.toLowerCase();
    if (ENDS.has(key)) break;
    if (CLAUSE.has(key)) {
      if (!afterPreposition) return undefined;
      break;
    }
    // After the object starts, "and" goes on only inside a name ("Board of Trade and Plantations").
    if (key === 'and' && afterPreposition) {
      const next = /^\s+[A-Z]/.test(text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 3));
      const courtesy = /^\s+(?:Mr|Mrs|Ms|Dr|Miss)\b/.test(text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 6));
      if (!next || courtesy) break;
    }
    if (PREPOSITIONS.has(key) && words.length) afterPreposition = true;
    words.push({ text: word, key, start, end: TOKEN.lastIndex });
    if (words.length > MAX_WORDS) return undefined;
  }
  // A phrase does not end on a connecting word: "director of" has lost its object.
  while (
    words.length &&
    (PREPOSITIONS.has(words.at(-1)?.key ?? '') || /^(?:the|a|an|and|&)$/.test(words.at(-1)?.key ?? ''))
  )
    words.pop();
  return words;
}

/** Whether every head before the object is a role: "violinist and president", "music director". */
function headsAreRoles(words: readonly Word[]): boolean {
  const object = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w.key));
  const before = object < 0 ? words : words.slice(0, object);
  if (!before.length || before.length > MAX_BEFORE_HEAD || NOT_FIRST.has(before[0]?.key ?? '')) return false;
  if (before.some((w, i) => i > 0 && DETERMINERS.has(w.key))) return false;
  let last: Word | undefined;
  for (const w of before) {
    if (w.key === 'and' || w.key === '&') {
      if (!last || !isRoleHead(last.text)) return false;
    }
    last = w;
  }
  return last !== undefined && isRoleHead(last.text);
}

/**
 * A role noun phrase starting at `from` (after any "now" or "the"): its text without the leading
 * article, and its offsets. Undefined when the phrase is not headed by a role.
 */
export function rolePhraseAt(text: string, from: number): PhraseSpan | undefined {
  const lead = LEADS.exec(text.slice(from, from + 24))?.[0].length ?? 0;
  const words = phraseWords(text, from + lead);
  if (!words?.length || !headsAreRoles(words)) return undefined;
  const first = words[0] as Word;
  const last = words.at(-1) as Word;
  return { text: text.slice(first.start, last.end), start: first.start, end: last.end };
}

const APPOSITIVE = /^,\s+(?:\d{1,3},\s+)?/;
const WHO_IS =
  /^,\s+who\s+(?:(?:is|was|had been|has been|became|becomes|remained|served as|serves as|now|then|later|also)\s+)+/;
const WHO_DOES =
  /^,\s+who\s+(?:now\s+|also\s+)?((?:chairs|chaired|leads|led|heads|headed|runs|ran|directs|directed|manages|managed|founded|represents|represented|conducts|conducted|teaches|taught|edits|edited|owns|owned|commands|commanded|coaches|coached|publishes|published|governs|governed|presides over|presided over)\b[^,.;:()"]{3,80})/;
/** "X, who has died in Bath aged 94, was the UK's first prima ballerina": a clause, then the role. */
const WHO_CLAUSE_THEN_IS = /^,\s+who\s+[^,;:()"]{3,80},\s+(?:is|was|had been|has been)\s+/;
const COPULA = /^\s+(?:is|was|has been|had been)\s+(?:(?:now|then|also|later|currently|once)\s+)?/;
const BECAME =
  /^\s+(?:(?:is|was|has been|had been)\s+(?:(?:later|then|also|subsequently|soon|recently)\s+)?(?:appointed|named|elected|made|promoted|chosen|designated|nominated)(?:\s+(?:to be|as))?|became|becomes|had become|has become|served as|serves as|had served as|has served as|acted as)\s+/;
const APPOINTED_BEFORE = /\b(?:appointed|named|elected|made|designated|chose|promoted|nominated)\s+$/;
const PLACE_AFTER = /^,\s+[A-Z][a-z]{1,12}\.?(?:\s+[A-Z][a-z]{1,12}\.?)?(?=\s*[,.;]|$)/;
const AND_ALSO = /^,?\s+and\s+(?:(?:now|later|also|then|currently|since)\s+)?/;
const THEN_IS = /^,\s+(?:is|was)\s+/;
/** "Mr Walkington's new job title is director of ...": a role given as the name's title or job. */
const TITLE_IS =
  /^(?:['’]s)?\s+(?:new\s+|official\s+|full\s+|formal\s+|current\s+)?(?:job\s+)?(?:title|role|position|post|job)\s+(?:is|was|will\s+be)\s+(?:that\s+of\s+)?/;

/** The first role phrase after a lead-in matched at `end`, then the ones coordinated with it. */
function chain(text: string, end: number, lead: RegExpExecArray | null): PhraseSpan[] {
  if (!lead) return [];
  const first = rolePhraseAt(text, end + lead[0].length);
  if (!first) return [];
  const roles = [first];
  let at = first.end;
  for (let n = 0; n < 3; n++) {
    const rest = text.slice(at, at + WINDOW);
    // "former Police Chief of Farmington, Conn.": the place's state belongs to the object.
    const place = PLACE_AFTER.exec(rest);
    const current = roles.at(-1) as PhraseSpan;
    if (place && / (?:of|at|in) /.test(current.text)) {
      current.end = at + place[0].length;
      current.text = text.slice(current.start, current.end);
      at = current.end;
      continue;
    }
    const next = AND_ALSO.exec(rest) ?? THEN_IS.exec(rest);
    const phrase = next ? rolePhraseAt(text, at + next[0].length) : undefined;
    if (!phrase) break;
    roles.push(phrase);
    at = phrase.end;
  }
  return roles;
}

/**
 * The roles written after a name that spans [start, end) of `text`: appositives, "who" clauses,
 * "is/was ...", "was appointed / became ...", "appointed X chairman of ...", and "X's new job
 * title is ...".
 */
export function rolesAfterName(text: string, start: number, end: number): PhraseSpan[] {
  const rest = text.slice(end, end + WINDOW);
  const does = WHO_DOES.exec(rest);
  if (does?.[1]) {
    const phrase = does[1].trimEnd();
    const from = end + does[0].length - does[1].length;
    return [{ text: phrase, start: from, end: from + phrase.length }];
  }
  const appointed = APPOINTED_BEFORE.test(text.slice(Math.max(0, start - 14), start));
  const lead =
    WHO_IS.exec(rest) ??
    TITLE_IS.exec(rest) ??
    WHO_CLAUSE_THEN_IS.exec(rest) ??
    BECAME.exec(rest) ??
    (appointed ? /^\s+/.exec(rest) : null) ??
    APPOSITIVE.exec(rest) ??
    COPULA.exec(rest);
  return chain(text, end, lead);
}

/** Where a sentence or clause opens, so a role phrase written there is its subject. */
const CLAUSE_OPENS = /(?:^|[.!?;:]["')]?\s+|["'(]\s*|--\s*|\b(?:by|was|is|were|are|including|and)\s+)$/;
const NAME_CLOSES = /^(?:\s*(?:[,.;:)!?]|--)|\s*$)/;
const DETERMINER = /\b(?:the|The|a|A|an|An)\s+/g;

/**
 * "The music director of the Pittsburgh Symphony Orchestra, William Steinberg, has ...": a role
 * phrase that opens a clause, then a comma, then the name, closed by a mark.
 */
export function roleBeforeName(text: string, start: number, end: number): PhraseSpan | undefined {
  const comma = text.slice(0, start).trimEnd();
  const after = text.slice(end, end + 8);
  // "The Surgeons General of the Army, Navy, and Air Force" is a list, not a name in apposition.
  if (!comma.endsWith(',') || !NAME_CLOSES.test(after) || /^,?\s+(?:and|or)\s/.test(after)) return undefined;
  const commaAt = comma.length - 1;
  const from = Math.max(0, commaAt - 160);
  const window = text.slice(from, commaAt);
  const starts: number[] = [];
  for (const m of window.matchAll(DETERMINER)) starts.push(from + m.index);
  if (from === 0) starts.push(0);
  // The nearest opening first; an opening inside "of ..." belongs to a larger phrase.
  for (const at of starts.sort((a, b) => b - a)) {
    const phrase = rolePhraseAt(text, at);
    if (!phrase || phrase.end !== commaAt) continue;
    const before = text.slice(Math.max(0, at - 40), at);
    if (/\bof\s+$/i.test(before)) continue;
    if (!CLAUSE_OPENS.test(before)) return undefined;
    return { text: phrase.text, start: at, end: phrase.end };
  }
  return undefined;
}

const AFFILIATION = /^\s+of\s+the\s+((?:[A-Z][\p{L}'.-]*)(?:\s+(?:[A-Z][\p{L}'.-]*|of|and|&))*)/u;

/** "Samuel S. Foss of the Woonsocket Patriot": the organisation a name is "of". */
export function affiliationAfter(text: string, end: number): PhraseSpan | undefined {
  const m = AFFILIATION.exec(text.slice(end, end + 120));
  const org = m?.[1]?.replace(/\s+(?:of|and|&)$/, '');
  if (!m || !org) return undefined;
  const from = end + m[0].indexOf('of');
  const to = end + m[0].indexOf(org) + org.length;
  return { text: text.slice(from, to), start: from, end: to };
}
