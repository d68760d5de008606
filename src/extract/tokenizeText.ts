/**
 * Words and sentences of an article body with their offsets, for the entity extractor: the
 * loader's own rule-based sentence splitter (it knows "Gov." and "U.S." do not end a sentence)
 * and a tokenizer that keeps "U.S.", "O'Neil-Smith" and "al-Assad" whole and a possessive "'s"
 * apart.
 */
import { splitSentences } from '../knowledge/splitSentences.ts';

export interface TextToken {
  text: string;
  start: number;
  end: number;
}

export interface TokenizedText {
  tokens: TextToken[];
  /** Sentences as [first token, last token] index pairs. */
  sentences: [number, number][];
}

const TOKEN =
  /(?:\p{L}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*)*|[^\s\p{L}\p{N}]/gu;
const POSSESSIVE = /['’]s$/;

export function tokenizeText(body: string): TokenizedText {
  const tokens: TextToken[] = [];
  const sentences: [number, number][] = [];
  for (const paragraph of body.matchAll(/[^\n]+/g)) {
    let cursor = paragraph.index;
    for (const sentence of splitSentences(paragraph[0])) {
      const at = body.indexOf(sentence, cursor);
      if (at < 0) continue;
      cursor = at + sentence.length;
      const first = tokens.length;
      for (const m of sentence.matchAll(TOKEN)) {
        const start = at + m.index;
        const word = m[0];
        if (POSSESSIVE.test(word) && word.length > 2) {
          tokens.push({ text: word.slice(0, -2), start, end: start + word.length - 2 });
          tokens.push({ text: word.slice(-2), start: start + word.length - 2, end: start + word.length });
        } else tokens.push({ text: word, start, end: start + word.length });
      }
      if (tokens.length > first) sentences.push([first, tokens.length - 1]);
    }
  }
  return { tokens, sentences };
}
