/**
 * Saves a built knowledge base to disk, so that a large corpus starts in seconds: the articles,
 * the verified and extracted facts, the load problems, the passage index, and what each corpus
 * file gave (for incremental reloads). It is written as a folder of parts, each a bounded JSON
 * text (never the whole index as one string, which fails past V8's string limit at about 100 M
 * words), into a temporary folder renamed into place, so a reader never sees half. Its
 * manifest, written last, says what it covers: the corpus files with their sizes and
 * modification times, the code it was built by, and its parts. A few parts are read at a time,
 * each parsed as it arrives.
 * A saved index built by other code is never used; one whose corpus files changed since is
 * loaded and brought up to date by an incremental reload (loadKnowledge.ts).
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CorpusSources, fileStamp } from '../knowledge/corpusSources.ts';
import type { ArticleResult } from '../knowledge/loadArticle.ts';
import type { FactsFileResult } from '../knowledge/loadCorpus.ts';
import { type CorpusFiles, listCorpusFiles } from '../knowledge/loadCorpus.ts';
import type { Article, Corpus, Entity, Passage } from '../knowledge/types.ts';
import { assembleKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase.ts';
import { PassageIndex, type SavedPassageIndex, type SavedTerm } from '../search/passageIndex.ts';

/** Bumped when the saved layout changes. */
const FORMAT = 3;
const SOURCE_DIRS = ['text', 'knowledge', 'search'];
const LIBRARIES = ['minisearch', 'compromise', '@mozilla/readability', 'linkedom', 'fuse.js'];
/** A part is closed once its JSON passes this size: far below V8's string limit at any corpus size. */
const PART_BYTES = 32 * 1024 * 1024;
/** Written in pieces of about this size (one write per item would be millions of writes). */
const WRITE_BYTES = 1024 * 1024;
/** Parts read at once when loading. */
const READERS = 4;
const PART_KINDS = ['articles', 'entities', 'passages', 'terms', 'sources'] as const;

type PartKind = (typeof PART_KINDS)[number];

interface Manifest {
  format: number;
  /** corpusFingerprint: the corpus files and the code, as they were when it was built. */
  fingerprint: string;
  /** The code alone: a saved index from other code is never used, whatever the corpus. */
  code: string;
  /** What it covers: every corpus file with its size and modification time when read. */
  covers: { articles: number; passages: number; words: number; files: [string, string][] };
  parts: Record<PartKind, string[]>;
  created: string;
}

/** The parts that are not lists: the corpus without its articles and entities, the index's statistics. */
interface SavedHead {
  corpus: Omit<Corpus, 'articles' | 'entities'>;
  hasEntities: boolean;
  index: Omit<SavedPassageIndex['index'], 'index'>;
  facts?: [string, { stamp: string; result: SavedFactsResult }][];
  skipped?: string;
}

type SavedFactsResult =
  | FactsFileResult
  | (Omit<Extract<FactsFileResult, { facts: unknown }>, 'lines'> & { lines: [string, number][] });
/** An article result, its article by position in the corpus's articles when it is one of them. */
type SavedResult =
  | ArticleResult
  | { ok: true; ref: number; entities?: Extract<ArticleResult, { ok: true }>['entities'] };
type SavedSource = [file: string, stamp: string, results: SavedResult[]];

let codeVersion: string | undefined;

