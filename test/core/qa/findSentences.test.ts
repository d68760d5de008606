import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import {
  acronymAliases,
  findSentences,
  keysOfText,
  textCoverage,
  type WeightedTerm,
} from '../../../src/core/qa/findSentences.ts';
import { equivalentKeys } from '../../../src/text/equivalentWords.ts';
import { wordKey } from '../../../src/text/wordForms.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

afterAll(removeCorpora);

const term = (word: string, weight = 1): WeightedTerm => {
  const key = wordKey(word);
  return { term: word, key, weight, keys: equivalentKeys(key) };
};

describe('sentence matching', () => {
  it("reads a sentence's capitalised first word also as the word it is in small letters", () => {
    // "Born" as a name keeps its own key; opening a sentence it is also "born" of "bear".
    const keys = keysOfText('Born in 1942 in Tredegar, he went to school in nearby Pengam.');
    expect(keys.has(wordKey('born'))).toBe(true);
    expect(keysOfText('They met Max Born in Berlin.').has(wordKey('born'))).toBe(false);
  });

  it('counts a word that says the same as the question’s', () => {
    const terms = [term('completely'), term('wrecked'), term('relations')];
    expect(textCoverage('the row has totally ruined relations', terms)).toBe(1);
    expect(textCoverage('the row has strained relations', terms)).toBeCloseTo(1 / 3);
    expect(textCoverage('China has made no such request', [term('asked')])).toBe(1);
    expect(textCoverage('The $100m movie is due out in May', [term('film')])).toBe(1);
    expect(textCoverage('NASA has selected Boeing to run it', [term('pick')])).toBe(1);
    expect(textCoverage('his first major foray into a conflict', [term('big'), term('venture')])).toBe(1);
    expect(textCoverage('combating terrorism', [term('fighting')])).toBe(1);
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

describe('misspelt question words', () => {
  const dir = makeCorpus({
    'talks.txt': [
      'Talks in Moscow',
      'Putin and Lavrov met the envoy on Wednesday to discuss the strike.',
      'The envoy later flew to Berlin for the summit.',
    ].join('\n\n'),
  });
  const { kb } = openKnowledge(dir);

  it('counts a word the archive never writes as the word it nearly spells ("putn" for Putin)', () => {
    const [best] = findSentences(kb, ['putn', 'lavrov', 'met']).hits;
    expect(best?.text).toMatch(/^Putin and Lavrov/);
    expect(best?.coverage).toBe(1);
  });

  it('leaves a word unread that is no slip of an archive word', () => {
    const [best] = findSentences(kb, ['nebenzia', 'summit']).hits;
    expect(best?.coverage).toBeLessThan(0.5);
  });
});

describe('acronymAliases', () => {
  const { kb } = openKnowledge(
    makeCorpus({
      'exchange.txt': [
        'Exchange news',
        'The Chicago Mercantile Exchange said volume rose. The CME plans a new contract.',
        "Gamers bought Zento's new Game Deck Portable (GDP) on Sunday. The Federal Deposit Insurance Corp (FDIC) closed a bank.",
      ].join('\n\n'),
      'agency.txt': [
        "CSA 'could close', says minister",
        'Ministers would not rule out scrapping the Child Support Agency if it failed to improve.',
      ].join('\n\n'),
    }),
  );

  it('lets a name of several words be found by the initials the archive writes', () => {
    expect(acronymAliases(kb, ['Chicago Mercantile Exchange']).get(wordKey('Mercantile'))).toBe('cme');
  });

  it('lets initials be found by the rarest word of what the archive spells them out as, capitals inside words too', () => {
    const aliases = acronymAliases(kb, ['GDP', 'FDIC', 'NATO']);
    expect(['Game', 'Deck', 'Portable'].map(wordKey)).toContain(aliases.get(wordKey('GDP')));
    expect(['Federal', 'Deposit', 'Insurance', 'Corp'].map(wordKey)).toContain(aliases.get(wordKey('FDIC')));
    expect(aliases.has(wordKey('NATO'))).toBe(false);
    // Without brackets: a name whose initials they are, in a story that writes the letters.
    expect(['Child', 'Support', 'Agency'].map(wordKey)).toContain(
      acronymAliases(kb, ['CSA']).get(wordKey('CSA')),
    );
  });
});
