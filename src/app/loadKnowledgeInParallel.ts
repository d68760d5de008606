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
/** Share of the articles this thread parses itself while the workers start; it also indexes everything. */
const OWN_SHARE = 0.25;
const CHUNK = 64;

/** The parent's module-loader flags (tsx's --import/--require); others such as --expose-gc are not allowed in workers. */
function loaderFlags(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    if (/^--(import|require|loader|experimental-loader)=/.test(flag)) out.push(flag);
    else if (/^--(import|require|loader|experimental-loader)$/.test(flag) || flag === '-r') {
      out.push(flag, argv[i + 1] ?? '');
      i++;
    }
  }
  return out;
}

function startWorker(): Worker {
  const url = new URL(
    `./corpusLoadWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
    import.meta.url,
  );
  const flags = loaderFlags();
  // Source files need the TypeScript loader in the worker too.
  const needsTsx = url.pathname.endsWith('.ts') && !flags.some((a) => a.includes('tsx'));
  return new Worker(url, { execArgv: needsTsx ? [...flags, '--import', 'tsx'] : flags });
}

export interface ParallelOptions {
  workers?: number;
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
  const accept = (loaded: readonly LoadedArticle[]) => {
    for (const { result, passages, terms } of loaded) if (assembler.add(result)) index.add(passages, terms);
  };

  const own = Math.ceil(files.articles.length * OWN_SHARE);
  const rest = files.articles.slice(own);
  const chunks: string[][] = [];
  for (let i = 0; i < rest.length; i += CHUNK) chunks.push(rest.slice(i, i + CHUNK));

  // One promise per chunk, settled when its articles arrive (or, if a worker fails, parsed here).
  const arrivals = chunks.map(() => {
    let resolve: (loaded: LoadedArticle[]) => void = () => {};
    const promise = new Promise<LoadedArticle[]>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  });
  const settled = new Set<number>();
  const settle = (chunk: number, loaded: LoadedArticle[]) => {
    if (settled.has(chunk)) return;
    settled.add(chunk);
    arrivals[chunk]?.resolve(loaded);
  };
  const workers = Array.from({ length: Math.min(workerCount, chunks.length) }, startWorker);
  workers.forEach((worker, w) => {
    const mine = chunks.map((_, i) => i).filter((i) => i % workers.length === w);
    worker.on('message', (response: LoadResponse) => settle(response.chunk, response.loaded));
    worker.once('error', () => {
      for (const i of mine) settle(i, loadArticles(dir, chunks[i] ?? []));
    });
    for (const i of mine) worker.postMessage({ chunk: i, dir, files: chunks[i] ?? [] });
  });

  try {
    // This thread's share first (the workers start meanwhile), then the rest in file order,
    // indexing each chunk as soon as it arrives.
    accept(loadArticles(dir, files.articles.slice(0, own)));
    for (const arrival of arrivals) accept(await arrival.promise);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return assembleKnowledgeBase(assembler.finish(), index);
}
