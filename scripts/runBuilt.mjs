/**
 * Runs an entry point of the compiled build: `node scripts/runBuilt.mjs cli/ask [args]` runs
 * dist/cli/ask.js with the arguments. A build made from other sources than src/ now holds is
 * rebuilt first, said on stderr; one that cannot be rebuilt is refused with what to do. The
 * developer loop runs the TypeScript sources with tsx instead (`npm run dev`, `npm run ask:dev`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIsCurrent, distDir, readStamp } from './buildStamp.mjs';

const [entry] = process.argv.splice(2, 1);
if (!entry) {
  console.error('Usage: node scripts/runBuilt.mjs <entry under src/, e.g. cli/ask> [args]');
  process.exit(2);
}
if (!buildIsCurrent()) {
  console.error(
    readStamp()
      ? 'src/ changed since dist/ was built: rebuilding (npm run build) ...'
      : 'no build in dist/ yet: building (npm run build) ...',
  );
  const { build } = await import('./build.mjs');
  const result = build();
  if (!result.ok) {
    console.error(`Error: ${result.reason}. Refusing to run an out-of-date build; run npm run build.`);
    process.exit(1);
  }
}
const file = join(distDir, `${entry}.js`);
if (!existsSync(file)) {
  console.error(`Error: ${file} does not exist: is ${entry} an entry point under src/?`);
  process.exit(2);
}
await import(pathToFileURL(file).href);
