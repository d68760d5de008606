/**
 * An extracted page as an article file of the corpus: Markdown with front matter, at
 * CORPUS_DIR/ingested/<yyyy-mm-dd>-<slug>.md (the date it was fetched), written under a temporary
 * name and renamed so the loader and the corpus watcher never see half a file.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { slugify } from '../text/normalizeText.ts';

export const INGESTED_DIR = 'ingested';

export interface ExtractedArticle {
  title: string;
  author?: string;
  publication?: string;
  /** YYYY-MM-DD. */
  published?: string;
  /** The page's URL (after redirects). */
  url: string;
  body: string;
  words: number;
}

/** The same text under another URL or with other spacing hashes the same. */
export function contentHash(body: string): string {
  const normal = body.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normal).digest('hex');
}

export function articleMarkdown(id: string, article: ExtractedArticle, fetchedAt: Date, via: string): string {
  const meta: Record<string, string> = { id, title: article.title };
  if (article.author) meta.author = article.author;
  if (article.publication) meta.publication = article.publication;
  if (article.published) meta.published = article.published;
  meta.url = article.url;
  meta.fetched = fetchedAt.toISOString();
  meta.notes = `Fetched from ${article.url} at ${fetchedAt.toISOString()} (${via}).`;
  return `---\n${stringify(meta, { lineWidth: 0 })}---\n${article.body.trim()}\n`;
}

/** Writes the article; returns its path relative to the corpus directory and its id. */
export async function writeArticleFile(
  corpusDir: string,
  article: ExtractedArticle,
  fetchedAt: Date,
  via: string,
): Promise<{ file: string; id: string }> {
  const dir = join(corpusDir, INGESTED_DIR);
  await mkdir(dir, { recursive: true });
  const stem = `${fetchedAt.toISOString().slice(0, 10)}-${slugify(article.title).slice(0, 60).replace(/-+$/, '')}`;
  let id = stem;
  for (let n = 2; existsSync(join(dir, `${id}.md`)); n++) id = `${stem}-${n}`;
  const target = join(dir, `${id}.md`);
  const temp = join(dir, `.${id}.md.tmp`);
  await writeFile(temp, articleMarkdown(id, article, fetchedAt, via), 'utf8');
  await rename(temp, target);
  return { file: `${INGESTED_DIR}/${id}.md`, id };
}
