import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import type { Passage } from '../../src/knowledge/types.ts';
import { normalizeTerm, PassageIndex } from '../../src/search/passageIndex.ts';
import { tokenize } from '../../src/text/words.ts';

const passagesOf = (texts: readonly string[]): Passage[] =>
  texts.map((text, id) => ({ id, articleId: `article-${id % 3}`, paragraph: id, text }));

const ids = (index: PassageIndex, query: string, options = {}) =>
  index.search(query, options).map((h) => h.passage.id);

describe('tokenize and normalizeTerm', () => {
  it('splits on non-word characters and keeps possessives together', () => {
    expect(tokenize('Moscow’s “deep-freeze” (2017), U.S.')).toEqual([
      "Moscow's",
      'deep',
      'freeze',
      '2017',
      'U',
      'S',
    ]);
  });

  it('lower-cases, strips accents and possessive s, and drops stop words and single letters', () => {
    expect(normalizeTerm("Moscow's")).toBe('moscow');
    expect(normalizeTerm('Medvédev')).toBe('medvedev');
    expect(normalizeTerm('the')).toBeNull();
    expect(normalizeTerm('said')).toBeNull();
    expect(normalizeTerm('x')).toBeNull();
    expect(normalizeTerm('7')).toBe('7');
  });
});

describe('PassageIndex ranking', () => {
  const index = new PassageIndex(
    passagesOf([
      'The cat sat on the mat.',
      'The cat and the dog met a bird.',
      'A dog barked at a bird.',
      'Medvedev warned of war.',
      'Moscow’s suspension of the deal.',
      'Nothing relevant here at all.',
    ]),
  );

  it('ranks passages holding more of the query terms first', () => {
    const hits = index.search('cat dog bird');
    expect(hits.map((h) => h.passage.id)).toEqual([1, 2, 0]);
    expect(hits[0]?.terms.sort()).toEqual(['bird', 'cat', 'dog']);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('with all:true returns only passages holding every term', () => {
    expect(ids(index, 'cat dog', { all: true })).toEqual([1]);
    expect(ids(index, 'cat zebra', { all: true })).toEqual([]);
    expect(ids(index, 'cat zebra')).toEqual([0, 1]);
  });

  it('matches accents, possessives and case the same way as the text', () => {
    expect(ids(index, 'MEDVÉDEV')).toEqual([3]);
    expect(ids(index, 'moscow')).toEqual([4]);
    expect(ids(index, "Moscow's")).toEqual([4]);
  });

  it('finds nothing for stop words only, or for words not in the index', () => {
    expect(index.search('the and of')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search('zebra')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(index.search('cat dog bird', { limit: 2 })).toHaveLength(2);
    expect(index.size).toBe(6);
  });
});

describe('PassageIndex typo tolerance', () => {
  const { kb } = openKnowledge('corpus');

  it('corrects an unknown word to the nearest indexed one ("Grigorovih" finds Grigorovich)', () => {
    const hits = kb.passageIndex.search('Grigorovih');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.passage.text).toContain('Admiral Grigorovich');
    expect(hits[0]?.terms).toContain('grigorovich');
  });

  it('does not correct when fuzzy is off', () => {
    expect(kb.passageIndex.search('Grigorovih', { fuzzy: false })).toEqual([]);
  });

  it('does not correct short words (fewer than five letters)', () => {
    expect(kb.passageIndex.search('Putn')).toEqual([]);
  });

  it('corrects two typos in a long name', () => {
    const hits = kb.passageIndex.search('Tilerzon');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.passage.text).toContain('Tillerson');
  });

  it('reads two swapped letters as one slip, before walking the index at two edits', () => {
    const hits = kb.passageIndex.search('Tillresno');
    expect(hits.length).toBe(0);
    expect(kb.passageIndex.search('Tillesron')[0]?.passage.text).toContain('Tillerson');
    expect(kb.passageIndex.similarTerms('Grigorvoich')).toEqual(['grigorovich']);
  });

  it('suggests close indexed words for unknown ones and none for known ones', () => {
    expect(kb.passageIndex.similarTerms('Grigorovih')).toEqual(['grigorovich']);
    expect(kb.passageIndex.similarTerms('Tillerson')).toEqual([]);
    expect(kb.passageIndex.similarTerms('Grigorovih Tilerson')).toEqual(['grigorovich', 'tillerson']);
    expect(kb.passageIndex.similarTerms('Grigorovih Tilerson', 1)).toEqual(['grigorovich']);
  });
});

describe('PassageIndex query planning with common terms', () => {
  // 400 passages: "harbour" is in all of them, "council" in about half, "zeppelin" in four.
  const texts = Array.from({ length: 400 }, (_, i) => {
    const words = ['harbour', `filler${i}`];
    if (i % 2 === 0) words.push('council');
    if (i === 17 || i === 333) words.push('zeppelin');
    if (i === 101 || i === 103) words.push('council', 'zeppelin');
    return `${words.join(' ')}.`;
  });
  const index = new PassageIndex(passagesOf(texts));
  const holds = (id: number, word: string) => (texts[id] ?? '').split(/\W+/).includes(word);

  it('lets the rare word find the passages and the common word only re-rank them', () => {
    const hits = index.search('harbour zeppelin');
    expect(hits.map((h) => h.passage.id).sort((a, b) => a - b)).toEqual([17, 101, 103, 333]);
    for (const hit of hits) expect(hit.terms).toEqual(expect.arrayContaining(['zeppelin', 'harbour']));
  });

  it('puts rare-word passages that also hold a common word first', () => {
    const found = ids(index, 'council zeppelin');
    expect(found.slice(0, 2).sort()).toEqual([101, 103]);
    expect(found.slice(2).sort()).toEqual([17, 333]);
  });

  it('with all:true keeps only rare-word passages that hold the common word too', () => {
    expect(ids(index, 'council zeppelin', { all: true }).sort()).toEqual([101, 103]);
  });

  it('answers a query of only common words with passages holding all of them', () => {
    const hits = index.search('harbour council', { limit: 1000 });
    const expected = texts.map((_, i) => i).filter((i) => holds(i, 'council'));
    expect(hits.map((h) => h.passage.id).sort((a, b) => a - b)).toEqual(expected);
    for (const hit of hits) expect(hit.terms.sort()).toEqual(['council', 'harbour']);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('falls back to the least common word when no passage holds all common words (not with all:true)', () => {
    const disjoint = new PassageIndex(
      passagesOf(Array.from({ length: 450 }, (_, i) => (i < 210 ? `alpha filler${i}.` : `beta filler${i}.`))),
    );
    const hits = disjoint.search('beta alpha', { limit: 5 });
    expect(hits).toHaveLength(5);
    // alpha (210 passages) is less common than beta (240).
    for (const hit of hits) expect(hit.passage.text.startsWith('alpha')).toBe(true);
    expect(disjoint.search('beta alpha', { all: true })).toEqual([]);
  });

  it('corrects a typo in a rare word even when the index is large', () => {
    expect(ids(index, 'zepelin').sort((a, b) => a - b)).toEqual([17, 101, 103, 333]);
  });

  it('suggests close words for each unknown word of a query', () => {
    expect(index.similarTerms('zepelin harbr counsil')).toEqual(['zeppelin', 'harbour', 'council']);
  });
});
