/**
 * Ranked full-text search over passages (BM25 via MiniSearch), typo tolerant on longer terms.
 * Only passage ids are stored in the index; the text lives in the knowledge base.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { PassageText } from '../knowledge/buildPassages.ts';
import type { Passage } from '../knowledge/types.ts';
import { stripAccents } from '../text/normalizeText.ts';
import { sameFamily, wordKey } from '../text/wordForms.ts';
import { ASCII_TOKEN, NON_ASCII, tokenize } from '../text/words.ts';
import { type Bm25Stats, bestOfAll, bestOfAny, ScoreScratch } from './bm25.ts';
import { PostingList } from './postingList.ts';
import { STOP_WORDS } from './stopWords.ts';

export interface PassageHit {
  passage: Passage;
  score: number;
  /** Index terms that matched, for highlighting. */
  terms: string[];
}

export interface PassageSearchOptions {
  limit?: number;
  /** Every query term must match (default: ranked OR). */
  all?: boolean;
  /** Allow typo-tolerant matching (default true). */
  fuzzy?: boolean;
}

/** Lower case, no accents, no possessive "'s"; stop words and single letters drop out (null). */
export function normalizeTerm(term: string): string | null {
  let t = stripAccents(term.toLowerCase());
  if (t.endsWith("'s")) t = t.slice(0, -2);
  if (t.length < 2 && !(t >= '0' && t <= '9')) return null;
  return STOP_WORDS.has(t) ? null : t;
}

/** A text's index terms in order, normalised; stop words and single letters left out. */
export function indexTermList(text: string): string[] {
  const out: string[] = [];
  if (NON_ASCII.test(text)) {
    for (const token of tokenize(text)) {
      const term = normalizeTerm(token);
      if (term) out.push(term);
    }
    return out;
  }
  // Plain ASCII (most text): normalizeTerm without the accent check, inlined for speed. The
  // token pattern ignores case, so the text is lower-cased once rather than word by word.
  for (const token of text.toLowerCase().match(ASCII_TOKEN) ?? []) {
    const term = token.endsWith("'s") ? token.slice(0, -2) : token;
    if ((term.length < 2 && !(term >= '0' && term <= '9')) || STOP_WORDS.has(term)) continue;
    out.push(term);
  }
  return out;
}

/** A text's index terms, space-joined: what the index stores for a passage. */
export function indexTerms(text: string): string {
  return indexTermList(text).join(' ');
}

/**
 * Several passages' index terms, counted: what the indexing thread inserts without splitting or
 * hashing each word again. A worker makes it; it crosses threads as one string list and one
 * typed array.
 */
export interface CountedTerms {
  /** The distinct terms of all the passages, in order of first use. */
  vocabulary: string[];
  /** For each passage in turn: how many distinct terms, then that many (vocabulary index, count) pairs, in order of first use. */
  counts: Uint32Array;
}

export function countTerms(texts: readonly string[]): CountedTerms {
  const vocabulary: string[] = [];
  const indexOf = new Map<string, number>();
  const counts: number[] = [];
  // Per vocabulary index: the passage it was last seen in, and where its count is.
  const lastSeen: number[] = [];
  const slot: number[] = [];
  texts.forEach((text, passage) => {
    const header = counts.length;
    counts.push(0);
    for (const term of indexTermList(text)) {
      let v = indexOf.get(term);
      if (v === undefined) {
        v = vocabulary.length;
        vocabulary.push(term);
        indexOf.set(term, v);
        lastSeen.push(-1);
        slot.push(0);
      }
      if (lastSeen[v] === passage) {
        const at = slot[v] as number;
        counts[at] = (counts[at] as number) + 1;
      } else {
        lastSeen[v] = passage;
        slot[v] = counts.length + 1;
        counts.push(v, 1);
        counts[header] = (counts[header] as number) + 1;
      }
    }
  });
  return { vocabulary, counts: Uint32Array.from(counts) };
}

function splitIndexTerms(terms: string): string[] {
  return terms ? terms.split(' ') : [];
}

/** Longer terms tolerate more typos; short ones must match exactly (keeps large vocabularies fast). */
function fuzziness(term: string): number | false {
  if (term.length >= 8) return 2;
  if (term.length >= 5) return 1;
  return false;
}

