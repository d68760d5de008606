/** One question, one answer: `npm run ask -- "who is Tillerson?" [--json] [--corpus DIR]`. */
import { openKnowledge } from '../app/openKnowledge.ts';
import { formatProblem } from '../knowledge/formatProblem.ts';
import { renderText } from '../render/renderText.ts';
import { cliArgs, runCli } from './options.ts';

runCli(() => {
  const args = cliArgs();
  const text = args.positionals.join(' ').trim();
  if (args.help || !text) {
    console.error('Usage: npm run ask -- "<question or /command>" [--json] [--corpus DIR]');
    return args.help ? 0 : 2;
  }
  const { bot, kb } = openKnowledge(args.corpus);
  for (const p of kb.problems) console.error(`corpus problem: ${formatProblem(p)}`);
  const reply = bot.answer({ text, platform: 'console' });
  console.log(args.json ? JSON.stringify(reply, null, 2) : renderText(reply));
  return 0;
});
