/**
 * The editors' corpus folder imported into the shared store (several instances on PostgreSQL), so
 * that every instance answers from the same archive even when each has its own copy of the folder.
 * Every instance imports at start (and, with CORPUS_WATCH, after each change it sees), one at a
 * time under the store's lock; what it imports is what changed in its own folder, by this rule:
 *
 * - A file the store lacks is added; a file whose content (sha256) differs from the store's is
 *   updated when it is newer (its modification time is later than the stored version's), so an
 *   edit made anywhere reaches every instance, and an older copy of the folder (an instance
 *   restarted from a previous image) never overwrites a newer version: it gets the store's instead.
 * - A file is removed from the store only when this folder held it and it is gone: a path the
 *   folder's record (FOLDER_RECORD, kept in the folder and updated after every import and every
 *   change applied from the store) lists, or, for a fresh copy of the folder with no record (a new
 *   image, a new volume), a path whose folder was last changed after the stored version's time (the
 *   copy was made since, without it). A path the folder never held is brought in, not removed.
 * - Only the folder's files are touched: the ingested folder (articles from /ingest and feeds,
 *   which have their own table) is skipped, and a folder with no file at all removes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { listCorpusFiles } from '../knowledge/loadCorpus.ts';
import type { CorpusFileChange, CorpusFileHead } from '../state/corpusFileStore.ts';

/** The folder's record of the shared files it holds; hidden, so neither loaded nor watched. */
export const FOLDER_RECORD = '.shared-folder.json';

export interface LocalFile {
  path: string;
  hash: string;
  modifiedMs: number;
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Whether path lies in one of the skipped folders (relative, forward slashes). */
export function inSkipped(path: string, skip: readonly string[]): boolean {
  return skip.some((folder) => path === folder || path.startsWith(`${folder}/`));
}

/** Hashes already taken, by path, size and modification time: a file that did not change is not read again. */
export type HashCache = Map<string, string>;

/**
 * The folder's articles and facts files outside the skipped folders, hashed; unreadable ones left
 * out. Read one at a time without blocking, so a large folder does not stall answers meanwhile;
 * with a cache, only the files changed since the last listing are read.
 */
export async function listFolder(
  dir: string,
  skip: readonly string[],
  cache: HashCache = new Map(),
): Promise<Map<string, LocalFile>> {
  const out = new Map<string, LocalFile>();
  const files = listCorpusFiles(dir);
  const seen = new Set<string>();
  for (const file of [...files.articles, ...files.facts]) {
    const path = file.split(sep).join('/');
    if (inSkipped(path, skip)) continue;
    try {
      const full = join(dir, file);
      const stats = await stat(full);
      const modifiedMs = Math.floor(stats.mtimeMs);
      const key = `${path}\0${stats.size}\0${stats.mtimeMs}`;
      const hash = cache.get(key) ?? sha256(await readFile(full));
      cache.set(key, hash);
      seen.add(key);
      out.set(path, { path, hash, modifiedMs });
    } catch {
      // Gone or unreadable since the listing: the next import sees it as it is then.
    }
  }
  for (const key of cache.keys()) if (!seen.has(key)) cache.delete(key);
  return out;
}

/** The modification time of the nearest existing folder holding path, within dir. */
function folderModifiedMs(dir: string, path: string): number {
  let folder = dirname(join(dir, path));
  while (!existsSync(folder) && folder.startsWith(dir) && folder !== dir) folder = dirname(folder);
  return Math.floor(statSync(folder).mtimeMs);
}

export interface ImportPlanInput {
  dir: string;
  local: Map<string, LocalFile>;
  stored: readonly CorpusFileHead[];
  /** The paths this folder held after its last import or change applied; undefined: a fresh copy. */
  record: ReadonlySet<string> | undefined;
  now: number;
}

/** The changes this folder brings to the store, by the rule at the head of this file. */
export function planFolderImport(input: ImportPlanInput): CorpusFileChange[] {
  const { dir, local, stored, record, now } = input;
  const byPath = new Map(stored.map((row) => [row.path, row]));
  const changes: CorpusFileChange[] = [];
  for (const file of local.values()) {
    const row = byPath.get(file.path);
    const newer = !row || file.modifiedMs > row.modifiedMs;
    const kind = !row || row.removed ? 'add' : row.contentHash !== file.hash ? 'update' : undefined;
    if (!kind || !newer) continue;
    // Read again for the content stored: the hash must be the content's, even if it changed since.
    const content = readFileSync(join(dir, file.path));
    changes.push({
      kind,
      path: file.path,
      contentHash: sha256(content),
      modifiedMs: file.modifiedMs,
      content,
    });
  }
  if (local.size === 0) return changes;
  for (const row of stored) {
    if (row.removed || local.has(row.path)) continue;
    if (record) {
      if (record.has(row.path)) changes.push({ kind: 'remove', path: row.path, modifiedMs: now });
    } else {
      const folderTime = folderModifiedMs(dir, row.path);
      if (folderTime > row.modifiedMs)
        changes.push({ kind: 'remove', path: row.path, modifiedMs: folderTime });
    }
  }
  return changes;
}

/** The folder's record, or undefined when it has none (or an unreadable one). */
export function readFolderRecord(dir: string): Set<string> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, FOLDER_RECORD), 'utf8'));
    const paths = (parsed as { paths?: unknown }).paths;
    return Array.isArray(paths)
      ? new Set(paths.filter((p): p is string => typeof p === 'string'))
      : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the record whole (a temporary name, then renamed). */
export async function writeFolderRecord(dir: string, paths: ReadonlySet<string>): Promise<void> {
  const file = join(dir, FOLDER_RECORD);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify({ paths: [...paths].sort() }, null, 1)}\n`, 'utf8');
  await rename(temp, file);
}
