import { describe, expect, it } from 'vitest';
import { keysOfText, textCoverage, type WeightedTerm } from '../../../src/core/qa/findSentences.ts';
import { equivalentKeys } from '../../../src/text/equivalentWords.ts';
import { wordKey } from '../../../src/text/wordForms.ts';

const term = (word: string, weight = 1): WeightedTerm => {
  const key = wordKey(word);
  return { term: word, key, weight, keys: equivalentKeys(key) };
};

describe('sentence matching', () => {
  it('counts a word that says the same as the question’s', () => {
    const terms = [term('completely'), term('wrecked'), term('relations')];
    expect(textCoverage('the row has totally ruined relations', terms)).toBe(1);
    expect(textCoverage('the row has strained relations', terms)).toBeCloseTo(1 / 3);
  });

  it('counts a listed equivalent only as listed, not its longer family ("birth" is not "birthday")', () => {
    expect(keysOfText('after my birthday').has(wordKey('birth'))).toBe(true);
    expect(textCoverage('after my twenty-first birthday', [term('born')])).toBe(0);
    expect(textCoverage('the date of his birth', [term('born')])).toBe(1);
  });

  it('reads each part of a hyphenated word', () => {
    const keys = keysOfText('Washington-Moscow tensions');
    expect(keys.has(wordKey('Moscow'))).toBe(true);
    expect(keys.has(wordKey('Washington'))).toBe(true);
  });
});