export const defaultPassageSearchOptions: SearchOptions = {
  combineWith: 'OR',
  fuzzy: (term) => fuzziness(term),
  maxFuzzy: 2,
  weights: { fuzzy: 0.4, prefix: 0.3 },
};

/**
 * A term in more than this share of passages is "common": like Lucene's common-terms query, it
 * only re-ranks passages found by the rarer terms, instead of dragging every passage it is in
 * through scoring and sorting (the cost that grows with the corpus).
 */
export const COMMON_TERM_SHARE = 0.02;
const MIN_COMMON_DOCS = 200;
const RERANK_POOL = 200;
const RECENT_SEARCHES = 256;

/** A term as saved: the term, the gaps between its passages' ids, their counts when not all 1. */
export type SavedTerm = [term: string, gaps: number[], counts?: number[]];

/** Field id -> the term's postings (the index has one field). */
type TermData = Map<number, PostingList>;

/** MiniSearch methods it declares private, which addCounted does as MiniSearch's add does. */
interface MiniSearchInternals {
  addDocumentId(id: number): number;
  saveStoredFields(shortId: number, doc: { id: number }): void;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
}

/** MiniSearch's term tree (its SearchableMap), holding posting lists. */
interface TermTree extends Iterable<[string, TermData]> {
  get(term: string): TermData | undefined;
  set(term: string, data: TermData): unknown;
  fetch(term: string, init: () => TermData): TermData;
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  atPrefix(prefix: string): Iterable<[string, TermData]>;
}

/** MiniSearch with its postings and statistics exposed, for query planning. */
export class PlannedMiniSearch extends MiniSearch<{ id: number; terms: string }> {
  /**
   * Term -> its postings, while building. MiniSearch finds a term's postings by walking its radix
   * tree for every token; remembering them after the first walk makes indexing ~40% faster. The
   * postings objects are the tree's own (nothing is ever removed from this index), and a test
   * checks the built index is identical to plain MiniSearch's.
   */
  termCache: Map<string, TermData> | undefined = new Map();

  /**
   * MiniSearch's serialisation (toJSON) without its term list, and the terms one at a time in the
   * same form: a saved index is written term by term, never holding a second copy of the index.
   */
  savedStatistics(): Omit<AsPlainObject, 'index'> {
    return {
      documentCount: this._documentCount,
      nextId: this._nextId,
      documentIds: Object.fromEntries(this._documentIds),
      fieldIds: this._fieldIds,
      fieldLength: Object.fromEntries(this._fieldLength),
      averageFieldLength: this._avgFieldLength,
      storedFields: Object.fromEntries(this._storedFields),
      dirtCount: this._dirtCount,
      serializationVersion: 2,
    };
  }

  /** The term tree; its postings are PostingLists (see addTerm and load). */
  get tree(): TermTree {
    return this._index as unknown as TermTree;
  }

  /** The terms one at a time, each with its postings in their compact saved form (PostingList.toSaved). */
  *savedTerms(): Generator<SavedTerm> {
    for (const [term, fieldIndex] of this.tree) {
      const list = fieldIndex.get(0);
      if (list?.size) yield [term, ...list.toSaved()];
    }
  }

  /** Takes over an index saved as savedStatistics and savedTerms. */
  loadParts(statistics: Omit<AsPlainObject, 'index'>, terms: Iterable<SavedTerm>): void {
    Object.assign(this, MiniSearch.loadJS({ ...statistics, index: [] }, INDEX_OPTIONS));
    this.termCache = undefined;
    for (const [term, gaps, counts] of terms) {
      this.tree.set(term, new Map([[0, PostingList.fromSaved(gaps, counts)]]));
    }
  }

  /** Drops the build-time cache once the corpus is indexed. */
  finishBuild(): void {
    if (!this.termCache) return;
    // Every term indexed since the build began is in the cache: cheaper to walk than the tree.
    for (const data of this.termCache.values()) for (const list of data.values()) list.trim();
    this.termCache = undefined;
  }

  /**
   * Takes over an index saved with toJSON: MiniSearch.loadJS restores the statistics (into a
   * plain MiniSearch, whose state moves over), and the terms are inserted here as posting lists.
   */
  load(saved: AsPlainObject): void {
    const { index, ...statistics } = saved;
    Object.assign(this, MiniSearch.loadJS({ ...statistics, index: [] }, INDEX_OPTIONS));
    this.termCache = undefined;
    for (const [term, data] of index) {
      const fields: TermData = new Map();
      for (const fieldId of Object.keys(data)) {
        fields.set(Number(fieldId), PostingList.fromObject(data[fieldId] as Record<string, number>));
      }
      this.tree.set(term, fields);
    }
  }

