import { describe, expect, it } from 'vitest';
import { inSlot } from '../../../src/core/qa/answerQuestion.ts';
import { inTellingOrder } from '../../../src/core/qa/bestSentence.ts';
import type { Evidence } from '../../../src/core/qa/evidence.ts';
import type { SentenceHit } from '../../../src/core/qa/findSentences.ts';
import { alone } from '../../../src/core/qa/pickAnswer.ts';
import type { Ranked } from '../../../src/core/qa/rankCandidates.ts';

const ranked = (
  text: string,
  score: number,
  confidence: number,
  offset: number,
  slotted = false,
): Ranked => ({
  text,
  score,
  confidence,
  slotted,
  evidence: { text: `${text} ...`, articleId: 'a', offset } as Evidence,
});

describe('inSlot: a doer in the asked slot of a found sentence', () => {
  it('beats a name scored a little higher from a sentence next to it', () => {
    const list = [
      ranked('Donald Trump', 0.78, 0.7, -1),
      ranked('Putin', 0.76, 0.69, 0, true),
      ranked('Daily Mirror', 0.55, 0.85, 0, true),
    ];
    // Among slotted names, the one whose sentence holds most of the question.
    expect(inSlot(list)?.text).toBe('Daily Mirror');
  });

  it('not when it scores far below, or its sentence matches too little', () => {
    expect(inSlot([ranked('A', 1, 0.7, 0), ranked('B', 0.4, 0.9, 0, true)])).toBeUndefined();
    expect(inSlot([ranked('A', 1, 0.7, 0), ranked('B', 0.9, 0.3, 0, true)])).toBeUndefined();
    expect(inSlot([ranked('A', 1, 0.7, 0), ranked('B', 0.9, 0.9, 1, true)])).toBeUndefined();
  });
});

describe('alone: the one answer of the best sentence, below the confidence floor', () => {
  const hit = { text: 'Sometime on Saturday evening, August 22nd, you jimmied a window.' } as SentenceHit;
  const other = { text: 'Another sentence.' } as SentenceHit;
  const at = (text: string, score: number, confidence: number, from = hit, offset = 0): Ranked => ({
    text,
    score,
    confidence,
    evidence: { text: from.text, articleId: 'a', hit: from, offset } as Evidence,
  });

  it('answers when nothing from another sentence competes', () => {
    const list = [at('August 22nd', 0.22, 0.42), at('on Saturday evening', 0.18, 0.42)];
    expect(alone(list, [hit, other])?.text).toBe('August 22nd');
  });

  it('not when another sentence gives an answer near it, the sentence matches too little, or is no top hit', () => {
    expect(alone([at('August 22nd', 0.22, 0.42), at('1937', 0.2, 0.5, other)], [hit, other])).toBeUndefined();
    expect(alone([at('August 22nd', 0.22, 0.3)], [hit, other])).toBeUndefined();
    expect(alone([at('August 22nd', 0.22, 0.42)], [other, other, hit])).toBeUndefined();
    expect(alone([at('August 22nd', 0.22, 0.42, hit, 1)], [hit, other])).toBeUndefined();
  });
});

describe('inTellingOrder: sentences that name a place alike, in the order the article tells them', () => {
  const hit = (articleId: string, passage: number, index: number, coverage: number) =>
    ({
      passage: { id: passage, articleId },
      index,
      coverage,
      text: `${articleId}${passage}.${index}`,
    }) as unknown as SentenceHit;
  const support = (h: SentenceHit) => h.coverage;

  it('puts the article’s first of three or more tied sentences first', () => {
    const hits = [
      hit('a', 9, 0, 1),
      hit('a', 4, 1, 1),
      hit('b', 1, 0, 1),
      hit('a', 4, 0, 0.98),
      hit('a', 2, 0, 0.5),
    ];
    expect(inTellingOrder(hits, support).map((h) => h.text)).toEqual([
      'a4.0',
      'a4.1',
      'a9.0',
      'b1.0',
      'a2.0',
    ]);
  });

  it('keeps the order when fewer than three tie', () => {
    const hits = [hit('a', 9, 0, 1), hit('a', 4, 1, 1), hit('a', 2, 0, 0.5)];
    expect(inTellingOrder(hits, support)).toEqual(hits);
  });
});
