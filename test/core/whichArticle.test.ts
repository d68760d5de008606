/** "Which article says X?": a question about the archive's own texts. Texts of their own. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { makeCorpus, removeCorpora } from '../knowledge/support.ts';

const dir = makeCorpus({
  'bridge.md': [
    '---',
    'title: "The Kell bridge reopens"',
    'author: Ann Reyes',
    'publication: Harbour Times',
    '---',
    'The Kell bridge reopened on Monday after a two-year repair that cost the council £4m.',
    '',
    'Traffic on the ring road fell by a third within hours, the council said.',
  ].join('\n'),
  'ferry.md': [
    '---',
    'title: "Ferry strike ends"',
    '---',
    'Ferry crews went back to work on Tuesday after a pay deal was agreed.',
    '',
    'The strike had closed the harbour route for nine days.',
  ].join('\n'),
});
afterAll(removeCorpora);

describe('which article', () => {
  const { bot } = openKnowledge(dir);

  it('names the article whose sentence says what is described, with that sentence', () => {
    const reply = bot.answer({ text: 'Which of the two pieces gives the cost of the repair?' });
    expect(reply.headline).toBe('"The Kell bridge reopens" (Ann Reyes, Harbour Times)');
    expect(reply.lines[0]?.text).toMatch(/cost the council £4m/);
  });

  it('reads "which article mentions ..." the same way', () => {
    expect(bot.answer({ text: 'which article mentions the pay deal?' }).headline).toBe('"Ferry strike ends"');
  });

  it('leaves other "which" questions to the answer engine', () => {
    expect(bot.answer({ text: 'which route did the strike close?' }).headline).not.toMatch(/^"/);
  });
});
