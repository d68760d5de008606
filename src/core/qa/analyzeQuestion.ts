/**
 * Reads a question for what it asks: the type of answer expected (a person, a role's holder, a
 * place, a time, a number, a reason, yes or no, a quote, a definition, an event), the name it is
 * about, and its constraints (a role and its organisation, from or to, the counted noun, a speaker
 * and a topic). Rules over the question's own words: they run in microseconds, where a full
 * parser costs milliseconds per question (measured: compromise takes 4-40 ms on these).
 *
 * A slash command is a hint: `/who founded Warwick` asks for a person just as "who founded
 * Warwick?" does, and `/when Gorton died` for a time.
 */

import { withPhrasalVerbsAsWords } from '../../text/phrasalVerbs.ts';
import { wordKey } from '../../text/wordForms.ts';
import { contentTerms } from '../answers/snippets.ts';
import { TEXT_NOUN, TEXT_ORDINAL, TEXT_WRITER } from '../textReference.ts';

export type AnswerType =
  | 'describe' // who is <name>: the entity's role and description
  | 'person' // who <did something>: the doer
  | 'role' // who is the <role> of <organisation>: the holder
  | 'place'
  | 'time'
  | 'number'
  | 'reason'
  | 'yesno'
  | 'quote'
  | 'definition' // what is <thing>
  | 'name' // what was the name of <thing>: a proper name the text gives it
  | 'event' // what happened at <place>
  | 'any';

export interface QuestionAnalysis {
  /** The question as asked, without its closing punctuation. */
  question: string;
  type: AnswerType;
  /** The name or thing asked about ("Samuel Gorton" in "when did Samuel Gorton die?"). */
  subject?: string;
  /** What a quote should be about. */
  topic?: string;
  /** The role asked for ("president of Smith College"). */
  role?: string;
  /** "who is in charge of X?", "who runs X?": any title of its head answers (president, chairman, ...). */
  anyHead?: boolean;
  /** Where a place answer stands to the subject: came "from" it, went "to" it, or was "in" it. */
  direction?: 'from' | 'to' | 'in';
  /** The counted or measured noun of a number question ("Catholics", "copies", "population"). */
  unit?: string;
  /** Words before the counted noun ("overnight" of "how many overnight guests"), which may stand for it. */
  unitQualifiers?: string[];
  /** Word-family keys of the question's verbs and key nouns: the answer sits near them. */
  anchorKeys: string[];
  /**
   * Keys of the question's words outside its names ("die" in "when did Samuel Gorton die?"):
   * evidence that holds none of them is about the name, not about what is asked.
   */
  predicateKeys: string[];
  /** Content words of the question, as the passage index sees them. */
  terms: string[];
  /** Capitalised names in the question. */
  names: string[];
  /** Made from a slash command's bare argument ("/where Mill Road"), not from a question. */
  fromHint?: boolean;
  /** What a "which ...?" question asks for ("newspaper" in "which newspaper reported ...?"). */
  askedNoun?: string;
  /** Whether the question itself is negated ("why wouldn't ..."). */
  negated: boolean;
  /**
   * Which of the archive's texts the question says to read: an ordinal or a byline's name ("the
   * second article", "the writer of the 2nd piece", "Hammond's piece"), as written.
   */
  textCalled?: string;
  /**
   * The family keys of the verb a "who did it?" question asks the doer of ("crash" in "who crashed
   * into the catcher?", "test" and "fire" in "who was test-firing ...?"): the doer stands before
   * it, not before another of the question's words.
   */
  verbKeys?: string[];
}

export type CommandHint = 'who' | 'when' | 'where' | 'what' | 'figure' | 'quote' | 'ask';

const AUX = '(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should|might|must)';
const AUX_WORD = new RegExp(`^${AUX}$`, 'i');
/** "how many US patents was ...": up to three words counted, then the verb. */
/** Nouns that ask for a sum of money, not a count of themselves. */
const MONEY_NOUN =
  /^(?:money|cash|funds?|funding|capital|financing|revenues?|sales|income|profits?|earnings|dividends?|damage)$/i;
