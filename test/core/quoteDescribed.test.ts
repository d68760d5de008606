/**
 * "what does the poultry doctor say about chickens?": a speaker no one is called, so a description
 * of someone; what the text gives them to say on the topic answers, and an unknown name is still
 * "not found".
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { renderText } from '../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../knowledge/support.ts';

const dir = makeCorpus({
  'doctor.txt': [
    'The visit',
    'The poultry doctor came up the stairs with a hen under his arm.',
    '"Chickens have short memories", the doctor remarked, "that is why they are better company than most people".',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const reply = (question: string) => renderText(bot.answer({ text: question }));

describe('what a described speaker says', () => {
  it('is answered from the sentence that gives them the words on the topic', () => {
    expect(reply('what does the poultry doctor say about chickens?')).toMatch(/short memories/);
  });

  it('an unknown name is still not found', () => {
    expect(reply('/quote Zzyzx Qwerty')).toMatch(/Couldn't find anyone/);
  });
});
