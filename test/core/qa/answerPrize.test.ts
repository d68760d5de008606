/** Yes/no on a prize: a sentence that says the prize went to another answers no. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'awards.txt': [
    'Star Voyage wins big',
    'Space shooter Star Voyage has swept the board at the Harbour Games awards.',
    'It won game of the year and best console game at the ceremony in Kilbride.',
    'The prize for the best puzzle game went to Tile Quest.',
  ].join('\n\n'),
  'coach.txt': [
    'Rovers appoint Vale',
    'Ken Vale has been unveiled as the new Riverton Rovers manager.',
    'The former England coach has been given a six-month contract to succeed Tom Hart.',
    '"Most managers want a four-year contract and then expect it to be paid off," the chairman said.',
  ].join('\n\n'),
});
const sportDir = makeCorpus({
  'sprinter.txt': [
    'Sprinter admits drug link',
    'Banned American sprinter Ana Vell says she knowingly took steroids given to her by a coach.',
    'Vell was subsequently handed a two-year ban in May for taking steroids and a stimulant.',
  ].join('\n\n'),
  'keeper.txt': [
    'Keeper misses final',
    "Rovers goalkeeper Tom Hale will miss Sunday's Harbour Cup final after the club dropped their appeal against his red card.",
  ].join('\n\n'),
  'shares.txt': [
    'Doughnut firm shares fall',
    'Shares in Kelm Doughnuts have taken a dunking on Wall Street after the firm said it would restate its 2004 accounts.',
    'Shares in Kelm Doughnuts sank 14% to close at $10 on the news.',
  ].join('\n\n'),
  'gas.txt': [
    'Oil firm signs gas deal',
    'Harbour Oil has signed a deal to develop the Kelm-4 gas project.',
    'The Dutch group will own 30% of the project, with the state oil firm owning the rest.',
  ].join('\n\n'),
  'settlement.txt': [
    'Directors settle lawsuit',
    'Eighteen former Kilbride Energy directors have agreed a $168m settlement in a shareholder lawsuit.',
    'However, the latest deal does not include former chief executives Ken Loy and Jeff Sall.',
  ].join('\n\n'),
});
// On its own: one article's words must not weigh in the other's answers.
const bankDir = makeCorpus({
  'bank.txt': [
    'Bid dropped',
    'Harbour Kilbride Financial has withdrawn its takeover offer for rival bank Tullow Holdings.',
    'Analysts had expected a long fight.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('did X win the prize?', () => {
  it('no, where the text says that prize went to another', () => {
    expect(first('did Star Voyage win best puzzle game at the Harbour Games awards?')).toMatch(
      /^No, Tile Quest/,
    );
  });

  it('not "no" for the one it went to', () => {
    expect(first('did Tile Quest win best puzzle game?')).toMatch(/^Yes/);
  });

  it('no, where the text gives the thing claimed with another count', () => {
    expect(first('Was Ken Vale handed a four-year contract by Riverton Rovers?')).toMatch(
      /^No: .*six-month contract/,
    );
    // The count the text gives is no denial.
    expect(first('Was Ken Vale handed a six-month contract by Riverton Rovers?')).not.toMatch(/^No/);
  });

  it('the one claimed, by a longer name ("Harbour Kilbride Financial"), is no other doer', () => {
    const bank = openKnowledge(bankDir).bot;
    const answer = renderText(
      bank.answer({ text: 'Did Harbour Kilbride give up trying to buy Tullow Holdings?' }),
    );
    expect(answer).toMatch(/^Yes/);
  });

  it('no, where the text gives the deed another count ("banned for three years": "a two-year ban")', () => {
    const sport = openKnowledge(sportDir).bot;
    const ask = (q: string) => renderText(sport.answer({ text: q })).split('\n')[0] ?? '';
    expect(ask('Was Ana Vell banned for three years?')).toMatch(/^No: .*two-year ban/);
    expect(ask('Was Ana Vell banned for two years?')).toMatch(/^Yes/);
    // A second sentence of the article that states the claim is shown beside the evidence.
    const reply = renderText(sport.answer({ text: 'Was Ana Vell banned for taking steroids?' }));
    expect(reply).toMatch(/^Yes/);
    expect(reply).toMatch(/two-year ban/);
    expect(reply).toMatch(/knowingly took steroids/);
    // "will miss the final" denies playing in it; "does not include" denies being part of it.
    expect(ask('Was Tom Hale able to play in the Harbour Cup final?')).toMatch(/^No/);
    expect(ask('Were Ken Loy and Jeff Sall part of the Kilbride Energy directors settlement?')).toMatch(
      /^No/,
    );
    // Of sentences about as good, the one that says the shares sank settles "did they go up?".
    expect(ask("Did Kelm Doughnuts' shares go up after it said it would restate its accounts?")).toMatch(
      /^No: Shares in Kelm Doughnuts sank/,
    );
    // A share: "half" against "will own 30%" is no; "30%" is yes, with the sentence that says so.
    expect(ask('Does Harbour Oil own half of the Kelm-4 gas project?')).toMatch(/^No: .*own 30%/);
    expect(ask('Does Harbour Oil own 30% of the Kelm-4 gas project?')).toMatch(/^Yes: .*own 30%/);
  });
});
