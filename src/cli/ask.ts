/**
 * One question, one answer: `npm run ask -- "who is Tillerson?" [--json] [--corpus DIR] [--cache DIR]`.
 * Starts from the saved index when it still matches the corpus (the bot's INDEX_CACHE_DIR, by
 * default DATA_DIR/index; --cache DIR, or "off"), else builds it and saves it for the next ask.
 */
import { COMMANDS } from '../app/commands.ts';
import { createBot } from '../core/bot.ts';
import { indexCacheDir } from '../corpus/liveKnowledge.ts';
import { loadKnowledge } from '../corpus/loadKnowledge.ts';
import { formatProblem } from '../knowledge/formatProblem.ts';
import { renderText } from '../render/renderText.ts';
import { cliArgs, runCli } from './options.ts';

runCli(async () => {
  const args = cliArgs();
  const text = args.positionals.join(' ').trim();
  if (args.help || !text) {
    console.error('Usage: npm run ask -- "<question or /command>" [--json] [--corpus DIR] [--cache DIR|off]');
    return args.help ? 0 : 2;
  }
  const cacheDir = indexCacheDir({
    INDEX_CACHE_DIR: args.cache ?? process.env.INDEX_CACHE_DIR,
    DATA_DIR: process.env.DATA_DIR ?? 'data',
  });
  const loaded = await loadKnowledge(args.corpus, { cacheDir });
  const { kb } = loaded;
  for (const p of kb.problems) console.error(`corpus problem: ${formatProblem(p)}`);
  const reply = createBot(kb, { commands: COMMANDS }).answer({ text, platform: 'console' });
  console.log(args.json ? JSON.stringify(reply, null, 2) : renderText(reply));
  try {
    loaded.save();
  } catch (error) {
    console.error(`could not save the index (the next ask builds it again): ${(error as Error).message}`);
  }
  return 0;
});
