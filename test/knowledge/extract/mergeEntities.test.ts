import { describe, expect, it } from 'vitest';
import type { ExtractedEntity } from '../../../src/knowledge/extract/extractEntities.ts';
import { mergeEntities } from '../../../src/knowledge/extract/mergeEntities.ts';
import type { Entity } from '../../../src/knowledge/types.ts';

const ref = (article: string, excerpt: string) => ({ article, excerpt });

function extracted(article: string, name: string, more: Partial<ExtractedEntity> = {}): ExtractedEntity {
  return {
    name,
    kind: 'person',
    aliases: [],
    roles: [],
    sources: [ref(article, name)],
    mentions: 1,
    ...more,
  };
}

const curated: Entity[] = [
  {
    id: 'rex-tillerson',
    name: 'Rex Tillerson',
    kind: 'person',
    aliases: ['Tillerson'],
    roles: [{ title: 'US Secretary of State', source: ref('a', 'US Secretary of State Rex Tillerson') }],
    sources: [ref('a', 'Rex Tillerson')],
  },
  {
    id: 'jane-roe',
    name: 'Jane Roe',
    kind: 'person',
    aliases: ['Roe'],
    roles: [],
    sources: [ref('a', 'Jane Roe')],
  },
];

describe('mergeEntities', () => {
  it('keeps curated facts first and unchanged, adding text roles only where they have none', () => {
    const merged = mergeEntities(
      curated,
      [],
      [
        [
          extracted('a', 'Rex Tillerson', { roles: [{ title: 'oil executive', source: ref('a', 'x') }] }),
          extracted('a', 'Jane Roe', {
            roles: [{ title: 'Dallas lawyer', source: ref('a', 'Jane Roe, a Dallas lawyer') }],
          }),
        ],
      ],
    );
    expect(merged).toHaveLength(2);
    expect(merged[0]).toBe(curated[0]);
    expect(merged[1]?.roles.map((r) => r.title)).toEqual(['Dallas lawyer']);
    expect(merged[1]?.origin).toBeUndefined();
  });

  it('merges a name across articles and joins a lone surname to the one full name', () => {
    const merged = mergeEntities(
      [],
      [],
      [
        [
          extracted('a', 'Jane Okafor', {
            aliases: ['Okafor'],
            roles: [{ title: 'Mayor', source: ref('a', 'Mayor Jane Okafor') }],
          }),
        ],
        [extracted('b', 'Okafor', { roles: [{ title: 'mayor', source: ref('b', 'Okafor, the mayor') }] })],
        [extracted('c', 'Jane Okafor', { aliases: ['Okafor'] })],
      ],
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      id: 'jane-okafor',
      name: 'Jane Okafor',
      origin: 'extracted',
      aliases: ['Okafor'],
    });
    expect(merged[0]?.roles.map((r) => r.title)).toEqual(['Mayor']);
    expect(merged[0]?.sources.map((s) => s.article)).toEqual(['a', 'c', 'b']);
  });

  it('never takes an alias that would make a curated name ambiguous, nor a curated event name', () => {
    const merged = mergeEntities(
      curated,
      [
        {
          id: 'talks',
          name: 'Moscow Talks',
          aliases: [],
          summary: 's',
          participants: [],
          follows: [],
          accounts: [],
          sources: [ref('a', 'talks')],
        },
      ],
      [
        [
          extracted('a', 'Ada Tillerson', { aliases: ['Tillerson'] }),
          extracted('a', 'Moscow Talks', { kind: 'place' }),
        ],
      ],
    );
    const ada = merged.find((e) => e.name === 'Ada Tillerson');
    expect(ada?.aliases).toEqual([]);
    expect(merged.find((e) => e.name === 'Moscow Talks')).toBeUndefined();
  });
});
