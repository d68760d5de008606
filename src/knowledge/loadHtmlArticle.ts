/**
 * Turns a saved web page into an article: Mozilla's Readability (the library behind Firefox's
 * Reader View) finds the article body and drops the site chrome (navigation, ads, cookie banners,
 * "related stories", footers), on linkedom's light DOM. Title, author, date, site and URL come
 * from the page's metadata (Open Graph, article:published_time, author) when it has them.
 */
import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { type ArticleResult, articleFromText } from './loadArticle.ts';
import { type FrontMatter, frontMatterSchema } from './schemas.ts';

const require = createRequire(import.meta.url);
let html:
  | { Readability: typeof ReadabilityModule.Readability; parseHTML: typeof Linkedom.parseHTML }
  | undefined;

/** The HTML libraries, loaded with the first page (a third of a second that corpora without pages never pay). */
function htmlLibraries(): NonNullable<typeof html> {
  html ??= {
    Readability: (require('@mozilla/readability') as typeof ReadabilityModule).Readability,
    parseHTML: (require('linkedom') as typeof Linkedom).parseHTML,
  };
  return html;
}

/** Elements whose text is one paragraph of the article. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre';

interface Element {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element>;
}

function attribute(document: Element, selector: string, name: string): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value || undefined;
}

function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Metadata the page declares, checked like front matter; a field that fails the check is left out. */
function pageMeta(document: Element): FrontMatter {
  const meta = (name: string) =>
    attribute(document, `meta[property="${name}"]`, 'content') ??
    attribute(document, `meta[name="${name}"]`, 'content');
  const author = meta('author') ?? meta('article:author') ?? meta('byl');
  const published =
    meta('article:published_time') ??
    meta('date') ??
    meta('pubdate') ??
    attribute(document, '[itemprop="datePublished"]', 'content') ??
    attribute(document, 'time[datetime]', 'datetime');
  const candidate: Record<string, string | undefined> = {
    title: oneLine(meta('og:title') ?? meta('twitter:title')) || undefined,
    author: author && !/^https?:/.test(author) ? author.replace(/^by\s+/i, '') : undefined,
    publication: meta('og:site_name'),
    published: /^\d{4}-\d{2}-\d{2}/.test(published ?? '') ? published?.slice(0, 10) : undefined,
    url: attribute(document, 'link[rel="canonical"]', 'href') ?? meta('og:url'),
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(candidate)) {
    if (value !== undefined && frontMatterSchema.safeParse({ [key]: value }).success) out[key] = value;
  }
  return out as FrontMatter;
}

/** Where Readability finds no article (or fails on odd markup): the page less its obvious chrome. */
const CHROME =
  'title, script, style, noscript, template, nav, header, footer, aside, form, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';

function readableContent(document: Element & { body?: Element | null; documentElement?: Element | null }): {
  content: Element | undefined;
  title?: string | null | undefined;
  byline?: string | null | undefined;
  siteName?: string | null | undefined;
} {
  try {
    const parsed = new (htmlLibraries().Readability)(document as never, {
      charThreshold: 200,
      serializer: (node) => node as unknown as Element,
    }).parse();
    const content = parsed?.content as Element | null | undefined;
    if (content && oneLine(content.textContent)) return { ...parsed, content };
  } catch {
    // Readability can fail on malformed pages; the fallback below reads them.
  }
  for (const chrome of [...document.querySelectorAll(CHROME)])
    (chrome as unknown as { remove(): void }).remove();
  // A page without a proper <body> (tags straight after <head>) still has its text somewhere.
  const body = document.body && oneLine(document.body.textContent) ? document.body : document.documentElement;
  return { content: body ?? undefined };
}

export function loadHtmlArticle(file: string, raw: string): ArticleResult {
  const { document } = htmlLibraries().parseHTML(raw) as unknown as {
    document: Element & { body?: Element | null; documentElement?: Element | null };
  };
  const meta = pageMeta(document);
  const pageTitle = oneLine(document.querySelector('title')?.textContent);
  const readable = readableContent(document);
  const content = readable.content;
  if (!meta.title && readable.title) meta.title = oneLine(readable.title);
  if (!meta.title && pageTitle) meta.title = pageTitle;
  if (!meta.author && readable.byline) meta.author = oneLine(readable.byline).replace(/^by\s+/i, '');
  if (!meta.publication && readable.siteName) meta.publication = oneLine(readable.siteName);

  const paragraphs: string[] = [];
  for (const block of content?.querySelectorAll(BLOCKS) ?? []) {
    if (block.querySelector(BLOCKS)) continue; // its inner blocks are taken one by one
    const text = oneLine(block.textContent);
    if (!text) continue;
    paragraphs.push(/^H[1-6]$/.test(block.tagName.toUpperCase()) ? `## ${text}` : text);
  }
  if (!paragraphs.length) paragraphs.push(...(content?.textContent ?? '').split(/\n+/).map(oneLine));
  // The byline and the headline, repeated at the top of the body, are not article text.
  while (paragraphs.length) {
    const first = (paragraphs[0] ?? '').replace(/^## /, '');
    const byline = /^by\s/i.test(first) && first.split(/\s+/).length <= 10;
    if (!byline && first.toLowerCase() !== meta.title?.toLowerCase() && first) break;
    paragraphs.shift();
  }
  if (!paragraphs.length)
    return { ok: false, problem: { file, message: 'no article text found in the page' } };
  return articleFromText(file, meta, paragraphs.join('\n\n'));
}
