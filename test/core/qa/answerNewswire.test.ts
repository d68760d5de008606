/**
 * Newswire copy, as agencies write it: "mln dlrs", "pct", stock codes in angle brackets, a bare
 * company title, days in words. Texts of their own, written in that style for these tests.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { analyzeQuestion } from '../../../src/core/qa/analyzeQuestion.ts';
import { predicateOfAnother } from '../../../src/core/qa/pickAnswer.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'hotel.txt': [
    'Harlow Air Completes Hotel Purchase',
    'Harlow Air Inc said it completed the purchase of Marsden Hotels Co for 412.5 mln dlrs in cash and 1.5 mln shares of its common stock.',
    'Consolidated net profit of Ste Brunel des Ponts <BRNP.PA> is likely to rise by at least 8 pct this year, Chairman Louis Ferrand told a news conference.',
  ].join('\n\n'),
  'printer.txt': [
    'Norrix Unveils New Printer',
    'Norrix Corp said it unveiled the Norrix Inkline 3 printer, the next generation of its printer line.',
    'The company said the Inkline 3 offers more than earlier models, but at 1,995 dlrs, costs 400 dlrs less than previous machines.',
  ].join('\n\n'),
  'offer.txt': [
    'Tellant Rejects Offer',
    "Tellant Inc said its board rejected a 28 dlrs per share unsolicited tender offer for the company's stock from Vossberg AG <VOSG.F>, which already holds 12.1 pct of the stock.",
  ].join('\n\n'),
  'reserves.txt': [
    'Ostland Reserves At Record',
    "Ostland's foreign exchange reserves have hit a record high, central bank officials said.",
    'Central bank governor Piet Vander told reporters the reserves totalled about 61 billion dlrs, compared with about 40 billion a year ago.',
    'Carvel Stores said that its purchase of the tendered shares gives it a 23.4 pct stake in Hollin Mills.',
  ].join('\n\n'),
  'strike.txt': [
    'Miners Strike At Dunmore',
    'Output at the Dunmore mine has been shut down since the workers went on strike May nine.',
    'A flood in the lower galleries led the company to suspend shipments for a month.',
  ].join('\n\n'),
  'exchange.txt': [
    'Bourse Members Reject Petition',
    'Members of the Kestrel Commodity Exchange (KCE) rejected a petition to ban dual trading, the exchange said.',
    'Anna Lindqvist, KCE board chairman, said in a statement the petition would have hurt liquidity.',
    "The U.S. Department of Shipping said it gave final approval to Harlow Air's purchase of Marsden Hotels.",
    'The agency said it rejected an assertion by Coastline Travel, which plans to start service to the same cities.',
  ].join('\n\n'),
  'session.txt': [
    'Exchange Delays Night Session',
    'The Kestrel exchange board voted to postpone the start of its first evening trading session until May 14 from May 2, the exchange said.',
    'The board accepted a committee recommendation on the session, which was originally scheduled to start May 2.',
    'Island car exports to the Union so far this year jumped over 30 pct, officials said.',
    'The island had set an unofficial 10 pct rise in car exports to the Union this year.',
  ].join('\n\n'),
  'notes.txt': [
    'Debt Talks Narrow',
    'Ostland proposed partial payment of interest in new Ostland investment notes (OINs) instead of in cash, officials said.',
    'Central bank president Marta Oduya said the talks would go on.',
    'Last year, Norrix spent a total of 2.13 billion dlrs on research, 341 mln dlrs of it abroad.',
    'At the end of 1986, there were 151 licenced banks in Ostland.',
    'The company will keep the plant, located in Hawesville, about 60 miles west of Louisville.',
    'Tellant filed suit against Vossberg yesterday in U.S. District Court in Wilmington, Del.',
  ].join('\n\n'),
  'people.txt': [
    'Changes At The Top',
    'Marco Bellini has replaced Hans Dorfer as chief executive of Velta Motors, with Mr Dorfer leaving the firm.',
    'Jane Amory, the MP for Ribble Vale, was attacked in a park in the capital, Kessel.',
    'Eight protesters have been charged with disorderly conduct after the debate.',
    "Sky Kessel's managing director Arun Pal said the airline would grow.",
    'Unilax reported "unsatisfactory" earnings for 2004.',
    'It blamed the poor results on a wet summer and slow decisions.',
  ].join('\n\n'),
  'blast.txt': [
    'Blast At Police Depot',
    'Two recruits were killed and 30 were hurt when a bomb was thrown onto a parade ground in the township this morning, police said.',
    'The device was thrown from a passing car as recruits were on parade at the Kessel police depot, police said.',
    'Harrow Power and Light Co said its board has decided to cancel the coal-fired Wexley Unit Two.',
    'Harrow Power said Wexley Unit Two was projected to cost about 600 mln dlrs.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('newswire copy', () => {
  it('"412.5 mln dlrs" is a sum of money, and "how much cash" asks for one', () => {
    expect(first('how much cash did Harlow Air pay for Marsden Hotels?')).toMatch(/^412\.5 mln dlrs/);
  });

  it('"costs 400 dlrs less than" is a difference, not the price', () => {
    expect(first('how much does the Norrix Inkline 3 cost?')).toMatch(/^1,995 dlrs/);
  });

  it('a stock code in angle brackets is no name, and "an offer from X" names who made it', () => {
    const line = first('who made the 28 dollar a share tender offer for Tellant?');
    expect(line).toMatch(/^Vossberg AG/);
    expect(line).not.toMatch(/VOSG/);
  });

  it('a bare company title is held at the company the sentence names before it', () => {
    expect(first('who is Louis Ferrand?')).toMatch(/Chairman of Ste Brunel des Ponts/);
  });

  it('an amount no sentence gives for the reserves, where another of its size is given, is a No', () => {
    expect(
      first("Did the central bank governor put Ostland's reserves at around 75 billion dollars?"),
    ).toMatch(/^No\b/);
    expect(
      first("Did the central bank governor put Ostland's reserves at about 61 billion dollars?"),
    ).toMatch(/^Yes\b/);
  });

  it('a majority stake against a 23.4 pct stake is a No', () => {
    expect(first('Did Carvel Stores end up with a majority stake in Hollin Mills?')).toMatch(/^No\b/);
  });

  it('a day in words after its month is a date', () => {
    expect(first('when did the Dunmore strike start?')).toMatch(/^May nine/);
  });

  it('"The device was thrown ... at the Kessel depot" is told after the sentence it refers back to', () => {
    expect(first('what happened at the Kessel police depot?')).toMatch(/bomb/);
  });

  it('what happened to a thing: the sentence where it is acted on', () => {
    expect(first("what happened to Harrow Power's Wexley Unit Two?")).toMatch(/cancel/);
  });

  it('a date something was moved from, or was originally set for, is not when it is now', () => {
    expect(first("when is the Kestrel exchange's evening trading session going to start now?")).toMatch(
      /^May 14/,
    );
  });

  it('a share claimed against the share the text gives with a verb of the same sense is a No', () => {
    expect(first('Have island car exports to the Union only gone up about 10 pct so far this year?')).toMatch(
      /^No\b/,
    );
  });

  it('letters in brackets spell out the words before them, plural or not', () => {
    expect(first('what are the OINs in the Ostland debt talks?')).toMatch(/^OINs: Ostland investment notes/);
  });

  it('"Central bank president X": the body is part of the title', () => {
    expect(first('who is Marta Oduya?')).toMatch(/Central bank president/);
  });

  it('"a total of" makes the number the whole', () => {
    expect(first('how much did Norrix spend on research last year?')).toMatch(/^2\.13 billion/);
  });

  it('British and American spellings are one word', () => {
    expect(first('how many licensed banks did Ostland have at the end of 1986?')).toMatch(/^151\b/);
  });

  it('"located in" says where a thing is, and a court keeps its town', () => {
    expect(first("where is Norrix's plant?")).toMatch(/^Hawesville/);
    expect(first('where did Tellant sue Vossberg?')).toMatch(/Wilmington/);
  });

  it('"took over from X" is "replaced X"; "which MP ...?" asks for a person', () => {
    expect(first('who took over from Dorfer as boss of Velta Motors?')).toMatch(/^Marco Bellini/);
    expect(first('which MP was attacked in a park in Kessel?')).toMatch(/Jane Amory/);
  });

  it('a charge with another object than the one claimed is a No', () => {
    expect(first('Were the protesters charged with trespassing?')).toMatch(/^No\b/);
  });

  it('"Sky Kessel\'s managing director X": the whole title and whose it is', () => {
    expect(first('who is Arun Pal?')).toMatch(/Sky Kessel's managing director/);
  });

  it('"blamed the poor results on X" gives X as the reason', () => {
    expect(first("why did Unilax's earnings disappoint in 2004?")).toMatch(/wet summer/);
  });

  it('a name asked in full is found where the text writes its initials', () => {
    expect(first('who chairs the Kestrel Commodity Exchange board?')).toMatch(/^Anna Lindqvist/);
  });

  it('"the Department of Shipping said it gave final approval" names one body, the doer', () => {
    expect(first('who gave final approval for Harlow Air to buy Marsden Hotels?')).toMatch(
      /^(?:U\. ?S\. )?Department of Shipping/,
    );
  });

  it('"X led the company to suspend shipments" gives X as the reason', () => {
    expect(first('why did the Dunmore mine stop shipments?')).toMatch(/flood/i);
  });
});

describe('newswire: initials written with full stops', () => {
  const wire = makeCorpus({
    'tariffs.txt': [
      'Chip Dispute Deepens',
      'The U.S. Has threatened to impose tariffs on Ostland electronics exports in retaliation for what it says is a failure to honour a chip pact.',
      'U.S. Tariffs are due to take effect on April 17.',
      'Ostland officials said they would send a trade mission to Washington this week.',
    ].join('\n\n'),
  });
  const { bot } = openKnowledge(wire);
  afterAll(removeCorpora);

  it('takes "U.S. Tariffs are due" for the asked tariffs, not another\'s', () => {
    const asked = analyzeQuestion('when are the US tariffs supposed to take effect?');
    expect(predicateOfAnother('U.S. Tariffs are due to take effect on April 17.', asked)).toBe(false);
  });

  it('dates the act of "the US tariffs" from a sentence that writes "U.S. Tariffs"', () => {
    const text = renderText(
      bot.answer({ text: 'when are the US tariffs on Ostland electronics supposed to take effect?' }),
    );
    expect(text.split('\n')[0]).toMatch(/April 17/);
  });
});
