/**
 * Turns what a user typed into a command and its arguments. Slash commands map directly;
 * natural questions are matched by pattern; anything else becomes a search.
 */
import type { ParsedRequest } from './request.ts';
import { TEXT_NOUN, TEXT_ORDINAL, TEXT_WRITER } from './textReference.ts';

export const MAX_INPUT_CHARS = 500;

interface QuestionPattern {
  pattern: RegExp;
  command: string;
  /** Which capture groups hold the subject and topic. */
  subject?: number;
  topic?: number;
  /** false: the question itself is not an argument ("what happened?" is the whole timeline). */
  wholeQuestionIsText?: boolean;
  /** The question as the command should read it, when the words asked carry no meaning of their own. */
  asks?: (m: RegExpExecArray) => string;
}

const Q = '\\s*[?!.]*\\s*$';

/** Words in -ing that name a thing ("who is this evening's speaker?"): no act to ask the object of. */
const ING_NOUN =
  '(?:building|meeting|thing|king|ring|spring|string|wing|morning|evening|ceiling|wedding|painting|feeling|setting|hearing|briefing|ruling|funding|offering|opening|beginning|ending|earnings|saving|something|anything|nothing|everything|sibling|darling|clothing|housing|training|shipping|banking|marketing|engineering|living|being|timing|heading|landing|lending|listing|pricing|rating|ranking|reading|recording|writing|warning)';

/** "According to the second article, ..." (then the question). */
const ACCORDING_TO_TEXT_FIRST = new RegExp(
  `^according\\s+to\\s+(?:the\\s+)?(?:${TEXT_ORDINAL}\\s+)?(?:${TEXT_NOUN}|${TEXT_WRITER})\\s*,?\\s+(?=\\S)`,
  'i',
);

