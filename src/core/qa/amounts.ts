/**
 * Numbers as answers: what a count counts (the word right after it, or just before), money
 * (a currency sign or word), and the headline "140,000 copies".
 */
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { wordKey, wordsOf, wordTexts } from '../../text/wordForms.ts';
import type { Candidate } from './candidates.ts';
import { keysOfText } from './findSentences.ts';

/** The number and, when the text puts it right after, the word it counts ("140,000 copies"). */
export function withUnit(sentence: string, candidate: Candidate, unitKey: string | undefined): string {
  // "two mln tonnes", "1.5 billion dollars": the scale written after the number belongs to it.
  const { scale, rest } = afterNumber(sentence, candidate);
  const text = `${candidate.text}${scale}`;
  // "thirty-seven cents", "400 pounds": a currency word after the number is part of the amount.
  const currency = CURRENCY_WORD_AFTER.exec(rest)?.[0];
  if (currency) return `${text}${currency}`;
  // "12,900 acres", "300 miles an hour": a unit of measure after the number is part of the amount too.
  const measure = unitAt(rest);
  if (measure) return `${text}${measure}`;
  if (!unitKey) return text;
  const after = /^\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)/u.exec(rest)?.[1] ?? '';
  const words = after.split(/\s+/);
  const at = words.findIndex((w) => wordKey(w) === unitKey || wordKey(w).startsWith(unitKey.slice(0, 5)));
  return at >= 0 ? `${text} ${words.slice(0, at + 1).join(' ')}` : text;
}

/** A scale word after a number: "two mln", "1.5 billion", "300,000 thousand". */
const SCALE_AFTER = /^\s+(?:mln|million|bln|billion|trillion|thousand|bn|mn)\b/i;

/** The scale word written after a number ("two mln"), if any, and the text after both. */
function afterNumber(sentence: string, c: Candidate): { scale: string; rest: string } {
  const scale = SCALE_AFTER.exec(sentence.slice(c.end))?.[0] ?? '';
  return { scale, rest: sentence.slice(c.end + scale.length) };
}

/** "how much did X pay ...?", "what were X's earnings?": a sum of money is asked. */
export const MONEY_QUESTION =
  /^(?:what\s+(?:is|was|are|were)\b.*\b(?:earnings|profits?|revenues?|income|turnover|dividends?|salary)$|how\s+much\b.*\b(?:cost|costs|costing|sold|sell|selling|paid|pay|paying|spending|charging|offering|buying|earning|raising|price|worth|spend|spent|earn|earned|charge|charged|raise|raised|fee|prize|money|salary|offer|offered|bid|fine|fined|valued?|profits?|loss|losses|debts?|budget|invest|invested|investing|investment|borrow|borrowing|borrowed|loan|buy|bought|cash|compensation|damages?|fetch|fetched|go\s+for|went\s+for|auction|auctioned|seek|seeks|seeking|sought|claim|claims|claiming|claimed|demand|demands|demanding|demanded|sue|sues|suing|sued)\b)/i;

/**
 * Verbs of money changing hands: "how much did Diageo pay for Chalone?" is answered by "Diageo
 * agreed to buy Chalone for $260m", "how much did Spurs offer?" by "an £8m bid from Spurs".
 */
export const MONEY_VERBS =
  'pay paid buy bought purchase acquire sell sold cost price offer bid spend spent deal fee'
    .split(' ')
    .map(wordKey);
/** Currency words, as written after a number ("500 dlrs") or anywhere. */
const CURRENCY_WORDS =
  'dollars?|dlrs?|cents?|cts|pounds?|stg|sterling|francs?|marks?|euros?|yen|yuan|lire|lira|guineas?|shillings?|schillings?|pesos?|pesetas?|rupees?|roubles?|rubles?|guilders?|crowns?|kronor|kroner|rand|dinars?|riyals?|escudos?|drachmas?|won|baht|ringgit';
const CURRENCY = new RegExp(`(?:[$£€¥]|\\b(?:${CURRENCY_WORDS})\\b)`, 'i');
/** "thirty-seven cents", "400 pounds": a currency word right after a number. */
const CURRENCY_WORD_AFTER = new RegExp(`^\\s+(?:${CURRENCY_WORDS})\\b`, 'i');

