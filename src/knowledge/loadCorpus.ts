/**
 * Loads a corpus directory: articles (Markdown, plain text, HTML pages) and facts files (YAML).
 * A bad file or fact is reported as a LoadProblem and skipped; everything else still loads.
 * Each article's people, organisations and places are extracted from its text and merged with
 * the curated facts (src/knowledge/extract/).
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { CodedError } from '../ops/errors.ts';
import { type ExtractedEntity, extractEntities } from './extract/extractEntities.ts';
import { mergeEntities } from './extract/mergeEntities.ts';
import { type ArticleResult, loadArticle } from './loadArticle.ts';
import { emptyFacts, type FactsResult, loadFacts } from './loadFacts.ts';
import { loadHtmlArticle } from './loadHtmlArticle.ts';
import { loadTextStories } from './loadTextStories.ts';
import { readTextFile } from './readTextFile.ts';
import type { Article, Corpus, Facts, LoadProblem } from './types.ts';
import { verifyFacts } from './verifyFacts.ts';

export const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);
export const FACTS_EXTENSIONS = new Set(['.yaml', '.yml']);

export class CorpusNotFoundError extends CodedError<'CORPUS_NOT_FOUND'> {
  constructor(dir: string) {
    super(
      'CORPUS_NOT_FOUND',
      `Corpus directory "${dir}" does not exist or is not a directory; set CORPUS_DIR or pass --corpus DIR`,
    );
  }
}

/** The regular files under dir; links and other special entries go to `skipped`, with the reason. */
function listFiles(dir: string, skipped: LoadProblem[] = []): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
      else if (entry.isSymbolicLink()) {
        // Not followed: a link could reach any file on the machine, or loop.
        skipped.push({
          file: relative(dir, path),
          message:
            'skipped: a symbolic link, which is not followed (copy the file or folder into the corpus instead)',
        });
      } else skipped.push({ file: relative(dir, path), message: 'skipped: not a regular file' });
    }
  };
  walk(dir);
  return out;
}

export interface CorpusFiles {
  /** Article files, relative to the corpus directory, in load order. */
  articles: string[];
  facts: string[];
  /** Files of unknown types, reported and skipped. */
  problems: LoadProblem[];
}

/** The files of a corpus by kind; throws CorpusNotFoundError if the directory is missing. */
export function listCorpusFiles(dir: string): CorpusFiles {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new CorpusNotFoundError(dir);
  const out: CorpusFiles = { articles: [], facts: [], problems: [] };
  for (const path of listFiles(dir, out.problems)) {
    const file = relative(dir, path);
    const ext = extname(path).toLowerCase();
    if (/^readme(\.|$)/i.test(file.split(/[\\/]/).pop() ?? '')) continue;
    if (FACTS_EXTENSIONS.has(ext)) out.facts.push(file);
    else if (ARTICLE_EXTENSIONS.has(ext)) out.articles.push(file);
    else {
      out.problems.push({
        file,
        message: `skipped: "${ext || 'no extension'}" files are not read (articles are .md, .markdown, .txt, .html or .htm; facts are .yaml or .yml)`,
      });
    }
  }
  return out;
}

/** Parses one article file's text by its type: HTML pages, plain text (maybe several stories), Markdown. */
export function parseArticleFile(file: string, raw: string): ArticleResult[] {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return [loadHtmlArticle(file, raw)];
  if (ext === '.txt') return loadTextStories(file, raw);
  return [loadArticle(file, raw)];
}

/**
 * Reads, parses and extracts one article file (a text file may hold several stories); a read
 * error is a problem like any other. This is the per-file work the parallel loader's workers do.
 */
