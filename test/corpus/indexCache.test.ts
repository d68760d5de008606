import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.ts';
import { cacheFileFor, corpusFingerprint } from '../../src/corpus/indexCache.ts';
import { indexCacheDir } from '../../src/corpus/liveKnowledge.ts';
import { loadKnowledge } from '../../src/corpus/loadKnowledge.ts';

describe('saved index', () => {
  let root: string;
  let dir: string;
  let cacheDir: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cache-'));
    dir = join(root, 'corpus');
    cacheDir = join(root, 'index');
    writeFileSync(join(root, 'placeholder'), '');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('starts from the saved index while the corpus is unchanged, and rebuilds when a file changes', async () => {
    rmSync(dir, { recursive: true, force: true });
    const { cpSync } = await import('node:fs');
    cpSync('test/fixtures/corpora/riverton', dir, { recursive: true });

    const built = await loadKnowledge(dir, { cacheDir });
    expect(built.fromCache).toBe(false);
    expect(built.save()).toBe(cacheFileFor(cacheDir, dir));

    const again = await loadKnowledge(dir, { cacheDir });
    expect(again.fromCache).toBe(true);
    expect([...again.kb.articles.values()]).toEqual([...built.kb.articles.values()]);
    expect([...again.kb.entities.values()]).toEqual([...built.kb.entities.values()]);
    expect(again.kb.passages).toEqual(built.kb.passages);
    expect(again.kb.problems).toEqual(built.kb.problems);
    expect(again.kb.names.targets).toEqual(built.kb.names.targets);
    for (const query of ['ferry', 'Okoro dam', 'noise study', 'Delgdo']) {
      expect(again.kb.passageIndex.search(query)).toEqual(built.kb.passageIndex.search(query));
    }

    const before = corpusFingerprint(dir);
    writeFileSync(
      join(dir, 'market-hall.md'),
      '# Fish market closes\n\nThe fish market hall closed again.\n',
    );
    utimesSync(join(dir, 'market-hall.md'), new Date(), new Date(Date.now() + 5000));
    expect(corpusFingerprint(dir)).not.toBe(before);
    const changed = await loadKnowledge(dir, { cacheDir });
    expect(changed.fromCache).toBe(false);
    expect([...changed.kb.articles.values()].map((a) => a.title)).toContain('Fish market closes');
  });

  it('ignores a saved file that cannot be read', async () => {
    writeFileSync(join(cacheFileFor(cacheDir, dir), 'manifest.json'), '{ not json');
    expect((await loadKnowledge(dir, { cacheDir })).fromCache).toBe(false);
  });

  it('lives in DATA_DIR/index unless INDEX_CACHE_DIR says otherwise; "off" turns it off', () => {
    expect(indexCacheDir(loadSettings({}))).toBe(join('data', 'index'));
    expect(indexCacheDir(loadSettings({ DATA_DIR: '/var/bot' }))).toBe(join('/var/bot', 'index'));
    expect(indexCacheDir(loadSettings({ INDEX_CACHE_DIR: '/tmp/idx' }))).toBe('/tmp/idx');
    expect(indexCacheDir(loadSettings({ INDEX_CACHE_DIR: 'off' }))).toBeUndefined();
    expect(loadSettings({}).CORPUS_WATCH).toBe(true);
    expect(loadSettings({ CORPUS_WATCH: 'false' }).CORPUS_WATCH).toBe(false);
    expect(() => loadSettings({ CORPUS_WATCH: 'sometimes' })).toThrow(/CORPUS_WATCH: must be true or false/);
  });
});
