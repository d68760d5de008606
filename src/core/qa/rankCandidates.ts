/**
 * Candidates of the expected type, scored over the best sentences: a candidate scores by its
 * sentence's match with the question, by how near it stands to the question's words, and by how
 * many sentences agree on it (the same answer found twice counts for more).
 */
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import type { Candidate } from './candidates.ts';
import { type Evidence, evidenceAround, keysNear, proximity } from './evidence.ts';
import { articleKeysOf, type SentenceHit } from './findSentences.ts';
import { articleNames } from './questionNames.ts';

export interface Typed {
  candidate: Candidate;
  /** A multiplier for what the extractor knows (a full date beats a bare year). */
  weight: number;
  /**
   * Confidence the candidate's own place in the sentence adds: a name right before the asked verb
   * ("Constantino Brumidi designed ...") answers even where the sentence leaves other words out.
   */
  support?: number;
}

export interface Ranked {
  text: string;
  score: number;
  evidence: Evidence;
  /** How well the evidence matches the question (0 to 1): what abstention is decided on. */
  confidence: number;
  /** The candidate stands in the asked slot in some sentence (the speaker of "X said", the doer before the verb). */
  slotted?: boolean;
}

export interface RankOptions {
  /** Read this many sentences before and after each found one, at a discount (default 0). */
  reach?: number;
  /** Sentences to read (default 8). */
  depth?: number;
  /** Word-family keys an answer should stand near. */
  anchorKeys: readonly string[];
  /**
   * Keys of which the evidence (the found sentence and its neighbours) must hold at least one,
   * when any are given: what the question asks about, beyond its names.
   */
  requireKeys?: readonly string[];
  /**
   * Keys of the names the question is about, one per name (its rarest word): the found sentence's
   * article must hold one, so an answer about "John Sloan" never comes from a sentence about Pope
   * John elsewhere.
   */
  requireNames?: readonly string[];
  /** Surnames of the people the question names: the found sentence's article must name every one. */
  requirePeople?: readonly string[];
  /**
   * What makes two candidates the same answer (default: their words). People: the last word, so
   * "Brumidi" agrees with "Constantino Brumidi"; the longer form is shown.
   */
  sameAnswer?: (text: string) => string;
  /** A candidate in parentheses counts for less (dates and numbers: asides give other ones). */
  asidesCountLess?: boolean;
}

const wordsKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether the hit's sentence or a neighbour holds one of the keys, and its article a name. */
function speaksOf(kb: KnowledgeBase, hit: SentenceHit, options: RankOptions): boolean {
  const keys = options.requireKeys ?? [];
  const names = options.requireNames ?? [];
  if (!keys.length && !names.length && !options.requirePeople?.length) return true;
  const near = keysNear(kb, hit, 1);
  if (keys.length && !keys.some((k) => equivalentKeys(k).some((e) => near.has(e)))) return false;
  // The article must be about one of the names (the sentence may say "he" or "the bridge"), and
  // name every person asked about.
  if (options.requirePeople?.some((p) => !articleNames(kb, hit.passage.articleId, p))) return false;
  return !names.length || names.some((n) => articleKeysOf(kb, hit.passage).has(n));
}

const NEIGHBOUR_DISCOUNT = 0.6;

function insideParentheses(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}

export function rankCandidates(
  kb: KnowledgeBase,
  hits: readonly SentenceHit[],
  extract: (evidence: Evidence) => Typed[],
  options: RankOptions,
): Ranked[] {
  const byKey = new Map<string, Ranked>();
  const seen = new Set<string>();
  for (const hit of hits.slice(0, options.depth ?? 16)) {
    if (!speaksOf(kb, hit, options)) continue;
    for (const evidence of evidenceAround(kb, hit, options.reach ?? 0)) {
      // A sentence read twice (as a hit and as a neighbour) counts once.
      // (One that gave nothing as a neighbour is read again as a hit of its own: what rules a
      // neighbour out may be its found sentence's doing.)
      const id = `${evidence.articleId}\u0000${evidence.text}`;
      if (seen.has(id)) continue;
      const typed = extract(evidence);
      if (typed.length || evidence.offset === 0) seen.add(id);
      const discount = NEIGHBOUR_DISCOUNT ** Math.abs(evidence.offset);
      // What the sentence leaves to its neighbours ("he" for the name) counts a little less.
      const confidence = Math.max(hit.coverage, hit.contextCoverage * 0.9);
      for (const { candidate, weight, support = 0 } of typed) {
        const near = proximity(evidence.text, candidate, options.anchorKeys);
        // An aside in parentheses ("( after his first prize in 1930 )") is not what the sentence says.
        const aside = options.asidesCountLess && insideParentheses(evidence.text, candidate.start) ? 0.6 : 1;
        const score = hit.score * discount * weight * aside * (0.5 + 0.5 * near);
        const key = (options.sameAnswer ?? wordsKey)(candidate.text);
        const known = byKey.get(key);
        const sure = Math.min(1, confidence + support);
        if (!known) {
          byKey.set(key, { text: candidate.text, score, evidence, confidence: sure, slotted: support > 0 });
          continue;
        }
        // Agreement: a second sentence adds a share of its score; the best evidence is kept.
        const better = score > known.score;
        const longer = candidate.text.length > known.text.length ? candidate.text : known.text;
        const text = options.sameAnswer ? longer : better ? candidate.text : known.text;
        // The evidence shown holds the answer as shown ("March 21, 1845", not "March, 1845").
        const shown = text === known.text && text !== candidate.text ? known.evidence : evidence;
        byKey.set(key, {
          text,
          score: Math.max(known.score, score) + 0.3 * Math.min(known.score, score),
          evidence:
            text === candidate.text && text === known.text ? (better ? evidence : known.evidence) : shown,
          confidence: Math.max(known.confidence, sure),
          slotted: known.slotted || support > 0,
        });
      }
    }
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score);
}
