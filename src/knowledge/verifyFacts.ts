/**
 * Checks facts against the articles: every cited excerpt must occur in the cited article, and
 * every referenced entity must exist. A fact that fails is dropped with a problem naming it.
 */
import { comparable } from '../text/normalizeText.ts';
import type { Article, Facts, LoadProblem, SourceRef } from './types.ts';

type Section = keyof Facts;

export interface FactOrigin {
  file: string;
  line?: number;
}

export function verifyFacts(
  facts: Facts,
  articles: readonly Article[],
  originOf: (section: Section, id: string) => FactOrigin,
): { facts: Facts; problems: LoadProblem[] } {
  const byId = new Map(articles.map((a) => [a.id, a]));
  // The comparable form is made only for articles that facts cite, once each.
  const bodies = new Map<string, string>();
  const bodyOf = (id: string): string | undefined => {
    const cached = bodies.get(id);
    if (cached !== undefined) return cached;
    const article = byId.get(id);
    if (!article) return undefined;
    const body = comparable(`${article.title}\n${article.body}`);
    bodies.set(id, body);
    return body;
  };
  const problems: LoadProblem[] = [];

  const sourceError = (ref: SourceRef): string | undefined => {
    const body = bodyOf(ref.article);
    if (body === undefined) return `cites article "${ref.article}", which is not in the corpus`;
    if (!body.includes(comparable(ref.excerpt))) {
      return `its excerpt "${ref.excerpt.slice(0, 80)}" does not occur in article "${ref.article}"; copy the words exactly from the article`;
    }
    return undefined;
  };

  const keep = <T extends { id: string }>(section: Section, items: T[], refsOf: (item: T) => SourceRef[]) =>
    items.filter((item) => {
      for (const ref of refsOf(item)) {
        const error = sourceError(ref);
        if (error) {
          const origin = originOf(section, item.id);
          problems.push({
            file: origin.file,
            ...(origin.line === undefined ? {} : { where: `line ${origin.line}` }),
            message: `${section} "${item.id}" ${error}; this fact was skipped`,
          });
          return false;
        }
      }
      return true;
    });

  const entities = keep('entities', facts.entities, (e) => [...e.sources, ...e.roles.map((r) => r.source)]);
  const events = keep('events', facts.events, (e) => [...e.sources, ...e.accounts.map((a) => a.source)]);
  const quotes = keep('quotes', facts.quotes, (q) => [q.source]);
  const figures = keep('figures', facts.figures, (f) => [f.source]);

  // References between facts: speakers, places and participants must be known entities.
  // Events can refer to events: drop those with unknown references until none is left, so an
  // event is never kept pointing at one that was dropped.
  const known = new Set([...entities.map((e) => e.id), ...events.map((e) => e.id)]);
  const refCheck = <T extends { id: string }>(section: Section, items: T[], idsOf: (item: T) => string[]) =>
    items.filter((item) => {
      const missing = idsOf(item).filter((ref) => !known.has(ref));
      if (missing.length === 0) return true;
      const origin = originOf(section, item.id);
      problems.push({
        file: origin.file,
        ...(origin.line === undefined ? {} : { where: `line ${origin.line}` }),
        message: `${section} "${item.id}" refers to unknown entity ${missing.map((m) => `"${m}"`).join(', ')}; add it under entities or fix the id; this fact was skipped`,
      });
      return false;
    });

  let keptEvents = events;
  for (;;) {
    const next = refCheck('events', keptEvents, (e) => [
      ...(e.place ? [e.place] : []),
      ...e.participants,
      ...e.follows,
      ...e.accounts.flatMap((a) => a.participants),
    ]);
    if (next.length === keptEvents.length) break;
    for (const dropped of keptEvents.filter((e) => !next.includes(e))) known.delete(dropped.id);
    keptEvents = next;
  }

  return {
    facts: {
      entities,
      events: keptEvents,
      quotes: refCheck('quotes', quotes, (q) => [q.speaker]),
      figures,
    },
    problems,
  };
}