  /**
   * Indexes passages from their counted terms: the same index MiniSearch's addAll builds from
   * their term strings (a test compares the two), with one posting appended per distinct term of
   * a passage and one term lookup per distinct term of the batch.
   */
  addCounted(ids: readonly number[], counted: CountedTerms): void {
    const fieldId = 0;
    const self = this as unknown as MiniSearchInternals;
    const lists = counted.vocabulary.map((term) => {
      let data = this.termCache?.get(term);
      if (!data) {
        data = this.tree.fetch(term, () => new Map());
        this.termCache?.set(term, data);
      }
      let list = data.get(fieldId);
      if (!list) {
        list = new PostingList();
        data.set(fieldId, list);
      }
      return list;
    });
    const { counts } = counted;
    let at = 0;
    for (const id of ids) {
      if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
      const shortId = self.addDocumentId(id);
      self.saveStoredFields(shortId, { id });
      const distinct = counts[at++] as number;
      self.addFieldLength(shortId, fieldId, this._documentCount - 1, distinct);
      for (let k = 0; k < distinct; k++) {
        const list = lists[counts[at++] as number] as PostingList;
        list.set(shortId, counts[at++] as number);
      }
    }
  }

  /** Passage -> term frequency for one term (the index has a single field). */
  postings(term: string): PostingList | undefined {
    const data = this.tree.get(term);
    return data?.values().next().value;
  }

  documentFrequency(term: string): number {
    return this.postings(term)?.size ?? 0;
  }

  /**
   * The closest known terms to an unknown one, nearest and most frequent first. A walk of the
   * term tree at two edits costs several times one at one edit, so it is made only when one edit
   * finds nothing (or `everyWithin` asks for every term within the distance); two letters swapped
   * ("agremeent"), the commonest slip, count as one edit here.
   */
  corrections(term: string, maxDistance: number, everyWithin = false): string[] {
    const df = (t: string) => this.documentFrequency(t);
    const byDf = (terms: Iterable<string>) => [...new Set(terms)].sort((a, b) => df(b) - df(a));
    const near = [...this.tree.fuzzyGet(term, Math.min(1, maxDistance))].map(([t]) => t);
    const swapped = maxDistance >= 2 ? swaps(term).filter((t) => df(t) > 0) : [];
    if (!everyWithin && (near.length || swapped.length || maxDistance < 2))
      return [...byDf(near), ...byDf(swapped)];
    const found = [...this.tree.fuzzyGet(term, maxDistance)];
    return found.sort((a, b) => a[1][1] - b[1][1] || df(b[0]) - df(a[0])).map(([t]) => t);
  }

  /** Indexed terms that start with a prefix, most frequent first (a radix-tree walk, no scan). */
  termsStartingWith(prefix: string, limit: number): string[] {
    const found: { term: string; df: number }[] = [];
    for (const [term, data] of this.tree.atPrefix(prefix)) {
      found.push({ term, df: data.values().next().value?.size ?? 0 });
      if (found.length > limit * 20) break;
    }
    return found
      .sort((a, b) => b.df - a.df)
      .slice(0, limit)
      .map((f) => f.term);
  }

  /** A test of whether a passage holds the term, its postings looked up once (for many passages). */
  holderOf(term: string): (id: number) => boolean {
    const list = this.postings(term);
    if (!list) return () => false;
    return (id) => {
      const shortId = this._idToShortId.get(id);
      return shortId !== undefined && list.has(shortId);
    };
  }

  /**
   * The statistics BM25 needs, with each passage's field length in a typed array (by short id):
   * rebuilt from MiniSearch's own map only after passages came or went.
   */
  scoringStats(): Bm25Stats {
    const version = `${this._nextId}/${this._documentCount}`;
    if (this.statsVersion !== version) {
      const lengths = new Uint32Array(this._nextId);
      for (const [shortId, fieldLengths] of this._fieldLength) lengths[shortId] = fieldLengths[0] ?? 0;
      this.lengths = lengths;
      this.statsVersion = version;
    }
    return {
      documentCount: this._documentCount,
      averageLength: this._avgFieldLength[0] ?? 1,
      lengths: this.lengths,
    };
  }

