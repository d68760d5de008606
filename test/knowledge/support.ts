/** Helpers for tests that need a corpus on disk: temporary directories, removed after the run. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Bot } from '../../src/core/bot.ts';
import { renderText } from '../../src/render/renderText.ts';

/** The first line of the bot's plain-text reply to a question: what an answer test reads. */
export function firstLineOf(bot: Bot): (text: string) => string {
  return (text) => renderText(bot.answer({ text })).split('\n')[0] ?? '';
}

const made: string[] = [];

/** Writes the files (relative path -> text) into a new temporary directory and returns its path. */
export function makeCorpus(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-test-'));
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  made.push(dir);
  return dir;
}

export function removeCorpora(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The value, or a thrown error naming what was missing (keeps tests readable under noUncheckedIndexedAccess). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`expected a ${what}`);
  return value;
}

/** A small article with front matter. */
export function article(id: string, title: string, body: string, extra = ''): string {
  return `---\nid: ${id}\ntitle: ${title}\n${extra}---\n${body}\n`;
}
