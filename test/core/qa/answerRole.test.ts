/** Role questions on a text of their own, where no other article's words weigh in. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'match.txt': [
    'Charity match planned',
    '"The Kilbride Rugby Union has thrown its support behind a charity match," the statement said.',
    'Harbour director of rugby Tom Reed, though, believes the date is wrong for his players.',
    'KRU chief executive Gary Flint said the match would raise money for the flood appeal.',
  ].join('\n\n'),
  'dividend.txt': [
    'VANTEL &lt;V> CHAIRMAN SAYS DIVIDEND WILL NOT BE CUT',
    'Vantel Telephone and Telegraph Co does not plan to reduce its quarterly dividend.',
  ].join('\n\n'),
  'rates.txt': [
    'Central bank rules out rate cut',
    'Bank of Kilbride governor Satoshi Sumira ruled out another discount rate cut, saying the currency was stable.',
  ].join('\n\n'),
  'report.txt': [
    'Panel urges reform',
    'The report was drawn up by a panel led by former Bank of Kilbride Governor Haruo Makawa.',
  ].join('\n\n'),
  'campaign.txt': [
    'Howes to tour country',
    'Mr Howes will host a news conference every morning, Tory co-chairman Liam Vox said. On Mrs Howes\'s role, Mr Vox said: "Sandra has already been campaigning with Michael Howes during the election campaign."',
    'The Tories expect a close result.',
  ].join('\n\n'),
  'talks.txt': [
    'Turkey and Greece moving towards talks',
    'Turkish Prime Minister Turgut Ozal said Turkey and Greece were moving towards talks.',
    'He was speaking after talks with Turkish Ambassador to Athens Nazmi Akiman, who arrived last night.',
  ].join('\n\n'),
  'papers.txt': [
    'Printers to lose jobs',
    'Harbour & General Workers Union general secretary Tom Vale said mergers always cost jobs.',
    '"Managers have torn up agreed procedures," said Nora Quill, NPU General Secretary.',
    'The National Printers Union said it would ballot its members.',
  ].join('\n\n'),
});
const firmsDir = makeCorpus({
  'burgers.txt': [
    'Burger chain sales rise',
    'Sales at Kelm Burgers rose 8% in January.',
    'Chief executive Jim Tanner attributed the rise to the "vitality of our menu".',
  ].join('\n\n'),
  'mines.txt': [
    'Miner rejects bid',
    'Harbour Mining rejected the offer from Tarrow Metals.',
    'Marc Dunne, an executive at Tarrow Metals, said: "We will review the statement."',
    'A report from investment firm Grant Sale values Harbour Mining shares at $7.',
    'Harbour Mining chief executive Ann Rudd said the Tarrow Metals offer was too low, citing Grant Sale.',
  ].join('\n\n'),
});
const clubDir = makeCorpus({
  'dinner.txt': [
    'Writers dine at the Kelm Hotel',
    'The first speaker was Tom Hale, a poet from Kelm.',
    'The second speaker was Harvey Barcus, President of the Dog Writers Association of Kelm.',
  ].join('\n\n'),
});
const bankDir = makeCorpus({
  'bank.txt': [
    'Flood to cost Tarvia $1.3bn',
    'Tarvia faces a $1.3bn bill in 2005 for rebuilding after the floods, its central bank says.',
    'This estimate is preliminary, bank governor Sunil Marand told reporters, and could rise in 2006.',
  ].join('\n\n'),
  'other.txt': [
    'Harbour Bank results',
    'Harbour Bank made a profit of $20m, its chairman Rob Tell said.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('who holds a role', () => {
  it('a headline in capitals names no one by its capitals ("CHAIRMAN SAYS DIVIDEND ...")', () => {
    expect(first('Who is the chairman of Vantel Telephone and Telegraph?')).not.toMatch(/SAYS DIVIDEND/);
  });

  it('of two holders of a role, the one in the story of the time the question names', () => {
    expect(
      first('who was governor of the Bank of Kilbride when it ruled out another discount rate cut?'),
    ).toMatch(/^Satoshi Sumira/);
  });

  it('a name inside the quoted words of another is who the speaker talks about, not the holder', () => {
    expect(first("Who was the Tory co-chairman during Michael Howes's election campaign?")).toMatch(
      /^Liam Vox/,
    );
  });

  it('an envoy named after the place he is posted to; a prime minister of the country is not its envoy', () => {
    expect(first("who's Turkey's ambassador in Athens?")).toMatch(/^Nazmi Akiman is/);
  });

  it('the asked title of the asked organisation, written by its initials before the name', () => {
    expect(first('who is the boss of the Kilbride Rugby Union?')).toMatch(/^Gary Flint/);
  });

  it('the asked title and the asked organisation by its initials after the name; a shared word like "Union" is no match', () => {
    const answer = first('who is the general secretary of the National Printers Union?');
    expect(answer).toMatch(/^Nora Quill/);
    expect(answer).not.toMatch(/Vale/);
  });

  it('the asked title written before the name, beside the asked organisation ("bank governor X")', () => {
    const bank = openKnowledge(bankDir).bot;
    const ask = (q: string) => renderText(bank.answer({ text: q })).split('\n')[0] ?? '';
    expect(ask("who is the governor of Tarvia's central bank?")).toMatch(/^Sunil Marand/);
  });

  it('"Chief executive X" opening a sentence; "an executive at X" is not its chief executive, nor is a name with no title', () => {
    const firms = openKnowledge(firmsDir).bot;
    const ask = (q: string) => renderText(firms.answer({ text: q })).split('\n')[0] ?? '';
    expect(ask('who is the chief executive of Kelm Burgers?')).toMatch(/^Jim Tanner/);
    const tarrow = ask('who is the chief executive of Tarrow Metals?');
    expect(tarrow).not.toMatch(/Dunne|Grant Sale|Rudd/);
  });

  it('"who is in charge of X?" and "who runs X?": its head, by whatever title ("President of ...")', () => {
    const club = openKnowledge(clubDir).bot;
    const ask = (q: string) => renderText(club.answer({ text: q })).split('\n')[0] ?? '';
    expect(ask('who is in charge of the Dog Writers Association of Kelm?')).toMatch(/^Harvey Barcus/);
    expect(ask('who runs the Dog Writers Association of Kelm?')).toMatch(/^Harvey Barcus/);
  });
});
