import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { PassageIndex } from '../../src/search/passageIndex.ts';

describe('PassageIndex.savedParts', () => {
  it('starts again as the same index (compared in MiniSearch serialisation), and searches alike', () => {
    const { kb } = openKnowledge('corpus');
    const parts = kb.passageIndex.savedParts();
    // Through JSON, as the saved index goes to disk.
    const terms = JSON.parse(JSON.stringify([...parts.terms]));
    expect(terms.length).toBeGreaterThan(100);
    const loaded = PassageIndex.fromParts({ passages: parts.passages, statistics: parts.statistics, terms });
    // The term tree may list terms in another order once rebuilt; what each term holds is the same.
    const plain = (index: PassageIndex) => {
      const { passages, index: saved } = index.toJSON();
      return { passages, ...saved, index: [...saved.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
    };
    expect(plain(loaded)).toEqual(plain(kb.passageIndex));
    const ids = (index: PassageIndex) =>
      index.search('Tillerson Moscow talks').map((h) => [h.passage.id, h.score]);
    expect(ids(loaded)).toEqual(ids(kb.passageIndex));
  });
});
