/**
 * The editors' corpus folder (articles and facts files, outside the ingested folder) shared by
 * several bot instances (PostgreSQL): each file once by its path, with its content hash and the
 * modification time that decides which version is newer, numbered by a change sequence like the
 * ingested articles. A file removed from the folder stays as a removed row, so that every instance
 * learns of the removal. What counts as a change is decided by the importer
 * (corpus/importCorpusFolder.ts); the store applies it under a lock, one importer at a time.
 */
export interface CorpusFileHead {
  /** Relative to CORPUS_DIR, with forward slashes. */
  path: string;
  /** sha256 of the content, hex. */
  contentHash: string;
  /** The file's modification time (ms) when imported; for a removed file, when it was removed. */
  modifiedMs: number;
  removed: boolean;
  /** Position in the change sequence: every later change has a larger one. */
  seq: number;
}

export interface StoredCorpusFile extends CorpusFileHead {
  content: Buffer;
}

export type CorpusFileChange =
  | { kind: 'add' | 'update'; path: string; contentHash: string; modifiedMs: number; content: Buffer }
  | { kind: 'remove'; path: string; modifiedMs: number };

export interface CorpusFileStore {
  /**
   * One importer at a time (instances started together wait for each other): `plan` is given
   * every file the store knows, removed ones included, and the changes it returns are stored, each
   * with a new change number. Returns them.
   */
  importChanges(
    plan: (stored: CorpusFileHead[]) => CorpusFileChange[] | Promise<CorpusFileChange[]>,
  ): Promise<CorpusFileChange[]>;
  /** Changes after `seq`, in order, at most `limit`. */
  changesAfter(seq: number, limit?: number): Promise<StoredCorpusFile[]>;
}