/** "3.8 billion U.S. Dlrs": a wire writes the currency with a capital after a place's initials. */
const CAPITALISED_CURRENCY =
  '\\b(?:Dollars?|Dlrs?|Pounds?|Francs?|Marks?|Yen|Euros?|Lire|Lira|Crowns?|Rupees?)\\b';

/**
 * A currency written after a number as its unit: "500 dlrs", "2.5 million pounds", "10 Hong Kong
 * dollars"; not one further on ("Napier, 25, won £2,450": his age, before the verb "won").
 */
const CURRENCY_AFTER = new RegExp(
  `^\\s*(?:(?:hundred|thousand|million|billion|trillion|mln|bln|bn|mn|m|k)\\b\\s*)?(?:[A-Z][A-Za-z.]*\\s+){0,2}(?:${CURRENCY.source}|${CAPITALISED_CURRENCY})`,
);

/** Whether a number as written is a share ("20%", "10.8 pct", "30 per cent"). */
export function isShare(text: string): boolean {
  return /%|per\s?cent|pct/i.test(text);
}

/** A sum of money: a currency sign before the number, or a currency word right after it. */
export function isMoney(sentence: string, c: Candidate): boolean {
  // "rose 20% to £4.6bn": a share is no sum, though a sum follows it.
  if (isShare(c.text) || /^\s*(?:%|per\s?cent|pct\b)/i.test(sentence.slice(c.end))) return false;
  return (
    CURRENCY.test(sentence.slice(Math.max(0, c.start - 2), c.start + c.text.length)) ||
    CURRENCY_AFTER.test(sentence.slice(c.end, c.end + 40))
  );
}

/** Counted nouns that count the same things ("2,800 persons" answers "how many people"). */
const UNIT_FAMILIES: readonly (readonly string[])[] = [
  ['people', 'persons', 'person', 'individuals', 'men and women', 'residents', 'inhabitants'],
].map((family) => family.map(wordKey));

/** The unit's key and those of the nouns that count the same things ("houses" for "homes"). */
export const unitFamily = (unitKey: string): readonly string[] => [
  ...new Set([
    ...(UNIT_FAMILIES.find((family) => family.includes(unitKey)) ?? [unitKey]),
    ...equivalentKeys(unitKey),
  ]),
];

const sameFamily = (k: string, unitKey: string) =>
  UNIT_FAMILIES.some((family) => family.includes(k) && family.includes(unitKey)) ||
  equivalentKeys(unitKey).includes(k);

/**
 * "the seven-concert cycle", "a 75-minute concert": a number joined to a noun by a hyphen counts
 * that noun, never the asked one.
 */
export function countsOtherNoun(sentence: string, c: Candidate, unitKey: string): boolean {
  const joined = /^-(\p{L}+)/u.exec(sentence.slice(c.end))?.[1];
  return joined !== undefined && wordKey(joined) !== unitKey && !sameFamily(wordKey(joined), unitKey);
}

/** Whether the counted word stands within a few words after the number, or just before it. */
export function countsUnit(sentence: string, c: Candidate, unitKey: string): boolean {
  const matches = (w: { text: string }) => {
    const k = wordKey(w.text);
    return (
      k === unitKey ||
      sameFamily(k, unitKey) ||
      (k.length >= 4 && unitKey.startsWith(k)) ||
      (unitKey.length >= 4 && k.startsWith(unitKey))
    );
  };
  const after = wordsOf(sentence.slice(c.end)).slice(0, 4);
  // "the Catholic population of England is ... ( ten per cent, or 5 million )"
  const before = wordsOf(sentence.slice(Math.max(0, c.start - 120), c.start)).slice(-12);
  return after.some(matches) || before.some(matches);
}

/** "14 years", "65 lives", "two small boats": the counted word right after the number (one word may qualify it). */
export function countsRightAfter(sentence: string, c: Candidate, unitKey: string): boolean {
  const rest = sentence.slice(c.end);
  if (!/^[\s-]+\p{L}/u.test(rest)) return false;
  const [first, second] = wordsOf(rest).slice(0, 2);
  const same = (w: { text: string } | undefined) =>
    w !== undefined && (wordKey(w.text) === unitKey || sameFamily(wordKey(w.text), unitKey));
  return same(first) || (/^\p{Ll}+$/u.test(first?.text ?? '') && same(second));
}

