/**
 * `npm run build` (and `npm install` / `npm ci`, through `prepare`): compiles src/ to dist/ with
 * tsc and records what it was built from (buildStamp.mjs). With --if-possible (prepare) an install
 * without TypeScript (`npm ci --omit=dev`) only says that it did not build.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, sourceHash, sourceStat, writeStamp } from './buildStamp.mjs';

export function build() {
  let tsc;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return { ok: false, reason: 'TypeScript is not installed (npm ci --omit=dev?): cannot build dist/' };
  }
  const source = sourceHash();
  const stat = sourceStat();
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) return { ok: false, reason: 'tsc failed: the errors are above' };
  writeStamp({ source, stat, built: new Date().toISOString() });
  return { ok: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const result = build();
  if (result.ok) console.error(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  else {
    console.error(`Error: ${result.reason}`);
    process.exitCode = process.argv.includes('--if-possible') ? 0 : 1;
  }
}
