/** Runs every question-and-answer case file against its corpus: a regression in answers fails CI. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { corpusFolder } from '../../src/eval/brownCorpus.ts';
import { parseEvalCases, runEvalCase } from '../../src/eval/evalCases.ts';

const SUITES = [
  { file: 'test/eval/public.jsonl', corpus: 'corpus' },
  { file: 'test/eval/shipped-corpus.jsonl', corpus: 'corpus' },
  { file: 'test/eval/port-ellis.jsonl', corpus: 'test/fixtures/corpora/port-ellis' },
  // Mixed formats and no facts file: HTML with site chrome, a multi-story text file, Markdown
  // without front matter, a person named only "Sen. Okoro", a broken file and an unknown type.
  { file: 'test/eval/riverton.jsonl', corpus: 'test/fixtures/corpora/riverton' },
];

for (const suite of SUITES) {
  describe(`eval ${suite.file} on ${suite.corpus}`, () => {
    const { bot } = openKnowledge(suite.corpus);
    const cases = parseEvalCases(readFileSync(suite.file, 'utf8'), suite.file);
    it('has cases', () => expect(cases.length).toBeGreaterThan(5));
    for (const c of cases) {
      it(`${c.line}: ${c.ask}`, () => {
        const result = runEvalCase(bot, c);
        expect(result.failures, result.text).toEqual([]);
      });
    }
  });
}

/**
 * Questions written by people who never saw the bot, on real text with no facts file (the public
 * brown-dev set, ../shared/eval/brown-dev.jsonl, on Brown sections D, G and J). Not every case
 * passes yet: the suite holds the score at or above what has been reached, which is above plain
 * BM25 over sentences (the baseline script answers 27 of 45), so a change that loses answers fails.
 */
const BROWN_DEV_FLOOR = 42;

describe('eval test/eval/brown-dev.jsonl on Brown D, G, J (real text)', () => {
  const corpus = corpusFolder('brown:dgj');
  const { bot } = openKnowledge(corpus);
  const cases = parseEvalCases(readFileSync('test/eval/brown-dev.jsonl', 'utf8'), 'brown-dev.jsonl');
  it(`answers at least ${BROWN_DEV_FLOOR} of ${cases.length}`, () => {
    const failed = cases.filter((c) => !runEvalCase(bot, c).passed).map((c) => `${c.line}: ${c.ask}`);
    const passed = cases.length - failed.length;
    expect(passed, `failed:\n${failed.join('\n')}`).toBeGreaterThanOrEqual(BROWN_DEV_FLOOR);
  }, 60_000);
});