  private lengths = new Uint32Array(0);
  private statsVersion = '';
  private readonly scratch = new ScoreScratch();

  /**
   * The best passages holding every term (all) or any (OR), scored and ordered exactly as
   * MiniSearch's search scores them (a test compares the two), without building a result for
   * every matching passage. Passages must also hold every term of `alsoIn` (not scored). `plainSum` leaves out
   * MiniSearch's final multiplication by the number of matched terms (the common-words
   * conjunction has always ranked by the plain sum, and answers compare its scores).
   */
  best(
    terms: readonly string[],
    mode: 'all' | 'any',
    limit: number,
    options: { alsoIn?: readonly string[]; plainSum?: boolean } = {},
  ): RawResult[] {
    const { alsoIn = [], plainSum = false } = options;
    const required: PostingList[] = [];
    for (const term of alsoIn) {
      const list = this.postings(term);
      if (!list?.size) return [];
      required.push(list);
    }
    const lists: PostingList[] = [];
    const found: string[] = [];
    for (const term of terms) {
      const list = this.postings(term);
      if (list?.size) {
        lists.push(list);
        found.push(term);
      } else if (mode === 'all') return [];
    }
    if (!lists.length) return [];
    const stats = this.scoringStats();
    const acceptShort = required.length
      ? (shortId: number) => required.every((list) => list.has(shortId))
      : undefined;
    const matches =
      mode === 'all'
        ? bestOfAll(lists, stats, limit, acceptShort)
        : bestOfAny(lists, stats, limit, this.scratch, acceptShort);
    return matches.map(({ shortId, score }) => {
      const matched = mode === 'all' ? found : found.filter((_, i) => lists[i]?.has(shortId));
      const id = this._documentIds.get(shortId) as number;
      // bestOfAny's scores are already times the matched terms, MiniSearch's "quality".
      const quality = mode === 'all' && !plainSum ? matched.length : 1;
      return { id, score: score * quality, terms: [...matched] };
    });
  }
}

/** The term with each pair of neighbouring letters swapped. */
function swaps(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < term.length; i++)
    if (term[i] !== term[i + 1]) out.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  return out;
}

// MiniSearch declares addTerm private, so the cached version is installed on the prototype.
// Its body is MiniSearch 7's own addTerm (minisearch is pinned to an exact version).
(PlannedMiniSearch.prototype as unknown as { addTerm: unknown }).addTerm = function addTerm(
  this: PlannedMiniSearch,
  fieldId: number,
  documentId: number,
  term: string,
): void {
  let indexData = this.termCache?.get(term);
  if (!indexData) {
    indexData = this.tree.fetch(term, () => new Map());
    this.termCache?.set(term, indexData);
  }
  const fieldIndex = indexData.get(fieldId);
  if (fieldIndex === undefined) indexData.set(fieldId, PostingList.of(documentId, 1));
  else fieldIndex.set(documentId, (fieldIndex.get(documentId) ?? 0) + 1);
};

interface RawResult {
  id: number;
  score: number;
  terms: string[];
}

/**
 * The index stores each passage's terms already normalised (see indexTerms), so that the parallel
 * loader's workers can do that work; queries are tokenised and normalised as usual.
 */
const INDEX_OPTIONS: Options<{ id: number; terms: string }> = {
  fields: ['terms'],
  storeFields: [],
  tokenize: splitIndexTerms,
  processTerm: (term) => term || null,
  searchOptions: { ...defaultPassageSearchOptions, tokenize, processTerm: normalizeTerm },
};

export interface SavedPassageIndex {
  passages: readonly Passage[];
  index: AsPlainObject;
}

export class PassageIndex {
  private readonly index: PlannedMiniSearch;
  private readonly items: Passage[] = [];
  /** Article id -> the ids of its passages, so an article can leave the index in place. */
  private readonly ofArticle = new Map<string, number[]>();
  /**
   * The latest searches' results, most recent last; emptied whenever passages come or go. A
   * question asked again (or the same search made by several answers) is not searched again: at
   * 10 M words a search of only common words walks postings lists of tens of thousands.
   */
  private readonly recent = new Map<string, PassageHit[]>();

