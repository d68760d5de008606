import { describe, expect, it } from 'vitest';
import { inSlot } from '../../../src/core/qa/answerQuestion.ts';
import type { Evidence } from '../../../src/core/qa/evidence.ts';
import type { Ranked } from '../../../src/core/qa/rankCandidates.ts';

const ranked = (
  text: string,
  score: number,
  confidence: number,
  offset: number,
  slotted = false,
): Ranked => ({
  text,
  score,
  confidence,
  slotted,
  evidence: { text: `${text} ...`, articleId: 'a', offset } as Evidence,
});

describe('inSlot: a doer in the asked slot of a found sentence', () => {
  it('beats a name scored a little higher from a sentence next to it', () => {
    const list = [
      ranked('Donald Trump', 0.78, 0.7, -1),
      ranked('Putin', 0.76, 0.69, 0, true),
      ranked('Daily Mirror', 0.55, 0.85, 0, true),
    ];
    // Among slotted names, the one whose sentence holds most of the question.
    expect(inSlot(list)?.text).toBe('Daily Mirror');
  });

  it('not when it scores far below, or its sentence matches too little', () => {
    expect(inSlot([ranked('A', 1, 0.7, 0), ranked('B', 0.4, 0.9, 0, true)])).toBeUndefined();
    expect(inSlot([ranked('A', 1, 0.7, 0), ranked('B', 0.9, 0.3, 0, true)])).toBeUndefined();
    expect(inSlot([ranked('A', 1, 0.7, 0), ranked('B', 0.9, 0.9, 1, true)])).toBeUndefined();
  });
});
