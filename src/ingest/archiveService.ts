/**
 * Growing the archive: one page by URL (/ingest) or the new items of followed feeds (see
 * feedPoller.ts). A page is fetched safely (safeFetch.ts), its article extracted (knowledge/pageArticle.ts),
 * stored once as a Markdown file in CORPUS_DIR/ingested/ (articleFile.ts), and indexed. "Once":
 * a URL already ingested, or already the `url` of an article in the archive, is not fetched again,
 * and a text already stored under another URL (same content hash) is not stored twice.
 */
import { writeStoredArticle } from '../corpus/followArticleStore.ts';
import { type ParsePool, sharedParsePool } from '../corpus/parsePool.ts';
import type { ExtractedArticle, ExtractResult } from '../knowledge/pageArticle.ts';
import type { ArchiveState, FeedState, IngestedUrl } from '../state/archiveState.ts';
import type { ArticleStore } from '../state/articleStore.ts';
import type { Leases } from '../state/leases.ts';
import { type AdminEntry, isAdmin } from './admins.ts';
import { articleMarkdown, articleStem, contentHash, INGESTED_DIR, writeArticleFile } from './articleFile.ts';
import { checkUrl, FetchError, type SafeFetcher } from './safeFetch.ts';

export type IngestOutcome =
  | { status: 'stored'; id: string; file: string; article: ExtractedArticle; searchable: boolean }
  | {
      status: 'duplicate';
      url: string;
      existing: { title?: string; file?: string; url: string };
      reason: string;
    }
  /** Will never be stored: not an article, a refused address, too large, gone (404). */
  | { status: 'refused'; url: string; reason: string }
  /** Could not be fetched this time (timeout, network, server error): worth trying again later. */
  | { status: 'failed'; url: string; reason: string };

export interface FeedStatus {
  url: string;
  state?: FeedState;
}

/** What the /ingest and /feeds commands need. */
export interface ArchiveService {
  /** Whether this user may add articles (ADMIN_USER_IDS). */
  mayIngest(who: { platform?: string; workspaceId?: string; userId?: string }): boolean;
  /** Fetches, stores and indexes one page. */
  ingest(url: string, who: { platform?: string; userId?: string }): Promise<IngestOutcome>;
  /** The followed feeds (FEEDS) with their last poll. */
  feeds(): Promise<FeedStatus[]>;
}

export interface ArchiveOptions {
  corpusDir: string;
  fetcher: SafeFetcher;
  state: ArchiveState;
  admins: readonly AdminEntry[];
  feedUrls: readonly string[];
  /** The articles already in the archive (their front matter `url` counts as added): the knowledge base's map. */
  knownArticles?: () => ReadonlyMap<string, KnownArticle>;
  /** Makes newly written articles searchable; resolves true once they are. */
  reindex?: (ids: string[]) => Promise<boolean>;
  now?: () => Date;
  /** Where pages are read, within a time budget; default the process's shared pool. */
  parser?: ParsePool;
  /**
   * Several instances: articles are stored in the shared store (once per URL and per text) and
   * copied into this CORPUS_DIR; every other instance copies them into its own.
   */
  store?: ArticleStore;
  /** Several instances: a URL is leased before it is fetched, so two instances never fetch it at once. */
  leases?: Leases;
}

/** How long an instance may hold a URL it is fetching and storing. */
const INGEST_LEASE_MS = 5 * 60_000;

/** The URL as a key: no fragment (the same page), the rest as the WHATWG parser normalises it. */
export function urlKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

interface KnownArticle {
  url?: string;
  title: string;
  file: string;
}

const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

export class Archive implements ArchiveService {
  private readonly inFlight = new Map<string, Promise<IngestOutcome>>();
  private readonly now: () => Date;
  /** URL key to article, per knowledge base (a new one after every reload). */
  private readonly urlIndex = new WeakMap<object, Map<string, KnownArticle>>();

  constructor(private readonly options: ArchiveOptions) {
    this.now = options.now ?? (() => new Date());
  }

  mayIngest(who: { platform?: string; workspaceId?: string; userId?: string }): boolean {
    return isAdmin(this.options.admins, who);
  }

  async ingest(url: string, who: { platform?: string; userId?: string }): Promise<IngestOutcome> {
    const outcome = await this.ingestUrl(url, `chat:${who.platform ?? 'unknown'}:${who.userId ?? 'unknown'}`);
    if (outcome.status !== 'stored') return outcome;
    return { ...outcome, searchable: await this.reindex([outcome.id]) };
  }

  /** Resolves true once the given articles are searchable. */
  async reindex(ids: string[]): Promise<boolean> {
    if (!this.options.reindex || ids.length === 0) return false;
    return this.options.reindex(ids);
  }

  async feeds(): Promise<FeedStatus[]> {
    const out: FeedStatus[] = [];
    for (const url of this.options.feedUrls) {
      const state = await this.options.state.feed(url);
      out.push(state ? { url, state } : { url });
    }
    return out;
  }

  /** Fetches and stores one page without reindexing (a feed poll reindexes once at the end). */
  ingestUrl(raw: string, via: string): Promise<IngestOutcome> {
    let key: string;
    try {
      key = urlKey(checkUrl(raw, this.options.fetcher.limits.allow).href);
    } catch (error) {
      const reason = error instanceof FetchError ? error.message : String(error);
      return Promise.resolve({ status: 'refused', url: raw, reason });
    }
    // The same URL asked for twice at once is fetched once.
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = this.leased(key, () => this.fetchAndStore(key, via)).finally(() =>
      this.inFlight.delete(key),
    );
    this.inFlight.set(key, work);
    return work;
  }

