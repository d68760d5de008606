/**
 * Builds the knowledge base with every corpus file parsed in the parse pool's workers, each
 * within its time and size budget (parsePool.ts); this thread only indexes. A file refused for
 * its budget is a load problem like any other, listed by /sources, and everything else loads.
 * Articles are taken in file order, so the result is the same as the single-threaded build's.
 */
import { CorpusAssembler, type FactsFileResult, listCorpusFiles } from '../knowledge/loadCorpus.ts';
import { assembleKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase.ts';
import { PassageIndex } from '../search/passageIndex.ts';
import type { LoadedArticle } from './corpusLoadWorker.ts';
import { type ParsePool, sharedParsePool } from './parsePool.ts';

export async function loadKnowledgeInWorkers(
  dir: string,
  pool: ParsePool = sharedParsePool(),
): Promise<KnowledgeBase> {
  const files = listCorpusFiles(dir);
  const job = (kind: 'article-file' | 'facts-file', file: string) =>
    ({ kind, dir, file, maxBytes: pool.maxBytes }) as const;
  // All queued at once; the pool's workers take them in order, one document each at a time.
  const articles = files.articles.map((file) => pool.run<LoadedArticle[]>(job('article-file', file)));
  const facts = files.facts.map((file) => pool.run<FactsFileResult>(job('facts-file', file)));

  const assembler = new CorpusAssembler(dir, files);
  const index = new PassageIndex();
  for (const [i, file] of files.articles.entries()) {
    const outcome = await articles[i];
    if (!outcome?.ok) {
      const message = outcome?.reason ?? 'not parsed';
      assembler.add({ ok: false, problem: { file, message } });
      continue;
    }
    for (const { result, passages, terms } of outcome.value) {
      if (assembler.add(result)) index.add(passages, terms);
    }
  }
  const parsedFacts = new Map<string, FactsFileResult>();
  for (const [i, file] of files.facts.entries()) {
    const outcome = await facts[i];
    parsedFacts.set(
      file,
      outcome?.ok
        ? outcome.value
        : { problem: { file, message: `${outcome?.reason ?? 'not parsed'}; its facts were not loaded` } },
    );
  }
  return assembleKnowledgeBase(assembler.finish(parsedFacts), index);
}