// Order matters: the first pattern that matches wins.
const QUESTIONS: QuestionPattern[] = [
  // "what is Tillerson's job?", "what does Lavrov do?", "what position does Medvedev hold?",
  // "which organisation does Stoltenberg lead?": who the person is, by role.
  {
    pattern: new RegExp(
      `^what\\s+(?:is|was)\\s+(.+?)['’]s?\\s+(?:job|role|position|title|post|occupation|profession)(?:\\s+now)?${Q}`,
      'i',
    ),
    command: 'who',
    subject: 1,
  },
  {
    // (Not "what does the second article's writer say Trump needs to do?": what a text says.)
    pattern: new RegExp(
      `^what\\s+(?:does|do)\\s+(?!.*\\b${TEXT_NOUN}\\b)(.+?)\\s+do(?:\\s+for\\s+a\\s+living)?${Q}`,
      'i',
    ),
    command: 'who',
    subject: 1,
  },
  {
    pattern: new RegExp(
      `^what\\s+(?:job|role|position|post|title|office)s?\\s+(?:does|did|do)\\s+(.+?)\\s+(?:hold|have|occupy|fill)${Q}`,
      'i',
    ),
    command: 'who',
    subject: 1,
  },
  {
    pattern: new RegExp(
      `^(?:which|what)\\s+(?:organi[sz]ation|company|firm|body|agency|group|party|team|club|department|ministry)\\s+(?:does|did)\\s+(.+?)\\s+(?:lead|head|run|chair|manage|direct|work\\s+for|belong\\s+to|represent)${Q}`,
      'i',
    ),
    command: 'who',
    subject: 1,
  },
  // "what does the second article say about X?": what the archive says of X, not a quote from
  // someone called "the second article".
  {
    pattern: new RegExp(
      `^what\\s+(?:does|did|do)\\s+(?:the\\s+|this\\s+|that\\s+)?(?:${TEXT_ORDINAL}\\s+)?(?:${TEXT_NOUN}|${TEXT_WRITER}|archive|paper|source)s?\\s+(?:say|said|tell\\s+us|report|state|write)\\s+(?:about|on|of|regarding)\\s+(.+?)${Q}`,
      'i',
    ),
    command: 'ask',
    subject: 1,
    asks: (m) => `what about ${m[1]}`,
  },
  {
    pattern: /^(?:what|which)\s+happened\s+(?:at|in|on|to|with|during|near|over)\s+(.+?)\s*[?!.]*\s*$/i,
    command: 'what',
    subject: 1,
  },
  // "what did McConnell tell the pupils about getting drunk?": whom it was told to stands between.
  {
    pattern: new RegExp(
      `^what\\s+(?:did|does|has|had)\\s+(.+?)\\s+(?:tell|told|say\\s+to|said\\s+to)\\s+(?:[\\p{L}'’-]+\\s+){1,4}?(?:about|regarding|on)\\s+(.+?)${Q}`,
      'iu',
    ),
    command: 'quote',
    subject: 1,
    topic: 2,
  },
  {
    pattern: new RegExp(
      `^what\\s+(?:did|does|has|had)\\s+(.+?)\\s+(?:say|said|tell|told|state|claim|declare)(?:\\s+(?:about|on|of|regarding|when|after|if|that)\\s+(.+?))?${Q}`,
      'i',
    ),
    command: 'quote',
    subject: 1,
    topic: 2,
  },
  {
    pattern: new RegExp(
      `^(?:quotes?|statements?)\\s+(?:from|by)\\s+(.+?)(?:\\s+(?:about|on)\\s+(.+?))?${Q}`,
      'i',
    ),
    command: 'quote',
    subject: 1,
    topic: 2,
  },
  {
    pattern: new RegExp(`^how\\s+(?:many|much|long|old|far|big|large|often)\\b.*${Q}`, 'i'),
    command: 'figure',
  },
  // "who is Assad fighting in the civil war?", "who is all this confusion helping?": whom a named
  // or pointed-to doer acts on, not who someone is.
  {
    pattern: new RegExp(
      `^[Ww]ho\\s+(?:is|was|are|were)\\s+(?:\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}|(?:[Aa]ll\\s+)?(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)(?:\\s+[\\p{L}-]+){1,8}?)\\s+(?!${ING_NOUN}\\b)[a-z]{3,}ing(?:\\s+(?:in|at|on|for|with|against|over|during|after|before|about|from|to|into|as|now|today)\\b.*|,.*)?${Q}`,
      'u',
    ),
    command: 'ask',
  },
  {
    pattern: new RegExp(`^(?:who\\s+(?:is|was|are|were)|who's|whos)\\s+(.+?)${Q}`, 'i'),
    command: 'who',
    subject: 1,
  },
  {
    pattern: new RegExp(`^(?:tell\\s+me\\s+about|describe)\\s+(.+?)${Q}`, 'i'),
    command: 'about',
    subject: 1,
  },
  // "what was the warming partly based on?", "what is the film about?": a question about the
  // thing, not what it is.
  {
    pattern: new RegExp(
      `^what\\s+(?:is|was|are|were)\\s+.+\\s(?:on|upon|of|for|with|at|from|to|in|by|into|against)${Q}`,
      'i',
    ),
    command: 'ask',
  },
  {
    pattern: new RegExp(`^what\\s+(?:is|was|are|were)\\s+(?:the\\s+)?(.+?)${Q}`, 'i'),
    command: 'what',
    subject: 1,
  },
  { pattern: new RegExp(`^what\\s+happened${Q}`, 'i'), command: 'timeline', wholeQuestionIsText: false },
  {
    pattern: new RegExp(`^where\\s+(?:is|was|are|were|did|does|do|has|had)\\s+(.+?)${Q}`, 'i'),
    command: 'where',
    subject: 1,
  },
  {
    pattern: new RegExp(`^when\\s+(?:is|was|are|were|did|does|do|has|had)\\s+(.+?)${Q}`, 'i'),
    command: 'when',
    subject: 1,
  },
  // "since when ...?", "in which year ...?", and "besides Assad, who ...?": a question word after
  // a preposition or a setting.
  {
    pattern:
      /^(?:[^,?]{1,60},\s*)?(?:(?:since|until|till|from|in|on|for|at|by|with|to|of|during|into|between|among|after|before|under|over|within|through|across|near|behind|against)\s+)?(?:which|what|who|whom|whose|why|how|where|when)\b/i,
    command: 'ask',
  },
  // Yes/no questions ("did Trump meet Stoltenberg?") are answered with what the archive says.
  {
    // "At General Electric, can an engineer ...?": a setting may come first.
    pattern:
      /^(?:(?:in|at|on|for|during|after|before|under)\s[^,?]{1,60},\s*)?(?:did|does|do|is|was|were|are|has|have|had|can|could|will|would)\s+\S+.*\?\s*$/i,
    command: 'ask',
  },
  // Typed in chat without its question mark: "can the nintendo ds play old game boy games". An
  // auxiliary, then a subject (a determiner, a pronoun or a name) and at least two more words.
  {
    // (Case-blind but for the name's capital: "Will Smith movies" is a search.)
    pattern:
      /^(?:[Dd]id|[Dd]oes|[Dd]o|[Ii]s|[Ww]as|[Ww]ere|[Aa]re|[Hh]as|[Hh]ave|[Hh]ad|[Cc]an|[Cc]ould|[Ww]ill|[Ww]ould)\s+(?:[Tt]he|[Aa]n?|[Aa]ll|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]ny|[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|[Yy]ou|[Tt]here|\p{Lu}[\p{L}.'’-]*)\s+\S+\s+\S+/u,
    command: 'ask',
  },
  // ... and with a name typed in small letters: "did jim wright say a tax increase is needed", where
  // the auxiliary is no noun ("will", "can") and five more words follow.
  {
    pattern: /^(?:[Dd]id|[Dd]oes|[Hh]as|[Hh]ave|[Hh]ad|[Ww]as|[Ww]ere)\s+(?:\S+\s+){5}\S/u,
    command: 'ask',
  },
];

/** Text longer than this is cut before it is even normalised, so a huge paste costs nothing. */
const MAX_RAW_CHARS = MAX_INPUT_CHARS * 20;

export interface SanitizedInput {
  text: string;
  /** True when the input was longer than MAX_INPUT_CHARS and only its start was kept. */
  cut: boolean;
}

/**
 * Makes typed text safe to parse and to echo: NFKC-normalised, whitespace collapsed, control and
 * format characters (zero-width spaces, bidi overrides, BOM), lone surrogates and noncharacters
 * removed, long runs of combining marks ("zalgo") shortened, and cut to MAX_INPUT_CHARS.
 */
export function sanitizeInputDetailed(raw: string): SanitizedInput {
  const clean = raw
    .slice(0, MAX_RAW_CHARS)
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    // Control and format characters, unpaired surrogates and noncharacters carry no meaning here.
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]/gu, '')
    // No script needs more than a few marks on one letter; hundreds are only there to smear the screen.
    .replace(/(\p{M}{4})\p{M}+/gu, '$1')
    .trim();
  if (clean.length <= MAX_INPUT_CHARS) return { text: clean, cut: false };
  const cut = clean.slice(0, MAX_INPUT_CHARS);
  // Never leave half of a character (an emoji's high surrogate) at the end.
  return { text: (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut).trimEnd(), cut: true };
}

