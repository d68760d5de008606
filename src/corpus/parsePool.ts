/**
 * Parses untrusted documents off the main thread, each within a budget (issue 14). Corpus files,
 * fetched pages and feeds come from anyone; a crafted one (2,000 nested <div>s, a 200 KB run of
 * names, a 25 MB line) could hold a parser for tens of seconds, and on the main thread that stops
 * every answer and every health check. Here each document goes to a worker thread
 * (parseWorker.ts), one at a time per worker: a worker that takes longer than the time budget is
 * terminated and replaced, and the document is refused with the reason; a file over the size
 * budget is refused before it is read, and a worker that runs out of memory is replaced likewise.
 */

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PassageLayout } from '../knowledge/buildPassages.ts';
import type { ArticleResult } from '../knowledge/loadArticle.ts';
import type { CountedTerms } from '../search/passageIndex.ts';

/** One parsed article: the loader's result, its passages (as places in its text) and their index terms, counted. */
export interface LoadedArticle {
  result: ArticleResult;
  layout: PassageLayout;
  /** countTerms of the passages' texts, so the indexing thread only has to insert them. */
  counted: CountedTerms;
}

/** Longest a document may take to parse before it is refused. */
export const DOCUMENT_TIME_BUDGET_MS = 10_000;
/** Largest corpus file read as one document (fetched pages have FETCH_MAX_BYTES). */
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
/** Heap of one parse worker: a document that needs more is refused, never the process. */
const WORKER_HEAP_MB = 512;

export type ParseJob =
  | { kind: 'article-file' | 'facts-file'; dir: string; file: string; maxBytes: number }
  | { kind: 'page'; page: { url: string; contentType: string; body: string } }
  | { kind: 'feed'; body: string };

/** Worker to pool: the result of job `id`, or the message of what it threw. */
export type ParseResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };

export type ParseOutcome<T> =
  | { ok: true; value: T }
  /** `budget`: refused for time or memory; `error`: the parser threw (a malformed document). */
  | { ok: false; reason: string; cause: 'budget' | 'error' };

export interface ParsePoolOptions {
  /** Worker threads; default one fewer than the cores, at least one. */
  workers?: number;
  timeoutMs?: number;
  maxBytes?: number;
}

const urgent = (job: ParseJob) => job.kind === 'page' || job.kind === 'feed';

interface Pending {
  job: ParseJob;
  resolve: (outcome: ParseOutcome<unknown>) => void;
}

/**
 * Starts a parse worker. Built JavaScript runs as it is; from TypeScript sources (tsx, vitest) a
 * one-line bootstrap first registers tsx in the worker, the way tsx's API documents.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (!here.endsWith('.ts')) return new Worker(new URL('./parseWorker.js', here), { resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./parseWorker.ts', here).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { resourceLimits });
}

type Running = Pending & { id: number; timer?: NodeJS.Timeout };

class PoolWorker {
  readonly worker = startWorker();
  ready = false;
  current: Running | undefined;
  /**
   * The job posted behind `current`, so that the worker goes on to it without waiting for this
   * thread (busy indexing the last result) to hand it over; its time budget starts when current ends.
   */
  next: Running | undefined;
}

