import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';

describe('PassageIndex.savedParts', () => {
  it('is MiniSearch serialisation in parts: the same statistics and terms as toJSON', () => {
    const { kb } = openKnowledge('corpus');
    const whole = kb.passageIndex.toJSON();
    const parts = kb.passageIndex.savedParts();
    const { index, ...statistics } = whole.index;
    expect(parts.statistics).toEqual(statistics);
    expect([...parts.terms]).toEqual(index);
    expect(parts.passages).toEqual(whole.passages);
  });
});
