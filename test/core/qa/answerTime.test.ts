/** "when" questions on a text of their own, where no other article's words weigh in. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'bridges.txt': [
    'The Kilbride bridges',
    'A dinner in honour of the first bridge at Kilbride Island took place on July 4, 1793, in a tavern on the island.',
    'In 1810 the old bridge was torn down and replaced by a chain bridge at Kilbride Island.',
    'This chain bridge proved less durable than the old one. It fell, March 3, 1827, carrying with it a wagon and two men.',
  ].join('\n\n'),
});
// Its own archive: on a corpus this small, every article moves the others' word weights.
const hostDir = makeCorpus({
  'host.txt': [
    'Presenter leaves Pop Hour',
    "Lia Marsh, host of Channel 9's Saturday morning show Pop Hour, is to present her final show.",
    'Marsh will host her last Pop Hour on 5 March, and guests will stand in until a new host is found.',
  ].join('\n\n'),
  'visit.txt': [
    'Minister to attend camp service',
    'Minister Ed Rowe will visit Kelm for the anniversary of the camp, and will be joined by Prince Tam on 27 January.',
    "Critics had called for the prince to go to Kelm for the commemoration of the Allies' 1945 liberation of the camp.",
  ].join('\n\n'),
});
// A thing the archive spells out once ("Game Deck Portable (GDP)") and then writes by its initials.
const consoleDir = makeCorpus({
  'console.txt': [
    'Gamers snap up new Zento console',
    "Gamers have bought almost all of the first batch of Zento's new Game Deck Portable (GDP), which went on sale in Japan on Sunday.",
    'The machine plays games, music and films.',
    'The Game Deck Portable will be released in Europe on 1 May.',
  ].join('\n\n'),
  'code.txt': [
    "Tautel 'to star in Harbour Code film'",
    'French actress Ana Tautel will play the lead in the film adaptation of The Harbour Code, it has been reported.',
    'She also starred in a stage play in 2002.',
    'The $100m movie will be produced by Vellport Pictures and is due for release on May 19, 2006.',
  ].join('\n\n'),
  'lasts.txt': [
    'Kestrel bids for Harbour Lasts',
    'On January 23, Harbour Lasts said its board had recommended a management buyout at 4.50 dlrs a share. On February Six, Kestrel initially offered to acquire Harbour Lasts for five dlrs a share, but the bid failed to comply with the Securities Act of 1934.',
  ].join('\n\n'),
  'launch.txt': [
    'Zento console reaches America in spring',
    'US gamers will be able to buy the handheld from 24 March, at $250.',
    'The firm has sold 800,000 machines so far.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('when', () => {
  it('the date in the sentence that says the asked act ("gave way": "it fell"), though a pronoun names the thing', () => {
    expect(first('when did the chain bridge at Kilbride Island give way?')).toMatch(/March 3, 1827/);
  });

  it('a time owned by a name ("Channel 9\'s Saturday morning show") names a programme, not when', () => {
    const host = openKnowledge(hostDir).bot;
    const answer = renderText(host.answer({ text: "when is Lia Marsh's final Pop Hour show?" })).split(
      '\n',
    )[0];
    expect(answer).toMatch(/5 March/);
  });

  it('"The $100m movie ..." refers back to the story\'s film; being "supposed to" is said in any words', () => {
    const zento = openKnowledge(consoleDir).bot;
    expect(renderText(zento.answer({ text: 'when is the Harbour Code film supposed to come out' }))).toMatch(
      /^May 19, 2006/,
    );
  });

  it('a day of the month in words is a date ("On February Six"); a year in a law\'s name is not', () => {
    const zento = openKnowledge(consoleDir).bot;
    const answer = renderText(
      zento.answer({ text: 'When did Kestrel first offer five dollars a share for Harbour Lasts?' }),
    );
    expect(answer.split('\n')[0]).toMatch(/^February Six/);
  });

  it('a sentence that places the act in another place, never naming the asked one, dates another event', () => {
    const zento = openKnowledge(consoleDir).bot;
    const ask = (q: string) => renderText(zento.answer({ text: q })).split('\n')[0] ?? '';
    expect(ask('when does the GDP go on sale in the US?')).not.toMatch(/Sunday/);
    expect(ask('when did the GDP go on sale in Japan?')).toMatch(/Sunday/);
    // Initials the archive spells out once stand for the name where it is written in full.
    expect(ask('when will the GDP be released in Europe?')).toMatch(/1 May/);
  });

  it('a year owned by a name ("the Allies\' 1945 liberation") describes another thing', () => {
    const host = openKnowledge(hostDir).bot;
    const answer = renderText(host.answer({ text: 'when is Ed Rowe going to Kelm?' })).split('\n')[0];
    expect(answer).toMatch(/27 January/);
  });
});
