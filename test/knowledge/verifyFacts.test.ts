import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../src/knowledge/loadFacts.ts';
import type { Article, Entity, Facts } from '../../src/knowledge/types.ts';
import { verifyFacts } from '../../src/knowledge/verifyFacts.ts';

const ARTICLE: Article = {
  id: 'a',
  title: 'Mayor closes the bridge',
  file: 'a.md',
  body: 'Mayor Jane Okafor closed the Harbour Street bridge on Monday.\n\nShe said it was “not safe”.',
  words: 15,
};

const person = (id: string, excerpt: string): Entity => ({
  id,
  name: id,
  kind: 'person',
  aliases: [],
  roles: [],
  sources: [{ article: 'a', excerpt }],
});

describe('verifyFacts', () => {
  it('keeps facts whose excerpts occur in the title or body, across paragraph breaks', () => {
    const facts: Facts = {
      ...emptyFacts(),
      entities: [
        person('okafor', 'Mayor Jane Okafor'),
        person('title', 'MAYOR CLOSES THE BRIDGE'),
        person('span', 'on Monday. She said'),
      ],
    };
    const result = verifyFacts(facts, [ARTICLE], () => ({ file: 'f.yaml' }));
    expect(result.problems).toEqual([]);
    expect(result.facts.entities.map((e) => e.id)).toEqual(['okafor', 'title', 'span']);
  });

  it('matches curly quotes in the article with straight quotes in the excerpt', () => {
    const facts: Facts = { ...emptyFacts(), entities: [person('q', 'she said it was "not safe"')] };
    expect(verifyFacts(facts, [ARTICLE], () => ({ file: 'f.yaml' })).problems).toEqual([]);
  });

  it('words each problem with the origin the caller gives, with or without a line', () => {
    const facts: Facts = {
      ...emptyFacts(),
      entities: [person('one', 'closed the tunnel'), person('two', 'opened the bridge')],
    };
    const result = verifyFacts(facts, [ARTICLE], (section, id) =>
      id === 'one' ? { file: `${section}.yaml`, line: 7 } : { file: 'other.yaml' },
    );
    expect(result.facts.entities).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: 'entities.yaml',
        where: 'line 7',
        message: expect.stringContaining('entities "one" its excerpt "closed the tunnel"'),
      },
      { file: 'other.yaml', message: expect.stringContaining('entities "two"') },
    ]);
  });

  it('cuts a long excerpt to 80 characters in the message', () => {
    const long = `x${'y'.repeat(200)}`;
    const result = verifyFacts({ ...emptyFacts(), entities: [person('long', long)] }, [ARTICLE], () => ({
      file: 'f',
    }));
    expect(result.problems[0]?.message).toContain(`"${long.slice(0, 80)}"`);
    expect(result.problems[0]?.message).not.toContain(long.slice(0, 81));
  });

  it('does not check figure or quote "about" lists against entities (they may be plain topic words)', () => {
    const facts: Facts = {
      ...emptyFacts(),
      entities: [person('okafor', 'Mayor Jane Okafor')],
      quotes: [
        {
          id: 'q',
          speaker: 'okafor',
          text: 'not safe',
          about: ['safety', 'bridges'],
          source: { article: 'a', excerpt: 'it was “not safe”' },
        },
      ],
      figures: [
        {
          id: 'f',
          label: 'day',
          value: '1',
          about: ['unknown-thing'],
          source: { article: 'a', excerpt: 'bridge on Monday' },
        },
      ],
    };
    const result = verifyFacts(facts, [ARTICLE], () => ({ file: 'f' }));
    expect(result.problems).toEqual([]);
    expect(result.facts.quotes).toHaveLength(1);
    expect(result.facts.figures).toHaveLength(1);
  });
});
