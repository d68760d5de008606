/**
 * Forms of questions the answer engine reads beyond the question's own words, on a small corpus
 * of plain text: words that say the same, the doer of the asked verb, a reason named after "the
 * reason why ... was", and a day written as a word.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'ballgame.txt': [
    'The game at Anniston',
    'The Anniston catcher was straddling home plate. Tom Reilly caught the ball at third base as the runner came round.',
    'All Deegan had to do was slide. Instead Deegan crashed into the catcher and knocked him down.',
  ].join('\n\n'),
  'college.txt': [
    'The first commencement',
    'At the first commencement at Dartmouth, Dr. Tucker and the college were honored by many visitors.',
    'A road was cut through the forest. The governor rode up from the coast. The green was cleared.',
    'The cook got drunk, and President Wheelock proved a man of broad talents by carving the ox himself.',
  ].join('\n\n'),
  'singer.txt': [
    'Pop star fined for brawl',
    'The brawl continued outside, where "one of the officers was kicked in the chest by Dan Vane during the brawl in Kelm", police said.',
    'Pop singer Dan Vane has been fined 50,000 euros after a brawl in a hotel in Kelm two years ago.',
  ].join('\n\n'),
  'alerts.txt': [
    'Alert service for home users',
    'The service, Net Guard, will issue warnings about damaging viruses and weak spots on mobile phones.',
    '"Net Guard will help home users understand the risks," said its director.',
  ].join('\n\n'),
  'duty.txt': [
    'Minister freezes road tax',
    'Finance minister Ed Marr is to freeze road tax, and fund a £1bn package to avoid big rises in rents.',
    '"But this year because of the volatility in the oil market I propose to freeze road tax," Mr Marr said.',
  ].join('\n\n'),
  'relations.txt': [
    'Relations in deep freeze',
    'Prime Minister Dmitry Medvedev said the dispute over the harbour had totally ruined relations between the two towns.',
    'Part of the reason why the strikes on the harbour, which hit the old pier, were unexpected was the mayor’s earlier promise to stay out of the quarrel.',
    'Most sophisticates of the town are waiting for Vindication Day, September first, when the painter’s one-man show opens at the Guggenheim.',
  ].join('\n\n'),
  'voyage.txt': [
    'The voyage of the Gabriel',
    '"No problem at all", said the captain. "There will be no women aboard the Gabriel. And, if a man is married, he will be given a divorce".',
    'The painter Sloan never went abroad, though he painted the crowds of Bleecker Street.',
  ].join('\n\n'),
  'mills.txt': [
    'Annual report of the Leesona Corporation',
    'The company moved its offices from Providence to Warwick, Rhode Island, last spring.',
    'Leesona is building the new Warwick plant ahead of schedule, and bought machinery at Cranston for the old mill.',
    'Cousin Emma walked up to the post office in Tuxapoka and mailed the letter to Theresa.',
  ].join('\n\n'),
  'masters.txt': [
    'The Masters',
    'The 1961 Masters will be remembered for the duel between Arnold Palmer and Gary Player.',
  ].join('\n\n'),
  'sportsman.txt': [
    'Sportsman of the year',
    'Arnold Palmer had a great year. He won the Masters and a record $80,738 in prize money; every top player envied him.',
  ].join('\n\n'),
  'station.txt': [
    'The station house',
    'The safe at Ingleside District Station stands next to the gum machine in a narrow passage that leads to the captain’s office, to the lieutenant’s office farther along, and to the janitor’s closet straight ahead.',
    'The safe is a repository for three dead batteries, a stack of unsold tickets from last year, and thirty-seven cents in coins and stamps.',
  ].join(' '),
  'gas.txt': [
    'The gas attack on the harbour',
    'Up until the attack last week the board had not acted on the harbour, due to the policies of the current chairman, Donald Fairweather.',
    'It has since emerged, as the Kinsale Gazette states, that the deadly chlorine gas was used in the attack on the harbour.',
  ].join(' '),
  'march.txt': `The march\n\n${[
    'I told the students I would go to the Mill bridge the next morning to cross the river into the free city.',
    'We would all meet at ten at the Mill bridge and march across together.',
    'A special guard was posted at my end of the Mill bridge to make sure I did not cross.',
  ].join(' ')}\n\nThe special guard was still posted on the Mill bridge.`,
  'alliance.txt':
    'The alliance\n\nYesterday, however, the mayor did a reversal of course, saying that the harbour alliance is “no longer obsolete”.',
  'plantation.txt': `The plantation\n\n${[
    'If sold at once, the land and improvements of the Palfrey plantation might bring only $5,000.',
    'The Palfrey plantation was sold in January, 1845, and Palfrey thought the new owner ought to pay his people two months’ wages.',
    'Giffen suggested fifty dollars as fair compensation for a year’s work.',
  ].join(' ')}`,
  'sugar.txt': `Sugar boss wins award\n\n${[
    "Harbour Sugar's chief executive has been named Businessman of the Year by a trade magazine.",
    'Iain Moray was given the title for turning the firm around.',
    'Previous winners include Royal Bank of Scotland chief executive Fred Goodwin and former Vodafone boss Chris Gent.',
    'The firm was an original member of the FT-30 index.',
  ].join(' ')}`,
  'airline.txt': `Airline results\n\n${[
    'The trio are chief executive Willie Walsh, chief financial officer Brian Dunne and chief operations officer Seamus Kearney.',
  ].join(' ')}`,
  'sales.txt': `The sales job\n\n${[
    'John Cooper and Bobbie Evans both worked in sales at Smith & MacIsaacs.',
    'When old Mr. Lovejoy, the company president, talked about a single sales manager for both departments, everyone knew who would get it.',
    'Poor John got the combined sales manager job, and Bobbie stayed where he was.',
  ].join(' ')}`,
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';
const whole = (question: string) => renderText(bot.answer({ text: question }));

describe('answer forms beyond the question’s words', () => {
  it('the doer stands before the asked verb, not before another of the question’s words', () => {
    // "caught" shares its family with "catcher", but the question asks who crashed.
    expect(first('who crashed into the Anniston catcher?')).toMatch(/^Deegan crashed/);
  });

  it('a name in a sentence that never says the asked verb counts for less', () => {
    // The doer is Wheelock; the sentence matches the question loosely, so it is shown with him.
    expect(first("who carved the ox at Dartmouth's first commencement?")).toMatch(
      /^(?:President )?Wheelock\b/,
    );
  });

  it('finds the sentence that says the question in other words', () => {
    expect(first('who said the harbour dispute had completely wrecked relations?')).toMatch(/Medvedev/);
  });

  it('reads the reason named after "the reason why ... was"', () => {
    expect(first('why did the strikes on the harbour come as a surprise?')).toMatch(/promise to stay out/);
  });

  it('why: an aim belongs to the act just before it ("fund a package to avoid ..."), not to the asked one', () => {
    expect(first('why did Ed Marr freeze road tax?')).toMatch(/^Because of the volatility in the oil market/);
  });

  it('what happened to someone: the sentence where they are the subject of what happened', () => {
    expect(first('what happened to Dan Vane over that brawl in Kelm?')).toMatch(
      /^Pop singer Dan Vane has been fined/,
    );
  });

  it('what is X: what it is, set before it between commas, and what it does', () => {
    expect(first('what is Net Guard?')).toMatch(
      /^Net Guard: the service that will issue warnings about damaging viruses/,
    );
  });

  it('dates by a day written as a word', () => {
    expect(first('when does the painter’s one-man show open at the Guggenheim?')).toMatch(/^September first/);
  });

  it('yes or no: a sentence that goes on with "And" is shown with the evidence', () => {
    const reply = whole('Will there be any women aboard the Gabriel?');
    expect(reply.split('\n')[0]).toMatch(/^No:/);
    expect(reply).toMatch(/divorce/);
  });

  it('yes or no: "abroad" says "overseas"', () => {
    expect(first('Did Sloan ever travel overseas?')).toMatch(/^No:.*never went abroad/);
  });

  it('where: a name written before the asked noun ("the new Warwick plant"), with its region', () => {
    expect(first('where is Leesona building its new plant?')).toMatch(/^Warwick, Rhode Island/);
  });

  it('where ... from, for a verb of doing rather than going: where it was done', () => {
    expect(first("where was Cousin Emma's letter to Theresa mailed from?")).toMatch(/^Tuxapoka/);
  });

  it('an answer about a person comes from an article that names them, as does the closest sentence', () => {
    const reply = whole('How much prize money did Gary Player get for winning the 1961 Masters?');
    expect(reply.split('\n')[0]).toMatch(/^The archive doesn't say/);
    expect(reply).not.toMatch(/80,738/);
    expect(first('How much prize money did Arnold Palmer win?')).toMatch(/80,738/);
  });

  it('how much: no sum supposed ("if sold, it might bring"), nor one beside the sale paid for something else', () => {
    expect(first('How much was the Palfrey plantation sold for in January 1845?')).toMatch(
      /^The archive doesn't say/,
    );
  });

  it('how much: the amount in the sentence after the one that matches, with its currency word', () => {
    const reply = whole('how much money was in the safe at Ingleside District Station?');
    expect(reply.split('\n')[0]).toMatch(/^thirty-seven cents/);
    expect(reply).toMatch(/thirty-seven cents in coins/);
  });

  it('who said it: the name in the asked slot of the sentence that holds the question', () => {
    expect(first('who reported that chlorine was the gas used in the harbour attack?')).toMatch(
      /^Kinsale Gazette/,
    );
  });

  it('what happened at a place many sentences name alike: the account from its start', () => {
    expect(first('what happened at the Mill bridge?')).toMatch(/^I told the students/);
  });

  it('yes or no: "ever" against "no longer" is yes, it once was', () => {
    expect(first('Has the mayor ever called the harbour alliance obsolete?')).toMatch(/^Yes:/);
    expect(first('Did the mayor call the harbour alliance obsolete?')).toMatch(/^No:/);
  });

  it('who did it, in a story: the full name its article gives the one called by a given name', () => {
    expect(first('who got the combined sales manager job at Smith & MacIsaacs?')).toMatch(/^John Cooper got/);
  });

  it('who holds a role: the unnamed holder of the sentence named at the start of the next', () => {
    expect(first('who is the chief executive of Harbour Sugar?')).toMatch(
      /^Iain Moray is the chief executive/,
    );
  });

  it("who holds a role: never another organisation's holder of that title, nor a thing", () => {
    // Goodwin and Gent head other firms; Walsh's article never names Orange.
    expect(first('who is the chief executive of Orange?')).toMatch(/doesn't say/);
    expect(first('who is the chief executive of Vodafone?')).not.toMatch(/Goodwin|FT-30/);
  });

  it('says it has no answer without saying the question back, and offers a search of its words', () => {
    const reply = whole('who is the chief executive of Orange?');
    expect(reply).not.toMatch(/is the chief executive of Orange/);
    expect(reply).toMatch(/\/search chief executive Orange/);
  });

  it('who holds a role: "X, the company president" in an article that names the company', () => {
    expect(first('who was the president of Smith & MacIsaacs?')).toMatch(/^Mr\. Lovejoy was the president/);
  });
});
