import { missingArgument } from '../answers/common.ts';
import { searchAnswer } from '../answers/searchAnswer.ts';
import type { CommandDefinition } from './types.ts';

export const searchCommand: CommandDefinition = {
  name: 'search',
  summary: 'Search the article text; "quote" words to match a phrase exactly',
  args: [{ name: 'text', description: 'Words or a "quoted phrase"', required: true }],
  examples: ['/search chemical attack', '/search "deep freeze"'],
  run(parsed, { kb }) {
    if (!parsed.text) return missingArgument(kb, '/search <text>', '/search chemical attack');
    return searchAnswer(kb, parsed.text);
  },
};
