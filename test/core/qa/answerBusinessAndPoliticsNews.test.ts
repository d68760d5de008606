/**
 * Forms of business, politics and sports news: a place before a title ("Hong Kong director X") is
 * not the body asked about; "for personal reasons"; a sum "sought" in a suit; an age and only an
 * age for "how old"; "what was the score when ...?" needs a score; "fly out" is leaving; the
 * question's own words are no answer; "emerged as the auction winner" beside "had been expected
 * to win". Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'mp.txt': [
    'Tory MP To Quit',
    'Tory MP Alan Preece is to stand down on the grounds of ill health.',
    'The decision comes after Mr Preece survived an attempt to de-select him.',
  ].join('\n\n'),
  'tobacco.txt': [
    'Court Throws Out Tobacco Claim',
    "A government claim accusing Vellport's biggest tobacco companies of covering up the effects of smoking has been thrown out by an appeal court.",
  ].join('\n\n'),
  'stores.txt': [
    'Kessel To Buy Marsh For $11bn',
    "Vellish retail giant Kessel Department Stores is to buy rival Marsh Department Stores for $11bn. The deal will bring together famous stores like Lacy's, Bloom's and Ferris's, creating the largest chain in Vellport.",
  ].join('\n\n'),
  'offer.txt': [
    'Vellmart gets takeover offer',
    'Vellmart Stores, the second-largest electronics retailer in Vellport, has received a $3.25bn (£1.7bn) takeover offer.',
    "The bid has come from Ostby-based private investment firm Kessel Capital Management, which already owns 6.7% of Vellmart's shares. Shares in the retailer were up 19.6% at $17.04 in Tuesday morning trading in Vellport following the announcement. Kessel said that it intends to take the Ostby-based firm private.",
  ].join('\n\n'),
  'delegation.txt': [
    'Firms Lobby Over Listing Rules',
    'A delegation of firms lobbied regulators on Monday. It was led by Ian Holt, director general of the Vellish Business Federation, and included representatives of Kessel Foods.',
  ].join('\n\n'),
  'kessel.txt': [
    'Kessel Foods Profits Rise',
    'Underlying profits at Kessel Foods rose 1% in 2004.',
    '"We are confident of our goals for 2005," said chief executive Amy Ross.',
  ].join('\n\n'),
  'wedding.txt': [
    'Singer To Wed',
    "Pop star Lina Marr is to marry music executive Tom Brack, the singer's agent has confirmed.",
    'Brack, 26, proposed to the singer on holiday.',
  ].join('\n\n'),
  'tender.txt': [
    'Ostby Air Bids For Dorne Courier',
    'Ostby Air Freight Corp said it plans to begin tomorrow a 40 dlr a share tender offer for 83 pct of Dorne Courier Corp.',
  ].join('\n\n'),
  'settlement.txt': [
    'Vell Bank In $515m FSB Settlement',
    'Five Vell Bank subsidiaries have agreed to pay a total of $515m to settle an investigation into share trading.',
    'The practice harms the interests of small investors, with whom such funds are popular.',
    'Separately, the FSB agreed a separate deal totalling $375m with Kessel Capital, a rival firm.',
  ].join('\n\n'),
  'fraud.txt': [
    'Vellcare Founder Faces Trial',
    'Former Vellcare boss Ronald Skerry, 52, is accused of directing a $2.7bn accounting fraud at the company he co-founded.',
    'Several former Vellcare employees have already pleaded guilty to fraud and are expected to give evidence against Mr Skerry.',
  ].join('\n\n'),
  'film.txt': [
    'Directors Guild Nominees Named',
    "Nominees for best foreign film include Spain's Pedro Almodovar for Bad Education and Hong Kong director Wong Kar-Wai for 2046.",
  ].join('\n\n'),
  'rugby.txt': [
    'Hong Kong In World Cup Bid',
    'But Hong Kong Rugby Football Union (HKRFU) chairman John Molloy has called for the territory to host one of the pools.',
  ].join('\n\n'),
  'spurs.txt': [
    'Santo Resigns As Harrow Manager',
    'Harrow manager Jacques Santo has resigned for "personal reasons".',
    'A meeting of the board is due to be held next week to discuss a replacement.',
  ].join('\n\n'),
  'suit.txt': [
    'Jonas Files Lawsuit',
    'The Olympic gold medallist Marla Jonas says Conti damaged her reputation and she is seeking $25m (£13m) in the suit.',
  ].join('\n\n'),
  'nissan.txt': [
    'Carmaker Names Successor',
    'Kessel Motors, which owns 44% of the carmaker, said Toshi Shigo would run it on a daily basis.',
    'Shigo is a lifetime employee of the firm.',
  ].join('\n\n'),
  'cup.txt': [
    'Yeadon Face Newcastle In Cup',
    'Premiership side Newcastle United face a trip to league leaders Yeadon in the FA Cup third round.',
  ].join('\n\n'),
  'lions.txt': [
    'Campbell To Be Lions Consultant',
    'The Lions leave for New Zealand on 24 May, with the first Test in Christchurch on 25 June.',
    "Tony Blair's former spin doctor was hired after the last Lions tour of Australia in 2001.",
  ].join('\n\n'),
  'gift.txt': [
    "Lord Sainsby's Election Gift",
    'Science Minister Lord Sainsby has made a £2m donation to the Labour Party for its General Election fund.',
  ].join('\n\n'),
  'auction.txt': [
    'Mystery Surrounds New Owner',
    'Gazprom had been expected to win the auction for Yugneft but is thought to have failed to get finance for the deal.',
    'Baikal Finance Group emerged as the auction winner, agreeing to pay 260.75bn roubles.',
  ].join('\n\n'),
  'run.txt': [
    "O'Hare Commits To Dublin Race",
    "Sonia O'Hare will seek to regain her title at the Bupa Great Ireland Run on 9 April in Dublin.",
  ].join('\n\n'),
  'mogul.txt': [
    'Dornish Mogul Arrested For Fraud',
    "One of Dorne's best-known businessmen was arrested on Thursday on charges of falsifying shareholder information.",
    "Yoshi Tsumura was once ranked as the world's richest man and ran a business spanning hotels and railways.",
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('business, politics and sports news', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('"Hong Kong director Wong Kar-Wai" does not head the Hong Kong Rugby Football Union', () => {
    expect(first('who heads the Hong Kong Rugby Football Union?')).toMatch(/^John Molloy/);
  });

  it('"resigned for personal reasons" is the reason; "due to be held" is none', () => {
    expect(first('why did Jacques Santo quit as Harrow manager?')).toMatch(/personal reasons/);
  });

  it('"she is seeking $25m in the suit": a sum sought is asked with "how much"', () => {
    expect(first('how much is Marla Jonas seeking in her suit against Conti?')).toMatch(/^\$25m/);
  });

  it('"how old?" is answered by an age, never by a share', () => {
    expect(first('how old is Toshi Shigo?')).not.toMatch(/44/);
  });

  it('"led by Ian Holt, director general of the Vellish Business Federation": he heads another body', () => {
    expect(first('Who heads Kessel Foods?')).toMatch(/^Amy Ross/);
  });

  it('a share price after a rise is no offer, and "per share" asks for a sum said per share', () => {
    expect(first('How much per share is Kessel offering for Vellmart?')).toMatch(/doesn't say/);
    expect(first('How much is Kessel offering for Vellmart?')).toMatch(/^\$3\.25bn/);
    // A currency word between the sum and "a share": "a 40 dlr a share tender offer".
    expect(first('how much a share did Ostby Air offer for Dorne Courier?')).toMatch(/^40\b/);
  });

  it('a buyer sharing the asked one\'s generic words ("Department Stores") is still another body', () => {
    expect(first('Who is buying Marsh Department Stores?')).toMatch(/^Kessel/);
  });

  it('"to stand down on the grounds of ill health": why he stood down', () => {
    expect(first('Why did Alan Preece stand down as an MP?')).toMatch(/ill health/);
  });

  it('"thrown out by an appeal court", asked whether the court backed the claim: No', () => {
    expect(first("Did the appeal court back the government's tobacco claim?")).toMatch(/^No\b/);
  });

  it('"who is X engaged to?" asks for the one she is to marry', () => {
    expect(first('Who is Lina Marr engaged to?')).toMatch(/^Tom Brack/);
  });

  it('a lead sentence tells of what its title names: "$515m FSB Settlement" / "agreed to pay $515m"', () => {
    expect(first('How much are the Vell Bank subsidiaries paying to settle the FSB probe?')).toMatch(
      /^\$515m/,
    );
  });

  it('"what was X\'s salary at Y?": a sentence that never speaks of a salary gives none', () => {
    expect(first("What was Ronald Skerry's salary at Vellcare?")).toMatch(/doesn't say/);
  });

  it('"what was the final score when ...?": a sentence without a score gives none', () => {
    expect(first('what was the final score when Yeadon played Newcastle in the FA Cup third round?')).toMatch(
      /doesn't say/,
    );
  });

  it('"fly out" is leaving: "The Lions leave for New Zealand on 24 May"', () => {
    expect(first('when do the Lions fly out to New Zealand?')).toMatch(/^24 May/);
  });

  it('the question\'s own words are no answer: not "General Election"', () => {
    expect(first('who gave Labour £2m for its general election fund?')).toMatch(/Sainsby/);
  });

  it('"emerged as the auction winner" beats "had been expected to win"', () => {
    expect(first('who won the auction for Yugneft?')).toMatch(/^Baikal Finance Group/);
  });

  it('"when is it taking place?": the date of the event, in a sentence that never says "take place"', () => {
    expect(first('when is the Bupa Great Ireland Run in Dublin taking place?')).toMatch(/^9 April/);
  });

  it('"One of Dorne\'s best-known businessmen was arrested ... Yoshi Tsumura was once ...": the lead says what happened to him', () => {
    const text = renderText(bot.answer({ text: 'what happened to Yoshi Tsumura?' }));
    expect(text.split('\n')[0]).toMatch(/was arrested/);
    expect(text).toMatch(/Yoshi Tsumura was once/);
  });
});
