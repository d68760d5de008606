import { afterAll, describe, expect, it } from 'vitest';
import { CorpusNotFoundError, loadCorpus } from '../../src/knowledge/loadCorpus.ts';
import type { Corpus, SourceRef } from '../../src/knowledge/types.ts';
import { comparable } from '../../src/text/normalizeText.ts';
import { article, makeCorpus, must, removeCorpora } from './support.ts';

afterAll(removeCorpora);

const PARIS = article(
  'paris',
  'Paris talks',
  'Alice Smith met Bob Jones in Paris on Monday. They discussed “the harbour deal”.',
);

const PEOPLE = `entities:
  - id: alice
    name: Alice Smith
    kind: person
    sources: [{article: paris, excerpt: "Alice Smith met Bob Jones"}]
  - id: bob
    name: Bob Jones
    kind: person
    sources: [{article: paris, excerpt: "met Bob Jones in Paris"}]
`;

/** Every source reference of every fact, with the fact it belongs to. */
function allRefs(corpus: Corpus): { fact: string; ref: SourceRef }[] {
  const { entities, events, quotes, figures } = corpus.facts;
  return [
    ...entities.flatMap((e) =>
      [...e.sources, ...e.roles.map((r) => r.source)].map((ref) => ({ fact: e.id, ref })),
    ),
    ...events.flatMap((e) =>
      [...e.sources, ...e.accounts.map((a) => a.source)].map((ref) => ({ fact: e.id, ref })),
    ),
    ...quotes.map((q) => ({ fact: q.id, ref: q.source })),
    ...figures.map((f) => ({ fact: f.id, ref: f.source })),
  ];
}

describe('loadCorpus on the shipped corpus', () => {
  const corpus = loadCorpus('corpus');

  it('loads with no problems', () => {
    expect(corpus.problems).toEqual([]);
  });

  it('loads both articles and every kind of fact', () => {
    expect(corpus.articles.map((a) => a.id).sort()).toEqual([
      'us-russia-deep-freeze',
      'us-russia-where-next',
    ]);
    expect(corpus.facts.entities.length).toBeGreaterThan(20);
    expect(corpus.facts.events.length).toBeGreaterThan(5);
    expect(corpus.facts.quotes.length).toBeGreaterThan(5);
    expect(corpus.facts.figures.length).toBeGreaterThan(2);
  });

  it('has every excerpt of every fact in the article it cites', () => {
    const texts = new Map(corpus.articles.map((a) => [a.id, comparable(`${a.title}\n${a.body}`)]));
    const refs = allRefs(corpus);
    expect(refs.length).toBeGreaterThan(100);
    for (const { fact, ref } of refs) {
      const text = texts.get(ref.article);
      expect(text, `${fact} cites ${ref.article}`).toBeDefined();
      expect(text?.includes(comparable(ref.excerpt)), `${fact}: ${ref.excerpt}`).toBe(true);
    }
  });

  it('has every referenced entity among the facts', () => {
    const known = new Set([...corpus.facts.entities, ...corpus.facts.events].map((x) => x.id));
    for (const e of corpus.facts.events) {
      for (const id of [...(e.place ? [e.place] : []), ...e.participants, ...e.follows])
        expect(known, e.id).toContain(id);
    }
    for (const q of corpus.facts.quotes) expect(known, q.id).toContain(q.speaker);
  });

  it('cleans the scraped chrome out of the deep-freeze article but keeps its news', () => {
    const a = must(corpus.articles.find((x) => x.id === 'us-russia-deep-freeze'));
    expect(a.author).toBe('Andrew Hammond');
    expect(a.publication).toBe('Mail & Guardian');
    expect(a.published).toBe('2017-04-13');
    for (const chrome of [
      'Subscribe',
      'Latest stories',
      'Omicron',
      'Kabila',
      'is an associate at LSE IDEAS',
      '@StAntsCollege',
    ]) {
      expect(a.body).not.toContain(chrome);
    }
    expect(a.body.startsWith('US Secretary of State Rex Tillerson met with')).toBe(true);
    expect(a.body).toContain('Taken overall, the escalation of tensions in Syria');
    // The headline repeated as the first scraped line is not part of the body.
    expect(a.body).not.toContain('deep freeze?');
    expect(a.file).toBe('articles/us-russia-deep-freeze.md');
  });

  it('skips the README', () => {
    expect(corpus.articles.some((a) => a.file.toLowerCase().includes('readme'))).toBe(false);
  });
});

