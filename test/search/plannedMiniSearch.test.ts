import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildPassages } from '../../src/knowledge/buildPassages.ts';
import { loadCorpus } from '../../src/knowledge/loadCorpus.ts';
import { countTerms, indexTerms, normalizeTerm, PlannedMiniSearch } from '../../src/search/passageIndex.ts';
import { tokenize } from '../../src/text/words.ts';

describe('PlannedMiniSearch', () => {
  it('builds exactly the index plain MiniSearch builds (its faster addTerm changes nothing)', () => {
    const allPassages = [
      ...buildPassages(loadCorpus('corpus').articles),
      ...buildPassages(loadCorpus('test/fixtures/corpora/port-ellis').articles).map((p, i) => ({
        ...p,
        id: 1000 + i,
      })),
    ];
    const passages = allPassages.map((p) => ({ id: p.id, terms: indexTerms(p.text) }));
    const options = {
      fields: ['terms'],
      storeFields: [],
      tokenize: (s: string) => s.split(' '),
      searchOptions: { tokenize, processTerm: normalizeTerm },
    };
    const plain = new MiniSearch(options);
    plain.addAll(passages);
    const planned = new PlannedMiniSearch(options);
    planned.addAll(passages.slice(0, 20));
    planned.finishBuild(); // adding after the cache is gone must still be right
    planned.addAll(passages.slice(20));
    expect(JSON.stringify(planned)).toBe(JSON.stringify(plain));
    expect(planned.search('chemical attack')).toEqual(plain.search('chemical attack'));

    // From counted terms (what the parse workers send), in two batches: the same index again.
    const counted = new PlannedMiniSearch(options);
    const texts = allPassages.map((p) => p.text);
    const ids = allPassages.map((p) => p.id);
    counted.addCounted(ids.slice(0, 20), countTerms(texts.slice(0, 20)));
    counted.finishBuild();
    counted.addCounted(ids.slice(20), countTerms(texts.slice(20)));
    expect(JSON.stringify(counted)).toBe(JSON.stringify(plain));
  });

  it('scores and orders its best passages exactly as MiniSearch search does', () => {
    const passages = buildPassages(loadCorpus('corpus').articles).map((p) => ({
      id: p.id,
      terms: indexTerms(p.text),
    }));
    const options = { fields: ['terms'], storeFields: [], tokenize: (s: string) => s.split(' ') };
    const index = new PlannedMiniSearch(options);
    index.addAll(passages);
    const queries = [
      ['trump', 'russia'],
      ['syria', 'putin', 'relations'],
      ['moscow'],
      ['tillerson', 'us', 'week'],
    ];
    let bothWays = 0;
    for (const terms of queries) {
      for (const mode of ['any', 'all'] as const) {
        const expected = index
          .search(terms.join(' '), { combineWith: mode === 'all' ? 'AND' : 'OR' })
          .map((r) => ({ id: r.id, score: r.score, terms: r.terms }));
        if (mode === 'any') expect(expected.length).toBeGreaterThan(1);
        else bothWays += expected.length;
        expect(index.best(terms, mode, 1000)).toEqual(expected);
        expect(index.best(terms, mode, 3)).toEqual(expected.slice(0, 3));
      }
    }
    expect(bothWays).toBeGreaterThan(2);
  });
});
