import { describe, expect, it } from 'vitest';
import { titleBefore } from '../../../src/knowledge/extract/rolePhrases.ts';

const titleOf = (text: string, name: string) => titleBefore(text, text.indexOf(name));

describe('titleBefore', () => {
  it('reads the title written right before a name, with its offsets', () => {
    const text = 'On Monday, Russian Foreign Minister Sergei Lavrov said';
    const title = titleOf(text, 'Sergei');
    expect(title?.text).toBe('Russian Foreign Minister');
    expect(text.slice(title?.start, title?.end)).toBe('Russian Foreign Minister');
  });

  it('splits words at any white space, as \\s does (tabs, line breaks, no-break and thin spaces)', () => {
    for (const space of ['\t', '\n', '\u00a0', '\u2009', '\u3000']) {
      const text = `Talks went on.${space}Foreign${space}Minister${space}Sergei Lavrov`;
      expect(titleOf(text, 'Sergei')?.text).toBe(`Foreign Minister`);
    }
  });

  it('keeps whose title it is, written as a possessive before it', () => {
    expect(titleOf("The car is ready, said Aston's chief executive Ulrich Bez.", 'Ulrich')?.text).toBe(
      "Aston's chief executive",
    );
  });

  it('keeps a field of two words ("investor relations director") and the company before it', () => {
    const text = 'Chrysler investor relations director Everett Scranton said the debt was forgiven.';
    expect(titleOf(text, 'Everett')?.text).toBe('Chrysler investor relations director');
  });

  it('keeps the field of a lowercase role ("commercial manager"), not any word before it', () => {
    const text = 'Sales fell to 20 tonnes, commercial manager Yoot Ramsa told Reuters.';
    expect(titleOf(text, 'Yoot')?.text).toBe('commercial manager');
    expect(titleOf('The talks went on, said senior sales director Ann Lee.', 'Ann')?.text).toBe(
      'senior sales director',
    );
    expect(titleOf('He told the angry manager Bo Ek to go.', 'Bo')?.text).toBe('manager');
  });

  it('finds none after punctuation or without a role word, and none at the start of the text', () => {
    expect(titleOf('He met the minister, Sergei Lavrov', 'Sergei')).toBeUndefined();
    expect(titleOf('He met Sergei Lavrov', 'Sergei')).toBeUndefined();
    expect(titleOf('Sergei Lavrov', 'Sergei')).toBeUndefined();
  });
});
