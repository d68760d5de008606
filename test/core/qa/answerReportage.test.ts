/**
 * Forms seen in agency and broadcast news: where a company is based ("Montreal-based X", "X, of
 * Arlington, Virginia,"), counts over time ("65 lives a year"), and initials the archive never
 * writes. Texts of their own, written in that style.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'papers.txt': [
    'Harwell Buys Newspaper Group',
    'Harwell Publishing Inc said it agreed to buy Veritel Media for 50 mln dlrs.',
    'Analysts said Harwell Publishing might have been able to pay about 30 mln dlrs for Veritel Media last year.',
    'Kessel-based Veritel is the third largest newspaper group in the province, with daily papers in Dorne City, Vale and Marrow.',
    '<Tarvo Voice Systems Inc> said it sued Brannock Co, charging the company with copying its messaging system.',
    'Tarvo said Brannock tried to drive the Lindale, Tenn.-based company out of the market.',
  ].join('\n\n'),
  'contract.txt': [
    'Builder Quits Road Scheme',
    'Ostrand Engineering, of Bellmoor, Virginia, heads a group of firms working on the road scheme.',
    'The firm said the work could not be done at the agreed cost, and it would leave the scheme in March.',
  ].join('\n\n'),
  'limit.txt': [
    'Lower Limit Would Save Lives',
    'Research from Kestrel Institute of Road Studies claims cutting the speed limit in towns to 20mph would save 41 lives a year.',
    'A previous estimate suggested such a move could save 30 lives a year.',
  ].join('\n\n'),
  'bourse.txt': [
    'Kessel Bourse Closes Early',
    'The Kessel Stock Exchange closed half an hour early under a pile of unfilled orders, exchange officials said.',
    'As traders stayed on the floor, Exchange Chairman Rolf Tamm told a news conference trading would begin on time.',
  ].join('\n\n'),
  'debt.txt': [
    'Ostland Seeks Funds For Its Military Debts',
    'Ostland is trying to persuade banks to buy its military debts to the United States, an official said.',
    'He said talks with three banks had gone well, and more would follow in May.',
    'Ostland owes the U.S. 2.5 billion dlrs in military debt, on which it pays about 14 pct interest.',
  ].join('\n\n'),
  'options.txt': [
    'Kessel Options Exchange Nears Launch',
    'Preparations for the launch of an options exchange in Kessel, the first electronic market of its kind, are at an advanced stage.',
    'The Kessel Options Exchange (Koptex) will bring new instruments and electronic trading to a conservative market.',
    'Banks themselves took the initiative last year of launching warrants on the shares of other companies.',
    'The new market, due to start operating in March 1989, follows a series of innovations by the bourses in Dorne and Vale.',
  ].join('\n\n'),
  'visas.txt': [
    'Visa Checks Rushed, MPs Say',
    'Pressure was placed on staff to be quick rather than thorough, the Public Audit Committee found.',
    'Every officer had a yearly target of 8,000 applications.',
    'Committee chairman Edwin Larch said: "There is a worrying tension between speed and control."',
  ].join('\n\n'),
  'vision.txt': [
    'Marlo Spins Off Lens Unit',
    '<Marlo Ltd> announced the formation of its Marlo Lens Group. The Swiss-based drug maker said the new group was formed from its U.S. division.',
    'Ann Pike said the group will be based outside of Dorne, near its research centre.',
  ].join('\n\n'),
  'dealers.txt': [
    'Dealers Urge One Share, One Vote',
    'The National Association of Bond Dealers said all exchanges should adopt a one share, one vote rule.',
    'In a letter to the commission, NABD President Gordon Mack said the group would be happy to be the first.',
  ].join('\n\n'),
  'perfume.txt': [
    'Dornco Profit Rises',
    'Dornco said its profit rose 12 pct in the first quarter.',
    'Its drug sales grew strongly.',
    'Dornco last year sold its Ritzel Perfumes business to Anne Marchal for 630 mln dlrs, and Belton Plc said last month it was selling its Monteil unit to Raylon Group.',
  ].join('\n\n'),
  'thrift.txt': [
    'Regulator Backs Thrift Fund Plan',
    "The Administration's 15 billion dlr plan to recapitalize the Federal Thrift Deposit Insurance Corporation is needed to keep the industry sound, a top regulator said.",
    'He spoke to a meeting of savings bankers in Dorne.',
    'Thrifts pay a premium to the fund each year, he said.',
    'He said the FTDIC had lost money for three years.',
  ].join('\n\n'),
  'stake.txt': [
    'Dornbrew Talks Continue',
    'Dornbrew spent 584m dlrs on buying an 18.8% stake in Vellcorp from the Oat family.',
    'The two companies held four days of talks after the purchase.',
  ].join('\n\n'),
  'obituary.txt': [
    'Creator of first Orchard computer dies',
    'Jon Raskel, head of the team behind the first Orchard computer, has died.',
    'Mr Raskel was diagnosed in December with cancer and died on 26 February at his home in Dorne.',
  ].join('\n\n'),
  'chips.txt': [
    'Chip Deal Failure Seen Making Buyers Wary',
    "Dornco Ltd's <DRN.N> decision to end an agreement in principle for Vellum Inc to buy 80 pct of its Kestrel Chips unit will make foreign buyers more cautious, analysts said.",
    '"The purchase was not essential to Vellum, but it would have been a great boost," analyst Tom Marsh of Kessel Securities said.',
  ].join('\n\n'),
  'recall.txt': [
    'Harwell Motors recalls diesel cars',
    'Harwell Motors is to recall all cars fitted with a faulty diesel fuel pump supplied by parts maker Dornco.',
    'The faulty part does not represent a safety risk, and the recall only affects pumps made in May.',
  ].join('\n\n'),
  'poll.txt': [
    'Hale wins top TV moment',
    "Sprinter Ann Hale's Olympic victory has been named the top television moment of 2004 in a Kessel TV poll.",
    "Tara Lind's dancing win was top entertainment moment and a comedy sketch won the comedy prize.",
  ].join('\n\n'),
  'port.txt': [
    'Dorne Port Strikes Go On',
    "The campaign of lightning strikes in the port's grain sector began on January 19 in protest at plans for 800 job cuts by 1990.",
  ].join('\n\n'),
  'drug.txt': [
    'Harwell Sees Strong Drug Sales',
    'Sales will rise with the launch of 90 mg Kelvadol tablets, Harwell said.',
    'Analyst Ross said that Kelvadol, which treats migraine, is also expected to be approved for back pain.',
  ].join('\n\n'),
  'agency.txt': [
    'Kestrel News Profits Rise',
    'Kestrel News said its profits rose 12% in 2004.',
    '"Strong cost discipline paid off," said chief executive Tom Glover.',
  ].join('\n\n'),
  'bid.txt': [
    'Ad Group Eyes Research Unit',
    'Chief Executive Martin Sorley on Friday told Kestrel News agency that Brandco had made an offer for the unit.',
    'Hedge funds plan to replace Dorne Bank chairman Rolf Brenner and chief executive Walt Seifen.',
  ].join('\n\n'),
  'gig.txt': [
    'Band Reschedules Dorne Show',
    'The band will play in a tent on Dorne Green on Tuesday, 14 June.',
    'They had to pull out of a show at the Dorne Hall last month after their singer fell ill.',
    'Fans who bought tickets for the original 22 February show can attend the rescheduled concert.',
  ].join('\n\n'),
  'counterbid.txt': [
    'Dornco Says It Is Proceeding With Offer',
    'Dornco Ltd <DRN.S> intends to proceed with its planned bid for Vellcorp Ltd despite the counter-bid from Tasman, Dornco director Gene Hart told Reuters.',
    'Hart said Dornco had no plans to raise its bid, and said a higher price would be hard to justify.',
  ].join('\n\n'),
  'club.txt': [
    'Anel sorry for criticising Dorne City',
    'Dorne City striker Nico Anel has apologised for criticising the ambitions of the club.',
    'Anel was quoted as saying he would like to play for a bigger club.',
    'But chairman John Wardell said: "We are a big club, and Nico knows it."',
  ].join('\n\n'),
  'tea.txt': [
    'Kessel Sets No Tea Export Target',
    'Kessel has no set target for its tea exports this year, President of the Kessel Tea Board, KTB, Orla Venn said.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('reportage forms', () => {
  it('"Kessel-based Veritel": where it is based, before the other places the sentence names', () => {
    expect(first('where is Veritel Media based?')).toMatch(/^Kessel/);
  });

  it('"the Lindale, Tenn.-based company": the company the sentence speaks of', () => {
    expect(first('where is Tarvo Voice Systems based?')).toMatch(/^Lindale, Tenn\./);
  });

  it('"X, of Bellmoor, Virginia,": where it is based, though the text never says "based"', () => {
    expect(first('where is Ostrand Engineering based?')).toMatch(/^Bellmoor, Virginia/);
  });

  it('"how many lives a year": the lives are counted, not the years', () => {
    expect(first('how many lives a year would cutting the town speed limit to 20mph save?')).toMatch(/^41\b/);
  });

  it('"President of the X Board, KTB, Orla Venn said": the holder after the body\'s initials', () => {
    expect(first('who is the president of the Kessel Tea Board?')).toMatch(/^Orla Venn/);
  });

  it('"Exchange Chairman Rolf Tamm": the asked body called by its last word before the title', () => {
    expect(first('who is the chairman of the Kessel Stock Exchange?')).toMatch(/^Rolf Tamm is the chairman/);
  });

  it('"the United States", where the sentence with the sum writes "the U.S."', () => {
    expect(first('how much military debt does Ostland owe the United States?')).toMatch(/^2\.5 billion/);
  });

  it('"The new market, due to start operating in March 1989": a sentence that refers back to what the story is about', () => {
    expect(first('when is the Kessel options exchange Koptex supposed to start operating?')).toMatch(
      /^March 1989/,
    );
  });

  it('"Committee chairman Edwin Larch", asked who chairs the Public Audit Committee: the body by its own generic word', () => {
    expect(first('who chairs the Commons Public Audit Committee?')).toMatch(/^Edwin Larch/);
  });

  it('"the Swiss-based drug maker" says where another is based, not the asked group', () => {
    expect(first("where will Marlo's Lens Group be based?")).toMatch(/^Dorne/);
  });

  it('"NABD President Gordon Mack": the asked body written as its initials before the title', () => {
    expect(first('who was the president of the National Association of Bond Dealers?')).toMatch(
      /^Gordon Mack\b/,
    );
  });

  it('"who bought X from Y?" is answered by "Y sold X to Z"', () => {
    expect(first('who bought Ritzel Perfumes from Dornco?')).toMatch(/^Anne Marchal/);
  });

  it('"how big is the plan to recapitalize the FTDIC?": the size asked, the initials spelled out in the sentence', () => {
    expect(first("how big is the Administration's plan to recapitalize the FTDIC?")).toMatch(/^15 billion/);
  });

  it('a sum that might have been paid is not the one paid', () => {
    expect(first('how much will Harwell Publishing pay for Veritel Media?')).toMatch(/^50 mln/);
  });

  it('"Did X buy the whole of Y?" against "an 18.8% stake in Y": No', () => {
    expect(first('Did Dornbrew buy the whole of Vellcorp?')).toMatch(/^No\b/);
  });

  it('"died on 26 February" gives no age', () => {
    expect(first('how old was Jon Raskel when he died?')).toMatch(/doesn't say/);
  });

  it('"who called off the deal?" is answered by "X\'s decision to end the agreement"', () => {
    expect(first('who called off the deal for Vellum to buy Kestrel Chips?')).toMatch(/^Dornco Ltd\b/);
  });

  it('a sentence about as good that denies what the best one leaves unsaid settles a yes/no', () => {
    expect(first("Does the faulty Dornco diesel fuel pump in Harwell's cars pose a safety risk?")).toMatch(
      /^No\b/,
    );
  });

  it("a yes/no is shown with the sentence that names who is asked about, not another's win", () => {
    expect(
      first("Was Ann Hale's Olympic win voted the top TV moment of 2004 in the Kessel TV poll?"),
    ).toMatch(/^Yes: Sprinter Ann Hale/);
  });

  it('"by 1990" is a deadline, not when it happened', () => {
    expect(first("when did the strikes in Dorne port's grain sector start?")).toMatch(/^January 19/);
  });

  it('"what is X?" is answered by "X, which treats migraine,"', () => {
    expect(first('what is Kelvadol?')).toMatch(/^Kelvadol: it treats migraine/);
  });

  it('the organisation told ("told Kestrel News agency") is not whose title it is', () => {
    expect(first('who is the chief executive of Kestrel News?')).toMatch(/^Tom Glover/);
  });

  it('the title right before a name is the one it holds ("chairman Rolf Brenner and chief executive Walt Seifen")', () => {
    expect(first('who is the chief executive of Dorne Bank?')).toMatch(/^Walt Seifen/);
  });

  it('"the original 22 February show" is the date before it was moved', () => {
    expect(first("when is the band's rescheduled concert on Dorne Green?")).toMatch(/^14 June/);
  });

  it('the sentence that settles a claim may name a speaker without the bodies asked about', () => {
    expect(first('Is Dornco planning to raise its bid for Vellcorp?')).toMatch(/^No: Hart said/);
  });

  it('"But chairman John Wardell said", in the asked club\'s own story, names its chairman (shown with the sentence)', () => {
    expect(first('who is the chairman of Dorne City?')).toMatch(
      /^John Wardell, it seems: But chairman John Wardell said/,
    );
  });

  it('initials the archive never writes anchor nothing ("the KIRS research")', () => {
    expect(first('according to the KIRS research, how many lives a year would a 20mph limit save?')).toMatch(
      /^41\b/,
    );
  });
});
