import { describe, expect, it } from 'vitest';
import {
  buildPassages,
  MAX_PASSAGE_WORDS,
  passageLayout,
  passagesFromLayout,
  passagesOf,
} from '../../src/knowledge/buildPassages.ts';
import type { Article } from '../../src/knowledge/types.ts';

const art = (id: string, title: string, body: string): Article => ({
  id,
  title,
  file: `${id}.md`,
  body,
  words: 0,
});
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('buildPassages', () => {
  it('makes the title a passage (paragraph -1) and each short paragraph another', () => {
    const passages = buildPassages([
      art('a', 'Bridge closed', 'The bridge closed on Monday.\n\nDrivers face a detour.'),
    ]);
    expect(passages).toEqual([
      { id: 0, articleId: 'a', paragraph: -1, text: 'Bridge closed' },
      { id: 1, articleId: 'a', paragraph: 0, text: 'The bridge closed on Monday.' },
      { id: 2, articleId: 'a', paragraph: 1, text: 'Drivers face a detour.' },
    ]);
  });

  it('skips headings but keeps paragraph numbers aligned with the body', () => {
    const passages = buildPassages([
      art('a', 'T', 'First paragraph here.\n\nThe current situation\n\nThird paragraph here.'),
    ]);
    expect(passages.map((p) => [p.paragraph, p.text])).toEqual([
      [-1, 'T'],
      [0, 'First paragraph here.'],
      [2, 'Third paragraph here.'],
    ]);
  });

  it('keeps a short paragraph that ends in a quote or question mark (not a heading)', () => {
    const passages = buildPassages([art('a', 'T', 'Is it over?\n\nShe said “no”')]);
    expect(passages.map((p) => p.text)).toEqual(['T', 'Is it over?', 'She said “no”']);
  });

  it('cuts a long paragraph into runs of whole sentences of at most MAX_PASSAGE_WORDS words', () => {
    const sentence = (i: number) => `Sentence ${i} ${'word '.repeat(18)}ends here.`;
    const paragraph = Array.from({ length: 12 }, (_, i) => sentence(i)).join(' ');
    expect(wordCount(paragraph)).toBeGreaterThan(MAX_PASSAGE_WORDS);
    const chunks = buildPassages([art('a', 'T', paragraph)]).slice(1);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(wordCount(chunk.text)).toBeLessThanOrEqual(MAX_PASSAGE_WORDS);
      expect(chunk.text).toMatch(/^Sentence \d+ .*ends here\.$/);
      expect(chunk.paragraph).toBe(0);
    }
    expect(chunks.map((c) => c.text).join(' ')).toBe(paragraph);
  });

  it('keeps one overlong sentence whole rather than cutting it mid-sentence', () => {
    const sentence = `${'word '.repeat(MAX_PASSAGE_WORDS + 10)}end.`;
    const chunks = buildPassages([art('a', 'T', sentence)]).slice(1);
    expect(chunks.map((c) => c.text)).toEqual([sentence]);
  });

  it('numbers passages across articles so that id is the array index', () => {
    const passages = buildPassages([art('a', 'A', 'One.\n\nTwo.'), art('b', 'B', 'Three.')]);
    expect(passages.map((p) => p.id)).toEqual([0, 1, 2, 3, 4]);
    expect(passages.map((p) => p.articleId)).toEqual(['a', 'a', 'a', 'b', 'b']);
  });
});

describe('passageLayout', () => {
  it('describes the passages as places in the article, and gives back the same passages', () => {
    const sentence = (i: number) => `Sentence ${i} ${'word '.repeat(18)}ends here.`;
    const spaced = Array.from({ length: 8 }, (_, i) => sentence(i)).join(' ');
    // Sentences joined over a line break: the passage text is not one piece of the body.
    const broken = Array.from({ length: 8 }, (_, i) => sentence(i)).join('\n');
    const article = art('a', 'A title', `First paragraph.\n\n${spaced}\n\n${broken}\n\nFirst paragraph.`);
    const passages = passagesOf(article);
    const layout = passageLayout(article, passages);
    expect(layout.spans).toHaveLength(passages.length * 3);
    expect(layout.texts.length).toBeGreaterThan(0);
    expect(layout.texts.length).toBeLessThan(passages.length - 1);
    expect(passagesFromLayout(article, layout)).toEqual(passages);
  });
});
