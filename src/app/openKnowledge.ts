/** For the command-line tools and tests: loads a corpus directory (single-threaded) and builds the bot on it, with every command. */
import { type Bot, createBot } from '../core/bot.ts';
import { loadCorpus } from '../knowledge/loadCorpus.ts';
import { buildKnowledgeBase, type KnowledgeBase } from '../search/knowledgeBase.ts';
import { COMMANDS } from './commands.ts';

export interface OpenedKnowledge {
  bot: Bot;
  kb: KnowledgeBase;
  buildMs: number;
}

/** Single-threaded: for tools and tests, and small corpora. */
export function openKnowledge(corpusDir: string): OpenedKnowledge {
  const started = performance.now();
  const kb = buildKnowledgeBase(loadCorpus(corpusDir));
  const buildMs = performance.now() - started;
  return { bot: createBot(kb, { commands: COMMANDS }), kb, buildMs };
}
