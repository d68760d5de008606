/**
 * Typed answer candidates in one sentence: names (people and what is not obviously a place or an
 * organisation), dates and years, numbers with the word they count, places after a preposition
 * of direction, and reasons after "because", "since", "so that". Each carries its offsets so it
 * can be scored by how near it stands to the question's own words.
 */

import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import { memoized } from '../../text/memoized.ts';
import { wordKey } from '../../text/wordForms.ts';

export interface Candidate {
  text: string;
  start: number;
  end: number;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTH_ONLY = new RegExp(`^${MONTH}\\.?$`);
const DAY_NAMES = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** A month, a day of the week or a feast ("October", "Sept.", "Tuesday", "Easter"): capitalised like a name, but a time. */
export function isTimeName(word: string): boolean {
  return MONTH_ONLY.test(word) || DAY_NAMES.test(word) || /^(?:Christmas|Easter)$/.test(word);
}

/** Words that start a capitalised run without being part of a name. */
const NOT_NAME_START = new Set(
  (
    'The A An This That These Those It Its He She They We I You His Her Their Our My Your In On At By For From To ' +
    'With Of And But Or Nor So Yet If When While After Before Since Until As Although Though Because Then There ' +
    "Here I’ve I've I’m I'm I’d I'd I’ll I'll What Who Whom Which Where Why How Yes No Not Now Today Yesterday Tomorrow Mr Mrs Ms Dr Sir Lady Lord " +
    'One Two Three Four Five Six Seven Eight Nine Ten Some Many Most All Each Every Such Both Either Neither Later ' +
    'Early Once Even Also Still Only Perhaps Indeed However Thus Meanwhile Moreover Under Over Into Upon Among ' +
    'Should Would Could Shall Might Must Can Cannot Did Does Do Had Has Have Was Were Is Are Will ' +
    'Between Through During Without Within Against Toward Towards Like Unlike Despite Except Even Again Yet Never ' +
    'Always Often Soon Already Just Last Next First Second Third Another Other Our Let God Christ ' +
    'Instead Finally Suddenly Afterwards Afterward Besides Nevertheless Nonetheless Otherwise Therefore ' +
    'Consequently Furthermore Likewise Similarly Certainly Surely Actually Apparently Obviously Clearly ' +
    'Unfortunately Fortunately Eventually Recently Currently Initially Ultimately Gradually Immediately'
  ).split(' '),
);
const TITLES = new Set(
  'Mr Mrs Ms Miss Dr Sir Lady Lord Shah King Queen Prince Princess Pope Saint St Rev Father Brother Sister Gen General Col Colonel Capt Captain Maj Major Lt Sen Senator Gov Governor Judge Justice President Professor Prof Dean Bishop Rabbi Count Countess Duke Baron Emperor Czar Tsar Sultan Sheikh Chief Admiral'.split(
    ' ',
  ),
);
/** Offices written before a name ("Foreign Minister Sergei Lavrov"), besides the TITLES. */
const OFFICES = new Set(
  'Minister Secretary Ambassador Chancellor Premier Chairman Chairwoman Director Commissioner Spokesman Spokeswoman Envoy Attorney Treasurer Representative Rep Congressman Congresswoman Mayor Superintendent Coach Conductor Sheriff Marshal Sergeant Sgt Inspector Detective Lieutenant Commander Corporal Cpl Private Pvt Archbishop Cardinal Monsignor Msgr Pastor Deacon'.split(
    ' ',
  ),
);
/** Words that qualify a title before it ("Prime Minister", "former Secretary of State"). */
const QUALIFIERS = new Set(
  'Prime Foreign Defense Defence Deputy Vice Former Acting Interior Home Finance Justice State General Assistant Executive Managing Chief Senior Special Grand Supreme High Lord'.split(
    ' ',
  ),
);
const PARTICLES = new Set([
  'de',
  'von',
  'van',
  'der',
  'du',
  'la',
  'le',
  'da',
  'di',
  'al',
  'bin',
  'ibn',
  'y',
  'del',
  'della',
]);

// "Ciba-Geigy Ltd <CIGZ.Z>": a newswire's stock code in angle brackets is one token, no name.
/** Words that name an institution by what it is of ("Department of", "Bank of", "University of"). */
const INSTITUTION =
  /^(?:Department|Ministry|Bank|University|Board|Council|Commission|Institute|Office|Bureau|Agency|Federation|Association|Society|College|Museum|Chamber|Court|Academy|League|Church|Order|Corporation|Authority|Organi[sz]ation|Republic|Kingdom|Union|Party|Army|Navy|Exchange|Fund)$/;

/** A company's legal forms, as the last word of its name ("Corp", "Inc", "Plc"). */
export const COMPANY_FORMS = 'Corp|Corporation|Inc|Ltd|Co|Plc|PLC|AG|SA|NV|LLC|Group';

/** A company's legal form right after a possessive ("Pantera's Corp said"), then no more of its name. */
const COMPANY_AFTER = new RegExp(`^\\s+(?:${COMPANY_FORMS})\\.?(?=[\\s,;:)]|$)(?!\\s+\\p{Lu})`, 'u');

const TOKEN = /<[^<>\s]{1,15}>|[\p{L}\p{N}][\p{L}\p{N}'’-]*\.?|[,;:()"“”]/gu;

/**
 * Capitalised runs ("Samuel Gorton", "Shah Abbas 2", "W. O. Wolfe", "Verner von Heidenstam"),
 * without a leading common word ("The", "In") or title ("Mrs."), which the name keeps only when
 * nothing else is left.
 */
export function nameRuns(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  let run: { start: number; end: number; words: string[] } | undefined;
  const flush = () => {
    if (!run) return;
    const words = [...run.words];
    // Trailing particles belong to nothing.
    while (words.length && PARTICLES.has(words[words.length - 1] ?? '')) words.pop();
    // "Dutch-born Anton Corbijn", "London-based Ann Cole": where someone is from is not their name.
    let start = run.start;
    while (words.length > 1 && /^\p{Lu}[\p{L}'’.]*-(?:born|based|bred|raised)$/u.test(words[0] ?? '')) {
      start = sentence.indexOf(words[1] ?? '', start + (words[0] ?? '').length);
      words.shift();
    }
    // "founded by London-based travel agent Naresh Goyal": where someone is from, alone, is no name.
    const onlyFrom =
      words.length === 1 && /^\p{Lu}[\p{L}'’.]*-(?:born|based|bred|raised)$/u.test(words[0] ?? '');
    if (words.length && !onlyFrom) out.push({ text: words.join(' '), start, end: run.end });
    run = undefined;
  };
  for (const m of sentence.matchAll(TOKEN)) {
    const word = m[0];
    const bare = word.replace(/\.$/, '');
    const capital = /^\p{Lu}/u.test(word);
    const numberAfterName = run && /^\d{1,2}$/.test(word) && TITLES.has(run.words[0] ?? '');
    // "Brian 'Head' Welch": a nickname in quotes inside a name is not one of its words.
    if (run && capital && /^['‘]$/.test(sentence[m.index - 1] ?? '') && /['’]$/.test(word)) continue;
    // "the Department of Transportation", "the Bank of the Philippine Islands": an institution
    // named by what it is of is one name.
    const ofInstitution =
      run &&
      ((word === 'of' && INSTITUTION.test(run.words[run.words.length - 1] ?? '')) ||
        (word === 'the' && run.words[run.words.length - 1] === 'of')) &&
      /^\s+(?:the\s+)?\p{Lu}/u.test(sentence.slice(m.index + word.length));
    if (capital || numberAfterName || ofInstitution || (run && PARTICLES.has(word))) {
      if (!run) {
        if (NOT_NAME_START.has(bare) && !TITLES.has(bare)) continue;
        run = { start: m.index, end: m.index + word.length, words: [] };
      }
      // "Pantera's Corp said": a company named with a possessive keeps it.
      const ownedCompany = /['’]s$/.test(word) && COMPANY_AFTER.test(sentence.slice(m.index + word.length));
      const bareWord = ownedCompany ? word : word.replace(/['’]s$/, '');
      run.words.push(bareWord);
      // A possessive ends the name before its "'s": what follows ("'s box") is read after it.
      run.end = m.index + bareWord.length;
      if (/['’]s$/.test(word) && !ownedCompany) flush();
      else if (/\.$/.test(word) && !/^\p{Lu}\.?$/u.test(bare) && !TITLES.has(bare)) flush();
      continue;
    }
    flush();
  }
  flush();
  return out
    .map((c) => ({ ...c, text: /(?:^|\s)\p{Lu}\.$/u.test(c.text) ? c.text : c.text.replace(/\.$/, '') }))
    .filter((c) => !MONTH_ONLY.test(c.text) && !DAY_NAMES.test(c.text));
}

/** Whether a word is a title or an office written before names ("President", "Minister", "Gen."). */
export function isOfficeWord(word: string): boolean {
  const bare = word.replace(/\.$/, '');
  return TITLES.has(bare) || OFFICES.has(bare);
}

/**
 * A people's adjective: one the lexicon knows, or one of their shape the lexicon lacks ("Turkish",
 * "Pakistani"), read only where a title follows it.
 */
function isDemonym(word: string): boolean {
  const known = nameGazetteer().classOf(word.toLowerCase());
  return known === 'demonym' || (known === undefined && /^\p{Lu}\p{Ll}+(?:ish|ian|ese|i)$/u.test(word));
}

/** A name's words without a leading title, for comparing with the question's names. */
export function withoutTitle(name: string): string {
  const words = name.split(/\s+/);
  // "Russian Prime Minister Dmitry Medvedev": a title with the words that qualify it (a people's
  // adjective, "Prime", "Foreign") stands before the name; without a title word they stay.
  let cut = 0;
  for (let i = 0; i < words.length - 1; i++) {
    const word = (words[i] ?? '').replace(/\.$/, '');
    if (TITLES.has(word) || OFFICES.has(word)) cut = i + 1;
    else if (!QUALIFIERS.has(word) && !isDemonym(word)) break;
  }
  return words.slice(cut).join(' ');
}

/** A day written as a word: "September first", "the twenty-second of May". */
const DAY_WORD =
  '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|(?:twenty|thirty)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth)';

const CARDINAL_DAY =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|(?:twenty|thirty)-(?:one|two|three|four|five|six|seven|eight|nine))';

/** A day of the month in words, as an ordinal or a number: "Six", "twenty-first". */
export const DAY_IN_WORDS = new RegExp(`\\b(?:${DAY_WORD}|${CARDINAL_DAY})\\b`, 'i');

/** ... as a wire writes it with a capital too: "On February Six". */
const CARDINAL_DAY_ANY_CASE = CARDINAL_DAY.replace(/\b[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

const DATE_PATTERNS: RegExp[] = [
  new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{3,4}\\b`, 'g'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+\\d{3,4}\\b`, 'g'),
  // "died on 23 January", "comes into force on 18 February": the day first, as British news writes it.
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?!\\.?\\s+\\d)`, 'g'),
  new RegExp(`\\b${MONTH}\\.?,?\\s+(?:of\\s+)?\\d{4}\\b`, 'g'),
  new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'g'),
  // "The march 5 earthquake": a newswire's month in lower case, with its day ("may" is a verb).
  /\b(?:january|february|march|april|june|july|august|september|october|november|december)\s+\d{1,2}(?:st|nd|rd|th)?\b(?![\s-]*(?:per|pct|percent|mln|million|billion|dlrs|years?|months?|weeks?|days?|points?|miles?|km|kilometres?)\b)/g,
  new RegExp(`\\b${MONTH}\\s+${DAY_WORD}\\b|\\b(?:the\\s+)?${DAY_WORD}\\s+of\\s+${MONTH}\\b`, 'g'),
  // "went on strike May nine", "On April one": a newswire's day in words, after its month.
  new RegExp(
    `\\b${MONTH}\\s+${CARDINAL_DAY_ANY_CASE}\\b(?![\\s-]+(?:per|pct|percent|mln|million|billion|dlrs|years?|months?|weeks?|days?|points?)\\b)`,
    'g',
  ),
  // "the fiscal year 1987/88", "the 2004-05 season": a year that runs over two.
  /\b(?:1[0-9]|20)\d\d[/-]\d\d\b(?![/-]?\d)/g,
  /\b(?:1[0-9]|20)\d\d(?:s|'s)?\b(?![,.]\d)/g,
  /\b(?:(?:last|next|this|on|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b/g,
  // A month alone, where the words before make it a time: "hinting in January", "since May".
  // ("expected by around mid-March", "in early April": a part of the month counts too.)
  new RegExp(
    `\\b(?:(?:in|since|until|by|last|next|early|late|around)\\s+(?:(?:around|about)\\s+)?(?:(?:mid|early|late)[\\s-])?|mid-)${MONTH}\\b(?!\\s+\\d)`,
    'g',
  ),
  /\b(?:yesterday|today|tonight|(?:last|next)\s+(?:week|month|year|night)|this\s+(?:week|month|year)|(?:\w+|\d+)\s+(?:days|weeks|months|years)\s+ago)\b/gi,
  /\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:\w+teenth|\w+tieth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\s+century\b/gi,
];

/** Sentences whose mentions are kept: answers read the same sentences question after question. */
const MENTIONS_LIMIT = 20_000;

/** Dates, years and centuries, longest first where they overlap (kept per sentence). */
export const dateMentions: (sentence: string) => readonly Candidate[] = memoized(MENTIONS_LIMIT, findDates);

function findDates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  for (const pattern of DATE_PATTERNS) {
    for (const m of sentence.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((c) => start < c.end && end > c.start)) continue;
      out.push({ text: m[0], start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|a\\s+dozen|dozens|half)';
const NUMBER = new RegExp(
  `(?:[$£€¥]\\s?)?\\b(?:\\d[\\d,]*(?:\\.\\d+)?(?:bn|m|k|tn)?(?:\\s+(?:hundred|thousand|million|billion|trillion|mln|bln|mn|trln))?|${NUMBER_WORD}(?:[\\s-]+(?:and\\s+)?${NUMBER_WORD})*)\\b(?:\\s*(?:%|per\\s?cent\\b|percent\\b|pct\\b))?`,
  'gi',
);

const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s+$`);

/** Whether the digits at start..end are part of a model's number: "Boeing 737-800", not "10-12 people". */
function inModelNumber(sentence: string, start: number, end: number): boolean {
  const before = /(?:^|\s)(\p{Lu}[\p{L}]+\s+)?((?:\d+-)*)$/u.exec(
    sentence.slice(Math.max(0, start - 40), start),
  );
  const after = /^(?:-\d+)*/.exec(sentence.slice(end))?.[0] ?? '';
  const hyphened = (before?.[2] ?? '') !== '' || after !== '';
  return hyphened && before?.[1] !== undefined;
}

/**
 * Numbers written in digits or words ("140,000", "five million", "two hundred and eighty", "£8m",
 * "$1.2bn"), kept per sentence.
 */
export const numberMentions: (sentence: string) => readonly Candidate[] = memoized(
  MENTIONS_LIMIT,
  findNumbers,
);

function findNumbers(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const text = m[0].trim();
    if (!text || /^(one|half)$/i.test(text)) continue;
    const start = m.index;
    // "Washington, Feb. 9 --": a day of a date counts nothing.
    if (/^\d{1,2}$/.test(text) && MONTH_BEFORE.test(sentence.slice(Math.max(0, start - 12), start))) continue;
    // "Boeing 737-800 planes": a model's number, after its maker's name, counts nothing either.
    if (/^\d+$/.test(text) && inModelNumber(sentence, start, start + m[0].length)) continue;
    out.push({ text, start, end: start + m[0].length });
  }
  return out;
}

/** Whether a number is probably a year (1000-2099, no thousands comma). */
export function looksLikeYear(text: string): boolean {
  return /^(1\d|20)\d\d$/.test(text);
}

/** Words before a place that answer each direction; the first pattern is the plainest, worth most. */
const DIRECTION_WORDS: Record<'from' | 'to' | 'in', [RegExp, RegExp]> = {
  from: [
    /\b(?:from|out of|emigrated from)\s+(?:the\s+)?$/i,
    /\b(?:native of|born in|born at)\s+(?:the\s+)?$/i,
  ],
  to: [
    // "set to join Preston on a month's loan": where a player or an employee goes, news says "join".
    /\b(?:to|into|toward|towards|reached|arrived (?:in|at)|settled in|moved to|went to|came to|landed (?:in|at)|join|joins|joined|joining)\s+(?:the\s+)?$/i,
    /\b(?:for|in|at)\s+(?:the\s+)?$/i,
  ],
  // "born in 1751 in nearby Rowley": a word that places the place may stand before it.
  in: [
    // "Speaking at the opening of the 40th Hanover Industry Fair": where an occasion was held.
    /\b(?:in|at|near|born in|outside|inside)\s+(?:the\s+)?(?:(?:nearby|neighbou?ring|(?:north|south)(?:-?(?:east|west))?ern|(?:east|west)ern|central|rural|downtown|suburban|present-day)\s+)?$|\b(?:at|during)\s+the\s+(?:opening|start|close|end|launch|meeting|session)\s+of\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?$/i,
    /\b(?:of|from)\s+(?:the\s+)?$/i,
  ],
};

export interface PlaceMention extends Candidate {
  /** 1 after the plainest words for the direction ("from"), less after looser ones ("born in"). */
  fit: number;
}

/** Capitalised names right after a preposition of the asked direction ("from Scotland"). */
export function placeMentions(sentence: string, direction: 'from' | 'to' | 'in'): PlaceMention[] {
  const [plain, loose] = DIRECTION_WORDS[direction];
  const out: PlaceMention[] = [];
  for (const c of placeNameRuns(sentence)) {
    const before = sentence.slice(Math.max(0, c.start - 40), c.start);
    // "at Mitchell, S. Dak.": the wider place after a comma belongs to the same answer.
    const last = out[out.length - 1];
    if (last && /^,\s*$/.test(sentence.slice(last.end, c.start))) {
      out[out.length - 1] = { text: `${last.text}, ${c.text}`, start: last.start, end: c.end, fit: last.fit };
      continue;
    }
    // "flying from the conference city of Ndola": the place named after a word for a place.
    const wide = sentence.slice(Math.max(0, c.start - 60), c.start);
    const kindOf = PLACE_KIND_OF.exec(wide);
    const lead = kindOf ? wide.slice(0, kindOf.index) : before;
    if (plain.test(lead)) out.push({ ...c, fit: 1 });
    else if (loose.test(lead)) out.push({ ...c, fit: 0.5 });
  }
  return out;
}

/** Words that head a place's name of two parts joined by "of": "Gulf of Mexico", "Isle of Man". */
const PLACE_HEAD_OF =
  /(?:^|\s)(?:Gulf|Bay|Isle|Isles|Strait|Straits|Sea|Cape|Republic|Kingdom|Lake|Mount|Sound|Firth|Vale|Duchy|Principality|Commonwealth|Bight|Horn)$/;

/** "Republic of Congo", "Gulf of Suez": a place's name of two parts joined by "of". */
export function isPlaceOfName(name: string): boolean {
  const of = /^(.+?)\s+of\s+\p{Lu}/u.exec(name)?.[1];
  return of !== undefined && PLACE_HEAD_OF.test(` ${of}`);
}

/** Capitalised runs, with a place's name of two parts joined by "of" read as one ("the Gulf of Mexico"). */
function placeNameRuns(sentence: string): Candidate[] {
  const runs = nameRuns(sentence);
  const out: Candidate[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as Candidate;
    const next = runs[i + 1];
    if (
      next &&
      PLACE_HEAD_OF.test(run.text) &&
      /^\s+of\s+(?:the\s+)?$/.test(sentence.slice(run.end, next.start))
    ) {
      out.push({ text: sentence.slice(run.start, next.end), start: run.start, end: next.end });
      i++;
    } else out.push(run);
  }
  return out;
}

/** "the conference city of", "the port of": words for a kind of place, before its name. */
const PLACE_KIND_OF =
  /(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}(?:city|town|village|port|capital|island|state|province|county|region|country|harbou?r|resort|suburb|district)\s+of\s+$/u;

const REASON =
  /\b(?:because(?:\s+of)?|since|so that|so as to|in order to|due to|owing to|for fear|as a result of|for the sake of|to avoid|to prevent|to escape|to make sure|to ensure|in a bid to|in an effort to|in an attempt to|(?:was|is|were|are)\s+(?:intended|designed|meant|aimed)\s+(?:to|at)|(?:motivated|prompted|caused|driven|dictated)\s+(?:only\s+|solely\s+|largely\s+|partly\s+|mainly\s+)?by|(?:results?|resulted|stems?|stemmed|arises|arose)\s+from|(?:was|were|is|are)\s+(?:largely\s+|partly\s+|mainly\s+)?(?:attributed|blamed)\s+(?:to|on)|citing|on\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?grounds\b(?:\s+(?:that|of))?|in\s+protest\s+(?:against|at|over)|for\s+["“]?(?:[\p{L}-]+\s+){0,3}reasons?|,\s+saying\s+(?:that\s+)?(?=(?:it|they|the|this|he|she|its|their)\b)|(?:fearing|worried|concerned|afraid)\s+(?:that\s+)?(?=(?:it|they|the|this|he|she|her|his|its|their)\b)|blam(?:ed|es|ing)\s+(?:[\p{L}'’-]+\s+){1,5}?on)\b/iu;

/**
 * "It has since emerged", "ever since", "since 2013", "since the end of the war": "since" telling
 * a time, not a reason.
 */
function sinceOfTime(sentence: string, at: number, word: string): boolean {
  if (!/^since$/i.test(word)) return false;
  if (
    /\b(?:has|have|had|ever|long|not|and|only|just|years?|months?|weeks?|days?)\s+$/i.test(
      sentence.slice(0, at),
    ) ||
    // "Output has been shut down since the workers went on strike": a perfect tense before it.
    /\b(?:has|have|had)\s+(?:been\s+)?(?:[a-z]+\s+){1,3}$/i.test(sentence.slice(Math.max(0, at - 60), at))
  )
    return true;
  const after = sentence.slice(at + word.length);
  // "Since the bid approach in December": a noun phrase with no verb of its own tells a time.
  const clause = /^[^,;.]*/.exec(after)?.[0] ?? '';
  if (
    /^\s+the\s/i.test(after) &&
    !/\b(?:is|was|are|were|be|been|has|have|had|do|does|did|can|could|will|would|should|may|might|must|[a-z]{3,}ed|[a-z]{3,}s)\b/i.test(
      clause.replace(/^\s+the\s+\S+/, ''),
    )
  )
    return true;
  return new RegExp(
    `^\\s+(?:then|\\d|${MONTH}\\b|(?:the\\s+)?(?:end|start|beginning|time|days?|age|war|death|fall|early|late|last|first)\\b|[a-z]+ed\\b)`,
    'i',
  ).test(after);
}

/** "is due to be held next week", "due to start in May": a schedule, not a cause. */
function dueOfTime(sentence: string, at: number, word: string): boolean {
  return (
    /^due\s+to$/i.test(word) &&
    /^\s+(?:be|begin|start|open|close|meet|end|finish|arrive|leave|return|appear|play|face|take|go|come|hold|launch|sign|vote|resume|retire|visit|speak|make|give|testify|stand|run|release|report|announce|decide|expire|complete|receive|publish|fly|travel)\b/i.test(
      sentence.slice(at + word.length),
    )
  );
}

/** "its inability to prevent", "an attempt to avoid": what a noun is about, not a purpose. */
function aimOfNoun(sentence: string, at: number, word: string): boolean {
  return (
    /^to\s/i.test(word) &&
    /\b(?:ability|inability|failure|attempts?|efforts?|ways?|bids?|plans?|power|right|need|chance|refusal)\s+$/i.test(
      sentence.slice(0, at),
    )
  );
}

/** The clause after a word that gives a reason ("because he was too far gone"), if any. */
export function reasonClause(sentence: string): Candidate | undefined {
  let m: RegExpExecArray | null = null;
  const pattern = new RegExp(REASON.source, 'giu');
  for (let next = pattern.exec(sentence); next; next = pattern.exec(sentence)) {
    if (
      !sinceOfTime(sentence, next.index, next[0]) &&
      !aimOfNoun(sentence, next.index, next[0]) &&
      !dueOfTime(sentence, next.index, next[0])
    ) {
      m = next;
      break;
    }
  }
  if (!m) return undefined;
  const start = m.index;
  const rest = sentence.slice(start);
  // "because of the volatility in the oil market I propose ...": a phrase, not a clause, ends
  // where the sentence's own subject comes in (or at a comma).
  // ("Fearing that she had flat feet, she arranged ...": a participle's clause ends at its comma.)
  const phrase =
    /^(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of)$/i.test(m[0]) ||
    /^(?:fearing|worried|concerned|afraid)\b/i.test(m[0]);
  // (A full stop ends it, not the one of "U.S." or of an initial.)
  const stop = phrase ? /(?<!\b\p{Lu})[.;!?,]|\s(?=(?:I|we|he|she|they)\s+[a-z])/u : /(?<!\b\p{Lu})[.;!?]/u;
  const end = start + (stop.exec(rest.slice(m[0].length))?.index ?? rest.length - m[0].length) + m[0].length;
  return { text: sentence.slice(start, end).trim(), start, end };
}

/**
 * "Profits fell 93% as research costs rose and sales flagged": "as" and a clause whose subject
 * changed or did something gives the cause in news English; "as well as", "such as", "known as" do not.
 */
const CAUSAL_AS =
  /(?<!\b(?:such|well|known|same|soon|long|far|much|just|so|seen|regarded|described|serves?|served|acts?|acted)\s)\bas\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+)?(?:[\p{L}'’-]+\s+){1,3}(?:rose|fell|grew|increased|decreased|declined|dropped|slumped|soared|flagged|failed|weakened|surged|jumped|slowed|climbed|tumbled|collapsed|dried\s+up|were|was|had|have|has|became|continued|struggled|faced)\b/iu;

/** The clause after a causal "as", if any: a weaker reason than one after "because". */
export function causalAsClause(sentence: string): Candidate | undefined {
  return clauseFrom(CAUSAL_AS, sentence);
}

/** The clause a pattern opens, to the end of its sentence part; none at the sentence's start. */
function clauseFrom(pattern: RegExp, sentence: string): Candidate | undefined {
  const m = pattern.exec(sentence);
  if (!m || m.index < 12) return undefined;
  const start = m.index;
  const rest = sentence.slice(start);
  const end = start + (/[.;!?]/.exec(rest)?.index ?? rest.length);
  return { text: sentence.slice(start, end).trim(), start, end };
}

/**
 * "AK issued the ban after Chepkemei failed to turn up", "he was fined after testing positive":
 * an "after" with a clause of its own (a verb in -ed or -ing, not "after the war") tells what
 * brought the act about in news English.
 */
const CAUSAL_AFTER =
  /\bafter\s+(?:(?:\p{Lu}[\p{L}'’.-]*|the|his|her|its|their|a|an|it|he|she|they|[\p{Ll}-]+)\s+){0,3}?(?:\p{Ll}[\p{Ll}-]*ed|failed|refused|broke|lost|fell|took|gave|ran|made|said|told)\b|\bafter\s+\p{Ll}{3,}ing\b/u;

/** The clause after a causal "after", if any: weaker than "because", as a causal "as" is. */
export function causalAfterClause(sentence: string): Candidate | undefined {
  return clauseFrom(CAUSAL_AFTER, sentence);
}

const REASON_NAMED =
  /\b(?:the|one|a|another|part\s+of\s+the)\s+(?:(?:main|chief|real|key|big|biggest|only|first|other|major)\s+)?reasons?(?:\s+(?:why|that|for))?\b/i;

/**
 * "Part of the reason why last week's events were unexpected was Trump's rhetoric", "The reason
 * he left is that ...": the reason named after the copula that closes the why-clause.
 */
export function namedReason(sentence: string): (Candidate & { about: string }) | undefined {
  const m = REASON_NAMED.exec(sentence);
  if (!m) return undefined;
  const after = m.index + m[0].length;
  const copulas = [...sentence.slice(after).matchAll(/\b(?:is|was|are|were)\s+(?:that\s+)?/gi)];
  const [first, second] = copulas;
  if (!first) return undefined;
  // "why they were unexpected was ...": the first copula is the why-clause's own, and a short
  // complement ("unexpected") stands between the two.
  const between = second ? sentence.slice(after + first.index + first[0].length, after + second.index) : '';
  const closing =
    second && !/[,;:]/.test(between) && between.trim().split(/\s+/).length <= 3 ? second : first;
  const start = after + closing.index + closing[0].length;
  const end = start + (/[.;!?]/.exec(sentence.slice(start))?.index ?? sentence.length - start);
  const text = sentence.slice(start, end).trim();
  // What the reason is the reason for: the why-clause without its asides ("which saw ...,").
  const about = sentence
    .slice(after, after + closing.index)
    .replace(/,\s*(?:which|who|whom|that|where|when)\b[^,]*,/gi, ' ');
  return text.split(/\s+/).length >= 2 ? { text, start, end, about } : undefined;
}

/**
 * "the new Warwick plant" for "where is it building its new plant?": a name written before the
 * asked noun, as its modifier, is where the thing is.
 */
export function placeModifiers(sentence: string, headKeys: readonly string[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const c of nameRuns(sentence)) {
    const next = /^\s+([a-z][\p{L}-]*)/u.exec(sentence.slice(c.end))?.[1];
    if (!next || !headKeys.includes(wordKey(next))) continue;
    if (
      !/\b(?:the|its|our|their|his|her|a|an|new|old)\s+$/i.test(
        sentence.slice(Math.max(0, c.start - 8), c.start),
      )
    )
      continue;
    out.push({ ...c, fit: 1 });
  }
  return out;
}
