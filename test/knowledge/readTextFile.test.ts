import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { decodeText } from '../../src/knowledge/readTextFile.ts';
import { renderText } from '../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from './support.ts';

afterAll(removeCorpora);

/** Deterministic noise: the bytes of a compressed or encrypted file look like this. */
function randomBytes(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('decodeText', () => {
  it('accepts UTF-8 text, with a byte-order mark, tabs, form feeds and the odd stray control', () => {
    const text = '\uFEFFCafé “Zürich”\tnews\f\nMore\u0007 text.\r\n';
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ ok: true, text });
  });

  it('refuses random bytes, zero bytes, other encodings and control-character soup', () => {
    expect(decodeText(randomBytes(4096))).toMatchObject({ ok: false });
    expect(decodeText(Buffer.from('abc\0def'))).toEqual({
      ok: false,
      message: expect.stringMatching(/binary/),
    });
    expect(decodeText(Buffer.from('Caf\xe9 in Z\xfcrich', 'latin1'))).toEqual({
      ok: false,
      message: expect.stringMatching(/not UTF-8 text.*save it as UTF-8/),
    });
    expect(decodeText(Buffer.from('a\x01b\x02c\x03d\x04e\x05'.repeat(50)))).toEqual({
      ok: false,
      message: expect.stringMatching(/binary data \(\d+ control characters\)/),
    });
  });
});

describe('a binary file named .txt in the corpus', () => {
  it('is refused with a clear note in /sources and indexes nothing, while the rest loads', () => {
    const dir = makeCorpus({
      'bridge.md': '# Bridge closed\n\nMayor Jane Okafor closed the Harbour Street bridge on Monday.\n',
    });
    writeFileSync(join(dir, 'noise.txt'), randomBytes(300_000));
    writeFileSync(join(dir, 'facts.yaml'), randomBytes(2_000, 3));
    const { bot, kb } = openKnowledge(dir);
    expect(kb.articles.size).toBe(1);
    expect(kb.problems.map((p) => p.file).sort()).toEqual(['facts.yaml', 'noise.txt']);
    const sources = renderText(bot.answer({ text: '/sources' }));
    expect(sources).toMatch(/Problem in noise\.txt: (binary data|not UTF-8 text).*the article was skipped/);
    expect(sources).toMatch(
      /Problem in facts\.yaml: (binary data|not UTF-8 text).*its facts were not loaded/,
    );
    expect(renderText(bot.answer({ text: '/who Okafor' }))).toMatch(/Jane Okafor/);
  });
});