const COUNTED_PHRASE = new RegExp(
  `^how\\s+(?:many|much)\\s+((?:[\\p{L}-]+\\s+){0,2}?[\\p{L}-]+)\\s+${AUX}\\b`,
  'iu',
);
/** "a year", "per day": the time a counted noun is counted over. */
const RATE = /\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|night|hour|minute|season|annum)$/i;
const COUNT_PREPOSITION = /^(?:in|of|on|at|for|from|to|behind|with|into|under|over)$/i;
const QUESTION_WORDS = new Set(
  'who whom whose what which when where why how many much did does do is was were are has have had happen happened happens ever'.split(
    ' ',
  ),
);
const COUNT_MEASURES =
  /^(population|number|size|cost|price|height|length|width|depth|weight|age|area|total|budget|salary|speed|distance|value|amount|sum|rate|percentage|share|count|toll)$/i;
const GO_VERBS =
  /\b(go|goes|going|went|gone|travel(?:l?ed|l?ing|s)?|mov(?:e[ds]?|ing)|sail(?:ed|ing|s)?|fl(?:y|ying|ew|own)|head(?:ed|ing|s)?|emigrat(?:e|ed|ing)|return(?:ed|ing|s)?|escap(?:e[ds]?|ing)|fled|flee(?:s|ing)?|send(?:s|ing)?|sent|deport(?:ed|ing|s)?|tak(?:e|es|ing)|took|join(?:s|ed|ing)?)\b/i;
const FROM_WORDS = /\b(from|come|comes|came|originate[ds]?|hail(?:ed)?)\b/i;