const PLURAL_IRREGULAR = /^(?:people|men|women|children|feet|teeth|mice|geese|persons|folk)$/i;

/** Units that measure a quantity of something: "12,900 acres" of land, "2m barrels" of oil. */
const MEASURE =
  /^\s+(?:acres?|hectares?|square\s+(?:miles?|kilometres?|kilometers?|metres?|meters?|feet)|sq\s+(?:miles?|km|ft)|km2|barrels?|tonnes?|tons?|litres?|liters?|gallons?|cubic\s+[a-z]+|kilograms?|kg|pounds?\s+of|ounces?|megawatts?|gigawatts?|kilowatts?)\b/i;

/**
 * "300 miles an hour", "450 feet", "17 knots": a unit of speed, length, height or temperature
 * after the number belongs to it in an answer ("how fast did it race across the Pacific?").
 */
const SCALE_UNIT =
  /^\s+(?:(?:miles?|kilometres?|kilometers?|km)\s+(?:an|per|a)\s+hour|mph|km\/h|kph|knots?|miles?|kilometres?|kilometers?|km|metres?|meters?|feet|foot|ft|yards?|inches?|centimetres?|centimeters?|cm|millimetres?|millimeters?|mm|light[- ]years?|degrees(?:\s+(?:Fahrenheit|Celsius|centigrade|F|C)\b)?|lbs|lb|kilos?|kgs?|grams?|ozs?|pct|per\s*cent|percent)(?![\p{L}])/iu;

/** A unit of measure opening the text after a number: "acres", "miles an hour", "lbs". */
function unitAt(rest: string): string | undefined {
  return (MEASURE.exec(rest.slice(0, 30)) ?? SCALE_UNIT.exec(rest.slice(0, 30)))?.[0];
}

/**
 * "to about 12 lbs from 25", asked how many cattle died: a number in a unit of measure measures,
 * and counts nothing else (unless the unit is what is asked: "how many miles?").
 */
export function measuresInUnit(sentence: string, c: Candidate, unitKey: string): boolean {
  const { rest } = afterNumber(sentence, c);
  // ("to about 12 lbs from 25": the second number of a change shares the first one's unit.)
  const pair = /\d[\d,.]*((?:\s+[a-z]+){1,2}?)\s+(?:from|to)\s+(?:about\s+|around\s+)?$/.exec(
    sentence.slice(Math.max(0, c.start - 40), c.start),
  )?.[1];
  const unit = (unitAt(rest) ?? (pair ? SCALE_UNIT.exec(pair)?.[0] : undefined))?.trim();
  if (!unit) return false;
  const key = wordKey(unit.split(/\s+/)[0] ?? unit);
  return key !== unitKey && !sameFamily(key, unitKey);
}

/** Whether the number is a measure in a unit ("12,900 acres"), which answers "how much land?". */
export function measuredIn(sentence: string, c: Candidate): boolean {
  return MEASURE.test(sentence.slice(c.end, c.end + 30));
}

/**
 * "two great fires", "two hundred houses": a number that counts a noun of its own, written right
 * after it (describing words may stand between), counts that noun and not the asked one.
 */
export function countsNamedNoun(sentence: string, c: Candidate, unitKey: string): boolean {
  const rest = sentence.slice(c.end, c.end + 80);
  if (!/^\s+[a-z]/.test(rest)) return false;
  // "how much land?": "12,900 acres" measures it.
  if (measuredIn(sentence, c)) return false;
  const noun = countedNoun(wordTexts(rest));
  if (!noun) return false;
  const key = wordKey(noun);
  return key !== unitKey && !sameFamily(key, unitKey) && !unitFamily(unitKey).includes(key);
}

const isPlural = (w: string) => /^[a-z]{3,}[^s]s$/.test(w) || PLURAL_IRREGULAR.test(w);

/** A number that joins a count to the next ("two white and five ethnic minority women"). */
const JOINED_COUNT =
  /^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)$/;

/**
 * The plural noun the words after a number name as counted: right after it, after up to two
 * describing words, or after a second count joined by "and" ("two white and five ethnic minority women").
 */
