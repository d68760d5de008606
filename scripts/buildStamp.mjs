/**
 * What a build of dist/ was made from: a hash of every file under src/ (path and content) and of
 * the TypeScript settings. `npm run build` records it in dist/build.json; the launcher compares it
 * with the sources as they are now, so a build older than its sources is never run silently.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const distDir = join(root, 'dist');
export const stampFile = join(distDir, 'build.json');

export function sourceHash() {
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
  for (const file of [...files, 'tsconfig.json', 'tsconfig.build.json']) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** The hash the current build was made from, or undefined when there is no build. */
export function builtHash() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')).source;
  } catch {
    return undefined;
  }
}
