/**
 * Verbs of saying, in their word families: "who complained that ...?" is answered by whoever the
 * text says "stated", "warned" or "asked" it, since a question rarely repeats the text's own verb.
 */
import { wordKey } from './wordForms.ts';

const VERBS =
  'say tell state report claim complain urge warn announce ask insist argue add note declare assert suggest accuse write explain emphasise emphasize stress admit deny predict reply respond comment observe remark recall propose demand criticise criticize condemn praise promise threaten confirm describe call acknowledge concede contend maintain allege testify reveal disclose point caution advise recommend plead appeal request inform remind instruct order signal hint concede voice echo';

export const SPEECH_KEYS: ReadonlySet<string> = new Set(VERBS.split(' ').map(wordKey));

/** Whether a word is a form of a verb of saying ("stated", "warns", "urging"). */
export const isSpeechVerb = (word: string): boolean => SPEECH_KEYS.has(wordKey(word));

const IRREGULAR = 'said told wrote written spoke spoken'.split(' ');

/** Each verb's written forms: "state", "states", "stated", "stating"; "deny", "denies", "denied". */
function formsOf(verb: string): string[] {
  const stem = verb.replace(/e$/, '');
  const forms = [verb, `${verb}s`, `${verb}es`, `${stem}ed`, `${stem}ing`];
  if (verb.endsWith('y')) forms.push(`${verb.slice(0, -1)}ies`, `${verb.slice(0, -1)}ied`);
  return forms;
}

/** What someone holds is what they say of it, for "what did X say about Y?" ("Mr. White believes"). */
const OPINION = 'believe feel consider';

const SPEECH_FORMS: ReadonlySet<string> = new Set([
  ...`${VERBS} ${OPINION}`.split(' ').flatMap(formsOf),
  ...IRREGULAR,
  'thinks',
  'thought',
  'felt',
]);

/**
 * Whether a word is written as a verb of saying ("states", "stated", "said"): stricter than
 * isSpeechVerb, which takes the whole family ("predictable" is of the family of "predict").
 */
export const isSpeechVerbForm = (word: string): boolean => SPEECH_FORMS.has(word.toLowerCase());