function countedNoun(after: readonly string[]): string | undefined {
  const noun = pluralWithin(after.slice(0, 3));
  if (noun) return noun;
  const and = after.indexOf('and');
  if (and < 1 || and > 2 || !JOINED_COUNT.test(after[and + 1] ?? '')) return undefined;
  return pluralWithin(after.slice(and + 2, and + 5));
}

/** Words that end a noun phrase before its noun is reached ("ten in the cases" counts no cases). */
const PHRASE_BREAK = /^(?:in|of|to|for|by|on|at|from|with|than|as|the|a|an|and|or|but)$/;

/** The first plural noun among describing words ("ethnic minority women"), before any break. */
function pluralWithin(words: readonly string[]): string | undefined {
  for (const w of words) {
    if (!/^[a-z]+$/.test(w) || PHRASE_BREAK.test(w)) return undefined;
    if (isPlural(w)) return w;
  }
  return undefined;
}

/**
 * "investigations from both Congress and the FBI", asked how many investigations: two, counted
 * by the text naming them, shown with the names.
 */
export function enumeratedCount(sentence: string, unitKey: string): Candidate | undefined {
  if (!/\bboth\b/.test(sentence)) return undefined;
  for (const w of wordsOf(sentence)) {
    if (wordKey(w.text) !== unitKey) continue;
    const m =
      /^\s+(?:[a-z]+\s+){0,3}?(both\s+(?:the\s+)?\p{Lu}[^,;.]{0,40}?\s+and\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*)/u.exec(
        sentence.slice(w.end),
      );
    if (!m?.[1]) continue;
    const start = w.end + (m.index ?? 0) + m[0].length - m[1].length;
    return { text: `two (${m[1]})`, start, end: start + m[1].length };
  }
  return undefined;
}

/**
 * "How much is Air Deccan's deal for 36 ATR planes worth?" against "ordered 30 Airbus A320 planes
 * for $1.8bn": the sentence counts the question's own counted thing otherwise, so it tells of
 * another deal. Counts in digits only, of a plural noun after up to three words. The question is
 * read once; the test runs per sentence.
 */
export function countsAnotherNumber(question: string): (sentence: string) => boolean {
  const claims = [...question.matchAll(/\b(\d[\d,.]*)\s+(?:[\w-]+\s+){0,3}?([a-z]{3,}s)\b/g)].flatMap(
    ([, count, noun]) =>
      count && noun && isPlural(noun)
        ? [{ count, given: new RegExp(`\\b(\\d[\\d,.]*)\\s+(?:[\\w-]+\\s+){0,3}?${noun}\\b`, 'g') }]
        : [],
  );
  return (sentence) =>
    claims.some(({ count, given }) => {
      const counts = [...sentence.matchAll(given)].map((g) => g[1]);
      return counts.length > 0 && !counts.includes(count);
    });
}

/** Nouns of time and measure: "the year", "the time" name no single thing that is counted. */
const NOT_COUNTED_ONE =
  /^(?:time|year|day|week|month|hour|minute|second|decade|century|percent|point|cent|dollar|pound|mile|foot|inch|metre|meter)$/;

/** What may follow a noun that ends its phrase: punctuation, a verb of being or having, a preposition, a relative. */
const NOUN_PHRASE_END =
  /^(?:\s*[,.;:!?)]|\s*$|\s+(?:has|have|had|was|were|is|are|will|would|could|can|from|to|in|into|on|at|for|with|that|which|who|carrying|bound)\b)/;

/**
 * "the Admiral Grigorovich frigate warship has been dispatched", asked how many warships were
 * sent: one, where the sentence names a single one of the counted things: "a", "an", "one" or
 * "a single" before the noun (not plural itself), or "the" before a name of it.
 */
