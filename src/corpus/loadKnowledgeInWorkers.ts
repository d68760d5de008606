/**
 * Builds the knowledge base with every corpus file parsed in the parse pool's workers, each
 * within its time and size budget (parsePool.ts); this thread only indexes. A file refused for
 * its budget is a load problem like any other, listed by /sources, and everything else loads.
 * Articles are taken in file order, so the result is the same as the single-threaded build's.
 */

import { passagesFromLayout } from '../knowledge/buildPassages.ts';
import { type ArticleFileRecord, type CorpusSources, fileStamp } from '../knowledge/corpusSources.ts';
import { CorpusAssembler, type FactsFileResult, listCorpusFiles } from '../knowledge/loadCorpus.ts';
import { assembleKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase.ts';
import { PassageIndex } from '../search/passageIndex.ts';
import { KeyWarmer } from './keyWarmer.ts';
import type { LoadedArticle } from './parsePool.ts';
import { type ParsePool, sharedParsePool } from './parsePool.ts';

export async function loadKnowledgeInWorkers(
  dir: string,
  pool: ParsePool = sharedParsePool(),
): Promise<KnowledgeBase> {
  const files = listCorpusFiles(dir);
  // Stamped before reading: a file written meanwhile is read again by the next reload.
  const stamps = new Map([...files.articles, ...files.facts].map((file) => [file, fileStamp(dir, file)]));
  const sources: CorpusSources = {
    articles: new Map(),
    facts: new Map(),
    skipped: JSON.stringify(files.problems),
  };
  const job = (kind: 'article-file' | 'facts-file', file: string) =>
    ({ kind, dir, file, maxBytes: pool.maxBytes }) as const;
  // All queued at once; the pool's workers take them in order, one document each at a time.
  const articles = files.articles.map((file) => pool.run<LoadedArticle[]>(job('article-file', file)));
  const facts = files.facts.map((file) => pool.run<FactsFileResult>(job('facts-file', file)));

  const assembler = new CorpusAssembler(dir, files);
  const index = new PassageIndex();
  // While this thread waits for the workers, it folds the words read so far for the first answers.
  const warmer = new KeyWarmer();
  for (const [i, file] of files.articles.entries()) {
    const outcome = await articles[i];
    const record: ArticleFileRecord = { stamp: stamps.get(file) ?? 'missing', results: [] };
    sources.articles.set(file, record);
    if (!outcome?.ok) {
      const message = outcome?.reason ?? 'not parsed';
      record.results.push({ ok: false, problem: { file, message } });
      assembler.add({ ok: false, problem: { file, message } });
      continue;
    }
    for (const { result, layout, counted } of outcome.value) {
      record.results.push(result);
      const article = assembler.add(result);
      if (article) {
        index.add(passagesFromLayout(article, layout), counted);
        warmer.offer(counted.vocabulary);
      }
    }
  }
  warmer.stop();
  const parsedFacts = new Map<string, FactsFileResult>();
  for (const [i, file] of files.facts.entries()) {
    const outcome = await facts[i];
    const result: FactsFileResult = outcome?.ok
      ? outcome.value
      : { problem: { file, message: `${outcome?.reason ?? 'not parsed'}; its facts were not loaded` } };
    parsedFacts.set(file, result);
    sources.facts.set(file, { stamp: stamps.get(file) ?? 'missing', result });
  }
  return assembleKnowledgeBase(assembler.finish(parsedFacts), index, { sources });
}
