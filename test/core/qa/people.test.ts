import { describe, expect, it } from 'vitest';
import { doesNamed } from '../../../src/core/qa/people.ts';
import { wordKey } from '../../../src/text/wordForms.ts';

const at = (sentence: string, name: string) => {
  const start = sentence.indexOf(name);
  return { start, end: start + name.length };
};

describe('doesNamed: the doer of a verb written as a noun', () => {
  const keys = [wordKey('test'), wordKey('firing')];
  it('after "from", past words that describe the maker ("has come from Kessel-based private investment firm X")', () => {
    const s =
      'The bid has come from Kessel-based private investment firm Harlow Capital, which owns 5% of it.';
    expect(doesNamed(s, at(s, 'Harlow Capital'), [wordKey('bid')])).toBe(true);
    expect(doesNamed(s, at(s, 'Harlow Capital'), [wordKey('loan')])).toBe(false);
  });

  it('the other side of a sale said as a noun, to a company its country owns ("to Spain\'s Ferrovial")', () => {
    const s = "The sale of the 33% stake to Tessaly's Marrow Group for 146 mln stg is a lifeline.";
    expect(doesNamed(s, at(s, 'Marrow Group'), [wordKey('bought')])).toBe(true);
  });

  it('after "by" the noun of the asked verb', () => {
    const s = 'It saw the US airstrike, the missile testing by North Korea and the G7 summit.';
    expect(doesNamed(s, at(s, 'North Korea'), keys)).toBe(true);
    expect(doesNamed(s, at(s, 'US'), keys)).toBe(false);
  });

  it('as the owner of the noun', () => {
    const s = "North Korea's missile testing alarmed Japan.";
    expect(doesNamed(s, at(s, 'North Korea'), keys)).toBe(true);
    expect(doesNamed(s, at(s, 'Japan'), keys)).toBe(false);
  });

  it('after "by" with a few words between the verb and it', () => {
    const s = 'Trump called for him to go, a point confirmed this week by Nikki Haley, the US envoy.';
    expect(doesNamed(s, at(s, 'Nikki Haley'), [wordKey('confirmed')])).toBe(true);
    expect(doesNamed(s, at(s, 'Nikki Haley'), keys)).toBe(false);
    const raid = 'The raid was allegedly carried out by the Kestrel gang.';
    expect(doesNamed(raid, at(raid, 'Kestrel'), [wordKey('committing')])).toBe(true);
    // Another verb between: the name is the doer of that one.
    const hall = 'The hall was designed and later sold by Ann Rudd.';
    expect(doesNamed(hall, at(hall, 'Ann Rudd'), [wordKey('designed')])).toBe(false);
  });

  it('not after "by" a word of another verb', () => {
    const s = 'The talks hosted by North Korea went nowhere.';
    expect(doesNamed(s, at(s, 'North Korea'), keys)).toBe(false);
  });
});
