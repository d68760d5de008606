/**
 * Saves a built knowledge base to disk, so that a large corpus starts in about a second: the
 * articles, the verified and extracted facts, the load problems and the passage index. A saved
 * index is used only while its fingerprint still matches: every corpus file's path, size and
 * modification time, and the code that builds the index (the loader, extractor and search
 * sources, and the versions of the libraries they use). Any change means a full rebuild.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CorpusFiles, listCorpusFiles } from '../knowledge/loadCorpus.ts';
import type { Corpus } from '../knowledge/types.ts';
import { assembleKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase.ts';
import { PassageIndex, type SavedPassageIndex } from '../search/passageIndex.ts';

/** Bumped when the saved layout changes. */
const FORMAT = 1;
const SOURCE_DIRS = ['text', 'knowledge', 'search'];
const LIBRARIES = ['minisearch', 'compromise', '@mozilla/readability', 'linkedom', 'fuse.js'];

interface SavedKnowledge {
  format: number;
  fingerprint: string;
  corpus: Corpus;
  passageIndex: SavedPassageIndex;
}

let codeVersion: string | undefined;

/** A hash of the code that turns files into a knowledge base: a saved index from other code is stale. */
function codeFingerprint(): string {
  if (codeVersion) return codeVersion;
  const hash = createHash('sha256');
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  for (const dir of SOURCE_DIRS) {
    const files = readdirSync(join(src, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(src, join(entry.parentPath, entry.name)))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(join(src, file)));
  }
  for (const library of LIBRARIES) {
    try {
      const manifest = join(src, '..', 'node_modules', library, 'package.json');
      hash
        .update(library)
        .update((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '');
    } catch {
      hash.update(library);
    }
  }
  codeVersion = hash.digest('hex');
  return codeVersion;
}

/** What a saved index must match: the corpus files as they are now, and the code. */
export function corpusFingerprint(dir: string, files: CorpusFiles = listCorpusFiles(dir)): string {
  const hash = createHash('sha256').update(`${FORMAT}\n${codeFingerprint()}\n`);
  const listed = [...files.articles, ...files.facts, ...files.problems.map((p) => p.file)].sort();
  for (const file of listed) {
    try {
      const stat = statSync(join(dir, file));
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
    } catch {
      hash.update(`${file}\0missing\n`);
    }
  }
  return hash.digest('hex');
}

/** One file per corpus directory, named after it. */
export function cacheFileFor(cacheDir: string, corpusDir: string): string {
  const absolute = resolve(corpusDir);
  const id = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  const name = basename(absolute).replace(/[^\w.-]+/g, '_') || 'corpus';
  return join(cacheDir, `${name}-${id}.json`);
}

/** The saved knowledge base, if there is one for exactly this corpus and code; else undefined. */
export function loadSavedKnowledge(
  cacheDir: string,
  corpusDir: string,
  fingerprint: string,
): KnowledgeBase | undefined {
  let saved: SavedKnowledge;
  try {
    saved = JSON.parse(readFileSync(cacheFileFor(cacheDir, corpusDir), 'utf8')) as SavedKnowledge;
  } catch {
    return undefined;
  }
  if (saved.format !== FORMAT || saved.fingerprint !== fingerprint) return undefined;
  // The corpus directory is the one asked for, however it was written when saved.
  return assembleKnowledgeBase(
    { ...saved.corpus, dir: corpusDir },
    PassageIndex.fromJSON(saved.passageIndex),
  );
}

/** Saves a knowledge base (written to a temporary file, then renamed, so a reader never sees half). */
export function saveKnowledge(cacheDir: string, kb: KnowledgeBase, fingerprint: string): string {
  const file = cacheFileFor(cacheDir, kb.corpus.dir);
  mkdirSync(cacheDir, { recursive: true });
  const saved: SavedKnowledge = {
    format: FORMAT,
    fingerprint,
    corpus: kb.corpus,
    passageIndex: kb.passageIndex.toJSON(),
  };
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(saved));
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return file;
}
