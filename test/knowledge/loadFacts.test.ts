import { describe, expect, it } from 'vitest';
import { emptyFacts, loadFacts } from '../../src/knowledge/loadFacts.ts';

const VALID = `entities:
  - id: jane-okafor
    name: Jane Okafor
    kind: person
    sources: [{article: bridge, excerpt: "Mayor Jane Okafor said"}]
events:
  - id: bridge-closure
    name: Bridge closure
    summary: The bridge was closed.
    sources: [{article: bridge, excerpt: "was closed to traffic on Monday"}]
quotes:
  - id: okafor-safe
    speaker: jane-okafor
    text: We will not reopen it until it is safe
    source: {article: bridge, excerpt: "We will not reopen it until it is safe"}
figures:
  - id: vehicles
    label: vehicles a day
    value: 12000
    source: {article: bridge, excerpt: "about 12,000 vehicles a day"}
`;

describe('loadFacts', () => {
  it('reads all four sections and fills in defaults', () => {
    const result = loadFacts('facts.yaml', VALID);
    expect(result.problems).toEqual([]);
    expect(result.facts.entities).toEqual([
      {
        id: 'jane-okafor',
        name: 'Jane Okafor',
        kind: 'person',
        aliases: [],
        roles: [],
        sources: [{ article: 'bridge', excerpt: 'Mayor Jane Okafor said' }],
      },
    ]);
    expect(result.facts.events[0]).toMatchObject({
      id: 'bridge-closure',
      participants: [],
      follows: [],
      accounts: [],
    });
    expect(result.facts.quotes[0]).toMatchObject({ id: 'okafor-safe', speaker: 'jane-okafor', about: [] });
    // A number in YAML becomes the figure's text value.
    expect(result.facts.figures[0]?.value).toBe('12000');
  });

  it('records the line of every fact for later messages', () => {
    const { lines } = loadFacts('facts.yaml', VALID);
    expect(lines.get('entities:jane-okafor')).toBe(2);
    expect(lines.get('events:bridge-closure')).toBe(7);
    expect(lines.get('quotes:okafor-safe')).toBe(12);
    expect(lines.get('figures:vehicles')).toBe(17);
  });

  it('treats an empty or comment-only file as no facts and no problems', () => {
    for (const raw of ['', '# nothing yet\n', 'entities: []\n']) {
      const result = loadFacts('f.yaml', raw);
      expect(result.problems).toEqual([]);
      expect(result.facts).toEqual(emptyFacts());
    }
  });

  it('reports invalid YAML with its line and loads nothing from the file', () => {
    const result = loadFacts('bad.yaml', 'entities:\n  - id: ok\n   name: [\n');
    expect(result.facts).toEqual(emptyFacts());
    expect(result.problems).toEqual([
      {
        file: 'bad.yaml',
        where: expect.stringMatching(/^line \d+$/),
        message: expect.stringMatching(/^not valid YAML: /),
      },
    ]);
  });

  it('reports an unknown top-level section and names the sections a facts file has', () => {
    const result = loadFacts('f.yaml', 'entitys:\n  - id: x\n');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/entitys/);
    expect(result.problems[0]?.message).toMatch(/entities, events, quotes and figures/);
  });

  it('reports a file that is a list instead of sections', () => {
    const result = loadFacts('f.yaml', '- a\n- b\n');
    expect(result.problems[0]?.message).toMatch(/expected object/);
  });

  it('skips a bad fact with the line and field of the problem and keeps the others', () => {
    const raw = `entities:
  - id: good
    name: Good
    kind: person
    sources: [{article: a, excerpt: "some words here"}]
  - id: bad
    name: Bad
    kind: animal
    sources: [{article: a, excerpt: "some words here"}]
  - id: Bad_Id
    name: Bad
    kind: person
    sources: [{article: a, excerpt: "some words here"}]
  - id: no-sources
    name: Lonely
    kind: place
    sources: []
quotes:
  - id: short-excerpt
    speaker: good
    text: hello
    source: {article: a, excerpt: "hi"}
`;
    const result = loadFacts('facts.yaml', raw);
    expect(result.facts.entities.map((e) => e.id)).toEqual(['good']);
    expect(result.facts.quotes).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: 'facts.yaml',
        where: 'line 8, field entities.1.kind',
        message: expect.stringMatching(/^bad: entities\.1\.kind: .*"person".*; this fact was skipped$/),
      },
      {
        file: 'facts.yaml',
        where: 'line 10, field entities.2.id',
        message: expect.stringMatching(/^Bad_Id: entities\.2\.id: use lower-case letters/),
      },
      {
        file: 'facts.yaml',
        where: 'line 17, field entities.3.sources',
        message: expect.stringMatching(/cite at least one article excerpt/),
      },
      {
        file: 'facts.yaml',
        where: 'line 22, field quotes.0.source.excerpt',
        message: expect.stringMatching(/quote at least a few words/),
      },
    ]);
  });

  it('names a missing required field by its parent item', () => {
    const result = loadFacts(
      'f.yaml',
      'events:\n  - id: e1\n    name: Something\n    sources: [{article: a, excerpt: "long enough"}]\n',
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/^e1: events\.0\.summary: /);
    expect(result.problems[0]?.where).toMatch(/^line 2, field events\.0\.summary$/);
  });
});

describe('loadFacts: YAML alias errors', () => {
  const bomb = () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ])
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    return `${lines.join('\n')}\n`;
  };

  it('reports an alias without an anchor as a problem with its line, never a throw', () => {
    const result = loadFacts('facts.yaml', `${VALID}extra: *typo\n`);
    expect(result.problems).toEqual([
      {
        file: 'facts.yaml',
        where: `line ${VALID.split('\n').length}`,
        message: expect.stringMatching(/^not valid YAML: Unresolved alias.*typo/),
      },
    ]);
    expect(result.facts).toEqual(emptyFacts());
  });

  it('reports an alias bomb as a problem', () => {
    const result = loadFacts('bomb.yaml', bomb());
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/not valid YAML: Excessive alias count/);
  });

  it('reports an alias error in article front matter as a problem of that article', async () => {
    const { loadArticle } = await import('../../src/knowledge/loadArticle.ts');
    const result = loadArticle('a.md', '---\ntitle: Bridge\nextra: *typo\n---\nThe bridge closed.\n');
    expect(result).toEqual({
      ok: false,
      problem: {
        file: 'a.md',
        where: 'line 3',
        message: expect.stringMatching(/^front matter is not valid YAML: Unresolved alias/),
      },
    });
  });
});