export function readArticleFile(dir: string, file: string): ArticleResult[] {
  let raw: string;
  let modified: Date;
  try {
    const read = readTextFile(join(dir, file));
    if (!read.ok) return [{ ok: false, problem: { file, message: read.message } }];
    raw = read.text;
    modified = statSync(join(dir, file)).mtime;
  } catch (error) {
    return [{ ok: false, problem: { file, message: `could not be read: ${(error as Error).message}` } }];
  }
  let results: ArticleResult[];
  try {
    results = parseArticleFile(file, raw);
  } catch (error) {
    return [{ ok: false, problem: { file, message: `could not be parsed: ${(error as Error).message}` } }];
  }
  for (const result of results) {
    if (!result.ok) continue;
    result.article.addedAt = modified.toISOString();
    try {
      result.entities = extractEntities(result.article);
    } catch {
      // A bug in the extractor must not cost the article: it stays searchable, without names.
      result.entities = [];
    }
  }
  return results;
}

export type FactsFileResult = FactsResult | { problem: LoadProblem };

/** Reads and parses one facts file; a file that is not text or not parseable is one problem. */
export function readFactsFile(dir: string, file: string): FactsFileResult {
  let raw: string;
  try {
    const read = readTextFile(join(dir, file));
    if (!read.ok) return { problem: { file, message: `${read.message}; its facts were not loaded` } };
    raw = read.text;
  } catch (error) {
    return { problem: { file, message: `could not be read: ${(error as Error).message}` } };
  }
  try {
    return loadFacts(file, raw);
  } catch (error) {
    // A bug or a library surprise on one file costs that file, never the corpus.
    return { problem: { file, message: `could not be parsed: ${(error as Error).message}; skipped` } };
  }
}

/**
 * Collects article results in file order (so duplicate ids resolve the same way however the
 * articles were parsed), then adds the facts and checks them against the articles.
 */
export class CorpusAssembler {
  readonly articles: Article[] = [];
  readonly problems: LoadProblem[];
  private readonly byId = new Map<string, Article>();
  /** The entities extracted from each accepted article, in article order. */
  private readonly extracted: ExtractedEntity[][] = [];

  constructor(
    private readonly dir: string,
    private readonly files: CorpusFiles,
  ) {
    this.problems = [...files.problems];
  }

  /** Adds one parsed article; returns it if accepted, undefined if it was skipped. */
  add(result: ArticleResult): Article | undefined {
    if (!result.ok) {
      this.problems.push({
        ...result.problem,
        message: `${result.problem.message}; the article was skipped`,
      });
      return undefined;
    }
    const clash = this.byId.get(result.article.id);
    if (clash) {
      this.problems.push({
        file: result.article.file,
        message: `article id "${result.article.id}" is already used by ${clash.file}; give one of them another id in its front matter; this file was skipped`,
      });
      return undefined;
    }
    this.byId.set(result.article.id, result.article);
    this.articles.push(result.article);
    this.extracted.push(result.entities ?? []);
    return result.article;
  }

  /** `parsedFacts`: the facts files already read and parsed elsewhere (a worker); else they are read here. */
  finish(parsedFacts?: ReadonlyMap<string, FactsFileResult>): Corpus {
    const merged: Facts = emptyFacts();
    const origins = new Map<string, { file: string; line?: number }>();
    for (const file of this.files.facts) {
      const result = parsedFacts?.get(file) ?? readFactsFile(this.dir, file);
      if ('problem' in result) {
        this.problems.push(result.problem);
        continue;
      }
      this.problems.push(...result.problems);
      for (const section of Object.keys(merged) as (keyof Facts)[]) {
        for (const item of result.facts[section] as { id: string }[]) {
          const key = `${section}:${item.id}`;
          const previous = origins.get(key);
          if (previous) {
            this.problems.push({
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
      this.articles,
      (section, id) => origins.get(`${section}:${id}`) ?? { file: '?' },
    );
    this.problems.push(...verified.problems);
    const entities = mergeEntities(verified.facts.entities, verified.facts.events, this.extracted);
    return {
      dir: this.dir,
      articles: this.articles,
      facts: verified.facts,
      entities,
      problems: this.problems,
    };
  }
}

/** Loads a corpus directory in this thread (the bot loads through the parse pool: corpus/loadKnowledge.ts). */
export function loadCorpus(dir: string): Corpus {
  const files = listCorpusFiles(dir);
  const assembler = new CorpusAssembler(dir, files);
  for (const file of files.articles) for (const result of readArticleFile(dir, file)) assembler.add(result);
  return assembler.finish();
}
