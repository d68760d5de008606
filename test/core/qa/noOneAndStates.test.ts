/** "is it helping anyone?" against "helping no one"; "who is unsure of ...?"; "according to the first article, ...". */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { analyzeQuestion } from '../../../src/core/qa/analyzeQuestion.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'feud.txt': [
    'Feud over the harbour',
    'The fishermen are angry, Norway unsure of what it wants and this quarrel is helping no one.',
    'The council repaired the old ferry in May, and nothing else was done about the pier.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('no one, and how someone is', () => {
  it('answers no where the text says the claim of no one', () => {
    expect(first('Is this quarrel helping anyone?')).toMatch(/^No\b/);
  });

  it('gives yes or no from evidence that states less than half of the claim as read, not known', () => {
    expect(first('Did the town council manage to repair the old ferry last spring?')).toMatch(
      /^Yes, it seems: /,
    );
    expect(first('Did the council manage to repair the old ferry in the end?')).toMatch(/^Yes: /);
  });

  it('answers yes where "nothing" is said of something else', () => {
    expect(first('Did anyone repair the old ferry?')).toMatch(/^Yes\b/);
    expect(first('Did the council repair the old ferry?')).toMatch(/^Yes\b/);
  });

  it('reads "according to the first article" before the question as which text says it', () => {
    const a = analyzeQuestion('according to the first article is this quarrel helping anyone');
    expect(a.type).toBe('yesno');
    expect(a.terms).not.toContain('article');
    expect(first('according to the first article is this quarrel helping anyone')).toMatch(/^No\b/);
  });

  it('asks "who is unsure of ...?" for the one who is, a country too, not for a role', () => {
    expect(analyzeQuestion('who is unsure of what it wants?').type).toBe('person');
    expect(analyzeQuestion('who is president of the council?').type).toBe('role');
    expect(first('who is unsure of what it wants?')).toMatch(/^Norway\b/);
  });
});

describe('a doer far ahead of any other', () => {
  const busy = makeCorpus({
    'month.txt': [
      'A busy month',
      'From the floods in the north, to the rocket testing by Varnia, the Harbour Cup final and finally the talks, it has been a busy month.',
    ].join('\n\n'),
    'talks.txt': ['Talks end', 'Pell Lund said the talks went well this month.'].join('\n\n'),
  });
  const asked = openKnowledge(busy).bot;

  it('answers though the question’s other words are its own, hedged', () => {
    const line = renderText(
      asked.answer({ text: 'who was test-firing rockets during that hectic month of world news?' }),
    );
    expect(line.split('\n')[0]).toMatch(/^Varnia, it seems/);
  });
});
