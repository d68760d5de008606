/**
 * Role phrases next to a name, by general rules of news English: a title before the name
 * ("Russian Foreign Minister Sergei Lavrov", "Sen. Okoro"), an appositive after it ("Nikki Haley,
 * the US Ambassador to the UN", "Jane Roe, a Dallas lawyer"), or "X, who chairs ...". Pure text
 * logic, shared by the entity extractor and the answers that read roles from passages.
 *
 * The functions take text with straight quotes (see foldSameLength) and return offsets into it,
 * so a caller can cut the exact excerpt a role comes from.
 */

import { memoized } from '../../text/memoized.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { NAME_WORD_GAP } from '../../text/words.ts';
import { nameGazetteer } from './nameLexicon.ts';
import { rolePhraseAt, rolesAfterName } from './roleAppositives.ts';

export const ROLE_WORDS = new Set(
  (
    'secretary managing minister adviser advisor general ambassador spokesman spokeswoman spokesperson chief director leader ' +
    'president senator sen governor gov judge mayor candidate former prime foreign defence defense national security ' +
    'state deputy head chairman chairwoman chair executive officer commander envoy representative rep congressman ' +
    'congresswoman premier chancellor king queen prince minister attorney justice professor prof dr lawyer analyst ' +
    'associate editor correspondent reporter author founder ceo cfo coo manager captain admiral colonel lieutenant ' +
    'sergeant detective inspector police chief officer inspector-general vice first lady speaker leader economist ' +
    'counterpart councillor councilor councilman councilwoman alderman commissioner superintendent principal ' +
    'teacher student doctor nurse surgeon engineer scientist researcher activist campaigner organiser organizer ' +
    'owner proprietor resident farmer banker investor entrepreneur consultant adviser spokesperson coach player ' +
    'striker goalkeeper manager captain singer actor actress writer novelist poet artist director producer ' +
    'chairperson treasurer clerk secretary-general ombudsman auditor prosecutor defender judge magistrate ' +
    'sheriff marshal pastor priest imam rabbi bishop archbishop pope cardinal general lieutenant-general ' +
    'ambassador-at-large diplomat minister-president chancellor-elect president-elect nominee lawmaker legislator ' +
    'presidential mp mep assemblyman assemblywoman delegate trustee dean provost rector vice-chancellor fellow historian ' +
    'frontman frontwoman guitarist drummer bassist vocalist rapper comedian presenter midfielder winger hurdler ' +
    'sprinter boxer golfer cyclist swimmer chef'
  ).split(' '),
);

/**
 * Role words that only qualify a title ("Foreign", "National", "State"): a run of them alone is
 * not a title ("National Gallery", "State Department").
 */
export const ROLE_QUALIFIERS = new Set(
  'former managing presidential prime foreign defence defense national security state deputy head executive vice first chief associate resident owner player student'.split(
    ' ',
  ),
);

/** Fields and ranks a lowercase title names before its role word ("commercial manager", "senior editor"). */
const FIELD_WORDS = new Set(
  (
    'commercial sales marketing finance financial technical operations operating production research editorial ' +
    'artistic musical creative legal medical economic political regional international public press trade ' +
    'personnel credit investment communications senior junior assistant acting interim joint ' +
    // "investor relations director", "human resources manager", "corporate development officer".
    'investor relations human resources corporate development planning strategy engineering design ' +
    'advertising purchasing treasury tax risk compliance export information technology news sports'
  ).split(' '),
);

const CONNECTORS = new Set(['of', 'the', 'to', 'for', 'and', 'on', 'at']);
export const NOT_ROLE = new Set(
  'but and yet so then however meanwhile yesterday today on in at by with as when while after before if the a an this that'.split(
    ' ',
  ),
);

/** Abbreviated titles written out, so "Sen. Okoro" is a Senator. */
const ABBREVIATED_TITLES: Record<string, string> = {
  sen: 'Senator',
  gov: 'Governor',
  rep: 'Representative',
  gen: 'General',
  lt: 'Lieutenant',
  col: 'Colonel',
  capt: 'Captain',
  sgt: 'Sergeant',
  adm: 'Admiral',
  cmdr: 'Commander',
  maj: 'Major',
  prof: 'Professor',
  supt: 'Superintendent',
  insp: 'Inspector',
  det: 'Detective',
  rev: 'Reverend',
  pres: 'President',
  atty: 'Attorney',
};

/** Courtesy titles: they mark a person but say nothing of a role. */
export const COURTESY_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'sir',
  'dame',
  'messrs',
  'mme',
  'mlle',
]);

/** Curly quotes, dashes and no-break spaces made plain, one character for one so offsets hold. */
export function foldSameLength(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u00A0/g, ' ')
    .replace(/\u2026/g, '.');
}

export function isRoleWord(token: string): boolean {
  return ROLE_WORDS.has(token.replace(/[.,]$/, '').toLowerCase());
}