/** A hash of the code that turns files into a knowledge base: a saved index from other code is stale. */
export function codeFingerprint(): string {
  if (codeVersion) return codeVersion;
  const hash = createHash('sha256').update(`${FORMAT}\n`);
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  for (const dir of SOURCE_DIRS) {
    const files = readdirSync(join(src, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
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

function stamps(dir: string, files: CorpusFiles): [string, string][] {
  const listed = [...files.articles, ...files.facts, ...files.problems.map((p) => p.file)].sort();
  return listed.map((file) => [file, fileStamp(dir, file)]);
}

/** What a saved index must match: the corpus files as they are now, and the code. */
export function corpusFingerprint(dir: string, files: CorpusFiles = listCorpusFiles(dir)): string {
  const hash = createHash('sha256').update(`${FORMAT}\n${codeFingerprint()}\n`);
  for (const [file, stamp] of stamps(dir, files)) hash.update(`${file}\0${stamp}\n`);
  return hash.digest('hex');
}

/** The saved index's folder: one per corpus directory, named after it. */
export function cacheFileFor(cacheDir: string, corpusDir: string): string {
  const absolute = resolve(corpusDir);
  const id = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  const name = basename(absolute).replace(/[^\w.-]+/g, '_') || 'corpus';
  return join(cacheDir, `${name}-${id}`);
}

export interface SavedKnowledge {
  kb: KnowledgeBase;
  /** Whether the corpus files are still exactly those it was built from. */
  current: boolean;
}

/**
 * The saved knowledge base for this corpus, if one was saved by this code; `current` says whether
 * the corpus is unchanged since (else the caller brings it up to date). Undefined when there is
 * none, it is unreadable, or it comes from other code.
 */
export async function loadSavedKnowledge(
  cacheDir: string,
  corpusDir: string,
  fingerprint: string,
): Promise<SavedKnowledge | undefined> {
  const folder = cacheFileFor(cacheDir, corpusDir);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.format !== FORMAT || manifest.code !== codeFingerprint()) return undefined;
    const read = <T>(kind: PartKind) => readParts<T>(folder, manifest.parts[kind]);
    const saved = JSON.parse(readFileSync(join(folder, 'head.json'), 'utf8')) as SavedHead;
    const [corpusArticles, entities, passages, terms, sources] = await Promise.all([
      read<Article>('articles'),
      read<Entity>('entities'),
      read<Passage>('passages'),
      read<SavedTerm>('terms'),
      read<SavedSource>('sources'),
    ]);
    const corpus: Corpus = {
      ...saved.corpus,
      dir: corpusDir,
      articles: corpusArticles,
      ...(saved.hasEntities ? { entities } : {}),
    };
    const index = PassageIndex.fromParts({ passages, statistics: saved.index, terms });
    const kb = assembleKnowledgeBase(corpus, index, {
      ...(saved.facts ? { sources: reviveSources(saved, sources, corpusArticles) } : {}),
    });
    return { kb, current: manifest.fingerprint === fingerprint };
  } catch {
    return undefined;
  }
}

/**
 * The items of a list's parts, in order. A few parts are read at a time, each parsed as soon as it
 * is read: reading overlaps parsing, and the text of only a few parts is held at once.
 */
async function readParts<T>(folder: string, names: readonly string[]): Promise<T[]> {
  const parsed: T[][] = [];
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < names.length; i = next++) {
      parsed[i] = JSON.parse(await readFile(join(folder, names[i] as string), 'utf8')) as T[];
    }
  };
  await Promise.all(Array.from({ length: Math.min(READERS, names.length) }, reader));
  return parsed.flat();
}

function reviveSources(saved: SavedHead, sources: SavedSource[], articles: Article[]): CorpusSources {
  const revived: CorpusSources = { articles: new Map(), facts: new Map(), skipped: saved.skipped ?? '[]' };
  for (const [file, stamp, results] of sources) {
    revived.articles.set(file, {
      stamp,
      results: results.map((r): ArticleResult => {
        if (!('ref' in r)) return r;
        const article = articles[r.ref];
        if (!article) throw new Error(`saved index: article ${r.ref} is missing`);
        return r.entities ? { ok: true, article, entities: r.entities } : { ok: true, article };
      }),
    });
  }
  for (const [file, { stamp, result }] of saved.facts ?? []) {
    const lines = 'lines' in result ? new Map(result.lines as [string, number][]) : undefined;
    revived.facts.set(file, { stamp, result: (lines ? { ...result, lines } : result) as FactsFileResult });
  }
  return revived;
}

