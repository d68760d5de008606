/**
 * "Why does Hammond think Trump's repositioning may have been shattered?": the writer of one of the
 * archive's articles, named as the one who thinks or says it. The article's own words are what is
 * asked, and they never name their writer; so the name is read as "the writer", which question
 * reading then sets aside as it does "does the writer think" (textReference.ts). A name the texts
 * themselves mention is left as asked: there the texts may say what that person thinks.
 */
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { mentionsName, passagesMentioning } from '../answers/mentions.ts';

/** "does Hammond think", "did Andrew Hammond say": one to three capitalised words before the verb. */
const NAME_THINKS =
  /\b([Dd]oes|[Dd]o|[Dd]id)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){1,3})(?=(?:say|think|suggest|claim|believe|argue|write|expect|reckon|feel|warn|predict|fear|hope|call|describe|consider|see|view|regard|blame|criticise|criticize|praise)\b)/u;

/** Whether the name is (part of) the byline of one of the archive's articles. */
function writesFor(kb: KnowledgeBase, name: string): boolean {
  for (const article of kb.articles.values())
    if (article.author && mentionsName(article.author, name)) return true;
  return false;
}

/** The question with an article writer's name, where it thinks or says, read as "the writer". */
export function writerAsTheWriter(kb: KnowledgeBase, question: string): string {
  const m = NAME_THINKS.exec(question);
  const name = m?.[2]?.trim();
  if (!m || !name || !writesFor(kb, name) || passagesMentioning(kb, [name], 1).length) return question;
  return `${question.slice(0, m.index)}${m[1]} the writer ${question.slice(m.index + m[0].length)}`;
}
