/**
 * Worker thread of the parse pool (parsePool.ts): parses one untrusted document per message
 * (a corpus article file, a fetched page, a feed) and posts the result back. Whatever the
 * document does to the parsers (deep nesting, huge runs, crafted markup) it does here, where the
 * pool can stop it, and never on the thread that answers chat and health checks.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { parseFeed } from '@rowanmanning/feed-parser';
import { passageLayout, passagesOf } from '../knowledge/buildPassages.ts';
import { readArticleFile, readFactsFile } from '../knowledge/loadCorpus.ts';
import { extractArticle } from '../knowledge/pageArticle.ts';
import { countTerms } from '../search/passageIndex.ts';
import type { LoadedArticle, ParseJob, ParseResponse } from './parsePool.ts';

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Why the file is too large to read, or undefined (a file that cannot be read is reported by the reader). */
function overSize(job: { dir: string; file: string; maxBytes: number }): string | undefined {
  let size = 0;
  try {
    size = statSync(join(job.dir, job.file)).size;
  } catch {
    return undefined;
  }
  if (size <= job.maxBytes) return undefined;
  return `${formatBytes(size)} is over the ${formatBytes(job.maxBytes)} size budget of one document (split it into smaller files)`;
}

function run(job: ParseJob): unknown {
  switch (job.kind) {
    case 'article-file': {
      const tooLarge = overSize(job);
      if (tooLarge)
        return [
          {
            result: { ok: false, problem: { file: job.file, message: tooLarge } },
            layout: { spans: new Int32Array(0), texts: [] },
            counted: countTerms([]),
          },
        ];
      // As the parallel loader's worker does (its module listens for messages, so it is not imported).
      return readArticleFile(job.dir, job.file).map((result): LoadedArticle => {
        const passages = result.ok ? passagesOf(result.article) : [];
        const layout = result.ok
          ? passageLayout(result.article, passages)
          : { spans: new Int32Array(0), texts: [] };
        return { result, layout, counted: countTerms(passages.map((p) => p.text)) };
      });
    }
    case 'facts-file': {
      const tooLarge = overSize(job);
      if (tooLarge) return { problem: { file: job.file, message: `${tooLarge}; its facts were not loaded` } };
      return readFactsFile(job.dir, job.file);
    }
    case 'page':
      return extractArticle(job.page);
    case 'feed':
      // Plain objects: the parser's items are class instances, which do not survive postMessage.
      return parseFeed(job.body).items.map((item) => ({ url: item.url }));
  }
}

parentPort?.on('message', ({ id, job }: { id: number; job: ParseJob }) => {
  let response: ParseResponse;
  try {
    response = { id, ok: true, value: run(job) };
  } catch (error) {
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});

// Imports are loaded: the pool may start the clock of the first document now.
parentPort?.postMessage('ready');
