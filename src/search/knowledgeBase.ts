/** Everything the command core reads: the corpus plus its indexes and lookups, built once per load. */
import { buildPassages } from '../knowledge/buildPassages.ts';
import type { CorpusSources } from '../knowledge/corpusSources.ts';
import type { Article, Corpus, Entity, LoadProblem, NewsEvent, Passage } from '../knowledge/types.ts';
import { EntityIndex, type NamedTarget } from './entityIndex.ts';
import { FactIndex } from './factIndex.ts';
import { PassageIndex } from './passageIndex.ts';

export interface KnowledgeBase {
  corpus: Corpus;
  articles: ReadonlyMap<string, Article>;
  entities: ReadonlyMap<string, Entity>;
  events: ReadonlyMap<string, NewsEvent>;
  passages: readonly Passage[];
  passageIndex: PassageIndex;
  names: EntityIndex;
  /** Curated quotes by speaker, figures by their words: /quote and /figure never walk them all. */
  facts: FactIndex;
  problems: readonly LoadProblem[];
  words: number;
  /** What each corpus file gave and when it was read: lets a reload re-read only changed files. */
  sources?: CorpusSources;
}

export interface AssembleOptions {
  /** The name index of the knowledge base this one updates: brought up to date in place. */
  names?: EntityIndex;
  sources?: CorpusSources;
}

export function buildKnowledgeBase(corpus: Corpus): KnowledgeBase {
  return assembleKnowledgeBase(corpus, new PassageIndex(buildPassages(corpus.articles)));
}

/** The knowledge base around a passage index already built (by the parallel loader, say). */
export function assembleKnowledgeBase(
  corpus: Corpus,
  passageIndex: PassageIndex,
  options: AssembleOptions = {},
): KnowledgeBase {
  passageIndex.finishBuild();
  const entities = corpus.entities ?? corpus.facts.entities;
  const targets: NamedTarget[] = [
    ...entities.map((e) => ({
      id: e.id,
      type: 'entity' as const,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
    })),
    ...corpus.facts.events.map((e) => ({
      id: e.id,
      type: 'event' as const,
      kind: 'event' as const,
      name: e.name,
      aliases: e.aliases,
    })),
  ];
  return {
    corpus,
    articles: new Map(corpus.articles.map((a) => [a.id, a])),
    entities: new Map(entities.map((e) => [e.id, e])),
    events: new Map(corpus.facts.events.map((e) => [e.id, e])),
    passages: passageIndex.passages,
    passageIndex,
    facts: new FactIndex(corpus.facts.quotes, corpus.facts.figures),
    names: options.names ? options.names.sync(targets) : new EntityIndex(targets),
    problems: corpus.problems,
    words: corpus.articles.reduce((n, a) => n + a.words, 0),
    ...(options.sources ? { sources: options.sources } : {}),
  };
}
