/**
 * Yes/no claims of keeping, passing, having an effect and being required: "hold on to its
 * majority" is denied by "enough to lose the majority", "pass the bill" by "the defeat of a bill",
 * "final" by "a preliminary ruling", "shake up the market" by "little effect on the market",
 * "have to attend" by "attendance is voluntary"; "have to attend" is affirmed by "attendance is
 * compulsory". Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'vote.txt': [
    'Kessel Party Slips In Poll',
    'The Kessel Party slipped only a little in the voting, but it was enough to lose the absolute majority in the Vellport assembly it had enjoyed since 1999.',
  ].join('\n\n'),
  'chapel.txt': [
    'Life At Ostby College',
    'Chapel services at Ostby College are held every Sunday, and attendance is voluntary.',
  ].join('\n\n'),
  'oil.txt': [
    'Coconut Growers Relieved',
    'The Vellish coconut industry has greeted with relief the defeat in the Ostby Senate of a bill requiring some edible oils to be labelled as saturated fats.',
  ].join('\n\n'),
  'court.txt': [
    'Court Bars Trader',
    "Ann Lee of the traders' league told reporters that the Ostby civil court, in a preliminary ruling, had decided Kessel should not take part in the tenders.",
  ].join('\n\n'),
  'metals.txt': [
    'Limits Go, Market Shrugs',
    'The scrapping of limits on daily price moves for Ostby metals futures appears to be having little effect on the market, analysts said.',
  ].join('\n\n'),
  'drill.txt': [
    'Fire Drill At Vellport Depot',
    'Attendance at the monthly fire drill is compulsory for all Vellport depot staff.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('claims of keeping and of being required', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('"hold on to its majority", against "enough to lose the majority": No', () => {
    expect(first('Did the Kessel Party hold on to its absolute majority in the assembly?')).toMatch(/^No\b/);
  });

  it('"pass the bill", against "the defeat of a bill": No', () => {
    expect(first('Did the Ostby Senate pass the bill to label coconut oil as saturated fat?')).toMatch(
      /^No\b/,
    );
  });

  it('"final", against "in a preliminary ruling": No', () => {
    expect(first("Is the Ostby civil court's ruling against Kessel final?")).toMatch(/^No\b/);
  });

  it('"shake up the market", against "having little effect on the market": No', () => {
    expect(first('Did scrapping the daily price limits shake up the Ostby metals futures market?')).toMatch(
      /^No\b/,
    );
  });

  it('"have to attend", against "attendance is voluntary": No', () => {
    expect(first('Do Ostby College students have to attend the Sunday chapel services?')).toMatch(/^No\b/);
  });

  it('"have to attend", against "attendance is compulsory": Yes', () => {
    expect(first('Do Vellport depot staff have to attend the monthly fire drill?')).toMatch(/^Yes\b/);
  });
});
