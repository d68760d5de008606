import { describe, expect, it } from 'vitest';
import { sameFamily, wordKey } from '../../src/text/wordForms.ts';

describe('wordKey', () => {
  it('folds a word family to one key ("founded", "founder"; "built", "build"; "died", "dies")', () => {
    expect(wordKey('founded')).toBe(wordKey('founder'));
    expect(wordKey('built')).toBe(wordKey('build'));
    expect(wordKey('Built')).toBe(wordKey('build'));
    expect(wordKey('died')).toBe(wordKey('dies'));
    expect(sameFamily(wordKey('licenced'), wordKey('licensed'))).toBe(true);
  });

  it('keeps a capitalised name that reads as another verb\'s irregular past ("the Fed", "Rose")', () => {
    expect(wordKey('fed')).toBe(wordKey('feed'));
    expect(wordKey('Fed')).not.toBe(wordKey('feed'));
    expect(wordKey('rose')).toBe(wordKey('rise'));
    expect(wordKey('Rose')).not.toBe(wordKey('rise'));
    expect(wordKey('Fed')).toBe(wordKey('Fed'));
  });

  it('reads initials written with full stops as written without ("U.S." is "US")', () => {
    expect(wordKey('U.S')).toBe(wordKey('US'));
    expect(wordKey('U.N.')).toBe(wordKey('UN'));
    expect(wordKey('e.g')).toBe('eg');
    expect(wordKey('St.Louis')).not.toBe(wordKey('StLouis'));
  });

  it('folds accents, as the search index and the question\'s terms do ("Iklé" is "Ikle")', () => {
    expect(wordKey('Iklé')).toBe(wordKey('Ikle'));
    expect(wordKey('GRUCAÑA')).toBe(wordKey('grucana'));
  });
});
