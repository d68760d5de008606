/**
 * An incremental reload: the knowledge base brought up to date with the corpus directory by
 * re-reading only the article files added or changed since it was built (their size or
 * modification time differ), in the parse pool's workers. Their passages are added to the
 * passage index and those of changed or removed articles taken out (MiniSearch's add and
 * remove, in place); the names are re-merged from what every file gave (kept from the last
 * read) and the name index changes only where a name did. The corpus is assembled by the same
 * code as a full build, in file order, so it holds what a full build would.
 * Undefined when a full build is needed instead: nothing recorded, a facts file changed, or so
 * many files changed that reading them all is as quick.
 */
import { passagesFromLayout, passagesOf } from '../knowledge/buildPassages.ts';
import { type ArticleFileRecord, type CorpusSources, fileStamp } from '../knowledge/corpusSources.ts';
import { CorpusAssembler, type FactsFileResult, listCorpusFiles } from '../knowledge/loadCorpus.ts';
import type { Article } from '../knowledge/types.ts';
import { assembleKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase.ts';
import { countTerms } from '../search/passageIndex.ts';
import type { LoadedArticle } from './parsePool.ts';
import { type ParsePool, sharedParsePool } from './parsePool.ts';

/** More changed files than this share (and at least MIN_FULL_REBUILD) and a full build is as quick. */
const FULL_REBUILD_SHARE = 0.25;
const MIN_FULL_REBUILD = 64;

export interface KnowledgeUpdate {
  kb: KnowledgeBase;
  /** Article files read again (added or changed) and files gone. */
  read: number;
  removed: number;
}

export async function updateKnowledge(
  kb: KnowledgeBase,
  dir: string,
  pool: ParsePool = sharedParsePool(),
): Promise<KnowledgeUpdate | undefined> {
  const sources = kb.sources;
  if (!sources) return undefined;
  const files = listCorpusFiles(dir);
  const factsSame =
    files.facts.length === sources.facts.size &&
    files.facts.every((file) => sources.facts.get(file)?.stamp === fileStamp(dir, file));
  if (!factsSame) return undefined;
  const stamps = new Map(files.articles.map((file) => [file, fileStamp(dir, file)]));
  const changed = files.articles.filter((file) => sources.articles.get(file)?.stamp !== stamps.get(file));
  const removed = [...sources.articles.keys()].filter((file) => !stamps.has(file));
  if (changed.length > Math.max(MIN_FULL_REBUILD, files.articles.length * FULL_REBUILD_SHARE))
    return undefined;
  const skipped = JSON.stringify(files.problems);
  if (!changed.length && !removed.length && skipped === sources.skipped) return { kb, read: 0, removed: 0 };

  const parsed = await Promise.all(
    changed.map((file) =>
      pool.run<LoadedArticle[]>({ kind: 'article-file', dir, file, maxBytes: pool.maxBytes }),
    ),
  );
  const loaded = new Map<string, LoadedArticle[]>();
  changed.forEach((file, i) => {
    const outcome = parsed[i];
    loaded.set(
      file,
      outcome?.ok
        ? outcome.value
        : [
            {
              result: { ok: false, problem: { file, message: outcome?.reason ?? 'not parsed' } },
              layout: { spans: new Int32Array(0), texts: [] },
              counted: countTerms([]),
            },
          ],
    );
  });

  const next: CorpusSources = { articles: new Map(), facts: sources.facts, skipped };
  for (const file of files.articles) {
    const fresh = loaded.get(file);
    const record: ArticleFileRecord | undefined = fresh
      ? { stamp: stamps.get(file) ?? 'missing', results: fresh.map((l) => l.result) }
      : sources.articles.get(file);
    if (record) next.articles.set(file, record);
  }

  // The corpus exactly as a full build assembles it: articles in file order, ids checked, facts verified, names merged.
  const assembler = new CorpusAssembler(dir, files);
  const accepted = new Set<Article>();
  for (const record of next.articles.values()) {
    for (const result of record.results) {
      const article = assembler.add(result);
      if (article) accepted.add(article);
    }
  }
  const facts = new Map<string, FactsFileResult>([...sources.facts].map(([file, r]) => [file, r.result]));
  const corpus = assembler.finish(facts);

  // The passage index in place: out with articles no longer in service, in with the new ones.
  const index = kb.passageIndex;
  const before = new Set(kb.corpus.articles);
  for (const article of before) if (!accepted.has(article)) index.removeArticle(article.id);
  const fromWorkers = new Map<Article, LoadedArticle>();
  for (const list of loaded.values())
    for (const l of list) if (l.result.ok) fromWorkers.set(l.result.article, l);
  for (const article of corpus.articles) {
    if (before.has(article)) continue;
    const worked = fromWorkers.get(article);
    // An unchanged file's article newly in service (the one that clashed with it went): cut here.
    const passages = worked ? passagesFromLayout(article, worked.layout) : passagesOf(article);
    index.add(passages, worked?.counted);
  }
  return {
    kb: assembleKnowledgeBase(corpus, index, { names: kb.names, sources: next }),
    read: changed.length,
    removed: removed.length,
  };
}
