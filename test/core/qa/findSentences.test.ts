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

  it('reads the name in a web address ("Shadowcrew.com" holds "Shadowcrew")', () => {
    expect(keysOfText('Those arrested ran Shadowcrew.com, a fraud site.').has(wordKey('Shadowcrew'))).toBe(
      true,
    );
    expect(keysOfText('Prices at Amazon.co.uk fell.').has(wordKey('Amazon'))).toBe(true);
  });

  it('finds a family by its longer or shorter key, within three letters ("cathol" and "catholic")', () => {
    const keys = keysOfText('The Catholicism of the region');
    const long = wordKey('Catholicism');
    expect(keys.has(long)).toBe(true);
    // A key up to three letters shorter, of five letters or more, is the same family ...
    expect(keys.has(long.slice(0, long.length - 2))).toBe(true);
    expect(keysOfText('the catholic').has(`${wordKey('catholic')}ism`)).toBe(true);
    // ... a shorter one, or one more than three letters apart, is not.
    expect(keysOfText('the region').has('reg')).toBe(false);
    expect(keysOfText('the region').has(`${wordKey('region')}ality`)).toBe(false);
  });
});
