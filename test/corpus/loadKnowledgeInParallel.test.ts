import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../src/bench/syntheticCorpus.ts';
import { loadKnowledgeInParallel, PARALLEL_MIN_ARTICLES } from '../../src/corpus/loadKnowledgeInParallel.ts';
import { loadCorpus } from '../../src/knowledge/loadCorpus.ts';
import { buildKnowledgeBase } from '../../src/search/knowledgeBase.ts';

describe('loadKnowledgeInParallel', () => {
  let dir: string;

  beforeAll(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'parallel-')), 'corpus');
    const made = writeSyntheticCorpus(dir, 160_000, 3);
    expect(made.words).toBeGreaterThan(150_000);
    // Problems must come out the same too: a broken file and a duplicate id late in the list.
    writeFileSync(join(dir, 'articles', 'zz-broken.md'), '---\ntitle: [unclosed\n---\nText.\n');
    writeFileSync(join(dir, 'articles', 'zz-duplicate.md'), '---\nid: synthetic-00003\n---\nA copy.\n');
    // Every format, and people found only in the text: an HTML page, a file of several stories.
    mkdirSync(join(dir, 'articles', 'mixed'));
    for (const file of [
      'ferry-service-resumes.html',
      'wire-briefs.txt',
      'dam-inspection.md',
      'market-hall.md',
    ])
      copyFileSync(join('test/fixtures/corpora/riverton', file), join(dir, 'articles', 'mixed', file));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the same knowledge base as the single-threaded loader', async () => {
    const serial = buildKnowledgeBase(loadCorpus(dir));
    expect(serial.articles.size).toBeGreaterThanOrEqual(PARALLEL_MIN_ARTICLES);
    const errors: Error[] = [];
    const parallel = await loadKnowledgeInParallel(dir, { workers: 2, onWorkerError: (e) => errors.push(e) });
    expect(errors).toEqual([]);

    expect([...parallel.articles.keys()]).toEqual([...serial.articles.keys()]);
    expect(parallel.passages).toEqual(serial.passages);
    expect(parallel.problems).toEqual(serial.problems);
    expect(parallel.problems.map((p) => p.file)).toEqual([
      'articles/zz-broken.md',
      'articles/zz-duplicate.md',
    ]);
    expect([...parallel.entities.values()]).toEqual([...serial.entities.values()]);
    expect(parallel.entities.get('okoro')?.roles[0]?.title).toBe('Senator');
    expect(parallel.articles.get('wire-briefs-2')?.title).toBe('Court rejects bid to halt quarry');
    for (const query of ['budget Castillo', 'harbour strike', 'Weber said']) {
      expect(parallel.passageIndex.search(query)).toEqual(serial.passageIndex.search(query));
    }
  });

  it('loads small corpora in this thread', async () => {
    const kb = await loadKnowledgeInParallel('corpus');
    expect(kb.articles.size).toBe(2);
    expect(kb.problems).toEqual([]);
  });
});
