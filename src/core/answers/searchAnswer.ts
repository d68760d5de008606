/** Answers from passage search: the ranked passages for /search (free questions go to core/qa/). */
import type { SourceRef } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import type { PassageHit } from '../../search/passageIndex.ts';
import { comparable } from '../../text/normalizeText.ts';
import { shorten } from '../../text/words.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import { firstSentence } from './describe.ts';
import { mentionsName } from './mentions.ts';
import { contentTerms, snippetFor } from './snippets.ts';

export const SEARCH_RESULTS = 5;

/** Passages for a query; "quoted phrases" in it must occur literally. */
export function searchPassages(kb: KnowledgeBase, query: string, limit = SEARCH_RESULTS): PassageHit[] {
  const phrases = [...query.matchAll(/["“]([^"”]{2,})["”]/g)].map((m) => m[1] ?? '');
  const hits = kb.passageIndex.search(query, { limit: phrases.length ? limit * 20 : limit });
  if (!phrases.length) return hits;
  return hits.filter((h) => phrases.every((p) => mentionsName(h.passage.text, p))).slice(0, limit);
}

/** The query as echoed back, without the quotes a phrase search was typed with. */
function echo(query: string): string {
  return shorten(query.replace(/^["“](.*)["”]$/, '$1'), 80);
}

function nothingFound(kb: KnowledgeBase, query: string): Reply {
  return new ReplyBuilder(kb, 'not_found', `Nothing in the archive matches "${echo(query)}".`)
    .line('Try fewer or other words, a name (/who, /what), or /sources to see what the archive holds.')
    .suggest({ label: 'Timeline', ask: '/timeline' }, { label: 'Sources', ask: '/sources' })
    .build();
}

interface FactCard {
  text: string;
  sources: SourceRef[];
}

/** When the query names a curated entity or event outright, its one-line summary and sources. */
function factCardFor(kb: KnowledgeBase, query: string): FactCard | undefined {
  const [match, ...more] = kb.names.exactMatches(query);
  if (!match || more.length) return undefined;
  const event = kb.events.get(match.target.id);
  if (match.target.type === 'event' && event) {
    return { text: `${event.name}: ${firstSentence(event.summary)}`, sources: event.sources };
  }
  const entity = kb.entities.get(match.target.id);
  if (!entity) return undefined;
  const about = entity.roles[0]?.title ?? entity.description;
  return about ? { text: `${entity.name}: ${about}`, sources: entity.sources } : undefined;
}

/** Passages that a fact cites come first: the curated facts say which passages are about it. */
function citedFirst(hits: PassageHit[], sources: readonly SourceRef[]): PassageHit[] {
  const cited = (h: PassageHit) =>
    sources.some(
      (s) => s.article === h.passage.articleId && comparable(h.passage.text).includes(comparable(s.excerpt)),
    );
  return [...hits.filter(cited), ...hits.filter((h) => !cited(h))];
}

export function searchAnswer(kb: KnowledgeBase, query: string): Reply {
  const card = factCardFor(kb, query);
  let hits = searchPassages(kb, query, card ? SEARCH_RESULTS * 4 : SEARCH_RESULTS);
  if (!hits.length) return nothingFound(kb, query);
  if (card) hits = citedFirst(hits, card.sources);
  hits = hits.slice(0, SEARCH_RESULTS);
  const terms = contentTerms(query);
  const articles = new Set(hits.map((h) => h.passage.articleId)).size;
  const reply = new ReplyBuilder(
    kb,
    'answer',
    `Top ${hits.length} passage${hits.length === 1 ? '' : 's'} for "${echo(query)}" from ${articles} article${articles === 1 ? '' : 's'}:`,
  );
  if (card) reply.line(card.text, ...new Set(card.sources.map((s) => s.article)));
  for (const hit of hits) reply.line(snippetFor(hit.passage.text, terms), hit.passage.articleId);
  return reply.build();
}
