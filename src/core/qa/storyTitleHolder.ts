/**
 * "But chairman John Wardle said: ...", in a story that opens on Manchester City: where no sentence
 * ties the asked title to the asked organisation, a bare title right before a name, in a story
 * whose title or first paragraph names the organisation, is most likely its holder's. Read in the
 * story's order, the first such name; told with the sentence it stands in ("it seems").
 */
import { isRoleWord, titleBefore } from '../../knowledge/extract/rolePhrases.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { wordKey } from '../../text/wordForms.ts';
import { ANY_LOWER_WORD } from '../../text/words.ts';
import type { Evidence } from './evidence.ts';
import { leadKeysOf, passagesOf, readPassage, type SentenceHit } from './findSentences.ts';
import type { Ranked } from './rankCandidates.ts';

/** Stories read, of those the best sentences come from. */
const STORIES = 2;
/** Paragraphs read per story. */
const PARAGRAPHS = 40;
/** How sure such a holder is: below the hedge, so the sentence is shown with it. */
const CONFIDENCE = 0.55;

/** A title word, then a name of two or more capitalised words or initials ("Chairman L. Jack Van Fossen"). */
const TITLED_NAME =
  /(?:^|[\s"“(])(?:the\s+)?([A-Za-z-]+)\s+((?:\p{Lu}\.\s*)*\p{Lu}[\p{L}'’-]+(?:\s+(?:van|von|de|der|du|la|le)?\s*\p{Lu}[\p{L}'’-]+)+)/gu;

export function storyTitleHolder(
  kb: KnowledgeBase,
  hits: readonly SentenceHit[],
  titleKeys: readonly string[],
  organisation: readonly string[],
): Ranked | undefined {
  if (!organisation.length || !titleKeys.length) return undefined;
  const asked = titleKeys.flatMap(equivalentKeys);
  const stories: SentenceHit[] = [];
  for (const hit of hits) {
    if (stories.length >= STORIES) break;
    if (stories.some((s) => s.passage.articleId === hit.passage.articleId)) continue;
    const lead = leadKeysOf(kb, hit.passage);
    if (organisation.every((n) => lead.has(n))) stories.push(hit);
  }
  for (const story of stories) {
    for (const passage of passagesOf(kb, story.passage, PARAGRAPHS)) {
      const { sentences } = readPassage(passage);
      for (const [index, sentence] of sentences.entries()) {
        // (A headline in capitals has no name to read: "CHAIRMAN SAYS DIVIDEND WILL NOT BE CUT".)
        if (!ANY_LOWER_WORD.test(sentence)) continue;
        for (const m of sentence.matchAll(TITLED_NAME)) {
          const title = m[1] ?? '';
          if (!asked.includes(wordKey(title))) continue;
          // The whole title names no other body ("Harbour Mining chief executive X").
          const nameAt = (m.index ?? 0) + m[0].length - (m[2]?.length ?? 0);
          const whole = titleBefore(sentence, nameAt)?.text ?? title;
          const bodies = whole.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !isRoleWord(w));
          if (bodies.some((w) => !organisation.includes(wordKey(w.replace(/['’]s$/, ''))))) continue;
          const hit: SentenceHit = { ...story, passage, sentences, index, text: sentence };
          const evidence: Evidence = { text: sentence, articleId: passage.articleId, hit, offset: 0 };
          return { text: m[2] ?? '', score: 0, evidence, confidence: CONFIDENCE };
        }
      }
    }
  }
  return undefined;
}
