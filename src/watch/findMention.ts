/**
 * Where an article mentions a watched name: the first sentence (the title first) that holds one of
 * its spellings as whole words, case and accents aside. The same literal check `/who` makes of the
 * passages it cites (core/answers/mentions.ts), so a watch and a look-up agree on what a mention is.
 */
import { mentionsName } from '../core/answers/mentions.ts';
import { splitSentences } from '../knowledge/splitSentences.ts';
import type { Article } from '../knowledge/types.ts';
import { shorten } from '../text/words.ts';

/** Longest sentence an alert quotes. */
const SENTENCE_CHARS = 300;

export function findMention(article: Article, terms: readonly string[]): string | undefined {
  const usable = terms.filter((t) => t.trim().length >= 2);
  if (!usable.length) return undefined;
  const holds = (text: string) => usable.some((term) => mentionsName(text, term));
  for (const paragraph of article.body.split(/\n\s*\n/)) {
    for (const sentence of splitSentences(paragraph)) {
      if (holds(sentence)) return shorten(sentence.replace(/\s+/g, ' ').trim(), SENTENCE_CHARS);
    }
  }
  // Named only in the title: the title is the sentence.
  return holds(article.title) ? article.title : undefined;
}