/** Capitalised runs after the first word: the names a question mentions. */
export function namesIn(text: string): string[] {
  const out: string[] = [];
  const run =
    /(?:(?:[A-Z][\p{L}'’-]*\.?|[A-Z]\.)(?:\s+(?:of|the|de|von|van|der|du|la|le|da|di|al|bin|y)(?=\s+[A-Z]))?\s*)+/gu;
  for (const m of text.matchAll(run)) {
    let name = m[0].trim().replace(/['’]s$/, '');
    if (m.index === 0) {
      // The first word of a question is capitalised anyway: drop it when it is a question word.
      name = name.replace(
        new RegExp(`^(?:${AUX}|who|what|which|when|where|why|how|tell|describe)\\b\\s*`, 'i'),
        '',
      );
    }
    if (name && !/^(I|A|An|The)$/.test(name)) out.push(name);
  }
  return out;
}

/** The question's own words: no question words, no negated auxiliaries ("wouldn't"). */
function questionTerms(text: string): string[] {
  return contentTerms(text).filter((t) => !QUESTION_WORDS.has(t) && !/n['’]t$/.test(t));
}

function keysOf(text: string): string[] {
  return [...new Set(questionTerms(text).map(wordKey))];
}

function base(question: string, type: AnswerType): QuestionAnalysis {
  const names = namesIn(question);
  const nameKeys = new Set(names.flatMap(keysOf));
  const anchorKeys = keysOf(question);
  return {
    question,
    type,
    anchorKeys,
    predicateKeys: anchorKeys.filter((k) => !nameKeys.has(k)),
    terms: questionTerms(question),
    names,
    negated: /\b(not|never|n't)\b|n't\b/i.test(question),
  };
}

/** "the president of Smith College", "head of the U.N. police", "Russia's prime minister": a role, not a name. */
export function looksLikeRole(phrase: string): boolean {
  if (/^(?:the|a|an)\s+\S/i.test(phrase)) return true;
  if (/^[a-z]/.test(phrase) && /\s(?:of|for|at|to)\s/i.test(phrase)) return true;
  return /^\S+['’]s\s+[a-z]/.test(phrase);
}

function place(question: string, subject: string): QuestionAnalysis {
  const a = base(question, 'place');
  a.subject = subject;
  if (/\bborn\b/i.test(question)) a.direction = 'in';
  else if (FROM_WORDS.test(question)) a.direction = 'from';
  // "where did she relocate to?": a question ending in "to" asks where to, whatever the verb.
  else if (GO_VERBS.test(question) || /\s(?:to|into)$/i.test(question)) a.direction = 'to';
  else a.direction = 'in';
  return a;
}

// "what did Jack McConnell tell the Highland pupils about getting drunk?": whom it was told to
// may stand between the verb and its topic.
const SAID =
  /^what\s+(?:did|does|do|has|had|have|will|would)\s+(.+?)\s+(?:(?:tell|told|say\s+to|said\s+to)\s+(?:[\p{L}'’-]+\s+){1,4}?(?:about|regarding|on)\s+(.+)|(?:say|said|tell|told|state|claim|declare|write|think|believe)(?:\s+(?:about|on|of|regarding|is|was|are|when|after|if|that|to)\s+(.+))?)$/iu;

/** Verbs after "who was" that ask for a doer ("who was born in ...?"), not a description. */
const PASSIVE_DOER =
  /^(?:born|killed|elected|appointed|named|chosen|sent|made|given|awarded|called|known|responsible|behind|in charge)\b/i;

/**
 * "who was convicted in the killing of ...?", "who was shot by ...?": a past participle and a
 * preposition ask for the one the deed was done to, not for the holder of a role.
 */
const PASSIVE_PARTICIPLE =
  /^(?:[a-z][\p{L}-]*ed|shot|hit|put|found|caught|beaten|taken|held|led|bought|brought|sold|told|written|driven|stolen|seen|struck|hurt|won|kept|left|lost|paid|hung|slain|thrown|sworn|sentenced|arrested|beaten|bitten|forgiven|hidden|spoken|taught|thought|sought|fought|swept|met)\s+(?:in|by|for|with|at|after|during|from|on|as|into|over|under|to|of)\b/iu;

/** Words in -ing that open a role ("acting director of the FBI"), not a verb at work. */
const ROLE_PARTICIPLES =
  /^(?:acting|managing|presiding|ruling|reigning|leading|outgoing|incoming|founding|serving|sitting|governing|visiting|commanding|ranking|reading|king|viking)\b/i;

/** "the secretary of state at the time", "the mayor then", "its chairman when it rejected the bid": when, not part of the role. */
const WHEN_QUALIFIER =
  /\s+(?:at\s+(?:that|the)\s+time|back\s+then|then|now|today|currently|at\s+present|in\s+\d{4}|when\s+(?:it|he|she|they|the)\s+.+)$/i;

/** "who is in charge of X?", "who runs X?": the head of the organisation, by whatever title. */
function headOf(question: string, organisation: string): QuestionAnalysis {
  return {
    ...base(question, 'role'),
    role: `head of ${organisation.replace(WHEN_QUALIFIER, '')}`,
    anyHead: true,
  };
}

/** "who is in charge of the Dog Writers Association?": its head, by whatever title. */
const IN_CHARGE =
  /^(?:in\s+charge\s+of|at\s+the\s+head\s+of|the\s+head\s+of|heading|running|leading)\s+(.+)$/i;

/** A name, then a tie to someone asked for: "X engaged to", "X married to", "X working with". */
const TIED_TO =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:engaged|married|wed|related|dating|working|partnered|teamed\s+up)\s+(?:to|with)$/u;

/** "who is X?": a description of X, the holder of a role, or (passive) a doer. */
function whoIs(question: string, rest: string): QuestionAnalysis {
  // "who is set to direct the film?", "who is accused of leaking it?": the doer of the deed.
  if (TO_COME.test(question) || HEARSAY.test(question)) return doer(question);
  const charge = IN_CHARGE.exec(rest);
  if (charge?.[1] && /\p{Lu}/u.test(charge[1])) return headOf(question, charge[1]);
  if (PASSIVE_DOER.test(rest) || PASSIVE_PARTICIPLE.test(rest)) return doer(question);
  // "who was test-firing missiles ...?": a verb at work, not a role ("acting director of ...").
  if (/^[a-z][\p{L}-]*ing\s/u.test(rest) && !ROLE_PARTICIPLES.test(rest)) return doer(question);
  if (looksLikeRole(rest) && !STATE_OF_MIND.test(rest))
    return {
      ...base(question, 'role'),
      // "the adviser who lost his job over ...": the clause picks out the holder, it is not the title.
      role: rest
        .replace(/^(?:the|a|an)\s+/i, '')
        .replace(/\s+(?:who|that|which|whose|whom)\s+.*$/i, '')
        .replace(WHEN_QUALIFIER, ''),
    };
  // "who is under investigation by Congress?": a predicate, not a name or a role.
  if (/^[a-z]\S*\s+\S/.test(rest)) return doer(question);
  // "who is Christina Aguilera engaged to?": the one at the other end of a tie the name is in.
  if (TIED_TO.test(rest)) return doer(question);
  return { ...base(question, 'describe'), subject: rest };
}

/**
 * The act a "why" asks about: the participle of "why was Susan Chepkemei banned?", or the verb
 * after a named subject ("why did Krim go to ...?"). Unread otherwise.
 */
const WHY_VERB =
  /^[Ww]hy\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:[\p{L}'’.-]+\s+){1,5}?([a-z]+(?:ed|en|wn|nt|ht))\b|(?:did|does|do|would|could|couldn['’]t|didn['’]t|wouldn['’]t)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}([a-z]+)\b)/u;

/** Last words of a "when" question that are no act ("when did it open up?" still reads "open"). */
const TIME_STOP =
  /^(?:of|in|to|at|for|with|from|on|by|up|down|out|off|over|first|last|again|ago|before|after|there|here|it|them|him|her|place|happen|happened|occur|occurred)$/i;

/** "who (had) crashed into ...", "who was test-firing ...": the verb whose doer is asked for. */
const ASKED_VERB =
  /^(?:who|whom)\s+((?:(?:had|has|have|was|were|is|are|did|does|first|then|finally|actually|really|once)\s+)*)([a-z][\p{L}-]*)/iu;

/**
 * "who is accused of carrying out the attack?", "who is believed to have leaked it?": the verb of
 * the deed, not of the hearsay, is the one whose doer is asked for.
 */
const HEARSAY =
  /^(?:who|whom)\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+(?:widely\s+|now\s+|also\s+)?(?:accused|suspected|alleged|believed|said|thought|blamed|charged|reported|understood|rumou?red|held\s+responsible)\s+(?:of|for|with|to\s+have(?:\s+been)?|to\s+be)\s+([a-z][\p{L}-]*)/iu;

/** "who is going to direct the film?", "who will replace him?": the verb of the deed to come. */
const TO_COME =
  /^(?:who|whom)\s+(?:(?:is|was|are|were)\s+(?:going|set|due|about|expected|likely|poised|planning|scheduled|slated|tipped|hoping)\s+to|(?:is|was|are|were)\s+to|will|would|could|might|should|may)\s+(?:be\s+)?([a-z][\p{L}-]*)/iu;

/**
 * "who is unsure of what it wants?", "who was afraid of the dogs?": an adjective with its
 * preposition says how someone is, not a role ("president of ...", "the head of ...").
 */
const STATE_OF_MIND =
  /^(?:un(?!der)[a-z]{3,}|[a-z]{3,}(?:ful|ous|ble|ed)|sure|aware|afraid|keen|eager|ready|willing|likely|fond|wary|angry|happy|sorry|proud|jealous|guilty|tired|sick|full|opposed|against)\s+(?:of|for|to|about|with|at)\s/;

function doer(question: string): QuestionAnalysis {
  const a = base(question, 'person');
  const deed = HEARSAY.exec(question)?.[1] ?? TO_COME.exec(question)?.[1];
  if (deed && !/^(?:the|a|an|behind|responsible)$/i.test(deed)) {
    a.verbKeys = deed.split('-').filter(Boolean).map(wordKey);
    return a;
  }
  const m = ASKED_VERB.exec(question);
  const verb = m?.[2] ?? '';
  // After "was", "is": a participle ("killed", "born", "test-firing"), not "under investigation".
  const copula = /\b(?:was|were|is|are)\s+$/i.test(m?.[1] ?? '');
  // ("who is unsure of ...?": the adjective is what the one asked for is.)
  const state =
    copula && STATE_OF_MIND.test(question.slice((m?.index ?? 0) + (m?.[0].length ?? 0) - verb.length));
  if (verb && (!copula || state || /(?:ed|en|wn|rn|ne|ht|lt|nt|ng)$/.test(verb)))
    a.verbKeys = verb.split('-').filter(Boolean).map(wordKey);
  return a;
}

/** "..., according to the second piece": which text says it. */
const ACCORDING_TO_TEXT = new RegExp(
  `,?\\s+(?:according\\s+to|in\\s+the\\s+view\\s+of)\\s+(?:the\\s+)?(?:${TEXT_ORDINAL}\\s+)?(?:${TEXT_NOUN}|${TEXT_WRITER})$`,
  'i',
);

/** "according to the 2nd piece, is ...?", "in the first article, who ...?": which text says it, before the question. */
const ACCORDING_TO_TEXT_FIRST = new RegExp(
  `^(?:according\\s+to|in\\s+the\\s+view\\s+of|in)\\s+(?:the\\s+)?(?:${TEXT_ORDINAL}\\s+)?(?:${TEXT_NOUN}|${TEXT_WRITER})\\s*,?\\s+(?=\\S)`,
  'i',
);

/** "does the second article say", "did the first piece's writer think" (inside a wh-question). */
const TEXT_SAYS = new RegExp(
  `\\b(?:does|do|did)\\s+(?:the\\s+|this\\s+|that\\s+)?(?:(?:${TEXT_WRITER}\\s+of\\s+(?:the\\s+|this\\s+)?)?(?:${TEXT_ORDINAL}\\s+)?${TEXT_NOUN}(?:['’]s\\s+${TEXT_WRITER})?|(?:${TEXT_ORDINAL}\\s+)?${TEXT_WRITER})\\s+(?:say|think|suggest|claim|believe|argue|report|write|expect|reckon|feel|warn|predict|fear|hope|mention|name|cite|list|quote|describe)\\s+(?:that\\s+)?`,
  'i',
);

/** "the writer of the second piece", "the author". */
const THE_WRITER = new RegExp(
  `\\bthe\\s+(?:${TEXT_ORDINAL}\\s+)?${TEXT_WRITER}(?:\\s+of\\s+(?:the\\s+|this\\s+)?(?:${TEXT_ORDINAL}\\s+)?${TEXT_NOUN})?\\s+`,
  'i',
);

const WH_OPENING = /^(?:which|what|who|whom|whose|why|how|where|when)\b/i;

/** "the second article", "the 2nd piece's writer", "Hammond's piece": one of the archive's texts. */
const TEXT_CALLED = new RegExp(
  `\\bthe\\s+(${TEXT_ORDINAL})\\s+(?:${TEXT_NOUN}|${TEXT_WRITER})\\b|\\b(\\p{Lu}[\\p{L}-]+)['’]s\\s+${TEXT_NOUN}\\b`,
  'iu',
);

/** Reads a question (or a slash command's argument, with the command as a hint). */
export function analyzeQuestion(raw: string, hint: CommandHint = 'ask'): QuestionAnalysis {
  const a = readQuestion(raw, hint);
  const called = TEXT_CALLED.exec(raw);
  const text = called?.[1] ?? called?.[2];
  if (text) a.textCalled = text;
  return a;
}

function readQuestion(raw: string, hint: CommandHint): QuestionAnalysis {
  // "..., according to the second piece?": which text says it, not what is asked.
  // "who set up Yahoo?" asks as "who established Yahoo?" would: texts are read both ways.
  const question = withPhrasalVerbsAsWords(raw)
    .trim()
    // "who's the chief exec at Qantas?": the word in full, as texts write it.
    // "Brian 'Head' Welch": a nickname in quotes inside a name is not one of its words.
    .replace(/(\p{Lu}[\p{L}.'’-]*)\s+['‘"“]\p{Lu}[\p{L}-]*['’"”]\s+(?=\p{Lu})/gu, '$1 ')
    .replace(/\bexecs\b/gi, 'executives')
    .replace(/\bexec\b/gi, 'executive')
    .replace(/[\s?!.]+$/, '')
    .replace(ACCORDING_TO_TEXT_FIRST, '')
    // "Besides Assad, who does Russia side with?": the setting goes after the question it qualifies.
    // ("According to NBC, where did it go?": the source's name alone; "According" is no name.)
    .replace(
      /^([^,?]{1,60}),\s*((?:which|what|who|whom|whose|why|how|where|when)\b.*)$/i,
      (_, setting, asked) =>
        `${asked}, ${setting.replace(/^(?:according\s+to|in\s+the\s+view\s+of)\s+/i, '')}`,
    )
    // "From which country did it sail?", "To whom did Jarvis sell it?": asked as "which country
    // did it sail from?", the preposition after the verb it goes with.
    .replace(
      /^(in|at|from|to|into|with|on)\s+((?:which|what)\s+(?:city|town|country|state|province|region|village|port|capital|island|month|year|day|date|week|decade|century)|whom)\s+(.+)$/iu,
      '$2 $3 $1',
    )
    .replace(ACCORDING_TO_TEXT, '')
    // "who does the second article say is unsure ...?", "what kind of period does the second
    // article's writer think the world is entering?": what the text says is what is asked.
    .replace(TEXT_SAYS, (said, at: number, whole: string) => (at > 0 && WH_OPENING.test(whole) ? '' : said))
    // "does the writer of the second piece expect ...?": the article's own voice ("I expect"),
    // whose words are not what is asked.
    .replace(THE_WRITER, '');

  if (hint === 'who' && !/^who\b/i.test(question)) {
    // "/who founded Warwick" asks for a doer; "/who Steinburg", "/who the mayor" for a name or role.
    const verbFirst = /^[a-z]\S*\s+\S/.test(question) && !/^(?:the|a|an)\s/i.test(question);
    return analyzeQuestion(verbFirst ? `who ${question}` : `who is ${question}`, 'ask');
  }
  if (hint === 'when' && !/^when\b/i.test(question)) {
    const a = base(question, 'time');
    a.subject = question;
    a.fromHint = true;
    return a;
  }
  if (hint === 'where' && !/^where\b/i.test(question))
    return { ...place(question, question), fromHint: true };
  if (hint === 'figure' && !/^how\b/i.test(question)) {
    const a = base(question, 'number');
    a.fromHint = true;
    const unit = /^(?:number of\s+)?([\p{L}-]+)/iu.exec(question)?.[1];
    if (unit) a.unit = unit;
    return a;
  }

  // "At General Electric, can an engineer ...?": a setting before the auxiliary.
  if (
    new RegExp(`^(?:(?:in|at|on|for|during|after|before|under)\\s[^,?]{1,60},\\s*)?${AUX}\\s+\\S+`, 'i').test(
      question,
    )
  )
    return base(question, 'yesno');
  // "who took over as promotion manager at the Times-Picayune?": the holder of that role.
  const became =
    /^who\s+(?:took\s+over\s+as|became|was\s+(?:appointed|named|made|elected|chosen)(?:\s+as)?|has\s+been\s+(?:appointed|named)(?:\s+as)?)\s+(?:the\s+|a\s+|an\s+)?(.+)$/i.exec(
      question,
    );
  if (became?.[1] && looksLikeRole(`the ${became[1]}`) && !/^(?:by|in|on|at|after)\b/i.test(became[1]))
    return { ...base(question, 'role'), role: became[1].replace(WHEN_QUALIFIER, '') };
  const who = /^(?:who(?:'s|’s)|who\s+(?:is|was|are|were))\s+(.+)$/i.exec(question);
  if (who) return whoIs(question, who[1] ?? '');
  // "who runs the Dog Writers Association?": its head, by whatever title.
  const runs =
    /^[Ww]ho\s+(?:runs|heads|leads|manages|chairs|ran|headed|led|managed|chaired)\s+((?:the\s+)?\p{Lu}.*)$/u.exec(
      question,
    );
  if (runs?.[1]) return headOf(question, runs[1]);
  if (/^(?:who|whom)\b/i.test(question)) return doer(question);
  const when = new RegExp(`^(?:since\\s+|until\\s+|till\\s+)?when\\s+(?:${AUX}\\s+)?(.+)$`, 'i').exec(
    question,
  );
  if (when || /^(?:in\s+)?what\s+(?:year|date|day|month|time)\b/i.test(question)) {
    const a = { ...base(question, 'time'), ...(when?.[1] ? { subject: when[1] } : {}) };
    // "when did W. O. Wolfe die?", "when did the bridge collapse?": the act, where it closes the question.
    const last = /\s([a-z][\p{L}-]+)$/u.exec(question)?.[1];
    if (last && !TIME_STOP.test(last)) a.verbKeys = [wordKey(last)];
    return a;
  }
  const where = new RegExp(`^where\\s+(?:${AUX}\\s+)?(.+)$`, 'i').exec(question);
  if (where) return place(question, where[1] ?? question);
  // "how many of the El's expansion joints ...?" counts the joints: the part after "of the X's";
  // "at how many hotspots ...?" asks as "how many hotspots ...?" does.
  const counting = question
    .replace(/^(?:at|in|on|for|by|to|from|with|across|among|into)\s+(?=how\s+(?:many|much)\b)/i, '')
    .replace(
      /^how\s+many\s+of\s+(?:the|his|her|its|their|these|those|our|your)\s+(?:[\p{L}.-]+['’]s\s+)?(?=\p{L})/iu,
      'how many ',
    );
  const howMany = /^how\s+(?:many|much)\s+([\p{L}-]+)?/iu.exec(counting);
  if (howMany) {
    // "how many US patents was IBM granted?": the counted noun is the last word before the verb
    // ("patents"), not a word that qualifies it; "how many copies of X" counts copies.
    // "how many lives a year would it save?": a rate counts the noun before it, not the years.
    const words = COUNTED_PHRASE.exec(counting)?.[1]?.replace(RATE, '').split(/\s+/);
    // "how many years in jail did he get?": the noun before a preposition is the one counted.
    const cut = words?.findIndex((w, i) => i > 0 && COUNT_PREPOSITION.test(w)) ?? -1;
    const phrase = cut > 0 ? words?.slice(0, cut) : words;
    const qualified = phrase && phrase.length > 1 && !AUX_WORD.test(phrase[0] ?? '');
    const unit = qualified ? phrase[phrase.length - 1] : howMany[1];
    // "how much cash did UAL pay?": money is asked, in whatever currency, not a count of "cash".
    const counted = unit && !AUX_WORD.test(unit) && !MONEY_NOUN.test(unit);
    // "how many overnight guests": "fifty-four overnighters" counts them too.
    const qualifiers = qualified ? phrase.slice(0, -1).filter((w) => /^\p{Ll}/u.test(w)) : [];
    return {
      ...base(question, 'number'),
      ...(counted ? { unit } : {}),
      ...(qualifiers.length ? { unitQualifiers: qualifiers } : {}),
    };
  }
  const measured = /^how\s+(long|old|far|big|large|tall|high|often|wide|deep|heavy|fast|soon)\b/i.exec(
    question,
  );
  if (measured) {
    // "how big is the plan?": the measure is asked, not a word the answer's sentence holds
    // ("a 15 billion dlr plan"); "how long" and "how old" keep theirs ("years long", "old").
    const a = base(question, 'number');
    const word = measured[1]?.toLowerCase() ?? '';
    if (!/^(?:long|old|often|soon)$/.test(word)) {
      const key = wordKey(word);
      a.terms = a.terms.filter((t) => t.toLowerCase() !== word);
      a.predicateKeys = a.predicateKeys.filter((k) => k !== key);
      a.anchorKeys = a.anchorKeys.filter((k) => k !== key);
    }
    return a;
  }
  // "what is the real name of the gamer called Deathifier?": a name the text gives, or none.
  const naming =
    /^what\s+(?:is|was|are|were)\s+(?:the|his|her|its|their)\s+(?:(?:real|full|proper|official|original|actual|maiden|birth|given|first|last|family|stage|code|new|old|former)\s+)?names?\s+of\s+(?:the\s+|an?\s+)?(.+)$/i.exec(
      question,
    );
  if (naming) return { ...base(question, 'name'), subject: naming[1] ?? '' };
  const measure = /^what\s+(?:is|was|are|were)\s+the\s+([\p{L}-]+)\s+of\b/iu.exec(question);
  if (measure?.[1] && COUNT_MEASURES.test(measure[1]))
    return { ...base(question, 'number'), unit: measure[1] };
  // "what were Chase Manhattan's third quarter earnings?": a sum of money, or no answer.
  if (OWNED_SUM.test(question)) return base(question, 'number');
  const said = SAID.exec(question);
  if (said) {
    const topic = said[2] ?? said[3];
    return { ...base(question, 'quote'), subject: said[1] ?? '', ...(topic ? { topic } : {}) };
  }
  if (/^why\b/i.test(question)) {
    const a = base(question, 'reason');
    const verb = WHY_VERB.exec(question);
    const word = verb?.[1] ?? verb?.[2];
    if (word) a.verbKeys = [wordKey(word)];
    return a;
  }
  const happened = /^what\s+happened\s+(?:at|in|on|to|with|during|near|over|after|before)\s+(.+)$/i.exec(
    question,
  );
  if (happened) return { ...base(question, 'event'), subject: happened[1] ?? '' };
  // "what was the final score when Yeading played Newcastle?": what was so at a time, no thing to define.
  if (
    /^what\s+(?:is|was|are|were)\s+the\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+(?:when|while|after|between)\s/i.test(
      question,
    )
  )
    return base(question, 'any');
  const what = /^(?:what|who)\s+(?:is|was|are|were)\s+(?:the\s+|an?\s+)?(.+)$/i.exec(question);
  if (what) return { ...base(question, 'definition'), subject: what[1] ?? '' };
  // "which city was the summit held in?", "which month did the strike begin?": a place or a time.
  const kind = /^(?:which|what)\s+([a-z]+)\s+(.+)$/i.exec(question);
  // (Only where the place is where something is, was or went: "which town did the wave wipe
  // out?" asks for the town itself.)
  if (kind?.[1] && PLACE_NOUN.test(kind[1]) && /\s(?:in|at|from|to|into|near)$/i.test(question))
    return place(question, kind[2] ?? question);
  if (kind?.[1] && TIME_NOUN.test(kind[1])) return { ...base(question, 'time'), subject: kind[2] ?? '' };
  // "which American dancer paid for the planes?", "which newspaper reported ...?": a person or a
  // body is asked for, and a sentence that names none ("a famous American dancer") does not answer.
  const which = /^(?:which|what)\s+(.+)$/i.exec(question)?.[1]?.split(/\s+/) ?? [];
  const doerNoun = which.slice(0, 3).findIndex((w) => ASKS_FOR_DOER.test(w));
  const next = which[doerNoun + 1] ?? '';
  if (
    doerNoun >= 0 &&
    /^[a-z]+$/.test(next) &&
    // "which company is buying the stake?", "which team was fined?": an auxiliary before the deed.
    (!AUX_WORD.test(next) || DEED_FORM.test(which[doerNoun + 2] ?? ''))
  )
    return { ...base(question, 'person'), askedNoun: which[doerNoun] ?? '' };
  return base(question, 'any');
}

/** A verb at work or done after an auxiliary ("is buying", "was fined", "has won"), not "is the largest". */
const DEED_FORM =
  /^(?:[a-z]+(?:ing|ed)|won|sold|bought|paid|made|taken|given|chosen|beaten|led|run|held|hit|shut|cut|sent|spent)$/;

/** "what were X's (third quarter) earnings?": the sum a name's money noun comes to. */
const OWNED_SUM =
  /^what\s+(?:is|was|are|were)\s+\S.*?['’]s?\s+(?:[\p{L}\d-]+\s+){0,3}?(?:earnings|profits?|revenues?|sales|income|losses|turnover|dividends?|debts?|deficit|surplus|budget|salary|pay)$/iu;

/** Nouns that ask for a place ("which city"). */
const PLACE_NOUN =
  /^(?:city|town|country|state|province|region|village|port|capital|island|continent|nation)$/i;
/** Nouns that ask for a time ("which month"). */
const TIME_NOUN = /^(?:month|year|day|date|decade|century|season)$/i;

/** Nouns that ask for a person or a body of people ("which dancer", "which newspaper"). */
const ASKS_FOR_DOER =
  /^(?:person|people|man|woman|men|women|boy|girl|dancer|writer|author|novelist|poet|painter|artist|singer|actor|actress|player|pianist|violinist|composer|conductor|critic|editor|reporter|journalist|columnist|president|senator|governor|mayor|official|officer|leader|minister|politician|candidate|king|queen|general|scientist|doctor|lawyer|judge|teacher|student|architect|engineer|newspaper|paper|magazine|company|firm|agency|party|team|club|mp|mep|peer|councillor|bishop|manager|coach|chairman|boss|executive|director|athlete|driver|band|group|bank|airline|broker|analyst|economist|spokesman|star|footballer|cricketer|striker|golfer|boxer|jockey)s?$/i;
