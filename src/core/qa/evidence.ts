/**
 * Reading around a found sentence: its neighbours across paragraph breaks (an answer often stands
 * in the sentence before, "The date was June 20, 1922."), and how near a candidate stands to the
 * question's own words.
 */
import type { Passage } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { wordKey, wordsOf } from '../../text/wordForms.ts';
import type { Candidate } from './candidates.ts';
import { type KeySet, readPassage, type SentenceHit } from './findSentences.ts';

export interface Evidence {
  text: string;
  articleId: string;
  /** The found sentence this one was read from (itself, or the neighbour of it). */
  hit: SentenceHit;
  /** 0 for the found sentence, -1 for the one before it, 1 for the one after. */
  offset: number;
}

/**
 * Where the sentence `offset` places before (negative) or after a found one stands, across
 * paragraph breaks within its article; undefined past the article's start or end.
 */
function locate(
  kb: KnowledgeBase,
  hit: SentenceHit,
  offset: number,
): { passage: Passage; index: number } | undefined {
  let passage = hit.passage;
  let count = hit.sentences.length;
  let index = hit.index + offset;
  while (index < 0 || index >= count) {
    const step = index < 0 ? -1 : 1;
    const next = kb.passages[passage.id + step];
    if (!next || next.articleId !== hit.passage.articleId || next.paragraph < 0) return undefined;
    const nextCount = readPassage(next).sentences.length;
    index = step < 0 ? index + nextCount : index - count;
    passage = next;
    count = nextCount;
  }
  return { passage, index };
}

/** The sentence `offset` places before (negative) or after a found one (see locate). */
export function neighbour(kb: KnowledgeBase, hit: SentenceHit, offset: number): string | undefined {
  const at = locate(kb, hit, offset);
  return at ? readPassage(at.passage).sentences[at.index] : undefined;
}

/** The word-family keys of a found sentence (cached). */
export function keysOfHit(hit: SentenceHit): KeySet | undefined {
  return readPassage(hit.passage).keysOf(hit.index);
}

/**
 * Whether a found sentence or a neighbour up to `reach` away holds a key's family: the
 * sentence's own keys are asked first, and a neighbour (often in a paragraph not read yet) is
 * keyed only when what came before does not hold it, then kept for the next key asked.
 */
export class KeysNear {
  private readonly read: KeySet[] = [];
  private readonly offsets: number[] = [0];

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly hit: SentenceHit,
    reach: number,
  ) {
    for (let distance = 1; distance <= reach; distance++) this.offsets.push(-distance, distance);
  }

  has(key: string): boolean {
    if (this.read.some((keys) => keys.has(key))) return true;
    for (let offset = this.offsets.shift(); offset !== undefined; offset = this.offsets.shift()) {
      const at = locate(this.kb, this.hit, offset);
      const keys = at ? readPassage(at.passage).keysOf(at.index) : undefined;
      if (!keys) continue;
      this.read.push(keys);
      if (keys.has(key)) return true;
    }
    return false;
  }
}

/** The word-family keys of a found sentence and its neighbours up to `reach` away (see KeysNear). */
export function keysNear(kb: KnowledgeBase, hit: SentenceHit, reach: number): KeysNear {
  return new KeysNear(kb, hit, reach);
}

/** The found sentence, then its neighbours up to `reach` sentences away on each side. */
export function evidenceAround(kb: KnowledgeBase, hit: SentenceHit, reach: number): Evidence[] {
  const out: Evidence[] = [{ text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 }];
  for (let distance = 1; distance <= reach; distance++) {
    for (const offset of [-distance, distance]) {
      const text = neighbour(kb, hit, offset);
      if (text) out.push({ text, articleId: hit.passage.articleId, hit, offset });
    }
  }
  return out;
}

/**
 * How near a candidate stands to the question's words in a sentence: 1 when next to one, falling
 * with the distance in words; 0.3 when none of them is in the sentence.
 */
export function proximity(sentence: string, candidate: Candidate, keys: readonly string[]): number {
  if (!keys.length) return 0.5;
  let best = Number.POSITIVE_INFINITY;
  const words = wordsOf(sentence);
  const at = words.findIndex((w) => w.start >= candidate.start);
  const candidateIndex = at < 0 ? words.length : at;
  const candidateEnd = words.findIndex((w) => w.start >= candidate.end);
  const endIndex = candidateEnd < 0 ? words.length : candidateEnd;
  words.forEach((w, i) => {
    if (i >= candidateIndex && i < endIndex) return;
    if (!keys.includes(wordKey(w.text))) return;
    const d = i < candidateIndex ? candidateIndex - i : i - endIndex + 1;
    if (d < best) best = d;
  });
  return Number.isFinite(best) ? 1 / (1 + (best - 1) / 5) : 0.3;
}
