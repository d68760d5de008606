/** Free questions answered by a sentence: the sentence must say something. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'party.txt': [
    'A new party',
    'Tilebrook?',
    'Its founder said Tilebrook would announce policies on tax and health next week.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('a sentence as the answer', () => {
  it('a fragment or a question ("Tilebrook?") yields to a sentence that says something', () => {
    expect(first('what is Tilebrook?')).toMatch(/announce policies/);
  });
});
