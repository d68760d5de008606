import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { EntityIndex, type Lookup, type NamedTarget } from '../../src/search/entityIndex.ts';
import { nameKey } from '../../src/text/words.ts';

const { kb } = openKnowledge('corpus');
const names = kb.names;

function foundId(lookup: Lookup): string | undefined {
  return lookup.status === 'found' ? lookup.match.target.id : undefined;
}

const target = (
  id: string,
  name: string,
  kind: NamedTarget['kind'],
  aliases: string[] = [],
): NamedTarget => ({
  id,
  type: kind === 'event' ? 'event' : 'entity',
  kind,
  name,
  aliases,
});

describe('nameKey', () => {
  it('normalises case, accents, possessives, punctuation and a leading article', () => {
    expect(nameKey("The Admiral Grigorovich's")).toBe('admiral grigorovich');
    expect(nameKey('  Medvédev!! ')).toBe('medvedev');
    expect(nameKey('al-Assad')).toBe('al assad');
    expect(nameKey('An Example')).toBe('example');
  });
});

describe('EntityIndex on the shipped corpus', () => {
  it('finds an exact name or alias with score 0', () => {
    for (const [query, id] of [
      ['Tillerson', 'rex-tillerson'],
      ['rex tillerson', 'rex-tillerson'],
      ['Bashar Assad', 'bashar-al-assad'],
      ['the Shayrat airbase', 'shayrat-air-base'],
      ['US', 'united-states'],
    ] as const) {
      const lookup = names.lookup(query);
      expect(foundId(lookup), query).toBe(id);
      if (lookup.status === 'found') {
        expect(lookup.match.exact).toBe(true);
        expect(lookup.match.score).toBe(0);
      }
    }
  });

  it.each([
    ['Tilerson', 'rex-tillerson'],
    ['Lavrof', 'sergei-lavrov'],
    ['Shairat', 'shayrat-air-base'],
    ['Stoltenburg', 'jens-stoltenberg'],
  ])('tolerates the typo "%s"', (query, id) => {
    const lookup = names.lookup(query);
    expect(foundId(lookup)).toBe(id);
    if (lookup.status === 'found') {
      expect(lookup.match.exact).toBe(false);
      expect(lookup.match.score).toBeGreaterThan(0);
    }
  });

  it('calls "war" ambiguous between the wars it names', () => {
    const lookup = names.lookup('war');
    expect(lookup.status).toBe('ambiguous');
    if (lookup.status === 'ambiguous') {
      expect(lookup.matches.map((m) => m.target.id).sort()).toEqual(['cold-war', 'syrian-civil-war']);
    }
  });

  it('finds nothing for nonsense', () => {
    expect(names.lookup('xyzzyqq')).toEqual({ status: 'none', near: [] });
    expect(names.lookup('')).toEqual({ status: 'none', near: [] });
    expect(names.lookup('?!')).toEqual({ status: 'none', near: [] });
  });

  it('offers near names rather than guessing when a weak match is not alone', () => {
    const lookup = names.lookup('Lavorv');
    if (lookup.status === 'none') expect(lookup.near.map((m) => m.target.id)).toContain('sergei-lavrov');
    else expect(foundId(lookup)).toBe('sergei-lavrov');
  });

  it('knows events by name and alias, as type event', () => {
    const lookup = names.lookup('Tillerson-Lavrov meeting');
    expect(foundId(lookup)).toBe('tillerson-moscow-talks');
    if (lookup.status === 'found') expect(lookup.match.target.type).toBe('event');
  });

  it('lists exact matches without fuzzy search', () => {
    expect(names.exactMatches('Putin').map((m) => m.target.id)).toEqual(['vladimir-putin']);
    expect(names.exactMatches('Puttin')).toEqual([]);
  });
});

describe('EntityIndex rules', () => {
  const index = new EntityIndex([
    target('fob', 'Forward Operating Base', 'place'),
    target('steward', 'Steward Island', 'place'),
    target('george-washington', 'George Washington', 'person', ['Washington']),
    target('washington-dc', 'Washington', 'place', ['Washington DC']),
    target('harbour-bridge', 'Harbour Street bridge', 'thing', ['bridge']),
    target('harbour-bridge-closure', 'Harbour bridge closure', 'event', ['bridge closure']),
  ]);

  it('does not match a short query inside a longer word', () => {
    expect(index.candidates('war')).toEqual([]);
    expect(index.lookup('war').status).toBe('none');
    expect(index.lookup('ward').status).toBe('none');
  });

  it('takes a first name spelt another way when the surname is exact, and only then', () => {
    const people = new EntityIndex([target('haley', 'Nikki Haley', 'person')]);
    expect(foundId(people.lookup('Nicky Haley'))).toBe('haley');
    expect(people.lookup('Nicky Hale').status).toBe('none');
    expect(people.lookup('Bobby Haley').status).toBe('none');
  });

  it('matches a word prefix of four letters or more', () => {
    expect(foundId(index.lookup('Forw Operating'))).toBe('fob');
  });

  it('calls an exact name shared by two targets ambiguous, unless a kind is preferred', () => {
    const both = index.lookup('Washington');
    expect(both.status).toBe('ambiguous');
    if (both.status === 'ambiguous')
      expect(both.matches.map((m) => m.target.id).sort()).toEqual(['george-washington', 'washington-dc']);
    expect(foundId(index.lookup('Washington', { prefer: ['place'] }))).toBe('washington-dc');
    expect(foundId(index.lookup('Washington', { prefer: ['person'] }))).toBe('george-washington');
  });

  it('falls back to other kinds when nothing of the preferred kind matches', () => {
    expect(foundId(index.lookup('Steward Island', { prefer: ['person'] }))).toBe('steward');
    expect(foundId(index.lookup('Stewart Island', { prefer: ['person'] }))).toBe('steward');
  });

  it('returns one candidate per target, best first', () => {
    // "bridge" is an alias of one target and a word of the other's name and alias.
    const candidates = index.candidates('bridge');
    expect(candidates.map((c) => c.target.id)).toEqual(['harbour-bridge', 'harbour-bridge-closure']);
    expect(candidates[0]).toMatchObject({ exact: true, score: 0, matched: 'bridge' });
    expect(candidates[1]?.exact).toBe(false);
    expect(candidates[1]?.score).toBeGreaterThan(0);
  });

  it('limits the candidates', () => {
    expect(index.candidates('bridge', 1)).toHaveLength(1);
  });
});
