/**
 * Questions typed in lower case: the runs of words the archive knows as names, and writes as
 * names, are read as names ("tom reyes", "ostby"); words it writes in lower case stay words.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { truecased } from '../../src/core/truecaseQuestion.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../knowledge/support.ts';

const dir = makeCorpus({
  'visit.txt': [
    'SALES TAX PLAN HITS OSTBY',
    'OSTBY, May 2 - Trade minister Tom Reyes, who went to Ostby for talks on the new sales tax, left Ostby for Vellport on Friday.',
    'Reyes said the sales tax would hurt trade, and that sales in Ostby had fallen.',
  ].join('\n\n'),
  'payoff.txt': [
    '$1m payoff for former Harbour boss',
    'Harbour is to pay $1m to the ex-finance chief who stepped down in April.',
    "Judy Vantrell finally left the firm on 31 December. The pay-off was in line with Ms Vantrell's contract.",
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('questions typed in lower case', () => {
  const { bot, kb } = openKnowledge(dir);

  it('reads the names the archive writes as names', () => {
    expect(truecased(kb, 'where did tom reyes go when he left ostby?')).toBe(
      'where did Tom Reyes go when he left Ostby?',
    );
    expect(truecased(kb, 'Where did tom reyes go?')).toBe('Where did Tom Reyes go?');
  });

  it('leaves words the archive writes in lower case, and questions that capitalise a name', () => {
    expect(truecased(kb, 'what did reyes say about the sales tax?')).toBe(
      'what did Reyes say about the sales tax?',
    );
    expect(truecased(kb, 'where did Tom reyes go?')).toBe('where did Tom reyes go?');
    expect(truecased(kb, '/who tom reyes')).toBe('/who tom reyes');
  });

  it("reads a given name and the word after it as a name, where the text writes them so at a sentence's start", () => {
    expect(truecased(kb, 'why did judy vantrell step down?')).toBe('why did Judy Vantrell step down?');
  });

  it('answers where he went, not the place he left', () => {
    expect(firstLineOf(bot)('where did tom reyes go when he left ostby?')).toMatch(/Vellport/);
  });
});
