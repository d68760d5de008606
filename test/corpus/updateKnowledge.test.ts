import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/corpus/loadKnowledge.ts';
import type { KnowledgeBase } from '../../src/search/knowledgeBase.ts';

/** What answers read, comparable between an updated and a freshly built knowledge base. */
function view(kb: KnowledgeBase) {
  const search = (q: string) =>
    kb.passageIndex.search(q).map((h) => `${h.passage.articleId}:${h.passage.text}`);
  return {
    articles: kb.corpus.articles.map((a) => a.id),
    entities: [...kb.entities.values()].map((e) => `${e.id}:${e.name}:${e.kind}`),
    targets: kb.names.targets.map((t) => `${t.type}:${t.id}`).sort(),
    problems: kb.problems.map((p) => p.message).sort(),
    words: kb.words,
    passages: kb.passages.filter((p) => p.articleId).length,
    searches: ['ferry', 'Okoro dam', 'harbour bridge', 'market hall noise', 'Delgdo'].map(search),
    lookups: ['Okoro', 'Harbour Master', 'Delgdo'].map((q) => kb.names.lookup(q).status),
  };
}

describe('incremental reload', () => {
  const root = mkdtempSync(join(tmpdir(), 'update-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads only the changed files and ends where a full build does', async () => {
    const dir = join(root, 'corpus');
    cpSync('test/fixtures/corpora/riverton', dir, { recursive: true });
    const first = await loadKnowledge(dir);
    const passageIndex = first.kb.passageIndex;

    // One file added (from the other fixture corpus), one changed, one removed.
    const other = 'test/fixtures/corpora/port-ellis';
    const added = readFileSync(join(other, 'harbour-bridge.md'), 'utf8');
    writeFileSync(join(dir, 'harbour-bridge.md'), added);
    appendFileSync(
      join(dir, 'market-hall.md'),
      '\n\nThe market hall noise study will be published in May.\n',
    );
    utimesSync(join(dir, 'market-hall.md'), new Date(), new Date(Date.now() + 5000));
    rmSync(join(dir, 'dam-inspection.md'));

    const updated = await loadKnowledge(dir, { previous: first.kb });
    expect(updated.incremental).toBe(true);
    expect(updated.kb.passageIndex).toBe(passageIndex);
    const full = await loadKnowledge(dir);
    expect(full.incremental).toBeUndefined();
    expect(view(updated.kb)).toEqual(view(full.kb));

    const unchanged = await loadKnowledge(dir, { previous: updated.kb });
    expect(unchanged.kb).toBe(updated.kb);
  });
});

describe('a saved index of a corpus that changed since', () => {
  const root = mkdtempSync(join(tmpdir(), 'update-saved-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is loaded and brought up to date by reading only the changed files', async () => {
    const dir = join(root, 'corpus');
    const cacheDir = join(root, 'index');
    cpSync('test/fixtures/corpora/riverton', dir, { recursive: true });
    (await loadKnowledge(dir, { cacheDir })).save();
    writeFileSync(
      join(dir, 'harbour-bridge.md'),
      readFileSync('test/fixtures/corpora/port-ellis/harbour-bridge.md'),
    );

    const started = await loadKnowledge(dir, { cacheDir });
    expect(started.incremental).toBe(true);
    expect(view(started.kb)).toEqual(view((await loadKnowledge(dir)).kb));
    started.save();
    expect((await loadKnowledge(dir, { cacheDir })).fromCache).toBe(true);
  });
});
