/**
 * A fetched page to an article, with the same Readability-on-linkedom reader the corpus loader
 * uses for saved pages (src/knowledge/loadHtmlArticle.ts). Pages that are not articles are refused
 * with the reason: not HTML, or too little article text (a home page, a login wall, a video page).
 */
import { loadHtmlArticle } from './loadHtmlArticle.ts';

/** An article read from a fetched page, before it is written to the archive. */
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

/** Fewer words than this is a teaser, an index page or a wall, not an article. */
export const MIN_ARTICLE_WORDS = 40;

export type ExtractResult = { ok: true; article: ExtractedArticle } | { ok: false; reason: string };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

export function extractArticle(page: { url: string; contentType: string; body: string }): ExtractResult {
  const type = page.contentType.split(';')[0]?.trim() || 'no content type';
  if (!HTML_TYPES.test(page.contentType))
    return { ok: false, reason: `${page.url} is not a web page (${type}); I only read HTML articles` };
  const result = loadHtmlArticle('page.html', page.body);
  if (!result.ok)
    return { ok: false, reason: `no article found at ${page.url}: the page has no article text` };
  const a = result.article;
  if (a.words < MIN_ARTICLE_WORDS) {
    return {
      ok: false,
      reason: `no article found at ${page.url}: only ${a.words} words of text (an article has at least ${MIN_ARTICLE_WORDS})`,
    };
  }
  return {
    ok: true,
    article: {
      title: a.title,
      url: page.url,
      body: a.body,
      words: a.words,
      ...(a.author ? { author: a.author } : {}),
      ...(a.publication ? { publication: a.publication } : {}),
      ...(a.published ? { published: a.published } : {}),
    },
  };
}
