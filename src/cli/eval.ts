/** Runs question cases: `npm run eval -- <file.jsonl>... [--corpus DIR]`; exit 1 if any fail. */
import { openKnowledge } from '../app/openKnowledge.ts';
import { corpusFolder } from '../eval/brownCorpus.ts';
import { parseEvalCases, runEvalCase } from '../eval/evalCases.ts';
import { formatProblem } from '../knowledge/formatProblem.ts';
import { cliArgs, readInputFile, runCli } from './options.ts';

runCli(() => {
  const args = cliArgs();
  if (args.help || args.positionals.length === 0) {
    console.error('Usage: npm run eval -- <cases.jsonl>... [--corpus DIR | brown:dgj] [--verbose]');
    return args.help ? 0 : 2;
  }
  const { bot, kb } = openKnowledge(corpusFolder(args.corpus));
  for (const p of kb.problems) console.error(`corpus problem: ${formatProblem(p)}`);
  let passed = 0;
  let failed = 0;
  for (const file of args.positionals) {
    for (const c of parseEvalCases(readInputFile(file), file)) {
      const result = runEvalCase(bot, c);
      if (result.passed) {
        passed++;
        if (args.verbose) console.log(`PASS ${file}:${c.line} ${c.ask}`);
        continue;
      }
      failed++;
      console.log(`FAIL ${file}:${c.line} ${c.ask}`);
      for (const f of result.failures) console.log(`  - ${f}`);
      console.log(result.text.replace(/^/gm, '    | '));
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
});
