/**
 * `npm run bench -- --update`: how soon one new article is answerable. The corpus is copied under
 * .bench/ (the bench never writes into a real corpus), built, then one article is added and the
 * knowledge base brought up to date as a live reload does; then it is removed again.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createBot } from '../core/bot.ts';
import { loadKnowledge } from '../corpus/loadKnowledge.ts';
import { renderText } from '../render/renderText.ts';

const NEW_ARTICLE = `---
title: Quillfeather wins the autumn regatta
---

Albertine Quillfeather, the harbour commissioner, won the autumn regatta on Sunday. "The wind was kind to us," Quillfeather said after the race.
`;

export interface UpdateRun {
  update_add_ms: number;
  update_remove_ms: number;
  /** Whether /who found the new article's person after the update, and not after its removal. */
  update_answered: boolean;
}

export async function runUpdate(corpusDir: string): Promise<UpdateRun> {
  const copy = join('.bench', `update-${basename(corpusDir)}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(corpusDir, copy, { recursive: true });
  const file = join(copy, 'zz-bench-new-article.md');
  try {
    const { kb } = await loadKnowledge(copy);
    const ask = (k: typeof kb) => renderText(createBot(k).answer({ text: '/who Quillfeather' }));
    writeFileSync(file, NEW_ARTICLE);
    let started = performance.now();
    const added = await loadKnowledge(copy, { previous: kb });
    const found = ask(added.kb).includes('harbour commissioner');
    const addMs = performance.now() - started;
    rmSync(file);
    started = performance.now();
    const removed = await loadKnowledge(copy, { previous: added.kb });
    const removeMs = performance.now() - started;
    return {
      update_add_ms: Math.round(addMs),
      update_remove_ms: Math.round(removeMs),
      update_answered: found && !ask(removed.kb).includes('harbour commissioner'),
    };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
