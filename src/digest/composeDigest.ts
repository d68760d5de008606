/**
 * The digest of a time window, as a Reply each adapter renders like any answer: the new articles
 * with a one-line summary each, the people, places and events they mention most, and notable
 * quotes and figures, every line with its source. Pure: the knowledge base and a window in,
 * a Reply out.
 *
 * An article is new in a window when the moment it became available falls in it: the later of
 * its published date (the start of that day in the digest's time zone) and the time its file was
 * added to the archive (addedAt). So an old article added today counts today, an article filed
 * ahead of its publication date counts on that date, and each article falls in exactly one window.
 */
import type { Reply } from '../core/reply.ts';
import { ReplyBuilder } from '../core/replyBuilder.ts';
import { splitSentences } from '../knowledge/splitSentences.ts';
import type { Article, Entity, NewsEvent } from '../knowledge/types.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { comparable } from '../text/normalizeText.ts';
import { joinWords, shorten } from '../text/words.ts';
import { formatInZone, startOfDayInZone } from './zonedTime.ts';

export interface DigestWindow {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** For dates without a time (published) and for showing the window. */
  timeZone: string;
}

export interface DigestOptions {
  /** First words of the headline. Default "News digest". */
  title?: string;
  maxArticles?: number;
  maxNames?: number;
  maxQuotes?: number;
  maxFigures?: number;
}

const DEFAULTS: Required<DigestOptions> = {
  title: 'News digest',
  maxArticles: 8,
  maxNames: 5,
  maxQuotes: 3,
  maxFigures: 3,
};

const SUMMARY_CHARS = 180;
const QUOTE_CHARS = 200;

/** When an article became available; undefined if it has neither a published date nor addedAt. */
export function availableFrom(article: Article, timeZone: string): Date | undefined {
  const published = article.published ? startOfDayInZone(article.published, timeZone) : undefined;
  const added = article.addedAt ? new Date(article.addedAt) : undefined;
  const dates = [published, added].filter((d): d is Date => d !== undefined && !Number.isNaN(d.getTime()));
  if (dates.length === 0) return undefined;
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/** The articles new in the window, newest first. */
export function newArticles(kb: KnowledgeBase, window: DigestWindow): Article[] {
  const dated: { article: Article; at: number }[] = [];
  for (const article of kb.articles.values()) {
    const at = availableFrom(article, window.timeZone)?.getTime();
    if (at !== undefined && at >= window.from.getTime() && at < window.to.getTime()) {
      dated.push({ article, at });
    }
  }
  return dated
    .sort((a, b) => b.at - a.at || a.article.title.localeCompare(b.article.title))
    .map((d) => d.article);
}

/** A whole-word, case-insensitive match in text already in comparable() form. */
function mentions(comparableText: string, name: string): boolean {
  const needle = comparable(name);
  if (needle.length < 3) return false;
  let from = 0;
  for (;;) {
    const at = comparableText.indexOf(needle, from);
    if (at < 0) return false;
    const before = comparableText[at - 1];
    const after = comparableText[at + needle.length];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) return true;
    from = at + 1;
  }
}

function oneLineSummary(article: Article): string {
  const first = article.body.split(/\n\s*\n/)[0] ?? '';
  const sentence = splitSentences(first)[0] ?? first;
  return shorten(sentence.replace(/\s+/g, ' ').trim(), SUMMARY_CHARS);
}

interface Mentioned {
  name: string;
  articleIds: string[];
}

/** Names ranked by how many of the articles mention them (by a fact's source or by name in the text). */
function mostMentioned(
  items: readonly { name: string; aliases: readonly string[]; sources: readonly { article: string }[] }[],
  articles: readonly Article[],
  texts: ReadonlyMap<string, string>,
  max: number,
): Mentioned[] {
  const ranked: Mentioned[] = [];
  for (const item of items) {
    const cited = new Set(item.sources.map((s) => s.article));
    const names = [item.name, ...item.aliases];
    const articleIds = articles
      .filter((a) => cited.has(a.id) || names.some((n) => mentions(texts.get(a.id) ?? '', n)))
      .map((a) => a.id);
    if (articleIds.length) ranked.push({ name: item.name, articleIds });
  }
  return ranked
    .sort((a, b) => b.articleIds.length - a.articleIds.length || a.name.localeCompare(b.name))
    .slice(0, max);
}

