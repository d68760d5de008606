/**
 * More forms of agency and broadcast news: a rank ("the fourth largest"), a denial of another verb
 * after the claim ("X's downgrading ... should not be over-dramatised"), counts of other things
 * joined by "and", a month in lower case, a company called again by its first word, "broadcast"
 * for "shown". Texts of their own, written in that style.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'cocoa.txt': [
    'Ostland Stays Out Of Cocoa Pact',
    'Officials in Ostland, a major cocoa grower, declined to say whether it would join the cocoa pact.',
    "Ostland is the world's third largest cocoa producer.",
  ].join('\n\n'),
  'rating.txt': [
    'Dornland Rating Cut',
    "Budget Minister Ulla Brandt said yesterday's downgrading of Dornland's credit rating by Kestrel Ratings should not be over-dramatised.",
    "Kestrel Ratings said it had downgraded Dornland's long-term debt to AA from AA-plus.",
  ].join('\n\n'),
  'selection.txt': [
    'Party Picks Candidate',
    'Councillor Mira Lund was selected for Dorne West in a contest between three local and four ethnic minority women.',
    'Party officials said they were pleased with the result.',
  ].join('\n\n'),
  'quake.txt': [
    'Quake Halts Vellmar Pipeline',
    'Vellmar cannot pay its bank debt because of the earthquake that forced a halt to its oil exports.',
    'In 1986, Vellmar paid about 800 mln dlrs on its foreign debt.',
    'The quake ruptured the main oil pipeline, suspending exports for months.',
    'The march 5 earthquake damaged the pipeline near Lago Verde, halting oil exports.',
  ].join('\n\n'),
  'stake.txt': [
    'Harwick Industries Buys Into Tessel',
    'Harwick Consolidated Industries Inc, a Dorne paint maker, said it has acquired 210,000 shares of Tessel Corp, or 12.5 pct of the total.',
    'In a filing with the Securities Commission, Harwick said it bought the Tessel stock for investment.',
    'Harwick, which said it spent 2.4 mln dlrs to acquire its Tessel stake, may buy more shares.',
  ].join('\n\n'),
  'episode.txt': [
    'Arlo Venn To Direct Crime Drama',
    'Film director Arlo Venn is to direct an episode of the television series Night Court Files.',
    'In 1996 he directed an episode of a hospital drama.',
    'Filming is due to start in early April and the Venn-directed episode of Night Court Files will be broadcast in Dornland on 21 May.',
  ].join('\n\n'),
  'debt.txt': [
    'Tessaly To Offer Debt Buyback',
    'Tessaly will offer to buy back its bank debt at a discount, central bank president Ivo Marran said.',
    'Marran said the creditor banks had agreed to consider the offer.',
  ].join('\n\n'),
  'actor.txt': [
    'Lio Marsh Given Walk Of Fame Star',
    'Actor Lio Marsh, best known for his role in the Starfall films, has been given a star on the Walk of Fame.',
    'The actor, who was born in the Tessalian capital Ardo, said he left school to act.',
  ].join('\n\n'),
  'tennis.txt': [
    'Veteran Marr Wins Dorne Title',
    'Tessa Marr won her first title in four years with victory over Lena Kovic at the Dorne Open in Vellport.',
    'It was a hard week for the players, who had to cope with rain.',
  ].join('\n\n'),
  'loan.txt': [
    'Keeper Heads For Arden',
    "Kessel Rovers keeper Tom Hale is set to join Arden on a month's loan.",
    'Hale has been displaced by the arrival of Ian Rook, who is in his second month on loan from Vellport.',
  ].join('\n\n'),
  'missing.txt': [
    'Ten Years Since Singer Vanished',
    'Rob Ellery, guitarist and singer for The Night Lanterns, vanished ten years ago, on 3 March 1995.',
    'His car was found near a bridge two weeks later.',
  ].join('\n\n'),
  'planes.txt': [
    'Skyline Orders Planes',
    'Budget airline Skyline has placed an order for 40 Aerion 520-300 planes, in a deal worth 2 bln dlrs.',
  ].join('\n\n'),
  'auction.txt': [
    "Singer's Guitar Heads For Auction",
    'A guitar that belonged to the singer Ada Rell is expected to fetch up to 2m dlrs at an auction next month.',
  ].join('\n\n'),
  'bankers.txt': [
    'Gulf States Urged To Coordinate Policies',
    'Gulf states must coordinate their economic policies more closely, the President of the Gulf Bankers Union said.',
    'Omar Haddad told a news conference at the end of a currency traders meeting that fiscal policy should come first.',
  ].join('\n\n'),
  'talks.txt': [
    'Trade Ministers Meet In Vellport',
    'Trade ministers from twenty countries began informal talks on farm trade in Vellport today.',
    'Earlier, officials had said Dornish Trade Minister Paul Lemay had pulled out of the informal talks for domestic political reasons.',
  ].join('\n\n'),
  'peptide.txt': [
    'Institute Reports On New Drug',
    'The National Institute of Health announced that Peptide Q, first identified by institute scientist Dr. Ann Corder, blocks the virus in the laboratory.',
  ].join('\n\n'),
  'plants.txt': [
    'Harlan To Close Two Tyre Plants',
    'Harlan Tyre Co has told the union the company will close its Dorne and Vellport tyre plants by June.',
    'The company said the rejection of its wage offer by union locals and the weak sales of farm tyres led Harlan to conclude it could not keep the Dorne and Vellport plants open.',
  ].join('\n\n'),
  'fakes.txt': [
    'Customs Turn Away Fake Shoes',
    'Kessel customs, faced with a flood of fake Ardo trainers, have turned away many shipments, company officials said.',
    'He said customs had sent back some 80,000 pairs of fake Ardo trainers, but the ministry declined to confirm this.',
    'A ministry spokesman said officials at the ports had begun barring fake Ardo footwear but declined to say how many pairs.',
  ].join('\n\n'),
  'bridges.txt': [
    'The Bridge Builder',
    'Ezra Rowley wrote the first history of the town.',
    'It is well known that Amos Pell was born in 1760 in nearby Rowley;; that he moved to Westfield when he was sixteen.',
  ].join('\n\n'),
});

afterAll(removeCorpora);

describe('answers in the forms of agency news', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('"the third largest cocoa producer" answers No to "the biggest"', () => {
    expect(first("Is Ostland the world's biggest cocoa producer?")).toMatch(/^No\b/);
  });

  it('"the downgrading ... should not be over-dramatised" denies another verb, not the downgrading', () => {
    expect(first("Did Kestrel Ratings downgrade Dornland's credit rating?")).toMatch(/^Yes\b/);
  });

  it('"three local and four ethnic minority women" counts women, not votes', () => {
    expect(first('How many votes did Mira Lund win in the Dorne West selection contest?')).toMatch(
      /doesn't say/,
    );
  });

  it('"The march 5 earthquake": a month in lower case is a date', () => {
    expect(first("when did the earthquake that halted Vellmar's oil exports happen?")).toMatch(/^march 5/i);
  });

  it('"Harwick, which said it spent ...": the company called again by its first word', () => {
    expect(first('how much did Harwick Consolidated Industries spend buying into Tessel?')).toMatch(
      /^2\.4 mln/,
    );
  });

  it('"central bank president Ivo Marran": the kind of body before a lowercase title', () => {
    expect(first('who is Ivo Marran?')).toMatch(/central bank president/);
  });

  it('"The actor, who was born in Ardo": a sentence that calls the story\'s subject by a role', () => {
    expect(first('Was Lio Marsh born in Vellmar?')).toMatch(/^No\b/);
  });

  it('"with victory over X": whom she beat', () => {
    expect(first('who did Tessa Marr beat in the final in Vellport?')).toMatch(/^Lena Kovic/);
  });

  it('"set to join Arden on a month\'s loan": where he is going', () => {
    expect(first('where is Kessel Rovers keeper Tom Hale going on loan?')).toMatch(/^Arden/);
  });

  it('"vanished ... on 3 March 1995", asked when he went missing', () => {
    expect(first('when did Rob Ellery of The Night Lanterns go missing?')).toMatch(/^3 March 1995/);
  });

  it('"40 Aerion 520-300 planes": the model\'s number counts nothing', () => {
    expect(first('how many Aerion planes has Skyline ordered?')).toMatch(/^40\b/);
  });

  it('"is expected to fetch up to 2m dlrs" is no price it sold for', () => {
    expect(first("How much did Ada Rell's guitar sell for at the auction?")).toMatch(/doesn't say/);
  });

  it('"..., the President of the Gulf Bankers Union said. Omar Haddad told ...": the title before the name', () => {
    expect(first('who is Omar Haddad?')).toMatch(/President of the Gulf Bankers Union/);
  });

  it('"had pulled out of the talks" answers No to taking part', () => {
    expect(first('Is Dornish trade minister Paul Lemay taking part in the trade talks in Vellport?')).toMatch(
      /^No\b/,
    );
  });

  it('"first identified by Dr. Ann Corder" answers who discovered it', () => {
    expect(first('who discovered Peptide Q?')).toMatch(/Ann Corder/);
  });

  it('"The company said the rejection ... led Harlan to conclude ...": the cause, asked why', () => {
    expect(first('why is Harlan shutting its Dorne and Vellport tyre plants?')).toMatch(
      /^The rejection of its wage offer/,
    );
  });

  it('a lesser sentence in which a spokesman "declined to say how many" leaves the count another gives', () => {
    expect(first('how many pairs of fake Ardo trainers have Kessel customs sent back?')).toMatch(/^80,000/);
  });

  it('"born in nearby Rowley", where the archive also knows a person called Rowley', () => {
    expect(first('where was Amos Pell born?')).toMatch(/^Rowley/);
  });

  it('"the Venn-directed episode will be broadcast on 21 May", asked when it will be shown', () => {
    expect(first("when will Arlo Venn's episode of Night Court Files be shown in Dornland?")).toMatch(
      /^21 May/,
    );
  });
});
