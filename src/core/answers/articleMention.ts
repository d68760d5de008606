/**
 * "Does the second article mention NATO at all?", "Does Hammond's piece name the air base?": a
 * yes or no about what one of the archive's own texts says. Yes, with the sentence that says it;
 * or no, that text never does (and which other text does, if one does).
 */
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { wordKey } from '../../text/wordForms.ts';
import { windowAround } from '../qa/composeAnswer.ts';
import { readPassage } from '../qa/findSentences.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import { TEXT_NOUN, TEXT_ORDINAL } from '../textReference.ts';
import { articleCalled } from './articleOrder.ts';
import { contentTerms } from './snippets.ts';

const MENTIONS = new RegExp(
  `^(?:does|did|do)\\s+(?:the\\s+)?(?:(${TEXT_ORDINAL}|latest|newest)\\s+|(\\p{Lu}[\\p{L}-]+)['’]s\\s+)${TEXT_NOUN}\\s+(?:ever\\s+|even\\s+|actually\\s+|also\\s+)?(?:mention|name|cite|quote|discuss|refer\\s+to|talk\\s+about|bring\\s+up|speak\\s+of)\\s+(.+?)(?:\\s+at\\s+all|\\s+anywhere|\\s+by\\s+name)?[\\s?!.]*$`,
  'iu',
);

/** What is asked after may be a name or a few words, not a claim of its own. */
const MAX_TERMS = 4;

/** The first sentence of the article that holds every one of the terms (by word family). */
function sentenceWith(kb: KnowledgeBase, articleId: string, keys: readonly string[]): string | undefined {
  for (const passage of kb.passages) {
    if (passage.articleId !== articleId || passage.paragraph < 0) continue;
    const read = readPassage(passage);
    const i = read.allKeys().findIndex((held) => keys.every((k) => held.has(k)));
    if (i >= 0) return read.sentences[i];
  }
  return undefined;
}

/** The answer to "does the Nth article mention X?"; undefined for other questions. */
export function articleMentionAnswer(kb: KnowledgeBase, question: string): Reply | undefined {
  const m = MENTIONS.exec(question.trim());
  const called = m?.[1] ?? m?.[2];
  const what = m?.[3]?.replace(/^(?:the|a|an)\s+/i, '');
  if (!called || !what) return undefined;
  const article = articleCalled(kb, called);
  // "the third article" of two: the count, and where to see them.
  const count = kb.articles.size;
  if (!article && m?.[1] && count > 0 && count <= 3)
    return new ReplyBuilder(
      kb,
      'not_found',
      `The archive holds ${count === 1 ? 'one article' : `only ${count} articles`}: /sources lists them, newest first.`,
    ).build();
  const terms = contentTerms(what);
  if (!article || !terms.length || terms.length > MAX_TERMS) return undefined;
  const keys = terms.map(wordKey);
  const said = sentenceWith(kb, article.id, keys);
  if (said)
    return new ReplyBuilder(kb, 'answer', `Yes: ${windowAround(said, keys)}`)
      .citeHeadline(article.id)
      .build();
  const reply = new ReplyBuilder(kb, 'answer', `No: "${article.title}" never mentions ${what}.`).citeHeadline(
    article.id,
  );
  // Where another text does, it is said with its sentence.
  for (const other of kb.articles.values()) {
    if (other.id === article.id) continue;
    const elsewhere = sentenceWith(kb, other.id, keys);
    if (elsewhere) {
      reply.line(`"${other.title}" does: ${elsewhere}`, other.id);
      break;
    }
  }
  return reply.build();
}
