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

/**
 * An article's passages as places in its own text, for sending between threads: the passages'
 * texts are not sent a second time beside the article's, and the receiver's passages are slices
 * of the article's strings (V8 shares a slice's characters with its parent string).
 */
export interface PassageLayout {
  /** Three numbers per passage: paragraph, start, end. Start -1: the title; start <= -2: texts[-2 - start]. */
  spans: Int32Array;
  /** Passage texts that are not one piece of the body (sentences joined over other white space). */
  texts: string[];
}

export function passageLayout(article: Article, passages: readonly PassageText[]): PassageLayout {
  const spans = new Int32Array(passages.length * 3);
  const texts: string[] = [];
  let cursor = 0;
  passages.forEach((p, i) => {
    let start: number;
    let end = -1;
    if (p.paragraph === -1 && p.text === article.title) start = -1;
    else {
      const at = article.body.indexOf(p.text, cursor);
      if (at >= 0) {
        start = at;
        end = at + p.text.length;
        cursor = end;
      } else {
        start = -2 - texts.length;
        texts.push(p.text);
      }
    }
    spans.set([p.paragraph, start, end], i * 3);
  });
  return { spans, texts };
}

/** The passages a layout describes, with the same texts passagesOf gives. */
export function passagesFromLayout(article: Article, layout: PassageLayout): PassageText[] {
  const { spans, texts } = layout;
  const out: PassageText[] = [];
  for (let i = 0; i < spans.length; i += 3) {
    const paragraph = spans[i] as number;
    const start = spans[i + 1] as number;
    const text =
      start === -1
        ? article.title
        : start <= -2
          ? (texts[-2 - start] as string)
          : article.body.slice(start, spans[i + 2]);
    out.push({ articleId: article.id, paragraph, text });
  }
  return out;
}
