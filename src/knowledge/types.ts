/** The knowledge model: cleaned articles, their passages and the structured facts drawn from them. */

export interface Article {
  id: string;
  title: string;
  author?: string;
  publication?: string;
  /** ISO date (YYYY-MM-DD) as the front matter gives it. */
  published?: string;
  /** When the file was last written (ISO timestamp): when it came into the archive, for digests. */
  addedAt?: string;
  url?: string;
  /** File the article was loaded from, relative to the corpus directory. */
  file: string;
  /** Cleaned body text: paragraphs separated by blank lines, site chrome removed. */
  body: string;
  /**
   * The closing note about the author ("Jane Roe is a lecturer at ..."): kept out of the body, so
   * it is not searched as article text, but read for the author's role and cited by it.
   */
  authorNote?: string;
  words: number;
}

export interface Passage {
  /** Index in the knowledge base's passage array. */
  id: number;
  articleId: string;
  /** Paragraph number within the article (0-based); -1 for the article's title. */
  paragraph: number;
  text: string;
}

/** Where a fact comes from: an article and a short excerpt of it that supports the fact. */
export interface SourceRef {
  article: string;
  excerpt: string;
}

export type EntityKind = 'person' | 'organisation' | 'place' | 'event' | 'vessel' | 'thing';

export interface Role {
  title: string;
  /** Optional qualifier such as "former" or a time span, as the article states it. */
  note?: string;
  source: SourceRef;
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  roles: Role[];
  description?: string;
  sources: SourceRef[];
  /**
   * 'extracted': found in the article text by the entity extractor (src/knowledge/extract/), not written in
   * a facts file. Absent for curated facts.
   */
  origin?: 'extracted';
}

/** One source's account of an event: sources may differ on who took part or what happened. */
export interface EventAccount {
  says: string;
  participants: string[];
  source: SourceRef;
}

export interface NewsEvent {
  id: string;
  name: string;
  aliases: string[];
  summary: string;
  /** Entity id of the place, when known. */
  place?: string;
  /** Time as the articles give it ("last week", "Wednesday"). */
  time?: string;
  /** ISO date when it can be pinned down, for ordering timelines. */
  date?: string;
  participants: string[];
  /** Events this one came after, as the text says; orders timelines when dates are missing. */
  follows: string[];
  accounts: EventAccount[];
  sources: SourceRef[];
}

export interface Quote {
  id: string;
  /** Entity id of the speaker. */
  speaker: string;
  text: string;
  /** Topic words or entity ids the quote is about. */
  about: string[];
  context?: string;
  source: SourceRef;
}

export interface Figure {
  id: string;
  /** What is counted or measured ("people killed in the chemical attack"). */
  label: string;
  value: string;
  unit?: string;
  about: string[];
  source: SourceRef;
}

export interface Facts {
  entities: Entity[];
  events: NewsEvent[];
  quotes: Quote[];
  figures: Figure[];
}

/** A problem found while loading the corpus; the offending file or fact is skipped. */
export interface LoadProblem {
  file: string;
  /** Line number or field path, when known. */
  where?: string;
  message: string;
}

export interface Corpus {
  dir: string;
  articles: Article[];
  /** The curated facts, verified against the articles. */
  facts: Facts;
  /**
   * Every entity the archive knows: the curated ones (given roles read from the text where the
   * facts give none), then those found only in the text. Absent: the curated entities alone.
   */
  entities?: Entity[];
  problems: LoadProblem[];
}
