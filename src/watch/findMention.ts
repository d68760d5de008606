/**
 * Where an article mentions a watched name: the first sentence (the title last) that holds one of
 * its spellings as whole words, case and accents aside. The same literal check `/who` makes of the
 * passages it cites (core/answers/mentions.ts), so a watch and a look-up agree on what a mention is.
 */
import { mentionsName } from '../core/answers/mentions.ts';
import { splitSentences } from '../knowledge/splitSentences.ts';
import type { Article } from '../knowledge/types.ts';
import { shorten } from '../text/words.ts';

/** Longest sentence an alert quotes. */
const SENTENCE_CHARS = 300;

/** The article's sentences in order, then its title: split once, looked through by every watch. */
export function sentencesOf(article: Article): string[] {
  const sentences = article.body.split(/\n\s*\n/).flatMap((paragraph) => splitSentences(paragraph));
  return [...sentences, article.title];
}

export function findMention(
  article: Article,
  terms: readonly string[],
  sentences: readonly string[] = sentencesOf(article),
): string | undefined {
  const usable = terms.filter((t) => t.trim().length >= 2);
  if (!usable.length) return undefined;
  const found = sentences.find((sentence) => usable.some((term) => mentionsName(sentence, term)));
  return found && shorten(found.replace(/\s+/g, ' ').trim(), SENTENCE_CHARS);
}
