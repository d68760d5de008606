/**
 * "why ...?" answered from a neighbour of the found sentence: a reason clause in the sentence
 * before it is that sentence's own reason, and answers only where that sentence says the asked
 * act; the sentence after it gives the reason for it where it opens with one ("Because, Tom,
 * ...") or points back ("This is because ..."). Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'trade.txt': [
    'Vellport Turns On Trade',
    'Up until last month Vellport had signed no pacts at all, due to the rules of its former premier Ann Dole.',
    'Its new premier, Ian Holt, took office in May.',
    'The pact with Ostby was also a change of course from the stance Vellport took in the campaign.',
  ].join('\n\n'),
  'visit.txt': [
    'A Wasted Trip',
    '"But why can\'t I see the mayor today?" Tom Reyes asked the clerk.',
    '"Because, Tom, she is away in Ostby for the week."',
  ].join('\n\n'),
  'recap.txt': [
    'Publisher Plans Recapitalization',
    'Kestrel Press also announced an extensive recapitalization plan, which analysts said was aimed at thwarting a takeover effort by Harbour Printing.',
    'Harbour Printing last week withdrew its offer for Kestrel Press because of the recapitalization plan.',
  ].join('\n\n'),
  'books.txt': [
    'Vellport Books Plans Buyback',
    'Vellport Books announced a share buyback plan on Monday.',
    'Ostby Media withdrew its offer for Vellport Books because of the share buyback plan.',
  ].join('\n\n'),
  'prices.txt': [
    'Bread Costs More',
    'Bakers in Vellport raised the price of bread on Monday.',
    'This is because the cost of flour has doubled since the floods.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('reasons read next to the found sentence', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('a reason that is only the question\'s own thing explains another act; "aimed at thwarting" gives one', () => {
    expect(first('Why did Kestrel Press announce its recapitalization plan?')).toMatch(
      /^Aimed at thwarting a takeover/,
    );
  });

  it('a reason that is only the asked thing itself ("because of the share buyback plan") answers nothing', () => {
    expect(first('Why did Vellport Books announce its share buyback plan?')).not.toMatch(
      /^Because of the share buyback/,
    );
  });

  it('a reason the sentence before gives for another act is no answer', () => {
    expect(first('why did Vellport change course on trade?')).not.toMatch(/rules of its former premier/);
  });

  it('"Because, Tom, ...", right after the asked thing, is its reason', () => {
    expect(first("why couldn't Tom Reyes see the mayor?")).toMatch(/away in Ostby/);
  });

  it('"This is because ..." gives the reason for the sentence before', () => {
    expect(first('why did bakers raise the price of bread?')).toMatch(/cost of flour has doubled/);
  });
});
