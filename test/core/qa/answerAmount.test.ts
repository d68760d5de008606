/** "how much/how many" questions on texts of their own, where no other article's words weigh in. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'wine.txt': [
    'Brewer buys vineyard',
    'Harbour Drinks, the biggest brewer in the north, has agreed to buy the Kilbride vineyard for $26m (£13m) in an all-cash deal.',
    'The vineyard made 40,000 bottles last year.',
  ].join('\n\n'),
  'bank.txt': [
    'Bank profits at record',
    'Kilbride Bank, the third-biggest bank, has seen annual pre-tax profits climb to record levels.',
    'Profits for the year to 31 December rose 20% to £4.6bn ($8.6bn).',
  ].join('\n\n'),
  'cars.txt': [
    'Carmaker cash to fuel Kestrel production',
    'Three years after the new Kestrel was launched, carmaker Vantor has announced £90m of new investment in its Redford plant.',
    'Some 150 new jobs are to be created at the Redford plant. Before the announcement, Vantor had invested some £250m in Kestrel production.',
  ].join('\n\n'),
  'cup.txt': [
    'Marlow quits the Harbour Cup',
    'Dan Marlow leaves Harbour Cup tennis with an impressive record, having won 31 of his 44 matches.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('how much', () => {
  it('a price asked with "pay" is answered by the sentence that says "buy ... for $26m"', () => {
    expect(first('how much did Harbour Drinks pay for the Kilbride vineyard?')).toMatch(/^\$26m|^£13m/);
  });

  it('asked in the present, a sum that "had" been spent before the news is not it', () => {
    expect(first('how much new money is Vantor putting into Kestrel production?')).toMatch(/^£90m/);
  });

  it('"what were X\'s earnings?" asks for a sum of money: a share alone does not answer it', () => {
    expect(first("what were Kilbride Bank's annual profits?")).toMatch(/^£4\.6bn/);
    expect(first("what were Harbour Drinks' third quarter earnings?")).toMatch(/doesn.t say/);
  });

  it('"rose 20% to £4.6bn": a share is no sum of money, though one follows it', () => {
    expect(first('how much pre-tax profit did Kilbride Bank make last year?')).toMatch(/^£4\.6bn/);
  });
});

describe('how many, of a part and its whole', () => {
  it('counts what the asked act did, not the whole it is a part of ("won 31 of his 44 matches")', () => {
    expect(first('How many Harbour Cup matches did Marlow win?')).toMatch(/^31\b/);
    expect(first('How many Harbour Cup matches did Marlow play?')).toMatch(/^44\b/);
  });
});
