import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParsePool } from '../../src/corpus/parsePool.ts';

const dir = mkdtempSync(join(tmpdir(), 'pool-'));
const NESTED = `<html><body>${'<div>'.repeat(2000)}<p>${'Deep text here. '.repeat(30)}</p>${'</div>'.repeat(2000)}</body></html>`;
const PAGE = `<html><head><title>Ferry back</title></head><body><article><p>${'The ferry to Gull Island runs again from Monday, the council said. '.repeat(8)}</p></article></body></html>`;
for (let i = 0; i < 3; i++)
  writeFileSync(join(dir, `a${i}.md`), `# Story ${i}\n\nMayor Jane Okafor closed bridge ${i}.\n`);
writeFileSync(join(dir, 'deep.html'), NESTED);

const pool = new ParsePool({ workers: 1, timeoutMs: 1_500 });

afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string) => ({ kind: 'article-file', dir, file: name, maxBytes: pool.maxBytes }) as const;

describe('ParsePool', () => {
  it('reads a page ahead of queued corpus files, stops a document over its time budget, and goes on', async () => {
    const order: string[] = [];
    const track = <T>(name: string, work: Promise<T>) =>
      work.then((outcome) => {
        order.push(name);
        return outcome;
      });
    const files = ['a0.md', 'deep.html', 'a1.md', 'a2.md'].map((name) => track(name, pool.run(file(name))));
    const page = track(
      'page',
      pool.run({
        kind: 'page',
        page: { url: 'https://example.com/ferry', contentType: 'text/html', body: PAGE },
      }),
    );
    const outcomes = await Promise.all([...files, page]);
    expect(order[0]).toBe('page');
    expect(outcomes[4]).toMatchObject({ ok: true, value: { ok: true, article: { title: 'Ferry back' } } });
    expect(outcomes[1]).toEqual({
      ok: false,
      cause: 'budget',
      reason: 'parsing it took longer than the 1.5 s time budget of one document',
    });
    // a1.md was queued in the worker behind deep.html: it goes back to the queue and is parsed.
    for (const i of [0, 2, 3])
      expect(outcomes[i]).toMatchObject({ ok: true, value: [{ result: { ok: true } }] });
  }, 30_000);

  it("refuses a feed that is not a feed with the parser's reason, and every job once closed", async () => {
    const feed = await pool.run({ kind: 'feed', body: 'not xml at all' });
    expect(feed).toMatchObject({ ok: false, cause: 'error' });
    const closing = new ParsePool({ workers: 1 });
    const waiting = closing.run(file('a0.md'));
    await closing.close();
    expect(await waiting).toEqual({ ok: false, reason: 'the parser is shut down', cause: 'error' });
  }, 30_000);
});
