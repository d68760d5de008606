import { describe, expect, it } from 'vitest';
import { nameChoices } from '../../../src/adapters/discord/autocomplete.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';

const { kb } = openKnowledge('corpus');

describe('nameChoices', () => {
  it('completes from the first letters typed', () => {
    expect(nameChoices(kb.names, 'Tr').map((c) => c.value)).toContain('Donald Trump');
    expect(nameChoices(kb.names, 'till')[0]).toEqual({
      name: 'Rex Tillerson · person',
      value: 'Rex Tillerson',
    });
  });

  it('tolerates typos through the entity index', () => {
    expect(nameChoices(kb.names, 'Tilerson').map((c) => c.value)).toContain('Rex Tillerson');
  });

  it('offers 25 names at most, within Discord limits', () => {
    const all = nameChoices(kb.names, '');
    expect(all).toHaveLength(25);
    for (const c of [...all, ...nameChoices(kb.names, 'a')]) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(nameChoices(kb.names, 'russia', 3)).toHaveLength(3);
    expect(nameChoices(kb.names, 'qqqzzzxx')).toEqual([]);
  });

  it('answers fast enough to leave most of the 3-second budget', () => {
    const started = performance.now();
    for (const typed of ['R', 'Ru', 'Rus', 'Russ', 'Russi', 'Russia']) nameChoices(kb.names, typed);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
