/**
 * Loads a corpus directory: articles (Markdown or plain text) and facts files (YAML).
 * A bad file or fact is reported as a LoadProblem and skipped; everything else still loads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { loadArticle } from './loadArticle.ts';
import { emptyFacts, loadFacts } from './loadFacts.ts';
import type { Article, Corpus, Facts, LoadProblem } from './types.ts';
import { verifyFacts } from './verifyFacts.ts';

export const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
export const FACTS_EXTENSIONS = new Set(['.yaml', '.yml']);

export class CorpusNotFoundError extends Error {
  readonly code = 'CORPUS_NOT_FOUND';
  constructor(dir: string) {
    super(
      `Corpus directory "${dir}" does not exist or is not a directory; set CORPUS_DIR or pass --corpus DIR`,
    );
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out;
}

export function loadCorpus(dir: string): Corpus {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new CorpusNotFoundError(dir);

  const problems: LoadProblem[] = [];
  const articles: Article[] = [];
  const byId = new Map<string, Article>();
  const factFiles: { file: string; raw: string }[] = [];

  for (const path of listFiles(dir)) {
    const file = relative(dir, path);
    const ext = extname(path).toLowerCase();
    if (/^readme(\.|$)/i.test(file.split(/[\\/]/).pop() ?? '')) continue;
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (error) {
      problems.push({ file, message: `could not be read: ${(error as Error).message}` });
      continue;
    }
    if (FACTS_EXTENSIONS.has(ext)) {
      factFiles.push({ file, raw });
    } else if (ARTICLE_EXTENSIONS.has(ext)) {
      const result = loadArticle(file, raw);
      if (!result.ok) {
        problems.push({ ...result.problem, message: `${result.problem.message}; the article was skipped` });
        continue;
      }
      const clash = byId.get(result.article.id);
      if (clash) {
        problems.push({
          file,
          message: `article id "${result.article.id}" is already used by ${clash.file}; give one of them another id in its front matter; this file was skipped`,
        });
        continue;
      }
      byId.set(result.article.id, result.article);
      articles.push(result.article);
    } else {
      problems.push({
        file,
        message: `skipped: "${ext || 'no extension'}" files are not read (articles are .md, .markdown or .txt; facts are .yaml or .yml)`,
      });
    }
  }

  const merged: Facts = emptyFacts();
  const origins = new Map<string, { file: string; line?: number }>();
  for (const { file, raw } of factFiles) {
    const result = loadFacts(file, raw);
    problems.push(...result.problems);
    for (const section of Object.keys(merged) as (keyof Facts)[]) {
      for (const item of result.facts[section] as { id: string }[]) {
        const key = `${section}:${item.id}`;
        const previous = origins.get(key);
        if (previous) {
          problems.push({
            file,
            message: `${section} "${item.id}" is already defined in ${previous.file}; ids must be unique; this fact was skipped`,
          });
          continue;
        }
        const line = result.lines.get(key);
        origins.set(key, line === undefined ? { file } : { file, line });
        (merged[section] as unknown[]).push(item);
      }
    }
  }

  const verified = verifyFacts(
    merged,
    articles,
    (section, id) => origins.get(`${section}:${id}`) ?? { file: '?' },
  );
  problems.push(...verified.problems);
  return { dir, articles, facts: verified.facts, problems };
}
