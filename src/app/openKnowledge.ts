/** Loads a corpus directory and builds the bot on it; the one place start-up wiring lives. */
import { type Bot, createBot } from '../core/bot.ts';
import { loadCorpus } from '../knowledge/loadCorpus.ts';
import type { LoadProblem } from '../knowledge/types.ts';
import { buildKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase.ts';

export interface OpenedKnowledge {
  bot: Bot;
  kb: KnowledgeBase;
  buildMs: number;
}

export function formatProblem(p: LoadProblem): string {
  return `${p.file}${p.where ? ` (${p.where})` : ''}: ${p.message}`;
}

/** Single-threaded: for tools and tests, and small corpora. */
export function openKnowledge(corpusDir: string): OpenedKnowledge {
  const started = performance.now();
  const kb = buildKnowledgeBase(loadCorpus(corpusDir));
  const buildMs = performance.now() - started;
  return { bot: createBot(kb), kb, buildMs };
}
