/** Loads a corpus and prints what loaded and every problem: `npx tsx scripts/check-corpus.ts [DIR]`. */
import { loadCorpus } from '../src/knowledge/loadCorpus.ts';

const dir = process.argv[2] ?? 'corpus';
const corpus = loadCorpus(dir);
const f = corpus.facts;
console.log(
  `${corpus.articles.length} articles; ${f.entities.length} entities, ${f.events.length} events, ${f.quotes.length} quotes, ${f.figures.length} figures`,
);
for (const p of corpus.problems)
  console.log(`PROBLEM ${p.file}${p.where ? ` (${p.where})` : ''}: ${p.message}`);
process.exitCode = corpus.problems.length ? 1 : 0;