function mentionLine(reply: ReplyBuilder, label: string, ranked: readonly Mentioned[]): void {
  if (!ranked.length) return;
  const names = ranked.map((m) => (m.articleIds.length > 1 ? `${m.name} (${m.articleIds.length})` : m.name));
  reply.line(`${label}: ${joinWords(names)}`, ...new Set(ranked.flatMap((m) => m.articleIds)));
}

const SPEECH_VERB =
  /\b(said|says|told|tells|stated|added|warned|argued|declared|insisted|claimed|asserted|explained)\b/i;

/** For articles without curated quotes: a sentence that quotes someone and says who. */
function quoteFromText(article: Article): string | undefined {
  for (const paragraph of article.body.split(/\n\s*\n/)) {
    for (const sentence of splitSentences(paragraph)) {
      const quoted = /[“"]([^”"]{12,})[”"]/.exec(sentence);
      if (quoted && SPEECH_VERB.test(sentence)) return shorten(sentence.trim(), QUOTE_CHARS);
    }
  }
  return undefined;
}

function byKind(entities: Iterable<Entity>, kinds: readonly Entity['kind'][]): Entity[] {
  return [...entities].filter((e) => kinds.includes(e.kind));
}

export function composeDigest(kb: KnowledgeBase, window: DigestWindow, options: DigestOptions = {}): Reply {
  const o = { ...DEFAULTS, ...options };
  const since = `${formatInZone(window.from, window.timeZone)} (${window.timeZone})`;
  const span = `${formatInZone(window.from, window.timeZone)} – ${formatInZone(window.to, window.timeZone)} ${window.timeZone}`;
  const articles = newArticles(kb, window);

  if (articles.length === 0) {
    return new ReplyBuilder(kb, 'not_found', `${o.title}: no new articles since ${since}.`)
      .line('A quiet spell: nothing was published or added to the archive in this window.')
      .field('Window', span)
      .build();
  }

  const count = `${articles.length} new article${articles.length === 1 ? '' : 's'}`;
  const reply = new ReplyBuilder(kb, 'answer', `${o.title}: ${count} since ${since}`);
  for (const article of articles.slice(0, o.maxArticles)) {
    reply.line(`${article.title}: ${oneLineSummary(article)}`, article.id);
  }
  if (articles.length > o.maxArticles) {
    reply.line(`…and ${articles.length - o.maxArticles} more; /sources lists every article.`);
  }

  const ids = new Set(articles.map((a) => a.id));
  const texts = new Map(articles.map((a) => [a.id, comparable(`${a.title}\n${a.body}`)]));
  const entities = [...kb.entities.values()];
  mentionLine(
    reply,
    'People most mentioned',
    mostMentioned(byKind(entities, ['person', 'organisation']), articles, texts, o.maxNames),
  );
  mentionLine(reply, 'Places', mostMentioned(byKind(entities, ['place']), articles, texts, o.maxNames));
  const events: { name: string; aliases: readonly string[]; sources: readonly { article: string }[] }[] = [
    ...[...kb.events.values()].map((e: NewsEvent) => ({
      name: e.name,
      aliases: e.aliases,
      sources: [...e.sources, ...e.accounts.map((a) => a.source)],
    })),
    ...byKind(entities, ['event']),
  ];
  mentionLine(reply, 'Events', mostMentioned(events, articles, texts, o.maxNames));

  const curated = kb.corpus.facts.quotes.filter((q) => ids.has(q.source.article));
  let quotes = 0;
  for (const q of curated.slice(0, o.maxQuotes)) {
    const speaker = kb.entities.get(q.speaker)?.name ?? q.speaker;
    reply.line(`Quote: ${speaker}: “${shorten(q.text, QUOTE_CHARS)}”`, q.source.article);
    quotes++;
  }
  const quoted = new Set(curated.map((q) => q.source.article));
  for (const article of articles) {
    if (quotes >= o.maxQuotes) break;
    if (quoted.has(article.id)) continue;
    const sentence = quoteFromText(article);
    if (!sentence) continue;
    reply.line(`Quote: ${sentence}`, article.id);
    quotes++;
  }

  for (const f of kb.corpus.facts.figures.filter((x) => ids.has(x.source.article)).slice(0, o.maxFigures)) {
    const unit = f.unit && !f.label.toLowerCase().includes(f.unit.toLowerCase()) ? ` ${f.unit}` : '';
    reply.line(`Figure: ${f.value}${unit}: ${f.label}`, f.source.article);
  }

  reply.field('Window', span);
  return reply.build();
}
