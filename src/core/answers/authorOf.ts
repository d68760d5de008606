/**
 * "Who wrote the piece asking whether relations are in deep freeze?": the author of the article the
 * question describes, by its title first, else by the passage that best matches the description.
 */
import type { Article } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { wordKey } from '../../text/wordForms.ts';
import { keysOfText } from '../qa/findSentences.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import { TEXT_ORDINAL } from '../textReference.ts';
import { contentTerms } from './snippets.ts';

const WHO_WROTE =
  /^(?:who|which\s+(?:writer|author|journalist|reporter))\s+(?:wrote|authored|penned|is\s+the\s+author\s+of|was\s+the\s+author\s+of)\s+(.+?)[\s?!.]*$/i;
/**
 * "the piece", "the second article": words that say an article of the archive is meant. A
 * "report" or a "story" may be one that the article tells of ("the report Killpath read out"):
 * those are the archive's only where the title says so.
 */
const A_TEXT = new RegExp(
  `^(?:the\\s+|this\\s+|that\\s+|an?\\s+)?(?:${TEXT_ORDINAL}\\s+)?(?:piece|article|column|op-ed|essay|editorial)\\b\\s*(.*)$`,
  'i',
);

/** The share of the description's words that the article's title holds. */
function titleMatch(article: Article, keys: readonly string[]): number {
  if (!keys.length) return 0;
  const title = keysOfText(article.title);
  return keys.filter((k) => title.has(k)).length / keys.length;
}

/**
 * The article a description names: by its title (byTitle), else the article of the passage that
 * best matches it.
 */
function describedArticle(
  kb: KnowledgeBase,
  description: string,
): { article: Article; byTitle: boolean } | undefined {
  const keys = contentTerms(description).map(wordKey);
  let best: { article: Article; share: number } | undefined;
  for (const article of kb.articles.values()) {
    const share = titleMatch(article, keys);
    if (!best || share > best.share) best = { article, share };
  }
  if (best && best.share >= 0.5) return { article: best.article, byTitle: true };
  const hit = kb.passageIndex.search(description, { limit: 1 })[0];
  const article = hit ? kb.articles.get(hit.passage.articleId) : undefined;
  return article ? { article, byTitle: false } : undefined;
}

/** The author of the article a "who wrote ...?" question describes; undefined for other questions. */
export function authorAnswer(kb: KnowledgeBase, question: string): Reply | undefined {
  const object = WHO_WROTE.exec(question.trim())?.[1];
  if (!object) return undefined;
  const text = A_TEXT.exec(object);
  // "who wrote Hamlet?" asks about a work the text may name, not about an article of the archive.
  const asked = text ? (text[1] ?? '') : object;
  const described = describedArticle(kb, asked || object);
  if (!described || (!text && !described.byTitle)) return undefined;
  const { article } = described;
  // No author on record: the text itself may name the writer ("By John Smith").
  if (!article.author) return undefined;
  return new ReplyBuilder(kb, 'answer', `${article.author} wrote "${article.title}"`)
    .citeHeadline(article.id)
    .build();
}
