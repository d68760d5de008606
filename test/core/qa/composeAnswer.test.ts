import { describe, expect, it } from 'vitest';
import { windowAround } from '../../../src/core/qa/composeAnswer.ts';
import { wordKey } from '../../../src/text/wordForms.ts';

describe('windowAround', () => {
  it("shows the stretch of a long sentence that holds the most of the question's words", () => {
    const sentence =
      'A big part of the reason for this change of course is the mayor’s assessment of relations with the port, ' +
      'which she said on Wednesday may be at an all-time low, having previously had such high hopes for a ' +
      'different outcome given her now-cooled friendship with the harbour master.';
    const shown = windowAround(sentence, ['mayor', 'friendship', 'harbour', 'master'].map(wordKey), 120);
    expect(shown).toContain('now-cooled friendship with the harbour master');
    expect(shown.length).toBeLessThanOrEqual(122);
  });

  it('keeps a sentence short enough whole', () => {
    expect(windowAround('The mayor met the harbour master.', [wordKey('mayor')], 120)).toBe(
      'The mayor met the harbour master.',
    );
  });
});
