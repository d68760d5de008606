import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/app/commands.ts';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { type Bot, createBot } from '../../src/core/bot.ts';
import { openLiveKnowledge, watchLiveKnowledge } from '../../src/corpus/liveKnowledge.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { renderText } from '../../src/render/renderText.ts';

/** Waits until the condition holds, polling; the watcher's debounce is short in these tests. */
async function until(condition: () => boolean, timeoutMs = 8000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for a reload');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('live reload', () => {
  let root: string;
  let dir: string;
  let bot: Bot;
  let stop: (() => void) | undefined;
  const ask = (text: string) => renderText(bot.answer({ text }));

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'watch-'));
    dir = join(root, 'corpus');
    mkdirSync(join(dir, 'desk'), { recursive: true });
    writeFileSync(
      join(dir, 'bridge.md'),
      '# Bridge closed\n\nMayor Jane Okafor closed the Harbour Street bridge on Monday.\n',
    );
    const log = createLogger('silent');
    const live = await openLiveKnowledge({ dir, cacheDir: undefined, log });
    bot = createBot(live, { commands: COMMANDS });
    const watcher = watchLiveKnowledge(live, { dir, log, debounceMs: 50 });
    stop = () => watcher.close();
  });

  afterEach(() => {
    stop?.();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes files added, changed and removed, in subfolders too, without a restart', async () => {
    expect(ask('/who Okafor')).toMatch(/^Jane Okafor: Mayor/);

    writeFileSync(
      join(dir, 'desk', 'court.txt'),
      'Quarry ruling\n\nJudge Maria Delgado ruled the quarry permit lawful.\n',
    );
    await until(() => bot.knowledge().articles.size === 2);
    expect(ask('/who Delgado')).toMatch(/^Maria Delgado: Judge/);

    writeFileSync(join(dir, 'bridge.md'), '# Bridge closed\n\nDeputy Mayor Jane Okafor closed the bridge.\n');
    await until(() => /Deputy Mayor/.test(ask('/who Okafor')));

    rmSync(join(dir, 'desk', 'court.txt'));
    await until(() => bot.knowledge().articles.size === 1);
    expect(ask('/who Delgado')).toMatch(/Couldn't find/);
  });

  it('reports a file that became broken and keeps everything else searchable', async () => {
    writeFileSync(
      join(dir, 'ferry.md'),
      '---\ntitle: Ferry back\n---\nThe ferry to Gull Island runs again.\n',
    );
    await until(() => bot.knowledge().articles.size === 2);

    writeFileSync(
      join(dir, 'ferry.md'),
      '---\ntitle: [Ferry back\n---\nThe ferry to Gull Island runs again.\n',
    );
    await until(() => bot.knowledge().problems.length === 1);
    expect(ask('/sources')).toMatch(/Problem in ferry\.md \(line \d+\): front matter is not valid YAML/);
    expect(ask('/search Harbour Street bridge')).toMatch(/Mayor Jane Okafor closed/);
  });

  it('keeps the previous knowledge base when the corpus cannot be read at all', async () => {
    const before = bot.knowledge();
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 400));
    expect(bot.knowledge()).toBe(before);
    expect(ask('/who Okafor')).toMatch(/^Jane Okafor: Mayor/);
  });

  it('reports a facts file with a YAML alias error, loads the rest, and keeps watching', async () => {
    writeFileSync(join(dir, 'facts.yaml'), 'entities: []\nextra: *typo\n');
    await until(() => bot.knowledge().problems.some((p) => p.file === 'facts.yaml'));
    expect(ask('/sources')).toMatch(/Problem in facts\.yaml \(line 2\): not valid YAML: Unresolved alias/);
    expect(ask('/search Harbour Street bridge')).toMatch(/Mayor Jane Okafor closed/);

    // An alias bomb is refused the same way, and later changes are still picked up.
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ])
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    writeFileSync(join(dir, 'facts.yaml'), `${bomb.join('\n')}\n`);
    await until(() => bot.knowledge().problems.some((p) => /alias count/.test(p.message)));
    writeFileSync(
      join(dir, 'court.txt'),
      'Quarry ruling\n\nJudge Maria Delgado ruled the quarry permit lawful.\n',
    );
    await until(() => bot.knowledge().articles.size === 2);
    expect(ask('/sources')).toMatch(
      /Problem in facts\.yaml \(line \d+\): not valid YAML: Excessive alias count/,
    );
  });
});

describe('the watcher after a failed rebuild', () => {
  it('rebuilds again on the next change', async () => {
    const root = mkdtempSync(join(tmpdir(), 'watch-fail-'));
    const { watchCorpus } = await import('../../src/corpus/corpusWatcher.ts');
    let calls = 0;
    const reloaded: number[] = [];
    const errors: unknown[] = [];
    const kb = openKnowledge(join(__dirname, '../fixtures/corpora/riverton')).kb;
    const watcher = watchCorpus({
      dir: root,
      debounceMs: 30,
      rebuild: async () => {
        calls++;
        if (calls === 1) throw new ReferenceError('Unresolved alias');
        return kb;
      },
      onReload: () => reloaded.push(calls),
      onError: (error) => errors.push(error),
    });
    try {
      writeFileSync(join(root, 'a.md'), 'one');
      await until(() => errors.length === 1);
      writeFileSync(join(root, 'a.md'), 'two');
      await until(() => reloaded.length === 1);
      expect(calls).toBe(2);
    } finally {
      watcher.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
