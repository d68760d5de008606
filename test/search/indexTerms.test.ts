import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexTerms, normalizeTerm } from '../../src/search/passageIndex.ts';
import { tokenize } from '../../src/text/words.ts';

/** The general definition the fast ASCII path of indexTerms must agree with. */
const reference = (text: string) =>
  tokenize(text)
    .map(normalizeTerm)
    .filter((t): t is string => t !== null)
    .join(' ');

describe('indexTerms', () => {
  it('agrees with tokenize + normalizeTerm on ASCII and non-ASCII text', () => {
    const samples = [
      "Russia's President said the US and UN can't agree; 87 people, 2013's deal, a 7-to-2 vote.",
      'A I O 1 2 x9 THE The the US us Us',
      'Medvédev said “one step away from war” — and Putin’s aide agreed.',
      readFileSync('test/fixtures/scraped/002_ea71a25708366c05.txt', 'utf8'),
      readFileSync('test/fixtures/scraped/000_23050114ca7add45.txt', 'utf8'),
    ];
    for (const text of samples) expect(indexTerms(text)).toBe(reference(text));
  });
});
