import { describe, expect, it } from 'vitest';
import { windowAround } from '../../../src/core/qa/composeAnswer.ts';
import { wordKey } from '../../../src/text/wordForms.ts';

describe('windowAround', () => {
  it("shows the stretch of a long sentence that holds the most of the question's words", () => {
    const sentence =
      'A big part of the reason for this change of course is the mayor’s assessment of relations with the port, ' +
      'which she said on Wednesday may be at an all-time low, having previously had such high hopes for a ' +
      'different outcome given her now-cooled friendship with the harbour master.';
    const shown = windowAround(sentence, ['mayor', 'friendship', 'harbour', 'master'].map(wordKey), 120);
    expect(shown).toContain('now-cooled friendship with the harbour master');
    expect(shown.length).toBeLessThanOrEqual(122);
  });

  it('keeps a sentence short enough whole', () => {
    expect(windowAround('The mayor met the harbour master.', [wordKey('mayor')], 120)).toBe(
      'The mayor met the harbour master.',
    );
  });
});

describe('composeAnswer', () => {
  it('shows the evidence sentence under a headline it holds when it says more', async () => {
    const { openKnowledge } = await import('../../../src/app/openKnowledge.ts');
    const { makeCorpus, removeCorpora } = await import('../../knowledge/support.ts');
    const dir = makeCorpus({
      'port.txt': [
        'Port Stays Shut',
        'Up until last week the port had not formally reopened, due to the policies of the former harbour master Ann Reyes and the current mayor, Tom Vale.',
      ].join('\n\n'),
    });
    const { bot } = openKnowledge(dir);
    const reply = bot.answer({ text: 'why had the port not reopened before last week?' });
    removeCorpora();
    expect(reply.headline).toMatch(/^Due to the policies/);
    expect(reply.lines.map((l) => l.text).join('\n')).toContain('Tom Vale');
  });
});
