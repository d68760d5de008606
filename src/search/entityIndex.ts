/**
 * Name lookup over entities and events (names and aliases) with fuse.js: typo tolerant, and
 * honest about ambiguity ("did you mean") rather than picking one of several close names.
 * fuse.js only scores the names the candidate index (nameCandidates.ts) offers, so a look-up
 * never scans every name; names come and go in place as articles do (`add`, `remove`).
 */
import { distance } from 'fastest-levenshtein';
import Fuse from 'fuse.js';
import type { EntityKind } from '../knowledge/types.ts';
import { nameVariants } from '../text/givenNames.ts';
import { nameKey } from '../text/words.ts';
import { NameCandidates, withinTypos } from './nameCandidates.ts';

export interface NamedTarget {
  /** Entity or event id. */
  id: string;
  type: 'entity' | 'event';
  kind: EntityKind;
  name: string;
  aliases: readonly string[];
}

export interface NameMatch {
  target: NamedTarget;
  /** 0 is a perfect match, 1 no match at all (fuse.js convention). */
  score: number;
  /** The name or alias that matched. */
  matched: string;
  exact: boolean;
}

export type Lookup =
  | { status: 'found'; match: NameMatch; others: NameMatch[] }
  | { status: 'ambiguous'; matches: NameMatch[] }
  | { status: 'none'; near: NameMatch[] };

export interface LookupOptions {
  /** Prefer these kinds; others are only used when nothing of these kinds matches. */
  prefer?: readonly EntityKind[];
  limit?: number;
}

interface NameEntry {
  key: string;
  name: string;
  target: NamedTarget;
}

/**
 * fuse.js matches inside words ("war" in "forward"); a name match must instead match whole words:
 * every query word is close to, or starts, some word of the name.
 */
function wordsAlign(query: string, name: string): boolean {
  const nameWords = name.split(' ');
  const queryWords = query.split(' ');
  // With the surname exact, a first name spelt another way ("Nicky" for Nikki) still aligns.
  const surnameExact = queryWords.length > 1 && queryWords.at(-1) === nameWords.at(-1);
  return queryWords.every((q) =>
    nameWords.some((w) => {
      if (w === q) return true;
      if (q.length >= 4 && w.startsWith(q)) return true;
      if (withinTypos(q, w)) return true;
      return surnameExact && q.length >= 4 && q[0] === w[0] && distance(q, w) <= 2;
    }),
  );
}

/** How much of the matched name the query covers: "Grigorovich" covers a vessel's name more than an event's. */
function coverage(query: string, matched: string): number {
  return Math.min(1, query.length / Math.max(1, nameKey(matched).length));
}

/** Scores below this are confident matches; up to MATCH_THRESHOLD they are "did you mean" material. */
const CONFIDENT = 0.2;
const MATCH_THRESHOLD = 0.34;
const CLOSE = 0.08;

const FUSE_OPTIONS = {
  keys: ['key'],
  includeScore: true,
  ignoreLocation: true,
  threshold: MATCH_THRESHOLD,
  minMatchCharLength: 2,
};

export class EntityIndex {
  private readonly exact = new Map<string, NameEntry[]>();
  private readonly byTarget = new Map<string, { target: NamedTarget; entries: NameEntry[] }>();
  private readonly words = new NameCandidates<NameEntry>();
  private targetList: NamedTarget[] | undefined;

  constructor(targets: readonly NamedTarget[]) {
    for (const target of targets) this.add(target);
  }

  /** Every entity and event, in the order they were added. */
  get targets(): readonly NamedTarget[] {
    this.targetList ??= [...this.byTarget.values()].map((t) => t.target);
    return this.targetList;
  }

  /** Adds a target, replacing one of the same type and id. */
  add(target: NamedTarget): void {
    this.remove(target.type, target.id);
    const entries: NameEntry[] = [];
    const seen = new Set<string>();
    for (const name of [target.name, ...target.aliases]) {
      const key = nameKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const entry = { key, name, target };
      entries.push(entry);
      const list = this.exact.get(key) ?? [];
      list.push(entry);
      this.exact.set(key, list);
      this.words.add(key.split(' '), entry);
    }
    this.byTarget.set(`${target.type}:${target.id}`, { target, entries });
    this.targetList = undefined;
  }