  constructor(passages: readonly Passage[] = []) {
    this.index = new PlannedMiniSearch(INDEX_OPTIONS);
    this.addAll(passages);
  }

  /** The built index as plain data (MiniSearch's own serialisation), to save it. */
  toJSON(): SavedPassageIndex {
    return { passages: this.items, index: this.index.toJSON() };
  }

  /**
   * The index in parts, to write one at a time: the passages, the statistics (as MiniSearch saves
   * them) and the terms (a generator of SavedTerm, far shorter than MiniSearch's form to write and read).
   */
  savedParts() {
    return { passages: this.items, statistics: this.index.savedStatistics(), terms: this.index.savedTerms() };
  }

  /** An index saved with savedParts, as it was saved: nothing is indexed again. */
  static fromParts(saved: {
    passages: readonly Passage[];
    statistics: Omit<AsPlainObject, 'index'>;
    terms: Iterable<SavedTerm>;
  }): PassageIndex {
    const loaded = new PassageIndex();
    loaded.index.finishBuild();
    loaded.index.loadParts(saved.statistics, saved.terms);
    for (const p of saved.passages) loaded.remember(p);
    return loaded;
  }

  /** An index saved with toJSON, as it was saved: nothing is indexed again. */
  static fromJSON(saved: SavedPassageIndex): PassageIndex {
    const loaded = new PassageIndex();
    loaded.index.finishBuild();
    loaded.index.load(saved.index);
    for (const p of saved.passages) loaded.remember(p);
    return loaded;
  }

  /** Frees build-time memory once every passage is in (adding more later still works). */
  finishBuild(): void {
    this.index.finishBuild();
  }

