/** Cuts articles into passages: whole paragraphs, or runs of sentences when a paragraph is long. */
import { countWords } from '../text/normalizeText.ts';
import { splitSentences } from './splitSentences.ts';
import type { Article, Passage } from './types.ts';

export const MAX_PASSAGE_WORDS = 70;

const wordCount = countWords;

/** Headings ("Going forwards") carry no facts of their own and would only add noise to results. */
function isHeading(paragraph: string, words: number): boolean {
  return words <= 8 && !/[.!?"'”’)]$/.test(paragraph);
}

export type PassageText = Omit<Passage, 'id'>;

/** One article's passages: its title, then its paragraphs, long ones cut at sentence ends. */
export function passagesOf(article: Article): PassageText[] {
  const out: PassageText[] = [];
  // The headline is searchable too ("/search deep freeze" finds the article by its title).
  out.push({ articleId: article.id, paragraph: -1, text: article.title });
  article.body.split(/\n{2,}/).forEach((raw, index) => {
    const paragraph = raw.trim();
    const words = wordCount(paragraph);
    if (!paragraph || isHeading(paragraph, words)) return;
    const push = (text: string) => out.push({ articleId: article.id, paragraph: index, text });
    if (words <= MAX_PASSAGE_WORDS) {
      push(paragraph);
      return;
    }
    let chunk: string[] = [];
    let chunkWords = 0;
    for (const sentence of splitSentences(paragraph)) {
      const n = wordCount(sentence);
      if (chunk.length && chunkWords + n > MAX_PASSAGE_WORDS) {
        push(chunk.join(' '));
        chunk = [];
        chunkWords = 0;
      }
      chunk.push(sentence);
      chunkWords += n;
    }
    if (chunk.length) push(chunk.join(' '));
  });
  return out;
}

export function buildPassages(articles: readonly Article[]): Passage[] {
  const passages: Passage[] = [];
  for (const article of articles) {
    for (const p of passagesOf(article)) passages.push({ id: passages.length, ...p });
  }
  return passages;
}