export class ParsePool {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  private readonly size: number;
  private readonly workers = new Set<PoolWorker>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? availableParallelism() - 1);
    this.timeoutMs = options.timeoutMs ?? DOCUMENT_TIME_BUDGET_MS;
    this.maxBytes = options.maxBytes ?? DOCUMENT_MAX_BYTES;
  }

  /** Parses one document in a worker; never throws: a refusal is the outcome, with its reason. */
  run<T>(job: ParseJob): Promise<ParseOutcome<T>> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'the parser is shut down', cause: 'error' });
    return new Promise((resolve) => {
      const pending = { job, resolve: resolve as Pending['resolve'] };
      // Someone waits for a page or a feed (an editor, a poll): ahead of a reload's thousands of files.
      const first = this.queue.findIndex((p) => !urgent(p.job));
      if (urgent(job) && first >= 0) this.queue.splice(first, 0, pending);
      else this.queue.push(pending);
      this.dispatch();
    });
  }

  /** Terminates the workers; jobs still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0))
      pending.resolve({ ok: false, reason: 'the parser is shut down', cause: 'error' });
    const workers = [...this.workers];
    this.workers.clear();
    for (const w of workers) {
      const next = w.next;
      w.next = undefined;
      next?.resolve({ ok: false, reason: 'the parser is shut down', cause: 'error' });
      this.finish(w, { ok: false, reason: 'the parser is shut down', cause: 'error' });
    }
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const ready = [...this.workers].filter((w) => w.ready);
      const idle = ready.find((w) => !w.current);
      if (!idle) {
        const starting = [...this.workers].some((w) => !w.ready);
        if (!starting && this.workers.size < this.size) this.spawn();
        // A busy worker takes one more, queued behind its current document.
        const busy = ready.find((w) => !w.next);
        if (!busy) return;
        const pending = this.queue.shift() as Pending;
        busy.next = { ...pending, id: this.nextId++ };
        busy.worker.postMessage({ id: busy.next.id, job: pending.job });
        continue;
      }
      const pending = this.queue.shift() as Pending;
      idle.current = { ...pending, id: this.nextId++ };
      this.start(idle);
      idle.worker.postMessage({ id: idle.current.id, job: pending.job });
    }
  }

  /** Starts the clock of the worker's current job; a parse under way keeps the process alive. */
  private start(w: PoolWorker): void {
    if (!w.current) return;
    w.current.timer = setTimeout(() => this.overBudget(w), this.timeoutMs);
    w.worker.ref();
  }

  private spawn(): void {
    const w = new PoolWorker();
    this.workers.add(w);
    w.worker.unref();
    w.worker.on('message', (message: ParseResponse | 'ready') => {
      if (message === 'ready') {
        w.ready = true;
        return this.dispatch();
      }
      if (w.current?.id !== message.id) return;
      this.finish(
        w,
        message.ok
          ? { ok: true, value: message.value }
          : { ok: false, reason: message.error, cause: 'error' },
      );
      this.dispatch();
    });
    w.worker.on('error', (error: Error & { code?: string }) => {
      if (!w.ready) this.refuseQueue(`the parser could not start: ${error.message}`);
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(w, {
        ok: false,
        reason: memory
          ? `it needs more than the ${WORKER_HEAP_MB} MB memory budget of one document to parse`
          : `the parser failed: ${error.message}`,
        cause: memory ? 'budget' : 'error',
      });
    });
    w.worker.on('exit', () => {
      if (!w.ready) this.refuseQueue('the parser could not start');
      this.replace(w, { ok: false, reason: 'the parser stopped', cause: 'error' });
    });
  }

  /** A worker that fails before it is ready would fail again: the waiting jobs are refused, not retried forever. */
  private refuseQueue(reason: string): void {
    for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, reason, cause: 'error' });
  }

  private overBudget(w: PoolWorker): void {
    const seconds = this.timeoutMs / 1000;
    this.replace(w, {
      ok: false,
      reason: `parsing it took longer than the ${seconds} s time budget of one document`,
      cause: 'budget',
    });
  }

  /**
   * Ends the worker's job with `outcome`, terminates it, and lets a new one take the queue; the
   * job queued behind it never started, so it goes back to the front of the queue.
   */
  private replace(w: PoolWorker, outcome: ParseOutcome<unknown>): void {
    if (!this.workers.delete(w)) return;
    const next = w.next;
    w.next = undefined;
    if (next) this.queue.unshift({ job: next.job, resolve: next.resolve });
    this.finish(w, outcome);
    void w.worker.terminate();
    if (!this.closed) this.dispatch();
  }

  /** Ends the worker's current job with `outcome`; the job queued behind it becomes current. */
  private finish(w: PoolWorker, outcome: ParseOutcome<unknown>): void {
    const current = w.current;
    w.current = w.next;
    w.next = undefined;
    if (!current) return;
    clearTimeout(current.timer);
    if (w.current) this.start(w);
    else if (this.workers.has(w)) w.worker.unref();
    current.resolve(outcome);
  }
}

let shared: ParsePool | undefined;

/** The process's pool, started with the first document; its idle workers never keep the process alive. */
export function sharedParsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}
