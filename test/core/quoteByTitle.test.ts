/**
 * A speaker called by the title the story gives him before his name: "Archbishop Desmond Tutu
 * has called for ...", then "The South African archbishop said detentions without trial were
 * 'unacceptable'". Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { renderText } from '../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../knowledge/support.ts';

const dir = makeCorpus({
  'camp.txt': [
    "Tembo's Camp Release Call",
    'Archbishop Daniel Tembo has called for the release of the remaining inmates held at the island camp.',
    'The Dornish archbishop said detentions without trial were "unacceptable" and "distressing".',
    'Ministers in Ostland said the camp would stay open.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('a speaker called by his title', () => {
  const { bot } = openKnowledge(dir);

  it('"the Dornish archbishop said" is Archbishop Tembo speaking', () => {
    const text = renderText(bot.answer({ text: '/quote Daniel Tembo' }));
    expect(text).toMatch(/unacceptable/);
    expect(text).not.toMatch(/stay open/);
  });
});
