/**
 * Which article of the archive a shared link points to: its `url` (the address an article was
 * ingested from, or a saved page's canonical link, from front matter or page metadata), compared
 * as the same page whatever the scheme, a leading "www.", a trailing slash, the fragment or
 * tracking parameters (utm_*, fbclid, gclid). The index is built once per knowledge base.
 */
import type { Article } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';

const TRACKING = /^(utm_.+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$/i;
const byKnowledge = new WeakMap<KnowledgeBase, Map<string, Article>>();

/** The page a URL names, as a key; undefined for anything but an http(s) address. */
export function pageKey(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams]
    .filter(([name]) => !TRACKING.test(name))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

export function articleByUrl(kb: KnowledgeBase, url: string): Article | undefined {
  const key = pageKey(url);
  if (!key) return undefined;
  let index = byKnowledge.get(kb);
  if (!index) {
    index = new Map();
    for (const article of kb.articles.values()) {
      const own = article.url ? pageKey(article.url) : undefined;
      if (own && !index.has(own)) index.set(own, article);
    }
    byKnowledge.set(kb, index);
  }
  return index.get(key);
}

/** The http(s) links in a chat message (Slack's <url|label> and Discord's <url> forms too), at most `max`. */
export function linksIn(text: string, max = 3): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s<>|"'`]+/gi)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    if (!found.includes(url)) found.push(url);
    if (found.length >= max) break;
  }
  return found;
}
