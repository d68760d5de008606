/**
 * Plain-text files may hold several stories. A story ends at a separator line: three or more of
 * the same mark among - * = _ ~ and nothing else ("---", "* * *", "====="), or a form feed.
 * Blank lines never separate stories: scraped text is full of them. A file of one story is one
 * article as before (id: the file name); with more, story n gets the id "<file-name>-<n>" and
 * takes its title from its own first line. Front matter at the top applies to every story (its
 * id, if any, replaces the file name in the ids; its title only to a file of one story).
 */
import { basename, extname } from 'node:path';
import { slugify } from '../text/normalizeText.ts';
import { type ArticleResult, articleFromText, parseFrontMatter } from './loadArticle.ts';

const SEPARATOR = /^[ \t]*(?:([-*=_~])[ \t]*(?:\1[ \t]*){2,}|[^\S\n]*\f[^\S\n]*)$/;

interface Story {
  text: string;
  /** 1-based line of the file where the story starts. */
  line: number;
}

export function splitStories(body: string, firstLine = 1): Story[] {
  const stories: Story[] = [];
  let current: string[] = [];
  let start = firstLine;
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const flush = (next: number) => {
    const text = current.join('\n');
    if (text.trim()) stories.push({ text, line: start });
    current = [];
    start = next;
  };
  lines.forEach((line, i) => {
    if (SEPARATOR.test(line) || line.includes('\f')) flush(firstLine + i + 1);
    else current.push(line);
  });
  flush(firstLine + lines.length);
  return stories;
}

export function loadTextStories(file: string, raw: string): ArticleResult[] {
  const parsed = parseFrontMatter(file, raw);
  if (!parsed.ok) return [parsed];
  const headerLines = raw.slice(0, raw.length - parsed.body.length).split('\n').length;
  const stories = splitStories(parsed.body, headerLines);
  if (stories.length <= 1) return [articleFromText(file, parsed.meta, parsed.body)];
  const base = parsed.meta.id ?? slugify(basename(file, extname(file)));
  const { title: _title, id: _id, ...shared } = parsed.meta;
  return stories.map((story, i) => {
    const result = articleFromText(file, shared, story.text, `${base}-${i + 1}`);
    if (result.ok) return result;
    return { ok: false, problem: { ...result.problem, where: `story ${i + 1}, line ${story.line}` } };
  });
}
