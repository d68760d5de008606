import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/knowledge/extract/extractEntities.ts';
import type { Article } from '../../../src/knowledge/types.ts';
import { comparable } from '../../../src/text/normalizeText.ts';

const pieces = [
  'Mayor',
  'Sen.',
  'Gov.',
  'Jane',
  'Okafor',
  'O’Neil-Smith',
  'al-Assad',
  'de',
  'la',
  'of',
  'the',
  'Bank',
  'U.S.',
  'NATO',
  ',',
  '.',
  ', who chairs',
  ', a lawyer,',
  'said',
  '“',
  '”',
  '"',
  "'s",
  '-',
  '&',
  '\n\n',
  'Port',
  'Ellis',
  'Street',
  'Mr.',
  'J.',
  'Émile',
  'Zoë',
  '42',
  '(',
  ')',
  ':',
  '…',
  'who',
  'is',
  'a',
];

describe('extractEntities on any text', () => {
  it('never throws, and every excerpt it cites occurs in the article', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(text, (body) => {
        const article: Article = { id: 'a', title: 'T', file: 'a.md', body, words: 1 };
        for (const entity of extractEntities(article)) {
          expect(entity.name.trim()).not.toBe('');
          for (const ref of [...entity.sources, ...entity.roles.map((r) => r.source)]) {
            expect(comparable(body)).toContain(comparable(ref.excerpt));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
