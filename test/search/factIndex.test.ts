import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { contentTerms, termHits } from '../../src/core/answers/snippets.ts';

describe('FactIndex on the shipped corpus', () => {
  const { kb } = openKnowledge('corpus');
  const { quotes, figures } = kb.corpus.facts;

  it('offers exactly the figures /figure would score above zero, in order', () => {
    const text = (f: (typeof figures)[number]) =>
      [f.label, f.unit ?? '', ...f.about, f.source.excerpt].join(' ').replace(/-/g, ' ');
    for (const question of ['killed in the chemical attack', 'missiles fired', 'percent', 'tomahawks', 'x']) {
      const terms = contentTerms(question);
      expect(kb.facts.figuresMatching(terms)).toEqual(figures.filter((f) => termHits(text(f), terms) > 0));
    }
  });

  it('finds quotes by speaker and by text', () => {
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(kb.facts.quotesBy(q.speaker)).toEqual(quotes.filter((x) => x.speaker === q.speaker));
      expect(kb.facts.quote(q.text, q.source.article)).toBe(
        quotes.find((x) => x.text === q.text && x.source.article === q.source.article),
      );
    }
  });
});
