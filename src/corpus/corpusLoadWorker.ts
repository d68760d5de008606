/** Worker thread for the parallel loader: parses article files, extracts their entities and cuts their passages. */
import { parentPort } from 'node:worker_threads';
import { type PassageText, passagesOf } from '../knowledge/buildPassages.ts';
import type { ArticleResult } from '../knowledge/loadArticle.ts';
import { readArticleFile } from '../knowledge/loadCorpus.ts';
import { indexTerms } from '../search/passageIndex.ts';

export interface LoadRequest {
  chunk: number;
  dir: string;
  files: string[];
}

export interface LoadedArticle {
  result: ArticleResult;
  passages: PassageText[];
  /** indexTerms of each passage, so the indexing thread only has to insert them. */
  terms: string[];
}

export interface LoadResponse {
  chunk: number;
  loaded: LoadedArticle[];
}

export function loadArticles(dir: string, files: readonly string[]): LoadedArticle[] {
  return files.flatMap((file) =>
    readArticleFile(dir, file).map((result) => {
      const passages = result.ok ? passagesOf(result.article) : [];
      return { result, passages, terms: passages.map((p) => indexTerms(p.text)) };
    }),
  );
}

parentPort?.on('message', (request: LoadRequest) => {
  const response: LoadResponse = { chunk: request.chunk, loaded: loadArticles(request.dir, request.files) };
  parentPort?.postMessage(response);
});
