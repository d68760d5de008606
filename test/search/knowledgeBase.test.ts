import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/knowledge/loadCorpus.ts';
import type { Corpus } from '../../src/knowledge/types.ts';
import { buildKnowledgeBase } from '../../src/search/knowledgeBase.ts';

describe('buildKnowledgeBase', () => {
  const corpus = loadCorpus('corpus');
  const kb = buildKnowledgeBase(corpus);

  it('indexes articles, entities and events by id', () => {
    expect([...kb.articles.keys()].sort()).toEqual(corpus.articles.map((a) => a.id).sort());
    // The curated entities, then those found only in the text.
    expect([...kb.entities.keys()]).toEqual(corpus.entities?.map((e) => e.id));
    expect([...kb.entities.keys()].slice(0, corpus.facts.entities.length)).toEqual(
      corpus.facts.entities.map((e) => e.id),
    );
    expect(kb.events.size).toBe(corpus.facts.events.length);
    expect(kb.entities.get('rex-tillerson')?.name).toBe('Rex Tillerson');
    expect(kb.events.get('shayrat-strike')?.place).toBe('shayrat-air-base');
  });

  it('has one title passage per article and passages whose id is their index', () => {
    expect(kb.passages.filter((p) => p.paragraph === -1)).toHaveLength(corpus.articles.length);
    expect(kb.passages.map((p) => p.id)).toEqual(kb.passages.map((_, i) => i));
    expect(kb.passageIndex.size).toBe(kb.passages.length);
  });

  it('names every entity and event in the name index, events as kind event', () => {
    expect(kb.names.targets).toHaveLength(kb.entities.size + corpus.facts.events.length);
    const event = kb.names.targets.find((t) => t.id === 'shayrat-strike');
    expect(event).toMatchObject({ type: 'event', kind: 'event' });
  });

  it('sums the article words and passes the load problems through', () => {
    expect(kb.words).toBe(corpus.articles.reduce((n, a) => n + a.words, 0));
    expect(kb.words).toBeGreaterThan(1000);
    expect(kb.problems).toBe(corpus.problems);
  });

  it('builds an empty knowledge base from an empty corpus', () => {
    const empty: Corpus = {
      dir: 'x',
      articles: [],
      facts: { entities: [], events: [], quotes: [], figures: [] },
      problems: [],
    };
    const none = buildKnowledgeBase(empty);
    expect(none.passages).toEqual([]);
    expect(none.passageIndex.search('anything')).toEqual([]);
    expect(none.names.lookup('anything').status).toBe('none');
    expect(none.words).toBe(0);
  });
});
