/**
 * Live reload: watches the corpus directory (fs.watch, recursive: Linux, macOS and Windows on
 * Node 20) and rebuilds the knowledge base in the background a moment after files stop
 * changing. The new knowledge base replaces the old one only when the rebuild succeeds; a file
 * that became broken is a load problem like any other (listed by /sources) and everything else
 * loads. If the rebuild itself fails (the directory is gone, say), the previous knowledge base
 * stays in service and the next change tries again.
 */
import { type FSWatcher, watch } from 'node:fs';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';

export interface CorpusWatcherOptions {
  dir: string;
  /** Quiet time after the last change before rebuilding. */
  debounceMs?: number;
  rebuild: () => Promise<KnowledgeBase>;
  onReload: (kb: KnowledgeBase, ms: number) => void;
  onError: (error: unknown) => void;
}

export interface CorpusWatcher {
  close(): void;
  /** Settles once no change is waiting and no rebuild is running (for tests and shutdown). */
  idle(): Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 500;

/** Editors' swap and backup files, and hidden files, which the loader skips anyway. */
function ignored(file: string | null): boolean {
  if (!file) return false;
  const name = file.split(/[\\/]/).pop() ?? '';
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp)$/i.test(name) || /^#.*#$/.test(name);
}

export function watchCorpus(options: CorpusWatcherOptions): CorpusWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (timer || running) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const run = () => {
    timer = undefined;
    if (closed) return settleIdle();
    if (running) {
      again = true; // one more rebuild once this one ends: it may have read the files too early
      return;
    }
    const started = performance.now();
    running = options
      .rebuild()
      .then(
        (kb) => {
          if (!closed) options.onReload(kb, performance.now() - started);
        },
        (error: unknown) => options.onError(error),
      )
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          schedule();
        } else settleIdle();
      });
  };

  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(options.dir, { recursive: true }, (_event, file) => {
      if (!ignored(file)) schedule();
    });
    watcher.on('error', (error) => options.onError(error));
  } catch (error) {
    options.onError(error);
  }

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      watcher?.close();
      settleIdle();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