  /** Runs `work` holding the URL's lease across instances; another instance holding it means "under way". */
  private async leased(url: string, work: () => Promise<IngestOutcome>): Promise<IngestOutcome> {
    const { leases } = this.options;
    if (!leases) return work();
    const key = `ingest:${url}`;
    if ((await leases.acquire(key, INGEST_LEASE_MS)) !== 'acquired') {
      return {
        status: 'duplicate',
        url,
        existing: { url },
        reason: 'another instance of the bot is adding that address right now',
      };
    }
    try {
      return await work();
    } finally {
      await leases.release(key).catch(() => {});
    }
  }

  private known(url: string): { title?: string; file?: string; url: string } | undefined {
    const articles = this.options.knownArticles?.();
    if (!articles) return undefined;
    let index = this.urlIndex.get(articles);
    if (!index) {
      index = new Map();
      for (const a of articles.values()) {
        if (!a.url) continue;
        try {
          index.set(urlKey(a.url), a);
        } catch {
          // a malformed url in someone's front matter matches nothing
        }
      }
      this.urlIndex.set(articles, index);
    }
    const found = index.get(url);
    return found ? { title: found.title, file: found.file, url } : undefined;
  }

  private async fetchAndStore(url: string, via: string): Promise<IngestOutcome> {
    const { state } = this.options;
    const seen = await state.findUrl(url);
    const duplicateOf = (entry: IngestedUrl) => ({
      url: entry.url,
      ...(entry.title ? { title: entry.title } : {}),
      ...(entry.file ? { file: entry.file } : {}),
    });
    if (seen && seen.status !== 'refused') {
      return {
        status: 'duplicate',
        url,
        existing: duplicateOf(seen),
        reason: 'that address was added before',
      };
    }
    // A feed item refused once (not an article, gone) is not fetched again every poll; a person asking is.
    if (seen?.status === 'refused' && via.startsWith('feed:'))
      return { status: 'refused', url, reason: seen.detail ?? 'refused before' };
    const existing = this.known(url);
    if (existing) return { status: 'duplicate', url, existing, reason: 'an article there has that address' };

    const at = () => this.now().toISOString();
    const refuse = async (reason: string, finalUrl = url): Promise<IngestOutcome> => {
      await state.recordUrl({ url, status: 'refused', via, detail: reason, at: at() });
      return { status: 'refused', url: finalUrl, reason };
    };

    let page: Awaited<ReturnType<SafeFetcher['fetch']>>;
    try {
      page = await this.options.fetcher.fetch(url);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      const transient =
        error.code === 'TIMEOUT' ||
        error.code === 'NETWORK' ||
        (error.code === 'HTTP_STATUS' && TRANSIENT_STATUS.has(error.status ?? 0));
      if (transient) return { status: 'failed', url, reason: error.message };
      return refuse(error.message);
    }
    const finalUrl = urlKey(page.url);
    if (finalUrl !== url) {
      const seenFinal = (await state.findUrl(finalUrl)) ?? undefined;
      const known =
        seenFinal && seenFinal.status !== 'refused' ? duplicateOf(seenFinal) : this.known(finalUrl);
      if (known) {
        await state.recordUrl({
          url,
          status: 'duplicate',
          via,
          detail: `redirects to ${finalUrl}`,
          at: at(),
        });
        return {
          status: 'duplicate',
          url,
          existing: known,
          reason: `it redirects to ${finalUrl}, already in the archive`,
        };
      }
    }
    // Read in a worker within a time budget: a crafted page holds up only itself.
    const read = await (this.options.parser ?? sharedParsePool()).run<ExtractResult>({
      kind: 'page',
      page: { url: finalUrl, contentType: page.contentType, body: page.body },
    });
    if (!read.ok) return refuse(`could not read the page at ${finalUrl}: ${read.reason}`, finalUrl);
    const extracted = read.value;
    if (!extracted.ok) return refuse(extracted.reason, finalUrl);
    const article = extracted.article;
    const hash = contentHash(article.body);
    const sameText = await state.findHash(hash);
    if (sameText) {
      await state.recordUrl({
        url,
        status: 'duplicate',
        contentHash: hash,
        via,
        detail: `same text as ${sameText.url}`,
        at: at(),
      });
      return {
        status: 'duplicate',
        url,
        existing: duplicateOf(sameText),
        reason: `the same text is already in the archive from ${sameText.url}`,
      };
    }
    const fetchedAt = this.now();
    let file: string;
    let id: string;
    if (this.options.store) {
      const added = await this.options.store.add({
        stem: articleStem(article, fetchedAt),
        folder: INGESTED_DIR,
        url,
        contentHash: hash,
        markdown: (articleId) => articleMarkdown(articleId, article, fetchedAt, via),
      });
      if (added.status === 'duplicate') {
        const { existing } = added;
        const source = existing.url ?? existing.file;
        // The same URL stored by another instance: its record of the URL stands as it is.
        if (added.reason === 'text') {
          const detail = `same text as ${source}`;
          await state.recordUrl({ url, status: 'duplicate', contentHash: hash, via, detail, at: at() });
        }
        return {
          status: 'duplicate',
          url,
          existing: { url: existing.url ?? url, file: existing.file },
          reason:
            added.reason === 'url'
              ? 'that address was added before'
              : `the same text is already in the archive from ${source}`,
        };
      }
      ({ file, id } = added.article);
      await writeStoredArticle(this.options.corpusDir, added.article);
    } else {
      ({ file, id } = await writeArticleFile(this.options.corpusDir, article, fetchedAt, via));
    }
    const entry = { status: 'stored' as const, contentHash: hash, file, title: article.title, via, at: at() };
    await state.recordUrl({ url, ...entry });
    if (finalUrl !== url) await state.recordUrl({ url: finalUrl, ...entry });
    return { status: 'stored', id, file, article, searchable: false };
  }
}
