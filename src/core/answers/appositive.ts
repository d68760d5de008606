/**
 * What the text says a name is when no role was extracted: the appositive that follows it ("Tim
 * Larson, a junior at Wilson High School and president of Spice-Nice, is ..."), read from the
 * first sentence that has one. A last resort before "person named in 1 article".
 */
import { splitSentences } from '../../knowledge/splitSentences.ts';
import type { Passage } from '../../knowledge/types.ts';
import { foldPunctuation } from '../../text/normalizeText.ts';

export interface Appositive {
  text: string;
  passage: Passage;
}

const MAX_CHARS = 140;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The phrase between the comma after a name and the next comma (or the sentence's end). */
export function appositiveOf(name: string, passages: readonly Passage[]): Appositive | undefined {
  const after = new RegExp(
    `\\b${escapeRegExp(name)},\\s+((?:an?|the)\\s+[^,;:()"]{3,${MAX_CHARS}}?|[a-z][^,;:()"]{3,${MAX_CHARS}}?)(?=,|;|\\.\\s|\\.$)`,
    'u',
  );
  for (const passage of passages) {
    for (const sentence of splitSentences(foldPunctuation(passage.text))) {
      const m = after.exec(sentence);
      const phrase = m?.[1]?.trim();
      // A verb right after the comma ("Larson, said ...") is no description.
      if (phrase && !/^(?:said|says|who|which|that|and|but|or|he|she|it|they)\b/.test(phrase))
        return { text: phrase, passage };
    }
  }
  return undefined;
}
