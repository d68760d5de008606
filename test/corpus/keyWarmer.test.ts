import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { KeyWarmer } from '../../src/corpus/keyWarmer.ts';
import { wordKey, wordKeyRoom } from '../../src/text/wordForms.ts';

/** Words no other test folds: each run makes its own, so the cache cannot hold them already. */
function freshWords(n: number, tag: string): string[] {
  return Array.from({ length: n }, (_, i) => `zq${tag}${i.toString(36)}ings`);
}

async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await tick();
}

describe('KeyWarmer', () => {
  it('folds the words offered while the thread is idle, so a later wordKey finds them', async () => {
    const words = freshWords(300, `a${Date.now().toString(36)}`);
    const warmer = new KeyWarmer();
    await settle();
    const before = wordKeyRoom();
    warmer.offer(words);
    await settle();
    warmer.stop();
    // Each word is cached as written (and the two forms coincide for lower-case words).
    expect(before - wordKeyRoom()).toBeGreaterThanOrEqual(words.length);
    expect(wordKey(words[0] as string)).toBe(wordKey((words[0] as string).toUpperCase()));
  });

  it('folds nothing once stopped', async () => {
    const warmer = new KeyWarmer();
    await settle();
    warmer.stop();
    const before = wordKeyRoom();
    warmer.offer(freshWords(200, `b${Date.now().toString(36)}`));
    await settle();
    expect(wordKeyRoom()).toBe(before);
  });
});
