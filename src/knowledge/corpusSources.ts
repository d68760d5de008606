/**
 * What each corpus file gave when it was read, and the file's size and modification time then:
 * what an incremental reload compares the directory against, re-reading only the files that
 * changed, and what a saved index says it covers.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleResult } from './loadArticle.ts';
import type { FactsFileResult } from './loadCorpus.ts';

export interface ArticleFileRecord {
  /** fileStamp() when it was read. */
  stamp: string;
  results: ArticleResult[];
}

export interface FactsFileRecord {
  stamp: string;
  result: FactsFileResult;
}

export interface CorpusSources {
  /** Article files in load order. */
  articles: Map<string, ArticleFileRecord>;
  facts: Map<string, FactsFileRecord>;
  /** The files of unknown types the listing skipped (JSON of their problems). */
  skipped: string;
}

/** A file's size and modification time, "missing" when it cannot be read. */
export function fileStamp(dir: string, file: string): string {
  try {
    const stat = statSync(join(dir, file));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