describe('loadCorpus on the port-ellis fixture', () => {
  const corpus = loadCorpus('test/fixtures/corpora/port-ellis');

  it('loads the good articles and reports the bad date and the unsupported file', () => {
    expect(corpus.articles.map((a) => a.id).sort()).toEqual(['harbour-bridge-closed', 'school-budget']);
    const byFile = [...corpus.problems].sort((a, b) => a.file.localeCompare(b.file));
    expect(byFile).toEqual([
      {
        file: 'broken-dates.md',
        where: 'line 3, field published',
        message: expect.stringMatching(/YYYY-MM-DD.*; the article was skipped$/),
      },
      { file: 'notes.pdf', message: expect.stringMatching(/^skipped: "\.pdf" files are not read/) },
    ]);
  });

  it('removes the subscription prompt and related stories from the bridge story', () => {
    const bridge = must(corpus.articles.find((a) => a.id === 'harbour-bridge-closed'));
    expect(bridge.body).not.toMatch(/Subscribe|Cancel anytime|Related stories|Fishing season/);
    expect(bridge.body).toContain('12,000 vehicles a day');
  });
});

describe('loadCorpus problems', () => {
  it('throws CorpusNotFoundError for a missing directory or a file', () => {
    expect(() => loadCorpus('/definitely/not/here')).toThrow(CorpusNotFoundError);
    expect(() => loadCorpus('package.json')).toThrow(CorpusNotFoundError);
    try {
      loadCorpus('/definitely/not/here');
    } catch (error) {
      expect((error as CorpusNotFoundError).code).toBe('CORPUS_NOT_FOUND');
      expect((error as Error).message).toContain('/definitely/not/here');
    }
  });

  it('loads an empty directory as an empty corpus', () => {
    const corpus = loadCorpus(makeCorpus({}));
    expect(corpus.articles).toEqual([]);
    expect(corpus.problems).toEqual([]);
  });

  it('walks subdirectories and skips README and hidden files', () => {
    const dir = makeCorpus({
      'a.md': PARIS,
      'more/b.txt': 'Second story\n\nSomething else happened.\n',
      'more/.hidden.md': article('hidden', 'Hidden', 'Should not load.'),
      'README.md': '# Read me\n\nNot an article.\n',
      'more/readme.txt': 'Not an article either.\n',
    });
    const corpus = loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map((a) => [a.id, a.file])).toEqual([
      ['paris', 'a.md'],
      ['b', 'more/b.txt'],
    ]);
  });

  it('notes unsupported file types and still loads the rest', () => {
    const dir = makeCorpus({ 'a.md': PARIS, 'scan.pdf': 'x', LICENSE: 'MIT', 'data.json': '{}' });
    const corpus = loadCorpus(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.problems.map((p) => p.file).sort()).toEqual(['LICENSE', 'data.json', 'scan.pdf']);
    expect(corpus.problems.find((p) => p.file === 'LICENSE')?.message).toContain('"no extension"');
  });

  it('skips a second article with an id already used, naming the first file', () => {
    const dir = makeCorpus({ 'a.md': PARIS, 'b.md': article('paris', 'Other', 'Another text entirely.') });
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.file)).toEqual(['a.md']);
    expect(corpus.problems).toEqual([
      {
        file: 'b.md',
        message: expect.stringMatching(/article id "paris" is already used by a\.md.*this file was skipped/),
      },
    ]);
  });

  it('reports a malformed facts file with its line, skips it, and still loads articles and other facts', () => {
    const dir = makeCorpus({
      'a.md': PARIS,
      'broken.yaml': 'entities:\n  - id: x\n    name: [unclosed\n',
      'people.yml': PEOPLE,
    });
    const corpus = loadCorpus(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.facts.entities.map((e) => e.id)).toEqual(['alice', 'bob']);
    expect(corpus.problems).toEqual([
      {
        file: 'broken.yaml',
        where: expect.stringMatching(/^line \d+$/),
        message: expect.stringMatching(/not valid YAML/),
      },
    ]);
  });

  it('drops a fact whose excerpt is not in the article, naming file, fact and line, and keeps the others', () => {
    const facts = `${PEOPLE}  - id: carol
    name: Carol King
    kind: person
    sources: [{article: paris, excerpt: "Carol King arrived in Paris"}]
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'facts.yaml': facts }));
    expect(corpus.facts.entities.map((e) => e.id)).toEqual(['alice', 'bob']);
    expect(corpus.problems).toEqual([
      {
        file: 'facts.yaml',
        where: 'line 10',
        message: expect.stringMatching(
          /^entities "carol" its excerpt "Carol King arrived in Paris" does not occur in article "paris".*this fact was skipped$/,
        ),
      },
    ]);
  });

  it('compares excerpts without regard to case, curly quotes or spacing', () => {
    const facts = `entities:
  - id: deal
    name: harbour deal
    kind: thing
    sources: [{article: paris, excerpt: 'THEY   discussed "the harbour deal"'}]
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'facts.yaml': facts }));
    expect(corpus.problems).toEqual([]);
    expect(corpus.facts.entities.map((e) => e.id)).toEqual(['deal']);
  });

  it('checks role sources and event account sources too', () => {
    const facts = `entities:
  - id: alice
    name: Alice Smith
    kind: person
    roles:
      - title: mayor
        source: {article: paris, excerpt: "Mayor Alice Smith said"}
    sources: [{article: paris, excerpt: "Alice Smith met Bob Jones"}]
events:
  - id: meeting
    name: Meeting in Paris
    summary: They met.
    accounts:
      - says: They met on Tuesday.
        source: {article: paris, excerpt: "met on Tuesday in Paris"}
    sources: [{article: paris, excerpt: "in Paris on Monday"}]
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'facts.yaml': facts }));
    expect(corpus.facts.entities).toEqual([]);
    expect(corpus.facts.events).toEqual([]);
    expect(corpus.problems.map((p) => [p.where, p.message.slice(0, 20)])).toEqual([
      ['line 2', 'entities "alice" its'],
      ['line 10', 'events "meeting" its'],
    ]);
  });

  it('drops a fact citing an article that is not in the corpus', () => {
    const facts = `figures:
  - id: count
    label: people at the meeting
    value: 2
    source: {article: london, excerpt: "two people met in London"}
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'facts.yaml': facts }));
    expect(corpus.facts.figures).toEqual([]);
    expect(corpus.problems).toEqual([
      {
        file: 'facts.yaml',
        where: 'line 2',
        message: 'figures "count" cites article "london", which is not in the corpus; this fact was skipped',
      },
    ]);
  });

  it('drops events and quotes that refer to unknown entities', () => {
    const facts = `${PEOPLE}events:
  - id: meeting
    name: Meeting
    summary: They met.
    place: paris-city
    participants: [alice, ghost]
    sources: [{article: paris, excerpt: "in Paris on Monday"}]
  - id: fine
    name: Fine meeting
    summary: They met.
    participants: [alice, bob]
    sources: [{article: paris, excerpt: "in Paris on Monday"}]
quotes:
  - id: q1
    speaker: nobody
    text: the harbour deal
    source: {article: paris, excerpt: "the harbour deal"}
  - id: q2
    speaker: fine
    text: the harbour deal
    source: {article: paris, excerpt: "the harbour deal"}
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'facts.yaml': facts }));
    expect(corpus.facts.events.map((e) => e.id)).toEqual(['fine']);
    // Event ids count as known references too.
    expect(corpus.facts.quotes.map((q) => q.id)).toEqual(['q2']);
    expect(corpus.problems).toEqual([
      {
        file: 'facts.yaml',
        where: 'line 11',
        message: expect.stringMatching(
          /^events "meeting" refers to unknown entity "paris-city", "ghost"; .*skipped$/,
        ),
      },
      {
        file: 'facts.yaml',
        where: 'line 23',
        message: expect.stringMatching(/^quotes "q1" refers to unknown entity "nobody"/),
      },
    ]);
  });

  it('drops facts that refer to an entity dropped for a bad excerpt', () => {
    const facts = `entities:
  - id: alice
    name: Alice Smith
    kind: person
    sources: [{article: paris, excerpt: "not in the article at all"}]
quotes:
  - id: q1
    speaker: alice
    text: the harbour deal
    source: {article: paris, excerpt: "the harbour deal"}
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'facts.yaml': facts }));
    expect(corpus.facts.entities).toEqual([]);
    expect(corpus.facts.quotes).toEqual([]);
    expect(corpus.problems.map((p) => p.message.split(' ').slice(0, 2).join(' '))).toEqual([
      'entities "alice"',
      'quotes "q1"',
    ]);
  });

  it('skips a fact id defined again in another file, naming the first file', () => {
    const again = `entities:
  - id: alice
    name: Alice Again
    kind: person
    sources: [{article: paris, excerpt: "Alice Smith met"}]
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'a-facts.yaml': PEOPLE, 'b-facts.yaml': again }));
    expect(corpus.facts.entities.map((e) => e.name)).toEqual(['Alice Smith', 'Bob Jones']);
    expect(corpus.problems).toEqual([
      {
        file: 'b-facts.yaml',
        message:
          'entities "alice" is already defined in a-facts.yaml; ids must be unique; this fact was skipped',
      },
    ]);
  });

  it('allows the same id in different sections', () => {
    const facts = `${PEOPLE}events:
  - id: alice
    name: Alice's visit
    summary: Alice visited.
    sources: [{article: paris, excerpt: "in Paris on Monday"}]
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'facts.yaml': facts }));
    expect(corpus.problems).toEqual([]);
    expect(corpus.facts.events.map((e) => e.id)).toEqual(['alice']);
  });

  it('skips a bad article with the reason and keeps loading', () => {
    const dir = makeCorpus({ 'a.md': PARIS, 'b.md': '---\ntitle: [oops\n---\nText.\n' });
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['paris']);
    expect(corpus.problems).toHaveLength(1);
    expect(corpus.problems[0]).toMatchObject({
      file: 'b.md',
      message: expect.stringMatching(/; the article was skipped$/),
    });
  });

  // BUG: when an id is repeated inside one facts file, loadFacts records the line of the *last*
  // occurrence, so a problem about the first (kept) item points at the duplicate's line.
  it('reports the line of the kept item, not of its duplicate, when an id repeats in one file (fixed)', () => {
    const facts = `entities:
  - id: alice
    name: Alice Smith
    kind: person
    sources: [{article: paris, excerpt: "this excerpt is not there"}]
  - id: alice
    name: Alice Again
    kind: person
    sources: [{article: paris, excerpt: "Alice Smith met Bob Jones"}]
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'facts.yaml': facts }));
    const excerptProblem = must(corpus.problems.find((p) => p.message.includes('does not occur')));
    expect(excerptProblem.where).toBe('line 2');
  });

  // BUG: verifyFacts builds the set of known ids before the reference check drops events, so an
  // event that "follows" a dropped event keeps a dangling reference (answers then show its raw id).
  it('drops or cleans "follows" references to an event that was itself dropped (fixed)', () => {
    const facts = `${PEOPLE}events:
  - id: meeting
    name: Meeting
    summary: They met.
    participants: [alice, ghost]
    sources: [{article: paris, excerpt: "met Bob Jones in Paris"}]
  - id: later
    name: Later
    summary: Afterwards.
    follows: [meeting]
    sources: [{article: paris, excerpt: "in Paris on Monday"}]
`;
    const corpus = loadCorpus(makeCorpus({ 'a.md': PARIS, 'facts.yaml': facts }));
    const ids = new Set(corpus.facts.events.map((e) => e.id));
    for (const e of corpus.facts.events) for (const f of e.follows) expect(ids).toContain(f);
  });
});

describe('loadCorpus: symbolic links', () => {
  it('notes each link it does not follow, file or folder, and loads the rest', async () => {
    const { mkdirSync, symlinkSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const outside = makeCorpus({ 'secret.md': '# Secret\n\nSomething from outside the corpus.\n' });
    const dir = makeCorpus({ 'paris.md': PARIS });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'linked.md'));
    mkdirSync(join(dir, 'desk'));
    symlinkSync(outside, join(dir, 'desk', 'elsewhere'));
    writeFileSync(join(dir, 'desk', 'note.txt'), 'A note\n\nThe desk keeps a note.\n');
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.file).sort()).toEqual(['desk/note.txt', 'paris.md']);
    expect(corpus.problems).toEqual([
      {
        file: 'desk/elsewhere',
        message: expect.stringMatching(/^skipped: a symbolic link, which is not followed/),
      },
      {
        file: 'linked.md',
        message: expect.stringMatching(/^skipped: a symbolic link, which is not followed/),
      },
    ]);
  });
});
