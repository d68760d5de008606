import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { EntityIndex, type NamedTarget } from '../../src/search/entityIndex.ts';
import { NameCandidates, typoBudget, withinTypos } from '../../src/search/nameCandidates.ts';

/** Whether b is a with one pair of neighbouring letters swapped (written out, not the code's own test). */
function swapsTwo(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  for (let i = 0; i + 1 < a.length; i++) {
    if (a.slice(0, i) + (a[i + 1] ?? '') + (a[i] ?? '') + a.slice(i + 2) === b) return true;
  }
  return false;
}

/** What the index must find: the words a query word aligns with, by looking at every word. */
function aligned(query: string, words: readonly string[]): string[] {
  return words
    .filter(
      (w) =>
        w === query ||
        (query.length >= 4 && w.startsWith(query)) ||
        (typoBudget(query.length) > 0 && distance(query, w) <= typoBudget(query.length)) ||
        // Two neighbouring letters swapped count as one typo ("kahn" for "khan").
        (typoBudget(query.length) > 0 && swapsTwo(query, w)),
    )
    .sort();
}

describe('NameCandidates', () => {
  it('finds the same words as a scan: equal, started by the query, or within its typo budget', () => {
    const word = fc.stringMatching(/^[abcde]{1,8}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, (words, query) => {
        const index = new NameCandidates<string>();
        for (const w of words) index.add([w], w);
        expect(index.wordsFor(query).sort()).toEqual(aligned(query, words));
      }),
      { numRuns: 2000 },
    );
  });

  it('forgets the words of a removed name', () => {
    const index = new NameCandidates<string>();
    index.add(['sergey', 'lavrov'], 'a');
    index.add(['lavrova'], 'b');
    expect([...index.candidates(['lavrov'])].sort()).toEqual(['a', 'b']);
    index.remove(['sergey', 'lavrov'], 'a');
    expect([...index.candidates(['lavrov'])]).toEqual(['b']);
    expect([...index.candidates(['sergey'])]).toEqual([]);
  });
});

describe('EntityIndex in place', () => {
  const person = (id: string, name: string): NamedTarget => ({
    id,
    type: 'entity',
    kind: 'person',
    name,
    aliases: [],
  });

  it('adds, replaces and removes names without a rebuild', () => {
    const index = new EntityIndex([person('lavrov', 'Sergey Lavrov')]);
    index.add(person('tillerson', 'Rex Tillerson'));
    expect(index.lookup('Tilerson').status).toBe('found');
    index.add(person('tillerson', 'Rex W. Tillerson'));
    expect(index.targets.map((t) => t.name)).toEqual(['Sergey Lavrov', 'Rex W. Tillerson']);
    index.remove('entity', 'tillerson');
    expect(index.lookup('Tilerson').status).toBe('none');
    expect(index.lookup('Lavrov').status).toBe('found');
  });

  it('counts two neighbouring letters swapped as one typo ("Negar Kahn" is Negar Khan)', () => {
    const index = new EntityIndex([person('khan', 'Negar Khan'), person('reyes', 'Tom Reyes')]);
    const found = index.lookup('Negar Kahn');
    expect(found.status === 'found' && found.match.target.id).toBe('khan');
    const reyes = index.lookup('Reyse');
    expect(reyes.status === 'found' && reyes.match.target.id).toBe('reyes');
    expect(withinTypos('kahn', 'khan')).toBe(true);
    expect(withinTypos('kahn', 'hank')).toBe(false);
  });
});
