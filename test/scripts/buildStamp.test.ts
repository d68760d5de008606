/**
 * The launcher's stale check (scripts/buildStamp.mjs), on a copy of the project's layout in a
 * temporary folder: a build is current while src/ holds what it was built from, a touched file
 * with the same content is still current, and a changed or added file makes it stale.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'build-stamp-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

mkdirSync(join(root, 'src', 'cli'), { recursive: true });
mkdirSync(join(root, 'dist'));
mkdirSync(join(root, 'scripts'));
cpSync('scripts/buildStamp.mjs', join(root, 'scripts', 'buildStamp.mjs'));
writeFileSync(join(root, 'tsconfig.json'), '{}\n');
writeFileSync(join(root, 'tsconfig.build.json'), '{}\n');
writeFileSync(join(root, 'src', 'main.ts'), 'export const a = 1;\n');
writeFileSync(join(root, 'src', 'cli', 'ask.ts'), 'export const b = 2;\n');

interface Stamp {
  buildIsCurrent(): boolean;
  readStamp(): { source: string; stat: string } | undefined;
  writeStamp(stamp: object): void;
  sourceHash(): string;
  sourceStat(): string;
}
const stamp = (await import(pathToFileURL(join(root, 'scripts', 'buildStamp.mjs')).href)) as Stamp;

describe('buildIsCurrent', () => {
  it('is false with no build, true once the build records its sources', () => {
    expect(stamp.buildIsCurrent()).toBe(false);
    stamp.writeStamp({ source: stamp.sourceHash(), stat: stamp.sourceStat(), built: 'now' });
    expect(stamp.buildIsCurrent()).toBe(true);
  });

  it('a file touched but unchanged (a checkout) is still current, and its new time is remembered', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src', 'main.ts'), later, later);
    expect(stamp.readStamp()?.stat).not.toBe(stamp.sourceStat());
    expect(stamp.buildIsCurrent()).toBe(true);
    expect(stamp.readStamp()?.stat).toBe(stamp.sourceStat());
  });

  it('a changed or an added source file makes the build stale', () => {
    writeFileSync(join(root, 'src', 'main.ts'), 'export const a = 3;\n');
    expect(stamp.buildIsCurrent()).toBe(false);
    stamp.writeStamp({ source: stamp.sourceHash(), stat: stamp.sourceStat(), built: 'again' });
    expect(stamp.buildIsCurrent()).toBe(true);
    writeFileSync(join(root, 'src', 'cli', 'new.ts'), 'export {};\n');
    expect(stamp.buildIsCurrent()).toBe(false);
  });
});
