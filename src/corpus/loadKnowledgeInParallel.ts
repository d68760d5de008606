/**
 * Builds the knowledge base of a large corpus on all cores: worker threads parse articles and cut
 * passages while this thread parses its own share and indexes. The result is the same as the
 * single-threaded build (articles are taken in file order), only sooner.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CorpusAssembler, listCorpusFiles, loadCorpus } from '../knowledge/loadCorpus.ts';
import { assembleKnowledgeBase, buildKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase.ts';
import { PassageIndex } from '../search/passageIndex.ts';
import { type LoadedArticle, type LoadResponse, loadArticles } from './corpusLoadWorker.ts';

/** Below this many articles a worker's start-up costs more than it saves. */
export const PARALLEL_MIN_ARTICLES = 200;
/** Articles per unit of work: small enough to balance, large enough that messages stay cheap. */
const CHUNK = 32;
/** Chunks handed to each worker at a time, so it keeps working while this thread is busy indexing. */
const IN_FLIGHT = 3;

/**
 * Starts a loader worker. Built JavaScript runs as it is; from TypeScript sources (tsx, vitest) a
 * one-line bootstrap first registers tsx in the worker, since loader flags such as `--import tsx`
 * do not take effect in worker threads on Node 20.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./corpusLoadWorker.js', here));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./corpusLoadWorker.ts', here).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

export interface ParallelOptions {
  workers?: number;
  /** Told when a worker fails; its chunks are then parsed by this thread, so nothing is lost. */
  onWorkerError?: (error: Error) => void;
}

export async function loadKnowledgeInParallel(
  dir: string,
  options: ParallelOptions = {},
): Promise<KnowledgeBase> {
  const files = listCorpusFiles(dir);
  const workerCount = options.workers ?? Math.max(1, availableParallelism() - 1);
  if (files.articles.length < PARALLEL_MIN_ARTICLES || workerCount < 1)
    return buildKnowledgeBase(loadCorpus(dir));

  const assembler = new CorpusAssembler(dir, files);
  const index = new PassageIndex();
  const chunks: string[][] = [];
  for (let i = 0; i < files.articles.length; i += CHUNK) chunks.push(files.articles.slice(i, i + CHUNK));
  const queue = new ChunkQueue(chunks.length);
  const results: (LoadedArticle[] | undefined)[] = [];
  const waiting = new Map<number, () => void>();
  const deliver = (chunk: number, loaded: LoadedArticle[]) => {
    results[chunk] ??= loaded;
    waiting.get(chunk)?.();
  };
  const parseHere = (chunk: number) => deliver(chunk, loadArticles(dir, chunks[chunk] ?? []));

  // Workers take chunks from the front, a few in flight each so they never wait for this thread.
  const workers = Array.from({ length: Math.min(workerCount, chunks.length) }, startWorker);
  for (const worker of workers) {
    const mine = new Set<number>();
    const feed = () => {
      while (mine.size < IN_FLIGHT) {
        const chunk = queue.takeFront();
        if (chunk === undefined) return;
        mine.add(chunk);
        worker.postMessage({ chunk, dir, files: chunks[chunk] ?? [] });
      }
    };
    worker.on('message', (response: LoadResponse) => {
      mine.delete(response.chunk);
      deliver(response.chunk, response.loaded);
      feed();
    });
    // A worker that fails leaves its chunks to this thread: nothing is lost.
    worker.once('error', (error) => {
      options.onWorkerError?.(error);
      for (const chunk of mine) parseHere(chunk);
      mine.clear();
      worker.removeAllListeners('message');
    });
    feed();
  }

  try {
    // Index the chunks in file order. While the next one is still being parsed elsewhere, this
    // thread parses chunks itself, from the back of the queue, rather than wait.
    for (let next = 0; next < chunks.length; next++) {
      while (!results[next]) {
        const chunk = queue.peekFront() === next ? queue.takeFront() : queue.takeBack();
        if (chunk !== undefined) {
          parseHere(chunk);
          await new Promise<void>((resolve) => setImmediate(resolve)); // let worker messages in
          continue;
        }
        await new Promise<void>((resolve) => waiting.set(next, resolve));
      }
      for (const { result, passages, terms } of results[next] ?? []) {
        if (assembler.add(result)) index.add(passages, terms);
      }
      results[next] = [];
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return assembleKnowledgeBase(assembler.finish(), index);
}

/** Chunk numbers not yet handed out: workers take from the front, the indexing thread from either end. */
class ChunkQueue {
  private front = 0;
  private back: number;

  constructor(count: number) {
    this.back = count - 1;
  }

  peekFront(): number | undefined {
    return this.front <= this.back ? this.front : undefined;
  }

  takeFront(): number | undefined {
    return this.front <= this.back ? this.front++ : undefined;
  }

  takeBack(): number | undefined {
    return this.front <= this.back ? this.back-- : undefined;
  }
}
