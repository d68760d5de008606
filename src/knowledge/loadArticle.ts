/** Turns one article file (Markdown with optional front matter, or plain text) into an Article. */
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { countWords, slugify } from '../text/normalizeText.ts';
import { cleanScrapedText } from './cleanScrapedText.ts';
import type { ExtractedEntity } from './extract/extractEntities.ts';
import { type FrontMatter, frontMatterSchema } from './schemas.ts';
import { titleFromText } from './titleFromText.ts';
import type { Article, LoadProblem } from './types.ts';
import { parseYamlWithLines } from './yamlLocation.ts';

/** A parsed article, with the entities its text names (see src/knowledge/extract/) once extracted. */
export type ArticleResult =
  | { ok: true; article: Article; entities?: ExtractedEntity[] }
  | { ok: false; problem: LoadProblem };

export type FrontMatterResult =
  | { ok: true; meta: FrontMatter; body: string }
  | { ok: false; problem: LoadProblem };

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

function failure(file: string, message: string, where?: string): { ok: false; problem: LoadProblem } {
  return { ok: false, problem: where === undefined ? { file, message } : { file, where, message } };
}

/** Splits optional YAML front matter off a text file and checks it against the schema. */
export function parseFrontMatter(file: string, raw: string): FrontMatterResult {
  const fm = FRONT_MATTER.exec(raw);
  if (!fm) {
    if (/^\uFEFF?---[ \t]*\r?\n/.test(raw))
      return failure(file, 'front matter starts with "---" but has no closing "---" line', 'line 1');
    return { ok: true, meta: {}, body: raw };
  }
  // Fast path: plain parse; line numbers are worked out only when something is wrong.
  let data: unknown;
  try {
    data = parseYaml(fm[1] ?? '') ?? {};
  } catch {
    data = undefined;
  }
  const result = data === undefined ? undefined : frontMatterSchema.safeParse(data);
  if (result?.success) return { ok: true, meta: result.data, body: raw.slice(fm[0].length) };
  const parsed = parseYamlWithLines(fm[1] ?? '', 1);
  if (parsed.error) {
    return failure(
      file,
      `front matter is not valid YAML: ${parsed.error.message}`,
      `line ${parsed.error.line}`,
    );
  }
  const again = frontMatterSchema.safeParse(parsed.data ?? {});
  if (!again.success) return failure(file, ...describeIssue(again.error, parsed.lineOf));
  return failure(file, 'front matter could not be read');
}

export function loadArticle(file: string, raw: string): ArticleResult {
  const parsed = parseFrontMatter(file, raw);
  if (!parsed.ok) return parsed;
  return articleFromText(file, parsed.meta, parsed.body);
}

/**
 * Makes an article of a text body and its metadata: site chrome removed, the title taken from the
 * metadata, else a short first line, else the first sentence, else the file name. `id` overrides the default id (the
 * metadata's, else the file name).
 */
export function articleFromText(file: string, meta: FrontMatter, body: string, id?: string): ArticleResult {
  const cleaned = cleanScrapedText(body, meta.author === undefined ? {} : { author: meta.author });
  const paragraphs = [...cleaned.paragraphs];
  const fileStem = basename(file, extname(file));
  let title = meta.title;
  if (title === undefined) {
    // No title given: take a Markdown heading or a short first line, else the first sentence,
    // else the file name.
    const first = paragraphs[0];
    if (first && first.split(/\s+/).length <= 20 && !/[.!]$/.test(first)) {
      title = first;
      paragraphs.shift();
    } else {
      title = (first && titleFromText(first)) ?? fileStem.replace(/[-_]+/g, ' ');
    }
  } else if (paragraphs[0] && paragraphs[0].trim().toLowerCase() === title.trim().toLowerCase()) {
    paragraphs.shift(); // the scraped body repeats the headline
  }

  const text = paragraphs.join('\n\n');
  const words = countWords(text);
  if (words === 0) return failure(file, 'the article has no text after its front matter');

  const article: Article = {
    id: id ?? meta.id ?? slugify(fileStem),
    title,
    file,
    body: text,
    words,
  };
  if (meta.author) article.author = meta.author;
  // A closing note about someone names the author when the metadata does not.
  else if (cleaned.authorNoteName) article.author = cleaned.authorNoteName;
  if (cleaned.authorNote) article.authorNote = cleaned.authorNote;
  if (meta.publication) article.publication = meta.publication;
  if (meta.published) article.published = meta.published;
  if (meta.url) article.url = meta.url;
  return { ok: true, article };
}

/** The first schema issue as [message, where], worded as what to fix. */
export function describeIssue(
  error: z.ZodError,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  basePath: readonly PropertyKey[] = [],
): [string, string] {
  const issue = error.issues[0];
  const path = [...basePath, ...(issue?.path ?? [])];
  const field = path.length ? path.map(String).join('.') : '(top level)';
  const line = lineOf(path);
  const where = line === undefined ? `field ${field}` : `line ${line}, field ${field}`;
  return [`${field}: ${issue?.message ?? 'invalid value'}`, where];
}
