/**
 * When something starts, in wire copy: a dateline ("ROME, March 29 -") dates the report, never
 * what is still to come; "kick in" and "effective from" say a start as "take effect" does; a
 * fiscal year runs over two ("1987/88"). Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { dateMentions } from '../../../src/core/qa/candidates.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'lira.txt': [
    'Vellport To Ease Rules On Cash',
    'OSTBY, March 29 - Vellport is to change the rules limiting the amount of crown notes that can be brought into the country, the treasury said.',
  ].join('\n\n'),
  'policy.txt': [
    'Kessland Frees Rice Exports',
    'DORNE, June 29 - Kessland allowed freer rice exports in a new trade policy announced by its trade minister.',
    'The new trade policy, effective from the fiscal year 1987/88 beginning on July 1, will run for three years.',
  ].join('\n\n'),
  'trip.txt': [
    'Kessel Puts Off Vellport Trip',
    'OSTBY, April 27 - Finance minister Ann Kessel has put off her trip to Vellport because of the budget talks, aides said.',
  ].join('\n\n'),
  'pay.txt': [
    'Wage Rise For Ostby Workers',
    'The Ostby president approved a general wage rise and a freeze on food prices.',
    'Both measures, which take effect on May 1, were approved by the cabinet.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('when something starts, in wire copy', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it("a dateline's date is not when a rule still to come takes effect", () => {
    expect(first("when does Vellport's new rule on crown notes take effect?")).not.toMatch(/March 29/);
    expect(first("when does Kessland's new trade policy kick in?")).not.toMatch(/June 29/);
    expect(first('when has Ann Kessel rescheduled her trip to Vellport for?')).not.toMatch(/April 27/);
  });

  it('"kick in" is answered by "effective from" and by "take effect on"', () => {
    expect(first("when does Kessland's new trade policy kick in?")).toMatch(/July 1|1987\/88/);
    expect(first('when do the Ostby wage rise and price freeze kick in?')).toMatch(/May 1/);
  });

  it('a fiscal year that runs over two is one time', () => {
    expect(
      dateMentions('effective from the fiscal year 1987/88 beginning on July 1').map((d) => d.text),
    ).toEqual(['1987/88', 'July 1']);
  });
});