/** sanitizeInputDetailed's text alone. */
export function sanitizeInput(text: string): string {
  return sanitizeInputDetailed(text).text;
}

export function parseRequest(raw: string, commandNames: ReadonlySet<string>): ParsedRequest {
  const { text, cut } = sanitizeInputDetailed(raw);
  if (!text) return { command: 'help', text: '' };
  const parsed = parseSanitized(text, commandNames);
  return cut ? { ...parsed, inputCut: true } : parsed;
}

/** A question word or an auxiliary that opens a question. */
const QUESTION_OPENING =
  /^(?:which|what|who|whom|whose|why|how|where|when|did|does|do|is|was|were|are|has|have|had|can|could|will|would)\b/i;

/**
 * "taiwanese legislators say the bank lost money on its reserves - how much between sept 85 and
 * sept 86?": what is asked comes after the words that set it up, past a dash, a colon or a
 * semicolon. It is read first, with the setting after it, as a question is written.
 */
function questionAfterPreamble(text: string): string {
  if (QUESTION_OPENING.test(text)) return text;
  const m = /^(.{8,240}?)\s*(?:\s[-–—]+\s|[:;]\s)\s*(.+?\?)\s*$/.exec(text);
  if (!m?.[1] || !m[2] || !QUESTION_OPENING.test(m[2])) return text;
  return `${m[2].replace(/\s*\?$/, '')}, ${m[1]}?`;
}

function parseSanitized(text: string, commandNames: ReadonlySet<string>): ParsedRequest {
  // "/who Tillerson", "!who Tillerson", "who: Tillerson", or a bare command word such as "help".
  const m = /^([/!])?([a-z]+)(?::\s*|\s+|$)(.*)$/i.exec(text);
  if (m) {
    const explicit = m[1] !== undefined;
    const name = (m[2] ?? '').toLowerCase();
    const rest = (m[3] ?? '').trim();
    if (explicit && !commandNames.has(name)) return { command: 'unknown', text: name };
    // A bare word is a command unless it starts a question ("who is ...", "what happened ...").
    // ("what position does X hold?" asks who X is.)
    // ("what date does the PSP go on sale?", "what year did he die?": a noun, then the auxiliary.)
    const startsQuestion =
      /^(is|was|are|were|did|does|do|has|had|happened|'s)\b/i.test(rest) ||
      /^(?:job|role|position|post|title|office)s?\s+(?:does|did|do)\b/i.test(rest) ||
      (!explicit &&
        /^[a-z]+\s+(?:is|was|are|were|did|does|do|has|had|have|will|would|can|could)\s+\S/i.test(rest)) ||
      // "what kind of period does the writer think ...?": a noun phrase, then the auxiliary.
      (!explicit &&
        /^(?:kind|sort|type|part|sorts|kinds|types|parts)\s+of\s+(?:[a-z-]+\s+){1,3}?(?:is|was|are|were|did|does|do|has|had|have|will|would|can|could)\s+\S/i.test(
          rest,
        ));
    if (commandNames.has(name) && (explicit || !startsQuestion)) {
      return { command: name, text: rest, ...(rest ? { subject: rest } : {}) };
    }
  }

  // "whats the bigger question": chat's "what's", typed without its apostrophe.
  // "according to the 2nd piece is the confusion helping anyone": which text says it comes first.
  const asked = questionAfterPreamble(
    text.replace(/^(what|where|when|how|why)s(?=\s)/i, "$1's").replace(ACCORDING_TO_TEXT_FIRST, ''),
  );
  for (const q of QUESTIONS) {
    const m = q.pattern.exec(asked);
    if (!m) continue;
    const subject = q.subject ? m[q.subject]?.trim() : undefined;
    const topic = q.topic ? m[q.topic]?.trim() : undefined;
    return {
      command: q.command,
      text: subject ?? (q.wholeQuestionIsText === false ? '' : asked),
      question: q.asks ? q.asks(m) : asked,
      ...(subject ? { subject } : {}),
      ...(topic ? { topic } : {}),
    };
  }
  return { command: 'search', text, question: text };
}
