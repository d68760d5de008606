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

/**
 * The same verbs as a regular-expression alternation of their written forms ("state", "states",
 * "stated", "stating"; "said", "told", "denied"), for patterns that look for one near a name.
 */
export const SPEECH_VERB_FORMS = `(?:said|told|wrote|written|denied|replied|implied|(?:${VERBS.split(' ')
  .map((v) => v.replace(/e$/, ''))
  .join('|')})(?:e|es|s|ed|d|ing)?)`;
