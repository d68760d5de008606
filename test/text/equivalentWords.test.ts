import { describe, expect, it } from 'vitest';
import { equivalentKeys } from '../../src/text/equivalentWords.ts';
import { isSpeechVerb } from '../../src/text/speechVerbs.ts';
import { wordKey } from '../../src/text/wordForms.ts';

describe('equivalentKeys', () => {
  it('a verb the text says in other words, in any form', () => {
    expect(equivalentKeys(wordKey('called'))).toContain(wordKey('known'));
    expect(equivalentKeys(wordKey('died'))).toContain(wordKey('death'));
    expect(equivalentKeys(wordKey('backing'))).toContain(wordKey('support'));
    expect(equivalentKeys(wordKey('wrecked'))).toContain(wordKey('ruined'));
    expect(equivalentKeys(wordKey('completely'))).toContain(wordKey('totally'));
    expect(equivalentKeys(wordKey('overseas'))).toContain(wordKey('abroad'));
    expect(equivalentKeys(wordKey('charge'))).toContain(wordKey('head'));
    // "when was the bank shut down?": "ordering the closure of the bank in July, 1985".
    expect(equivalentKeys(wordKey('closed'))).toContain(wordKey('closure'));
  });

  it('a word with no listed equivalent is only itself', () => {
    expect(equivalentKeys(wordKey('bridge'))).toEqual([wordKey('bridge')]);
  });
});

describe('isSpeechVerb', () => {
  it('any form of a verb of saying', () => {
    for (const w of ['said', 'warns', 'urged', 'complaining', 'stated', 'emphasised'])
      expect(isSpeechVerb(w)).toBe(true);
  });

  it('other verbs are not', () => {
    for (const w of ['built', 'sailed', 'bridge', 'the']) expect(isSpeechVerb(w)).toBe(false);
  });
});
