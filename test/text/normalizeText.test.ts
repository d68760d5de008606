import { describe, expect, it } from 'vitest';
import {
  comparable,
  countWords,
  foldedInto,
  foldPunctuation,
  slugify,
  stripAccents,
} from '../../src/text/normalizeText.ts';

describe('normalizeText', () => {
  it('folds curly quotes, dashes, non-breaking spaces and ellipses', () => {
    expect(foldPunctuation('“Moscow’s” – ‘no’ — «yes»\u00A0wait…')).toBe(
      '"Moscow\'s" - \'no\' - "yes" wait...',
    );
  });

  it('makes a comparison form: folded, lower case, single spaces, trimmed', () => {
    expect(comparable('  The  “Deep\n\nFreeze”\tNOW ')).toBe('the "deep freeze" now');
    expect(comparable('Moscow’s')).toBe(comparable("moscow's"));
  });

  it('strips accents and leaves plain ASCII untouched', () => {
    expect(stripAccents('Medvédev Škoda Ünal façade')).toBe('Medvedev Skoda Unal facade');
    expect(stripAccents('plain text')).toBe('plain text');
  });

  it('counts words that hold a letter or digit, not bare ASCII punctuation', () => {
    expect(countWords('Hello, world - 87 people ... died.')).toBe(5);
    expect(countWords('Médvedev said: "no"\u00A0twice.')).toBe(4);
    expect(countWords('  \n\t ')).toBe(0);
    expect(countWords('- * ...')).toBe(0);
  });

  // BUG (working tree): the new character-loop countWords counts every non-ASCII character as a word
  // character, so tokens made only of dashes or ellipses ("–", "—", "…") count as words.
  it('does not count tokens of non-ASCII punctuation alone as words (fixed)', () => {
    expect(countWords('Hello, world — 87 people … died.')).toBe(5);
    expect(countWords('– — …')).toBe(0);
  });

  it('makes URL-safe slugs, with a fallback for text without letters', () => {
    expect(slugify('  Café Story: Part 2!  ')).toBe('cafe-story-part-2');
    expect(slugify('***')).toBe('untitled');
    expect(slugify('a'.repeat(100))).toHaveLength(80);
  });
});

describe('foldedInto', () => {
  it('lists the characters foldPunctuation turns into a quote or a dash, the plain one first', () => {
    expect(foldedInto("'")).toEqual(["'", '\u2018', '\u2019', '\u201A', '\u201B', '\u2032']);
    expect(foldedInto('-')).toEqual(['-', '\u2013', '\u2014', '\u2212']);
    expect(foldedInto('a')).toEqual([]);
  });
});
