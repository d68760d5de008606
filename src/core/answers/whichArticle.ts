/**
 * "Which of the two pieces names the air base the US hit?", "which article mentions North Korea?":
 * a question about the archive's own texts. The answer is the article whose sentence best says
 * what is described, by its title, with that sentence as the evidence.
 */
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { wordKey } from '../../text/wordForms.ts';
import { findSentences } from '../qa/findSentences.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import { TEXT_NOUN } from '../textReference.ts';
import { contentTerms } from './snippets.ts';

const WHICH_TEXT = new RegExp(
  `^which\\s+(?:one\\s+)?(?:of\\s+the\\s+(?:two|three|four|\\d+)\\s+)?(?:${TEXT_NOUN}|paper|source)s?\\s+(.+?)[\\s?!.]*$`,
  'i',
);

/** Verbs that only say a text tells something: the words of what it tells are what is searched. */
const TELLS = new Set(
  'name names named mention mentions mentioned say says said give gives gave report reports reported quote quotes quoted cite cites cited discuss discusses discussed describe describes described talk talks talked bring brings brought up refer refers referred'
    .split(' ')
    .map(wordKey),
);

/** The article that says what a "which article ...?" question describes; undefined for other questions. */
export function whichArticleAnswer(kb: KnowledgeBase, question: string): Reply | undefined {
  const described = WHICH_TEXT.exec(question.trim())?.[1];
  if (!described) return undefined;
  const terms = contentTerms(described).filter((t) => !TELLS.has(wordKey(t)));
  if (!terms.length) return undefined;
  // Most of what is described must stand in the sentence or around it.
  const saying = findSentences(kb, terms, { limit: 8, focusArticles: 0 }).hits.filter(
    (h) => Math.max(h.coverage, h.contextCoverage) >= 0.5,
  );
  const [best] = saying;
  const article = best ? kb.articles.get(best.passage.articleId) : undefined;
  if (!best || !article) return undefined;
  const reply = new ReplyBuilder(kb, 'answer', titled(article))
    .citeHeadline(article.id)
    .line(best.text, article.id);
  // Other articles that say it too, each once.
  const others = [...new Set(saying.map((h) => h.passage.articleId))].filter((id) => id !== article.id);
  for (const id of others.slice(0, 2)) {
    const other = kb.articles.get(id);
    const said = saying.find((h) => h.passage.articleId === id);
    if (other && said) reply.line(`Also: ${titled(other)}: ${said.text}`, id);
  }
  return reply.build();
}

/** An article as an answer names it: its title, and who wrote it where. */
function titled(article: { title: string; author?: string; publication?: string }): string {
  const by = [article.author, article.publication].filter(Boolean).join(', ');
  return `"${article.title}"${by ? ` (${by})` : ''}`;
}
