/**
 * A change of the editors' folder read from the shared store, applied to this instance's copy of
 * the folder: the file written (with the stored modification time, so the next import sees the
 * same version) or removed. A local file newer than the stored version is left alone: it is an
 * edit this instance has not imported yet, and its next import brings it to the store.
 *
 * Writing a file changes its folder's modification time, which the importer reads as "the editors
 * changed this folder" for a fresh copy; so the time of a folder that existed is put back, and a
 * folder made here takes the file's time.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, type Stats, statSync } from 'node:fs';
import { mkdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { ARTICLE_EXTENSIONS, FACTS_EXTENSIONS } from '../knowledge/loadCorpus.ts';
import type { StoredCorpusFile } from '../state/corpusFileStore.ts';
import { inSkipped, sha256 } from './importCorpusFolder.ts';

export type AppliedCorpusFile = 'written' | 'removed' | 'unchanged' | 'kept';

/** The file's path in the corpus, or undefined if it is outside it, skipped, or not a corpus file. */
function pathIn(dir: string, file: string, skip: readonly string[]): string | undefined {
  const path = resolve(dir, file);
  const rel = relative(resolve(dir), path);
  const ext = extname(file).toLowerCase();
  if (!rel || rel.startsWith('..') || rel.includes('\0') || inSkipped(file, skip)) return undefined;
  if (file.split('/').some((part) => part.startsWith('.'))) return undefined;
  return ARTICLE_EXTENSIONS.has(ext) || FACTS_EXTENSIONS.has(ext) ? path : undefined;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Runs `change` in the corpus, then puts back the time of the nearest folder that existed and dates new ones. */
async function keepingFolderTimes(root: string, path: string, ms: number, change: () => Promise<void>) {
  const made: string[] = [];
  let folder = dirname(path);
  while (!existsSync(folder) && folder !== root && folder.startsWith(root)) {
    made.push(folder);
    folder = dirname(folder);
  }
  const before = statOf(folder);
  await change();
  for (const dir of made) if (existsSync(dir)) await utimes(dir, ms / 1000, ms / 1000);
  if (before) await utimes(folder, before.atime, before.mtime);
}

export async function applyCorpusFile(
  dir: string,
  file: StoredCorpusFile,
  skip: readonly string[],
): Promise<AppliedCorpusFile> {
  const path = pathIn(dir, file.path, skip);
  if (!path) throw new Error(`refusing to write ${file.path}: not a corpus file inside the corpus folder`);
  const root = resolve(dir);
  const local = statOf(path);
  const localMs = local ? Math.floor(local.mtimeMs) : 0;
  if (file.removed) {
    if (!local) return 'unchanged';
    if (localMs > file.modifiedMs) return 'kept';
    await keepingFolderTimes(root, path, file.modifiedMs, () => rm(path, { force: true }));
    return 'removed';
  }
  if (local) {
    if (sha256(readFileSync(path)) === file.contentHash) return 'unchanged';
    if (localMs > file.modifiedMs) return 'kept';
  }
  const temp = join(dirname(path), `.${randomUUID()}.${process.pid}.tmp`);
  await keepingFolderTimes(root, path, file.modifiedMs, async () => {
    await mkdir(dirname(path), { recursive: true });
    try {
      await writeFile(temp, file.content);
      await utimes(temp, file.modifiedMs / 1000, file.modifiedMs / 1000);
      await rename(temp, path);
    } finally {
      await rm(temp, { force: true });
    }
  });
  return 'written';
}
