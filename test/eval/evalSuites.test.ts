/** Runs every question-and-answer case file against its corpus: a regression in answers fails CI. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
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
