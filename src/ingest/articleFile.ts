/**
 * An extracted page as an article file of the corpus: Markdown with front matter, at
 * CORPUS_DIR/ingested/<yyyy-mm-dd>-<slug>.md (the date it was fetched), written under a temporary
 * name and then given its own, so the loader and the corpus watcher never see half a file.
 */

import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ExtractedArticle } from '../knowledge/pageArticle.ts';
import { slugify } from '../text/normalizeText.ts';

export const INGESTED_DIR = 'ingested';

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

/** The id an article wants: the date it was fetched and its title's slug. */
export function articleStem(article: Pick<ExtractedArticle, 'title'>, fetchedAt: Date): string {
  return `${fetchedAt.toISOString().slice(0, 10)}-${slugify(article.title).slice(0, 60).replace(/-+$/, '')}`;
}

/** How many names `<stem>-<n>` are tried before giving up (two writers racing take a few at most). */
const MAX_NAME_TRIES = 1000;

/**
 * Writes the article; returns its path relative to the corpus directory and its id. Two writers
 * with the same title (an /ingest beside a feed poll, say) can never take the same file: each
 * writes a temporary file of its own, then links it to the final name, which fails if the name
 * is taken (the file appears whole and is never overwritten); it then tries the next suffix.
 */
export async function writeArticleFile(
  corpusDir: string,
  article: ExtractedArticle,
  fetchedAt: Date,
  via: string,
): Promise<{ file: string; id: string }> {
  const dir = join(corpusDir, INGESTED_DIR);
  await mkdir(dir, { recursive: true });
  const stem = articleStem(article, fetchedAt);
  // Hidden, and unique to this write: the loader and the watcher skip it, and no one else writes it.
  const temp = join(dir, `.${stem}.${process.pid}.${randomUUID()}.tmp`);
  try {
    for (let n = 1; n <= MAX_NAME_TRIES; n++) {
      const id = n === 1 ? stem : `${stem}-${n}`;
      const target = join(dir, `${id}.md`);
      if (existsSync(target)) continue; // a hint only: the link below is what decides
      await writeFile(temp, articleMarkdown(id, article, fetchedAt, via), 'utf8');
      if (await placeExclusively(temp, target)) return { file: `${INGESTED_DIR}/${id}.md`, id };
    }
  } finally {
    await rm(temp, { force: true });
  }
  throw new Error(`no free file name for ${stem}.md in ${dir} after ${MAX_NAME_TRIES} tries`);
}

/** Gives the written temporary file the target name unless that name exists; false if it does. */
async function placeExclusively(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  }
  // A file system without hard links: claim the name with an exclusive create, then fill it by rename.
  try {
    await (await open(target, 'wx')).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  await rename(temp, target);
  return true;
}