  /** Brings the index to exactly these targets, touching only those added, changed or gone. */
  sync(targets: readonly NamedTarget[]): this {
    const next = new Map(targets.map((t) => [`${t.type}:${t.id}`, t]));
    for (const [key, held] of [...this.byTarget]) {
      if (!next.has(key)) this.remove(held.target.type, held.target.id);
    }
    for (const [key, target] of next) {
      const held = this.byTarget.get(key)?.target;
      const same =
        held &&
        held.kind === target.kind &&
        held.name === target.name &&
        held.aliases.length === target.aliases.length &&
        held.aliases.every((a, i) => a === target.aliases[i]);
      if (!same) this.add(target);
    }
    return this;
  }

  remove(type: NamedTarget['type'], id: string): void {
    const held = this.byTarget.get(`${type}:${id}`);
    if (!held) return;
    for (const entry of held.entries) {
      const list = (this.exact.get(entry.key) ?? []).filter((e) => e !== entry);
      if (list.length) this.exact.set(entry.key, list);
      else this.exact.delete(entry.key);
      this.words.remove(entry.key.split(' '), entry);
    }
    this.byTarget.delete(`${type}:${id}`);
    this.targetList = undefined;
  }

  /** All candidates for a name, best first, one per target. */
  candidates(query: string, limit = 10): NameMatch[] {
    const key = nameKey(query);
    if (!key) return [];
    const best = new Map<string, NameMatch>();
    const offer = (m: NameMatch) => {
      const id = `${m.target.type}:${m.target.id}`;
      const prev = best.get(id);
      if (!prev || m.score < prev.score) best.set(id, m);
    };
    for (const entry of this.exact.get(key) ?? []) {
      offer({ target: entry.target, score: 0, matched: entry.name, exact: true });
    }
    // Only names whose every word aligns with a query word can match (wordsAlign): fuse.js scores those.
    const words = key.split(' ');
    let pool = [...this.words.candidates(words)].filter((e) => wordsAlign(key, e.key));
    // None with every word: the names of that exact surname, whose first name may be spelt otherwise.
    if (!pool.length && words.length > 1)
      pool = [...this.words.candidates(words.slice(-1))].filter((e) => wordsAlign(key, e.key));
    const fuse = new Fuse(pool, FUSE_OPTIONS);
    for (const r of fuse.search(key.slice(0, 64), { limit: limit * 3 })) {
      offer({ target: r.item.target, score: r.score ?? 1, matched: r.item.name, exact: false });
    }
    return [...best.values()]
      .sort((a, b) => a.score - b.score || Number(b.exact) - Number(a.exact))
      .slice(0, limit);
  }

  /** Names and aliases equal to the query (after normalisation): no fuzzy search needed. */
  exactMatches(query: string): NameMatch[] {
    return (this.exact.get(nameKey(query)) ?? []).map((e) => ({
      target: e.target,
      score: 0,
      matched: e.name,
      exact: true,
    }));
  }

  lookup(query: string, options: LookupOptions = {}): Lookup {
    // An exact name settles it without the fuzzy scan (the common case, and the cheap one); so
    // does the name with its given name in another form ("Mike Flynn" for Michael Flynn).
    let exact = this.exactMatches(query);
    for (const variant of exact.length ? [] : nameVariants(query)) {
      exact = this.exactMatches(variant);
      if (exact.length) break;
    }
    const preferredExact = options.prefer
      ? exact.filter((m) => options.prefer?.includes(m.target.kind))
      : exact;
    const exactPool = preferredExact.length ? preferredExact : exact;
    const [only] = exactPool;
    if (only && exactPool.length === 1) return { status: 'found', match: only, others: [] };
    if (exactPool.length > 1) return { status: 'ambiguous', matches: exactPool.slice(0, 5) };

    const all = this.candidates(query, options.limit ?? 10);
    const preferred = options.prefer ? all.filter((m) => options.prefer?.includes(m.target.kind)) : all;
    const pool = preferred.length ? preferred : all;
    const first = pool[0];
    if (!first) return { status: 'none', near: [] };

    const close = pool.filter((m) => m.score - first.score <= CLOSE);
    if (close.length > 1) {
      // Several names fit about equally well: pick one only if it alone is mostly what was asked.
      const key = nameKey(query);
      const covering = close.filter((m) => coverage(key, m.matched) >= 0.4);
      const covered = covering.length === 1 ? covering[0] : undefined;
      if (covered) return { status: 'found', match: covered, others: pool.filter((m) => m !== covered) };
      return { status: 'ambiguous', matches: close.slice(0, 5) };
    }
    // A weaker match is still taken when it is the only name close to the query ("Lavorv").
    if (first.score > CONFIDENT && pool.length > 1) return { status: 'none', near: pool.slice(0, 5) };
    return { status: 'found', match: first, others: pool.slice(1) };
  }
}