  /** Every passage, by id (ids are positions: passage n has id n). */
  get passages(): readonly Passage[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  /** Numbers and indexes more passages (ids follow on from those already indexed). */
  add(passages: readonly PassageText[], counted?: CountedTerms): void {
    const numbered = passages.map((p, i) => ({ id: this.items.length + i, ...p }));
    this.addAll(numbered, counted);
  }

  /** `counted`, when given, is countTerms of the passages' texts made elsewhere (a worker). */
  private addAll(passages: readonly Passage[], counted?: CountedTerms): void {
    for (const p of passages) {
      if (p.id !== this.items.length)
        throw new Error(`passage ids must run 0, 1, 2...; got ${p.id} at ${this.items.length}`);
      this.remember(p);
    }
    this.recent.clear();
    this.index.addCounted(
      passages.map((p) => p.id),
      counted ?? countTerms(passages.map((p) => p.text)),
    );
  }

  private remember(p: Passage): void {
    this.items.push(p);
    if (!p.articleId) return;
    const ids = this.ofArticle.get(p.articleId);
    if (ids) ids.push(p.id);
    else this.ofArticle.set(p.articleId, [p.id]);
  }

  /**
   * Takes an article's passages out of the index in place (MiniSearch's remove: postings and
   * statistics as if they had never been added). Their slots stay, emptied (no article, no text),
   * so every other passage keeps its id and position; returns how many were removed.
   */
  removeArticle(articleId: string): number {
    const ids = this.ofArticle.get(articleId) ?? [];
    this.index.finishBuild();
    for (const id of ids) {
      const passage = this.items[id];
      if (!passage) continue;
      this.index.remove({ id, terms: indexTerms(passage.text) });
      this.items[id] = { id, articleId: '', paragraph: -1, text: '' };
    }
    this.ofArticle.delete(articleId);
    this.recent.clear();
    return ids.length;
  }

  /** In how many passages a normalised term occurs (0 when never). */
  documentFrequency(term: string): number {
    return this.index.documentFrequency(term);
  }

  /**
   * The indexed words of a word's family ("founded" -> founded, founder, founding): words that
   * start with its family key, so passage search finds the forms the text uses.
   */
  family(term: string, limit = 8): string[] {
    const key = wordKey(term);
    if (key.length < 4) return [term];
    const forms = this.index
      .termsStartingWith(key, limit * 2)
      .filter((t) => sameFamily(wordKey(t), key))
      .slice(0, limit);
    return forms.includes(term) || this.index.documentFrequency(term) === 0 ? forms : [term, ...forms];
  }

  /** The indexed words nearest an unknown one, nearest and commonest first ("grabsky" -> "grabski"). */
  corrections(term: string, maxDistance: number, everyWithin = false): string[] {
    return this.index.corrections(term, maxDistance, everyWithin);
  }

  /** Index terms close to the query's words ("reyse" -> "reyes"), for "did you mean" hints. */
  similarTerms(query: string, limit = 3): string[] {
    const out: string[] = [];
    for (const term of queryTerms(query)) {
      if (this.index.documentFrequency(term) > 0) continue;
      // Wider than search: a swapped pair of letters ("reyse") is two edits.
      for (const t of this.index.corrections(term, term.length >= 5 ? 2 : 1))
        if (!out.includes(t)) out.push(t);
    }
    return out.slice(0, limit);
  }

  /**
   * Plans a query: unknown words are corrected to the nearest indexed word (typo tolerance);
   * words found in more than COMMON_TERM_SHARE of passages are "common".
   */
  private plan(query: string, fuzzy: boolean): { rare: string[]; common: string[] } {
    const cutoff = Math.max(MIN_COMMON_DOCS, this.index.documentCount * COMMON_TERM_SHARE);
    const rare: string[] = [];
    const common: { term: string; df: number }[] = [];
    for (const asked of queryTerms(query)) {
      let term = asked;
      let df = this.index.documentFrequency(term);
      const distance = fuzziness(term);
      if (df === 0 && fuzzy && distance) {
        const [corrected] = this.index.corrections(term, distance);
        if (corrected) {
          term = corrected;
          df = this.index.documentFrequency(term);
        }
      }
      if (df > cutoff) common.push({ term, df });
      else rare.push(term);
    }
    common.sort((a, b) => a.df - b.df);
    return { rare: [...new Set(rare)], common: [...new Set(common.map((c) => c.term))] };
  }

  search(query: string, options: PassageSearchOptions = {}): PassageHit[] {
    const { limit = 10, all = false, fuzzy = true } = options;
    const key = `${limit}|${all}|${fuzzy}|${query}`;
    let hits = this.recent.get(key);
    if (hits) this.recent.delete(key);
    else hits = this.searchIndex(query, limit, all, fuzzy);
    this.recent.set(key, hits);
    if (this.recent.size > RECENT_SEARCHES) this.recent.delete(this.recent.keys().next().value as string);
    // Copies: a caller may change what it was given.
    return hits.map((h) => ({ ...h, terms: [...h.terms] }));
  }

  private searchIndex(query: string, limit: number, all: boolean, fuzzy: boolean): PassageHit[] {
    const { rare, common } = this.plan(query, fuzzy);
    let results: RawResult[];
    if (!rare.length && !common.length) return [];
    if (!rare.length) {
      // Only common words: passages holding all of them, else the least common one alone.
      const conjunction = (terms: readonly string[]) =>
        this.index.best(terms, 'all', limit, { plainSum: true });
      results = conjunction(common);
      if (!results.length && !all) results = conjunction(common.slice(0, 1));
    } else {
      // The rare words find the passages; common ones filter (all) or re-rank them.
      const holders = common.map((t) => this.index.holderOf(t));
      const alsoIn = all ? common : [];
      const pool = common.length ? Math.max(limit, RERANK_POOL) : limit;
      results = this.index.best(rare, all ? 'all' : 'any', pool, { alsoIn });
      if (common.length) results = this.rerank(results.slice(0, RERANK_POOL), common, holders);
    }

    const hits: PassageHit[] = [];
    for (const r of results) {
      const passage = this.items[r.id];
      if (!passage) continue;
      hits.push({ passage, score: r.score, terms: r.terms });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** Adds a bonus per common query word a passage also holds, then re-sorts. */
  private rerank(
    results: RawResult[],
    common: readonly string[],
    holders: readonly ((id: number) => boolean)[],
  ): RawResult[] {
    const top = results[0]?.score ?? 1;
    return results
      .map((r) => {
        const matched = common.filter((_, i) => holders[i]?.(r.id));
        return {
          ...r,
          score: r.score + (top * 0.25 * matched.length) / common.length,
          terms: [...r.terms, ...matched],
        };
      })
      .sort((a, b) => b.score - a.score);
  }
}

function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query).map(normalizeTerm))].filter((t): t is string => t !== null);
}