function isRoleToken(token: string): boolean {
  const bare = token.replace(/[.,]$/, '');
  if (ROLE_WORDS.has(bare.toLowerCase())) return true;
  // Capitalised qualifiers ("Russian", "US", "UN", "NATO") belong to a title when next to role words.
  return /^[A-Z][\p{L}-]*$|^[A-Z]{2,}$/u.test(bare) && !NOT_ROLE.has(bare.toLowerCase());
}

export interface PhraseSpan {
  text: string;
  /** Offsets of the phrase in the text it was read from. */
  start: number;
  end: number;
}

/** A run of non-space characters and where it starts, as a /\S+/g match gives them. */
interface Word {
  0: string;
  index: number;
}

/** White space as the \s of regular expressions has it. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The last `count` matches of /\S+/g in text, found from its end: a title is a few words long, so
 * the window before a name need not be cut into all its words (this runs for every name).
 */
function lastWords(text: string, count: number): Word[] {
  const out: Word[] = [];
  let end = text.length;
  while (out.length < count) {
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    if (end === 0) break;
    let start = end - 1;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    out.push({ 0: text.slice(start, end), index: start });
    end = start;
  }
  return out.reverse();
}

/** Nouns for a body that a title may be held in ("bank", "party", "union"). */
const BODY_NOUN =
  /^(?:bank|party|union|council|committee|board|commission|company|group|court|church|league)$/;

/** Words that say what kind of body a lowercase body's noun is ("central bank", "state oil company"). */
const BODY_KIND = /^(?:central|state|national|federal|provincial|municipal|city|county|regional|world)$/;

/** "Korean", "British", "US", "Hollywood": a people's adjective or a place, as a title's qualifier. */
function nationOrPlace(word: string): boolean {
  // "OPEC conference president": an acronym names a body as a title's qualifier too.
  if (/^[A-Z]{2,6}$/.test(word)) return true;
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const kind = nameGazetteer().classOf(word.toLowerCase());
  return kind === 'demonym' || kind === 'place';
}

