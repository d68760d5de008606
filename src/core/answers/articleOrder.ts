/**
 * The archive's articles in the order /sources lists them (newest first), and the one a question
 * calls "the second article", "the 1st piece" or "Hammond's piece" by that order or its byline.
 */
import type { Article } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';

/** Newest first; articles of the same date (or none) in the order they were loaded. */
export function articlesInListOrder(kb: KnowledgeBase): Article[] {
  const date = (a: { published?: string }) => a.published ?? '';
  return [...kb.articles.values()].sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : 0));
}

/** An archive larger than this has no "second article" a reader could mean. */
const MAX_ORDERED = 9;

const ORDINALS: Record<string, number> = {
  first: 0,
  '1st': 0,
  latest: 0,
  newest: 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
  fourth: 3,
  '4th': 3,
};

/**
 * The article an ordinal ("second", "2nd", "latest", "last") or a byline's name ("Hammond")
 * picks out; undefined where it names none, or the archive is too large for an order to mean one.
 */
export function articleCalled(kb: KnowledgeBase, called: string): Article | undefined {
  const list = articlesInListOrder(kb);
  if (!list.length || list.length > MAX_ORDERED) return undefined;
  const word = called.trim().toLowerCase();
  if (word === 'last') return list.length > 1 ? list[list.length - 1] : undefined;
  const index = ORDINALS[word];
  if (index !== undefined) return list[index];
  // "Hammond's piece": the one article whose byline ends in that name.
  const bylined = list.filter((a) => a.author?.toLowerCase().split(/\s+/).pop() === word);
  return bylined.length === 1 ? bylined[0] : undefined;
}
