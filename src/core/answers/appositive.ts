/**
 * What the text says a name is when no role was extracted: the appositive that follows it ("Tim
 * Larson, a junior at Wilson High School and president of Spice-Nice, is ..."), read from the
 * first sentence that has one, else the one before it ("the Andrus maid, Selena Masters"). A last resort before "person named in 1 article".
 */
import type { Passage } from '../../knowledge/types.ts';
import { foldPunctuation } from '../../text/normalizeText.ts';
import { wordStarts } from '../../text/words.ts';
import { readPassage } from '../qa/findSentences.ts';

export interface Appositive {
  text: string;
  passage: Passage;
}

const MAX_CHARS = 140;

const PREPOSITION_BEFORE =
  /\b(?:in|on|at|during|after|before|by|for|with|from|of|to|since|until|into|over|under|like|as)\s*$/i;
const TIME_WORDS =
  /\b(?:day|week|month|year|spring|summer|autumn|fall|winter|morning|evening|night|time|century|season)s?\b/i;

/** "the Andrus maid", "a French magician": short, a noun phrase, no clause or time of its own. */
function describesBefore(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    !TIME_WORDS.test(phrase) &&
    !/\b(?:with|to|from|for|that|which|who|by|in|on|at|is|was|had|has)\b/i.test(phrase)
  );
}

/**
 * Words that open an aside but no description of the name: "David Collins, with his strong mix of
 * leadership skills, ...", "Smith, who ...", "Jones, in a statement, ...".
 */
const NOT_A_DESCRIPTION =
  '(?:with|without|in|on|at|for|from|by|of|to|after|before|during|despite|like|as|who|which|whose|whom|when|where|while|although|though|because|if|not|however|meanwhile|speaking|saying|adding|according)';

/** The description after a name and its comma, read from right after the name: "..., a junior at ...". */
const AFTER_NAME = new RegExp(
  `\\.?,\\s+((?:an?|the)\\s+[^,;:()"]{3,${MAX_CHARS}}?|(?!${NOT_A_DESCRIPTION}\\b)[a-z][^,;:()"]{3,${MAX_CHARS}}?)(?=,|;|\\.\\s|\\.$)`,
  'uy',
);

/** "they had telephoned the Andrus maid, Selena Masters, and ...": the description before the name and its comma. */
const BEFORE_NAME = /(?:^|[\s,;:(])((?:[Aa]n?|[Tt]he)\s+[^,;:()"\d]{3,60}?),\s+$/u;
/** What may follow a name that a description before it is of. */
const AFTER_DESCRIBED = /(?=,|;|\.|\s+(?:and|who|had|has|was|is)\b)/y;

/** The description after the name and a comma, at its first place that has one. */
function describedAfter(sentence: string, name: string): string | undefined {
  for (const at of wordStarts(sentence, name)) {
    AFTER_NAME.lastIndex = at + name.length;
    const m = AFTER_NAME.exec(sentence);
    if (m) return m[1];
  }
  return undefined;
}

/** The description before the name and a comma, and where it starts, at its first place that has one. */
function describedBefore(sentence: string, name: string): { text: string; index: number } | undefined {
  for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + 1)) {
    AFTER_DESCRIBED.lastIndex = at + name.length;
    if (!AFTER_DESCRIBED.test(sentence)) continue;
    const m = BEFORE_NAME.exec(sentence.slice(0, at));
    if (m?.[1]) return { text: m[1], index: m.index };
  }
  return undefined;
}

/**
 * Whether the name stands next to a comma somewhere in the sentence ("Larson, a junior", "the
 * maid, Selena Masters"), as both expressions need: most sentences that name it are passed by.
 */
function besideComma(sentence: string, name: string): boolean {
  for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (sentence[end] === ',' || (sentence[end] === '.' && sentence[end + 1] === ',')) return true;
    let before = at - 1;
    while (before >= 0 && /\s/.test(sentence[before] ?? '')) before--;
    if (before < at - 1 && sentence[before] === ',') return true;
  }
  return false;
}

/** The phrase between the comma after a name and the next comma (or the sentence's end). */
export function appositiveOf(name: string, passages: readonly Passage[]): Appositive | undefined {
  let found: Appositive | undefined;
  const written = foldPunctuation(name);
  // Folding changes only quotation marks: the name's longest run of letters is in the text as written.
  const probe = (written.match(/[\p{L}\p{N}]+/gu) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
  for (const passage of passages) {
    if (!passage.text.includes(probe)) continue;
    if (written !== name && !foldPunctuation(passage.text).includes(written)) continue;
    // The passage's sentences as split once for every question (folded one by one).
    for (const said of readPassage(passage).sentences) {
      if (!said.includes(probe)) continue;
      const sentence = foldPunctuation(said);
      if (!sentence.includes(written)) continue;
      if (written === name && !besideComma(sentence, name)) continue;
      const phrase = describedAfter(sentence, name)?.trim();
      // A verb right after the comma ("Larson, said ...", "Jacobsen, was arrested ...") is no description.
      if (
        phrase &&
        !/^(?:said|says|told|added|asked|who|which|that|and|but|or|he|she|it|they|was|is|were|are|has|had|have|will|would|can|could|did|does|do)\b/.test(
          phrase,
        ) &&
        // "X, evolved into ...": a verb with its particle, not "X, retired teacher".
        !/^[a-z]+ed\s+(?:into|to|from|in|on|at|by|out|up|with|that|after|for)\b/.test(phrase)
      )
        return { text: phrase, passage };
      const b = found ? undefined : describedBefore(sentence, name);
      // "In the spring of 1961, Selena ...": a time or place set before the name is no description.
      if (b && !PREPOSITION_BEFORE.test(sentence.slice(0, b.index + 1)) && describesBefore(b.text))
        found = { text: b.text.trim(), passage };
    }
  }
  return found;
}
