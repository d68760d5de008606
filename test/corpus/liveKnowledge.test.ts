import { describe, expect, it } from 'vitest';
import { LiveKnowledge } from '../../src/corpus/liveKnowledge.ts';
import type { KnowledgeBase } from '../../src/search/knowledgeBase.ts';

/** A stand-in knowledge base holding just these article ids. */
function kbOf(...ids: string[]): KnowledgeBase {
  return { articles: new Map(ids.map((id) => [id, {}])), problems: [] } as unknown as KnowledgeBase;
}

describe('LiveKnowledge, the one owner of the current knowledge base', () => {
  it('swaps, and tells whoever waits for articles as soon as a swap holds them', async () => {
    const live = new LiveKnowledge(kbOf('a'));
    expect(await live.whenContains(['a'], 10)).toBe(true);
    const waiting = live.whenContains(['a', 'b'], 5_000);
    live.swap(kbOf('a'));
    live.swap(kbOf('a', 'b'));
    expect(await waiting).toBe(true);
    expect(live.current().articles.has('b')).toBe(true);
  });

  it('gives up waiting after the timeout', async () => {
    const live = new LiveKnowledge(kbOf());
    expect(await live.whenContains(['never'], 20)).toBe(false);
  });

  it('runs one rebuild at a time; a call during one gets a rebuild that starts after it', async () => {
    let loads = 0;
    const releases: (() => void)[] = [];
    const live = new LiveKnowledge(kbOf(), {
      load: () => {
        loads += 1;
        const n = loads;
        return new Promise((resolve) => releases.push(() => resolve(kbOf(`build-${n}`))));
      },
    });
    const first = live.rebuild();
    const second = live.rebuild();
    const third = live.rebuild();
    expect(loads).toBe(1);
    releases[0]?.();
    expect((await first).articles.has('build-1')).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(loads).toBe(2);
    releases[1]?.();
    expect(await second).toBe(await third);
    expect(live.current().articles.has('build-2')).toBe(true);
  });

  it('keeps the knowledge base in service when a rebuild fails', async () => {
    const kb = kbOf('a');
    const live = new LiveKnowledge(kb, { load: () => Promise.reject(new Error('gone')) });
    await expect(live.rebuild()).rejects.toThrow('gone');
    expect(live.current()).toBe(kb);
  });
});