/**
 * Writes a list as JSON arrays in parts of about PART_BYTES, one item's JSON at a time: no string
 * ever holds more than one part's piece. Returns the parts' file names.
 */
function writeParts(folder: string, kind: PartKind, items: Iterable<unknown>): string[] {
  const names: string[] = [];
  let fd: number | undefined;
  let pending: string[] = [];
  let pendingBytes = 0;
  let partBytes = 0;
  const flush = () => {
    if (fd !== undefined && pending.length) writeSync(fd, pending.join(''));
    pending = [];
    pendingBytes = 0;
  };
  const close = () => {
    pending.push(']');
    flush();
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  for (const item of items) {
    const text = JSON.stringify(item);
    if (fd === undefined) {
      const name = `${kind}-${String(names.length).padStart(5, '0')}.json`;
      names.push(name);
      fd = openSync(join(folder, name), 'w');
      pending.push('[', text);
      partBytes = text.length + 1;
    } else {
      pending.push(',', text);
      partBytes += text.length + 1;
    }
    pendingBytes += text.length + 1;
    if (partBytes >= PART_BYTES) close();
    else if (pendingBytes >= WRITE_BYTES) flush();
  }
  if (fd !== undefined) close();
  return names;
}

/** Saves a knowledge base as a folder of parts (written aside, then renamed into place). */
export function saveKnowledge(cacheDir: string, kb: KnowledgeBase, fingerprint: string): string {
  const folder = cacheFileFor(cacheDir, kb.corpus.dir);
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${folder}.${process.pid}.tmp`;
  const old = `${folder}.${process.pid}.old`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary);
  try {
    const parts = Object.fromEntries(PART_KINDS.map((kind) => [kind, [] as string[]])) as Record<
      PartKind,
      string[]
    >;
    const write = (kind: PartKind, items: Iterable<unknown>) => {
      parts[kind] = writeParts(temporary, kind, items);
    };
    const { articles, entities, ...rest } = kb.corpus;
    const { passages, statistics, terms } = kb.passageIndex.savedParts();
    const position = new Map(articles.map((a, i) => [a, i]));
    write('articles', articles);
    write('entities', entities ?? []);
    write('passages', passages);
    write('terms', terms);
    const sources = kb.sources;
    write(
      'sources',
      sources
        ? [...sources.articles].map(
            ([file, record]): SavedSource => [
              file,
              record.stamp,
              record.results.map((r) => {
                const ref = r.ok ? position.get(r.article) : undefined;
                if (!r.ok || ref === undefined) return r;
                return r.entities ? { ok: true, ref, entities: r.entities } : { ok: true, ref };
              }),
            ],
          )
        : [],
    );
    const head: SavedHead = {
      corpus: rest,
      hasEntities: entities !== undefined,
      index: statistics,
      ...(sources
        ? {
            skipped: sources.skipped,
            facts: [...sources.facts].map(([file, { stamp, result }]) => [
              file,
              { stamp, result: 'lines' in result ? { ...result, lines: [...result.lines] } : result },
            ]),
          }
        : {}),
    };
    writeFileSync(join(temporary, 'head.json'), JSON.stringify(head));
    // What it covers: the files as they were read (as listed now, for a build that did not record them).
    const covered: [string, string][] = sources
      ? [...sources.articles, ...sources.facts].map(([file, record]) => [file, record.stamp])
      : stamps(kb.corpus.dir, listCorpusFiles(kb.corpus.dir));
    const manifest: Manifest = {
      format: FORMAT,
      fingerprint,
      code: codeFingerprint(),
      covers: { articles: articles.length, passages: passages.length, words: kb.words, files: covered },
      parts,
      created: new Date().toISOString(),
    };
    writeFileSync(join(temporary, 'manifest.json'), JSON.stringify(manifest, null, 1));
    if (existsSync(folder)) renameSync(folder, old);
    renameSync(temporary, folder);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return folder;
}
