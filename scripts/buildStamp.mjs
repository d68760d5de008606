/**
 * What a build of dist/ was made from: a hash of every file under src/ (path and content) and of
 * the TypeScript settings. `npm run build` records it in dist/build.json; the launcher compares it
 * with the sources as they are now, so a build older than its sources is never run silently.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const distDir = join(root, 'dist');
export const stampFile = join(distDir, 'build.json');

function sourceFiles() {
  const src = join(root, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
  return [...files, 'tsconfig.json', 'tsconfig.build.json'];
}

/** Paths, sizes and modification times only: the quick check, before hashing contents. */
export function sourceStat() {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) {
    const stat = statSync(join(root, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** What the current build was made from ({ source, stat, built }), or undefined when there is no build. */
export function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

export function writeStamp(stamp) {
  writeFileSync(stampFile, `${JSON.stringify(stamp)}\n`);
}

/**
 * Whether dist/ was built from the sources as they are: equal paths, sizes and times settle it at
 * once; otherwise (a checkout touches times) the contents are hashed, and the times remembered.
 */
export function buildIsCurrent() {
  const stamp = readStamp();
  if (!stamp) return false;
  const stat = sourceStat();
  if (stamp.stat === stat) return true;
  if (stamp.source !== sourceHash()) return false;
  try {
    writeStamp({ ...stamp, stat });
  } catch {
    // A read-only install: hashing every time is slower, not wrong.
  }
  return true;
}
