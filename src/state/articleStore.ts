/**
 * Articles shared by several bot instances (PostgreSQL): each stored once, with a unique URL and a
 * unique content hash, and numbered by a change sequence. An instance that stores an article writes
 * its file as well; every other instance reads the changes after the last number it applied and
 * writes the same file into its own CORPUS_DIR, where its loader indexes it (see
 * corpus/followArticleStore.ts).
 */
export interface StoredArticle {
  /** Position in the change sequence: every later change has a larger one. */
  seq: number;
  id: string;
  /** Where the article's file goes, relative to CORPUS_DIR (ingested/<id>.md). */
  file: string;
  url?: string;
  contentHash: string;
  /** The whole file: front matter and text. */
  markdown: string;
  /** ISO timestamp: when it became available to every instance. */
  addedAt: string;
}

export interface NewArticle {
  /** The id wanted; "<stem>-2", "-3"… when another article has it. */
  stem: string;
  /** The folder of CORPUS_DIR the file goes in. */
  folder: string;
  url?: string;
  contentHash: string;
  /** The file's content for the id given. */
  markdown: (id: string) => string;
}

export type AddArticleOutcome =
  | { status: 'stored'; article: StoredArticle }
  | { status: 'duplicate'; existing: StoredArticle; reason: 'url' | 'text' };

export interface ArticleStore {
  /** Stores the article unless one with its URL or text is there already. */
  add(article: NewArticle): Promise<AddArticleOutcome>;
  /** Changes after `seq`, in order, at most `limit`. */
  changesAfter(seq: number, limit?: number): Promise<StoredArticle[]>;
  /**
   * Calls `hint` when another instance may have stored something (a hint only: it can be lost).
   * A dropped connection is reported to `onDrop` and made again, with a hint once it listens.
   */
  listen(hint: () => void, onDrop?: (error: unknown) => void): Promise<{ close(): Promise<void> }>;
}