/** The title written right before the name (which starts at index), if it holds a role word. */
export function titleBefore(text: string, index: number): PhraseSpan | undefined {
  const from = Math.max(0, index - 160);
  const window = text.slice(from, index);
  const trimmed = window.trimEnd();
  const tokens = lastWords(trimmed, 8);
  const lastToken = tokens.at(-1)?.[0] ?? '';
  const abbreviation = /^\p{L}+\.$/u.test(lastToken) && ROLE_WORDS.has(lastToken.slice(0, -1).toLowerCase());
  if (/[,;:.!?"')]$/.test(trimmed) && !abbreviation) return undefined;
  const picked: Word[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i] as Word;
    if (/[,;:!?"”)]$/.test(token[0]) && picked.length) break;
    if (isRoleToken(token[0]) || (CONNECTORS.has(token[0].toLowerCase()) && picked.length))
      picked.unshift(token);
    // "commercial manager Yoot Eamsa-ard", "senior sales director": the field of a lowercase role.
    else if (
      FIELD_WORDS.has(token[0]) &&
      /^\p{Ll}/u.test(picked[0]?.[0] ?? '') &&
      (isRoleWord(picked[0]?.[0] ?? '') || FIELD_WORDS.has(picked[0]?.[0] ?? ''))
    )
      picked.unshift(token);
    // "South Korean film director": one lowercase word of a field between capitalised
    // qualifiers and the role word.
    // Only after a people's or a country's name ("Korean", "US"), and before a lowercase role.
    else if (
      picked.length === 1 &&
      /^\p{Ll}/u.test(picked[0]?.[0] ?? '') &&
      isRoleWord(picked[0]?.[0] ?? '') &&
      /^\p{Ll}{3,}$/u.test(token[0]) &&
      !CONNECTORS.has(token[0]) &&
      !/^(?:the|a|an|and|or|of|by|for|with|new|former|then|its|his|her|their)$/.test(token[0]) &&
      (nationOrPlace(tokens[i - 1]?.[0] ?? '') ||
        // "Central bank president X": a body's noun after a capitalised word that names it, or
        // after a word that says what kind of body it is ("central bank president Jier Nogales").
        (BODY_NOUN.test(token[0]) &&
          (/^\p{Lu}\p{Ll}+$/u.test(tokens[i - 1]?.[0] ?? '') || BODY_KIND.test(tokens[i - 1]?.[0] ?? ''))))
    )
      picked.unshift(token);
    else if (picked.length === 2 && BODY_KIND.test(token[0]) && BODY_NOUN.test(picked[0]?.[0] ?? ''))
      picked.unshift(token);
    else {
      // "Aston's chief executive": whose title it is, written before it.
      if (picked.length && /^\p{Lu}[\p{L}&-]*['’]s$/u.test(token[0])) {
        picked.unshift(token);
        // "Air Deccan's managing director": the whole name of whose title it is.
        for (let j = i - 1; j >= 0; j--) {
          const word = tokens[j]?.[0] ?? '';
          if (!/^\p{Lu}[\p{L}&-]*$/u.test(word) || NOT_ROLE.has(word.toLowerCase())) break;
          picked.unshift(tokens[j] as Word);
        }
      }
      break;
    }
  }
  // "Russian President Vladimir Putin and Foreign Minister Sergei Lavrov": the title is the last one.
  const and = picked.findLastIndex((t) => t[0].toLowerCase() === 'and');
  if (and >= 0 && picked.slice(and + 1).some((t) => isRoleWord(t[0]))) picked.splice(0, and + 1);
  while (picked.length && CONNECTORS.has((picked[0]?.[0] ?? '').toLowerCase())) picked.shift();
  if (!picked.some((t) => isRoleWord(t[0]))) return undefined;
  const first = picked[0] as Word;
  const last = picked.at(-1) as Word;
  return {
    text: picked.map((t) => t[0]).join(' '),
    start: from + first.index,
    end: from + last.index + last[0].length,
  };
}

/**
 * "the Conflicts Secretary of the Bolivian Miners Federation, Cristobal Aranibar, told Reuters",
 * "the governor of Rhode Island, John Chafee": a role set before the name and a comma, whole.
 */
export function roleBeforeComma(text: string, index: number): PhraseSpan | undefined {
  const window = text.slice(Math.max(0, index - 160), index);
  const m = /(?:^|[\s(])(?:the|its|his|her|their)\s+([^,;:()"“”]{3,140}),\s*$/.exec(window);
  if (!m?.[1]) return undefined;
  const from = index - window.length + m.index + m[0].lastIndexOf(m[1]);
  const phrase = rolePhraseAt(text, from);
  return phrase && phrase.start === from && phrase.end === from + m[1].length ? phrase : undefined;
}

/**
 * The roles written right after a name that spans [start, end): ", the US Ambassador to the UN",
 * " is a Dallas lawyer", ", who chairs ...", and the other forms of roleAppositives.ts; several
 * coordinated roles come back as one phrase, joined by "; ". `start` lets "appointed X chairman
 * of ..." be read; it defaults to `end`.
 */
export function roleAfter(text: string, end: number, start = end): PhraseSpan | undefined {
  const roles = rolesAfterName(text, start, end);
  const last = roles.at(-1);
  if (!last) return undefined;
  return { text: roles.map((r) => r.text).join('; '), start: end, end: last.end };
}

/** A title as an answer shows it: "Sen." written out as "Senator"; courtesy titles alone are no role. */
export function normalizeTitle(title: string): string | undefined {
  const words = title.split(/\s+/).map((w) => {
    const abbr = /^(\p{L}+)\.$/u.exec(w)?.[1]?.toLowerCase();
    return abbr && ABBREVIATED_TITLES[abbr] ? ABBREVIATED_TITLES[abbr] : w;
  });
  const meaningful = words.filter((w) => !COURTESY_TITLES.has(w.replace(/\.$/, '').toLowerCase()));
  return meaningful.length ? meaningful.join(' ') : undefined;
}

/**
 * The expression fullNameAt finds a name with, built once per name: its words, with a middle
 * initial allowed between them ("Henry A. Duffy" for "Henry Duffy"). Plain, so the text is
 * scanned fast; the capitalised words before it are read from a short window after.
 */
const fullNamePattern = memoized(1_000, (name: string): RegExp => {
  const escaped = name
    .split(/\s+/)
    .map(escapeRegExp)
    .join(/^\p{Lu}/u.test(name) ? NAME_WORD_GAP : '\\s+');
  return new RegExp(escaped, 'g');
});

/** Up to two capitalised words right before a name. */
const LEAD_WORDS = /((?:[A-Z][\p{L}'-]+\s+){0,2})$/u;

/**
 * Finds the full written form of a (possibly partial) name in a text: "Tillerson" -> "Rex
 * Tillerson", with its offsets.
 */
export function fullNameAt(
  text: string,
  name: string,
): { full: string; start: number; end: number } | undefined {
  const re = fullNamePattern(name);
  re.lastIndex = 0;
  let found: RegExpExecArray | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // (The name whole: no letter right after it.)
    if (!/\p{L}/u.test(text.charAt(m.index + m[0].length))) {
      found = m;
      break;
    }
    re.lastIndex = m.index + 1;
  }
  if (!found) return undefined;
  const written = found[0];
  const before = LEAD_WORDS.exec(text.slice(Math.max(0, found.index - 80), found.index))?.[1] ?? '';
  // Of the capitalised words before the name, keep the last that reads as a given name: not a
  // title ("Minister"), a sentence opener ("But") or an acronym ("US").
  const lead = before.split(/\s+/).filter(Boolean);
  const given = lead.filter(
    (w) => !ROLE_WORDS.has(w.toLowerCase()) && !NOT_ROLE.has(w.toLowerCase()) && !/^[A-Z]{2,}$/.test(w),
  );
  const first = lead.length && lead.at(-1) === given.at(-1) ? given.at(-1) : undefined;
  const full = first ? `${first} ${written}` : written;
  const end = found.index + written.length;
  return { full, start: end - full.length, end };
}
