/**
 * Folds the words of a corpus being built into their family keys (wordKey) while the indexing
 * thread waits for the parse workers, which it mostly does: the first answers that read a passage
 * then find its words folded already instead of lemmatising and stemming them mid-question. The
 * work goes in slices of about a millisecond between the workers' messages, so indexing is held
 * up by one slice at most; it stops with the build (a word left over is folded when first read)
 * and never fills more than half of the key cache (wordKeyRoom). The name lexicon the answers read
 * is loaded in the same wait.
 */
import { nameGazetteer } from '../knowledge/extract/nameLexicon.ts';
import { wordKey, wordKeyRoom } from '../text/wordForms.ts';

const SLICE_MS = 1;

export class KeyWarmer {
  private readonly queue: (readonly string[])[] = [];
  private scheduled = false;
  private stopped = false;

  constructor() {
    // The lemmatizer's lexicon loads on the first word folded: best while the workers start.
    this.offer(['went']);
    // So does the name lexicon the answers read (once per process): else the first question pays it.
    setImmediate(() => nameGazetteer());
  }

  /** Words to fold (index terms: lower-cased, as wordKey caches them). */
  offer(words: readonly string[]): void {
    if (this.stopped || !words.length) return;
    this.queue.push(words);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.slice());
    }
  }

  /** The build is done: what is left is folded when first read. */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private slice(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const until = performance.now() + SLICE_MS;
    let room = wordKeyRoom();
    while (this.queue.length && room > 0) {
      const words = this.queue.shift() as readonly string[];
      for (const w of words) wordKey(w);
      room = wordKeyRoom();
      if (performance.now() >= until) break;
    }
    if (room <= 0) this.stop();
    else if (this.queue.length) {
      this.scheduled = true;
      setImmediate(() => this.slice());
    }
  }
}