export function singleCounted(sentence: string, unitKey: string): Candidate | undefined {
  // Most sentences read never name the counted thing: their keys (made once) tell.
  if (!keysOfText(sentence).keys.has(unitKey)) return undefined;
  for (const w of wordsOf(sentence)) {
    if (!/^\p{Ll}+$/u.test(w.text) || isPlural(w.text) || NOT_COUNTED_ONE.test(w.text)) continue;
    if (wordKey(w.text) !== unitKey) continue;
    const before = sentence.slice(Math.max(0, w.start - 60), w.start);
    const m = /\b(a|an|one|the|single)\s+((?:[\p{L}'’-]+\s+){0,4})$/iu.exec(before);
    if (!m) continue;
    const between = m[2] ?? '';
    // "the number of warships", "one of the warships", "a ship and a warship": not one counted.
    if (/\b(?:of|and|or|per|each|every|other|another|more|first|second|third|last)\b/i.test(between))
      continue;
    // "the warship" alone may mean any of them; "the Admiral Grigorovich frigate warship" is one.
    if (m[1]?.toLowerCase() === 'the' && !/\p{Lu}/u.test(between)) continue;
    // The noun ends its phrase ("... warship has been dispatched"); in "a new home development"
    // or "a warship's crew" it qualifies another thing, which is what is one.
    if (!NOUN_PHRASE_END.test(sentence.slice(w.end))) continue;
    const start = w.start - m[0].length;
    const phrase = sentence.slice(start, w.end);
    return { text: `one (${phrase})`, start, end: w.end };
  }
  return undefined;
}

const SCALE: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  trillion: 1e12,
  trln: 1e12,
  tn: 1e12,
};

/** The value of a number written in digits ("3.4 billion", "835.7 mln", "$1.2bn", "5,390"), if it is one. */
export function amountValue(text: string): number | undefined {
  const m =
    /(\d[\d,]*(?:\.\d+)?)\s*(bn|m|k|tn|hundred|thousand|million|mln|mn|billion|bln|trillion|trln)?\b/i.exec(
      text,
    );
  if (!m?.[1]) return undefined;
  const n = Number.parseFloat(m[1].replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return n * (SCALE[(m[2] ?? '').toLowerCase()] ?? 1);
}

/** What a sum of a company's accounts measures, in groups of words for one measure. */
const MEASURES: readonly (readonly string[])[] = [
  ['profit', 'profits', 'earnings', 'income'],
  ['revenue', 'revenues', 'turnover', 'sales'],
  ['loss', 'losses', 'deficit'],
  ['debt', 'debts', 'borrowings'],
  ['dividend', 'dividends'],
  ['assets'],
  ['reserves'],
];
const MEASURE_WORD = new RegExp(`\\b(${MEASURES.flat().join('|')})\\b`, 'gi');

/** A question that asks what was paid (or asked, or offered) for something. */
const PAYMENT = /\b(?:pay|pays|paid|paying|spend|spent|cost|costs|buy|bought|offer|offered|bid|price|fee)\b/i;

function measureOf(word: string): number {
  const lower = word.toLowerCase();
  return MEASURES.findIndex((group) => group.includes(lower));
}

/**
 * "How much profit did Picker make?" against "Picker's turnover ... totalled 612 mln dlrs": the
 * sentence gives the sum as another measure (the nearest such word before it, else just after it);
 * a price asked ("how much did he pay?") is no measure of the accounts at all.
 */
export function measureDiffers(question: string, sentence: string, c: Candidate): boolean {
  const asked = new Set([...question.matchAll(MEASURE_WORD)].map((m) => measureOf(m[1] ?? '')));
  // "How much did Bates pay for his stake?" asks a price: "the club had a debt of £103m" is none.
  if (!asked.size && !PAYMENT.test(question)) return false;
  // (For a price, only a measure said of the sum itself: "a debt of £103m", not one a clause before.)
  const reach = asked.size ? 80 : 25;
  const before = [...sentence.slice(Math.max(0, c.start - reach), c.start).matchAll(MEASURE_WORD)].at(
    -1,
  )?.[1];
  const after = /^[^,;.]{0,30}?\b(?:in|of)\s+(\w+)/.exec(sentence.slice(c.end))?.[1];
  const said = before ?? (after && measureOf(after) >= 0 ? after : undefined);
  return said !== undefined && !asked.has(measureOf(said));
}

/** Currencies by their written forms, each to one name. */
const CURRENCIES: readonly [RegExp, string][] = [
  [/^(?:\$|dlrs?|dollars?|usd)$/i, 'dollar'],
  [/^(?:£|stg|sterling|pounds?|gbp)$/i, 'pound'],
  [/^(?:€|euros?|eur)$/i, 'euro'],
  [/^(?:¥|yen|jpy)$/i, 'yen'],
  [/^(?:francs?)$/i, 'franc'],
  [/^(?:marks?|dm|deutschemarks?)$/i, 'mark'],
  [/^(?:rupees?|rs)$/i, 'rupee'],
  [/^(?:lire|lira)$/i, 'lira'],
  [/^(?:pesos?)$/i, 'peso'],
  [/^(?:crowns?|kronor|kroner|krona|krone)$/i, 'crown'],
  [/^(?:rand)$/i, 'rand'],
  [/^(?:yuan|renminbi)$/i, 'yuan'],
];

function currencyNamed(word: string): string | undefined {
  return CURRENCIES.find(([form]) => form.test(word))?.[1];
}

/** Whether a number is someone's age: "aged 55", "the 31-year-old", "55 years old", "Kenteris, 31,". */
export function isAge(sentence: string, c: Candidate): boolean {
  if (!/^\d{1,3}$|^[a-z]+(?:-[a-z]+)?$/i.test(c.text)) return false;
  const after = sentence.slice(c.end, c.end + 20);
  const before = sentence.slice(Math.max(0, c.start - 30), c.start);
  return (
    // ("young ( 19 when she wrote it )": an age, then when.)
    /^(?:-year-old|[\s-]+years?[\s-]+old|\s+years\s+of\s+age|\s+when\s)/i.test(after) ||
    /\b(?:aged|age\s+of|ages?)\s+$/i.test(before) ||
    (/^,/.test(after) && /\p{Lu}[\p{L}'’-]+,\s*$/u.test(before))
  );
}

/** A counted noun that is itself money ("how many dollars", "how many cents"). */
export function isCurrencyWord(word: string): boolean {
  return (
    currencyNamed(word) !== undefined || /^(?:cents?|pence|pennies|dimes?|nickels?|quid|bucks?)$/i.test(word)
  );
}

/** The currency a question asks a sum in ("how much ... in US dollars?"), if any. */
export function askedCurrency(question: string): string | undefined {
  for (const m of question.matchAll(/\bin\s+(?:US\s+|U\.S\.\s+|American\s+)?(\p{L}+)/giu)) {
    const currency = currencyNamed(m[1] ?? '');
    if (currency) return currency;
  }
  return undefined;
}

/** The currency written with a sum ("1.3 billion rupees", "$265m", "265 mln dlrs"), if any. */
export function currencyOf(sentence: string, c: Candidate): string | undefined {
  const symbol = /([$£€¥])\s*$/.exec(sentence.slice(Math.max(0, c.start - 3), c.start))?.[1];
  if (symbol) return currencyNamed(symbol);
  const word = /^\s*(?:(?:mln|bln|million|billion|trillion|m|bn)\b\s*)?(?:U\.?S\.?\s+)?([\p{L}]+)/iu.exec(
    sentence.slice(c.end, c.end + 30),
  )?.[1];
  return word ? currencyNamed(word) : undefined;
}

/** Who a bid or offer is written as being of ("the Aga bid", "Aga's offer"). */
const BID_OF =
  /\b(\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*)*?)(?:['’]s)?\s+(?:(?:latest|new|rival|higher|improved|revised|counter|takeover)\s+)?(?:bid|offer|proposal)\b/gu;

/**
 * "How much did Linde offer for Duffour?" against "the board agreed to back the Aga bid and accept
 * the Swedish group's latest offer of 4,410 francs": the sentence gives another's bid, and never
 * names the one asked about.
 */
export function bidOfAnother(question: string, names: readonly string[], sentence: string): boolean {
  if (!/\b(?:offer|offered|offering|bid|bidding)\b/i.test(question)) return false;
  const doer =
    /^how\s+much\s+(?:\S+\s+){0,3}?(?:did|does|do|will|has|had|is|was)\s+(.+?)\s+(?:offer|bid)/i.exec(
      question,
    )?.[1];
  if (!doer) return false;
  const asked = names.filter((n) => doer.includes(n));
  if (!asked.length || asked.some((n) => sentence.includes(n))) return false;
  const owners = [...sentence.matchAll(BID_OF)]
    .map((m) => m[1] ?? '')
    .filter((o) => !/^(?:The|A|An|Its|His|Her|Their)$/.test(o));
  return owners.length > 0;
}
