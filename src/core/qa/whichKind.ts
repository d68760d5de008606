/**
 * "Which summit does the article mention ...?", "Which country did Trump think Russia might help
 * contain?": a free question that asks for a thing of a kind. The name the text writes with the
 * asked noun answers ("the G7 ministerial summit"); a country, city or other place is the place
 * the sentence names that the question does not, after the question's own words.
 */

import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { wordKey, wordsOf } from '../../text/wordForms.ts';
import { nameRuns } from './candidates.ts';
import { isPlaceName, lowerWords } from './questionNames.ts';

/** Nouns of places: a place name answers "which country ...?". */
const PLACE_KINDS =
  /^(?:city|cities|town|country|countries|state|province|region|village|port|capital|island|continent|nation|power)s?$/i;

/** Capitalised words that open a sentence or a phrase and name nothing. */
const NO_NAME =
  /^(?:The|A|An|This|That|These|Those|Its|His|Her|Their|Our|In|On|At|For|From|To|And|But|As|If|When|While)$/;

/** Letters two words share to be read as forms of one name ("Hawaii", "Hawaiian"). */
const SAME_STEM = 5;

/** A place by name, not a people's adjective ("African" in "an African plane crash"). */
function isPlace(kb: KnowledgeBase, name: string): boolean {
  return isPlaceName(kb, name) && nameGazetteer().classOf(name.toLowerCase()) !== 'demonym';
}

/** Whether the noun asks for a place ("which country ...?"). */
export function asksPlace(noun: string): boolean {
  return PLACE_KINDS.test(noun);
}

/** How far after the question's last word in the sentence the place may stand (characters). */
const PLACE_REACH = 60;

/**
 * The thing of the asked kind a sentence names: "G7 ministerial summit" for "summit", a place
 * for "country"; undefined where it names none the question does not already give.
 */
export function namedOfKind(
  kb: KnowledgeBase,
  sentence: string,
  noun: string,
  question: string,
  anchorKeys: readonly string[],
): string | undefined {
  // (A name the question gives in another form is none of it: "Hawaiian Islands", asked of Hawaii.)
  const asked = [...lowerWords(question)].map((w) => w.slice(0, SAME_STEM));
  const fresh = (name: string) => ![...lowerWords(name)].every((w) => asked.includes(w.slice(0, SAME_STEM)));
  if (PLACE_KINDS.test(noun)) {
    // After the last of the question's words the sentence holds ("helping contain China").
    const lastAsked = wordsOf(sentence)
      .filter((w) => anchorKeys.includes(wordKey(w.text)))
      .pop();
    const from = lastAsked?.end ?? 0;
    return nameRuns(sentence)
      .filter((r) => r.start >= from && r.start - from <= PLACE_REACH)
      .find((r) => fresh(r.text) && isPlace(kb, r.text))?.text;
  }
  const singular = noun.replace(/(?<=[^s])s$/i, '');
  const written = new RegExp(
    `((?:\\p{Lu}[\\p{L}\\d.'’&-]*\\s+){1,4})((?:[a-z][a-z-]+\\s+){0,2})${escapeRegExp(singular)}s?\\b`,
    'gu',
  );
  for (const m of sentence.matchAll(written)) {
    const name = (m[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter((w, i) => i > 0 || !NO_NAME.test(w))
      .join(' ');
    if (name && fresh(name)) return `${name} ${m[2] ?? ''}${singular}`.replace(/\s+/g, ' ');
  }
  return undefined;
}
