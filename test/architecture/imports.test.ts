/**
 * Every import points down. The floors are the table in the README's "How it is built": a file may
 * import its own folder and any folder on a lower floor, never one on its own floor or above (so
 * the core cannot import an adapter or a feature, and ops/ and text/, on the ground floor, import
 * nothing of ours). The test reads the floors from the README, so the picture there stays true:
 * a folder missing from the table, or an import that points up, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** Floor of each top-level entry of src/ ('core', 'main.ts', …), from the README's table. */
function floorsFromReadme(readme: string): Map<string, number> {
  const section = readme.split(/^## How it is built$/m)[1]?.split(/^## /m)[0] ?? '';
  const floors = new Map<string, number>();
  for (const row of section.matchAll(/^\|\s*(\d+)\s*\|([^|]+)\|/gm)) {
    for (const name of row[2]?.matchAll(/`src\/([\w.]+)\/?`/g) ?? [])
      floors.set(name[1] ?? '', Number(row[1]));
  }
  return floors;
}

/** The top-level entry of src/ a file belongs to. */
function roomOf(file: string): string {
  return relative(SRC, file).split(/[\\/]/)[0] ?? '';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Relative imports and re-exports of a file, resolved to absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*'(\.[^']+)'/gm)].map(
    (m) => m[1],
  );
  return specifiers.map((s) => resolve(file, '..', s ?? ''));
}

interface Edge {
  from: string;
  to: string;
}

/** Imports that do not point down: to another room on the same floor or higher, or to an unknown room. */
function violations(edges: readonly Edge[], floors: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = roomOf(from);
    const b = roomOf(to);
    if (a === b) continue;
    const fa = floors.get(a);
    const fb = floors.get(b);
    if (fa === undefined || fb === undefined || fb >= fa)
      out.push(`${relative(SRC, from)} -> ${relative(SRC, to)} (floor ${fa ?? '?'} -> ${fb ?? '?'})`);
  }
  return out;
}

describe('the import graph', () => {
  const floors = floorsFromReadme(readFileSync('README.md', 'utf8'));
  const edges = sourceFiles(SRC).flatMap((from) => importsOf(from).map((to) => ({ from, to })));

  it('puts every folder of src/ on a floor in the README', () => {
    const rooms = readdirSync(SRC).filter((name) => !name.startsWith('.'));
    expect(rooms.filter((room) => !floors.has(room))).toEqual([]);
    expect([...floors.keys()].filter((room) => !rooms.includes(room))).toEqual([]);
  });

  it('has every import pointing down a floor (or within its own folder)', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(violations(edges, floors)).toEqual([]);
  });

  it('would catch an import that points up', () => {
    const up = { from: join(SRC, 'core', 'bot.ts'), to: join(SRC, 'adapters', 'types.ts') };
    const sideways = { from: join(SRC, 'digest', 'x.ts'), to: join(SRC, 'ingest', 'y.ts') };
    const intoTheWall = { from: join(SRC, 'ops', 'metrics.ts'), to: join(SRC, 'core', 'bot.ts') };
    const watchToDigest = { from: join(SRC, 'watch', 'x.ts'), to: join(SRC, 'digest', 'y.ts') };
    expect(violations([up, sideways, intoTheWall, watchToDigest], floors)).toHaveLength(4);
  });
});
