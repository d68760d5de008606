/** Quotes from text: the topic picks the quotes, and settles which of two people of one surname is meant. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'mercers.txt': [
    'Jazz and the Mercers',
    'Johnny Mercer wrote many songs. "Jazz is the music of joy", Johnny Mercer said of jazz in 1950.',
    'Hugh Mercer was a soldier. "The war will be long", Hugh Mercer said of the war.',
    'Hugh Mercer spoke of his farm too. "The harvest was poor this year", he said.',
  ].join('\n\n'),
  'club.txt': [
    'At the golf club',
    'Mrs. Pastern collected for charity, but Mr. Pastern was far from idle. He was marching up and down the locker room shouting, "Bomb Cuba!! Bomb Berlin!! Show them who is boss".',
    'Charlie Pastern later met the Flannagans. "I do not know the Flannagans", Charlie Pastern said.',
    'It has since emerged, as the Harbour Gazette states, that the club roof was never insured.',
    'Mr. Quill reviewed the plans for the club. "It will never float", says Mr. Quill. The harbour wall, he believes, needs rebuilding in stone.',
  ].join('\n\n'),
  'general.txt': [
    'A soldier remembers',
    'General Tarrant is more impressed by the courage of the enemy soldiers than by their commanders. Of the enemy private he says: "He fought and marched till he dropped".',
    'The book is long. "I wrote it in a year", General Tarrant said of the book.',
  ].join('\n\n'),
  'burglar.txt': [
    'Police praise singer',
    'Rock star Ozzo Quellbrook has been praised by police for "very courageously" tackling a burglar at his home.',
    '"The burglar was disturbed by Ozzo who chased him from the house," a police spokesman said.',
    'The singer gave chase across the garden on Monday night. "I acted on impulse," Quellbrook said.',
    'Ozzo said he was glad nobody was hurt, and thanked his neighbours.',
  ].join('\n\n'),
  'drink.txt': [
    'Minister in drink remark row',
    'Jon Marrow was speaking to pupils about drinking. The executive has insisted Mr Marrow was speaking about adults and his comments were "a recognition that people get drunk".',
    '"We will clamp down on cheap promotions," he said. "People should enjoy a drink sensibly."',
    'He added: "By all means get drunk once in a while, but do not drink to save money."',
    'Opposition leader Ann Kerr said: "This is a gaffe by Jon Marrow.',
  ].join('\n\n'),
  'airline.txt': [
    'Executive trio leave airline',
    "Colm Brady, the airline's chief executive, is leaving with two colleagues.",
    'Mr Brady said there was no conflict of interest, and, if he was to launch a rival airline, "this thing happens in every business". "There is absolutely no question of a conflict of interest. I have been completely focused on my job," he told reporters.',
  ].join('\n\n'),
});
// Its own archive: the words of the others would weigh in its topic.
const tennisDir = makeCorpus({
  'tennis.txt': [
    'Vell hits out at Harbour Open',
    'World number one Ana Vell has criticised the Harbour Open over the issue of equal prize money for women.',
    'Vell was speaking after the Kelm Open agreed to pay equal prize money.',
    'Reacting to a comment by club chairman Tom Pike, the American said: "I think it is highly insulting if prize money is taken away. "Somebody said they won\'t have money for flowers at the Harbour Open. That\'s insulting."',
  ].join('\n\n'),
});
afterAll(removeCorpora);
const { bot } = openKnowledge(dir);
const first = (q: string) => renderText(bot.answer({ text: q })).split('\n')[0] ?? '';

describe('quotes on a topic', () => {
  it('the topic settles which Mercer is meant', () => {
    expect(first('what did Mercer say about jazz?')).toMatch(/^Johnny Mercer: “Jazz is the music of joy”/);
    expect(first('what did Mercer say about the war?')).toMatch(/^Hugh Mercer: “The war will be long”/);
  });

  it('without a topic, the surname alone asks which one', () => {
    expect(first('/quote Mercer')).toMatch(/could mean 2 things/);
  });
});

describe('reported speech on a topic', () => {
  it('what "he" holds in an aside ("the harbour wall, he believes, ...") is what the one named before said', () => {
    expect(first('what did Quill say about the harbour wall?')).toMatch(
      /^Quill: The harbour wall, he believes/,
    );
  });

  it('a source the text cites ("as the Harbour Gazette states, ...") said what follows', () => {
    const reply = renderText(bot.answer({ text: 'what did the Harbour Gazette say about the roof?' }));
    expect(reply.split('\n')[0]).toMatch(/^Harbour Gazette: .*never insured/);
    expect(reply.match(/never insured/g)).toHaveLength(1);
  });

  it('competes with the quotations the facts or the text hold', () => {
    expect(first('what did Hugh Mercer say about the state of the harvest?')).toMatch(/harvest was poor/);
    // The shipped corpus's facts quote Tillerson on Russia's part; the text reports what he
    // declared of relations.
    const shipped = openKnowledge('corpus').bot;
    const reply = renderText(
      shipped.answer({ text: 'what did Tillerson say about the state of US-Russia relations?' }),
    );
    expect(reply.split('\n')[0]).toMatch(/relations to be at a low/);
  });
});

describe('quotations given to "he" or "she"', () => {
  it('go to the person the sentence before names, across "!!" inside the quotation', () => {
    expect(first('what did Charlie Pastern say about Cuba and Berlin?')).toMatch(
      /^Charlie Pastern: “Bomb Cuba/,
    );
  });
});

describe('quotations in a sentence', () => {
  it('pairs quote marks in order, joins one broken by its attribution, and skips scare quotes', async () => {
    const { quotationsIn } = await import('../../../src/core/commands/quote.ts');
    expect(
      quotationsIn(
        '"Washington", the President remarked, "is a city of southern efficiency and northern charm".',
      ),
    ).toEqual(['Washington … is a city of southern efficiency and northern charm']);
    expect(quotationsIn('He rarely captures any jazz "feeling" in the text.')).toEqual([]);
  });

  it("the speaker's words in the story of the topic, not words said of him or quoted about him", () => {
    const answer = first('what did Ozzo Quellbrook say about tackling the burglar?');
    expect(answer).toMatch(/^Ozzo Quellbrook: “I acted on impulse”/);
    expect(answer).not.toMatch(/courageously|disturbed/);
  });

  it('a quotation of two sentences closed in the one that says who spoke is quoted whole, and goes first where its own words hold the topic', () => {
    const answer = first('what did Colm Brady say about the conflict of interest claims?');
    expect(answer).toMatch(
      /^Colm Brady: “There is absolutely no question of a conflict of interest\. I have been completely focused on my job”/,
    );
    expect(renderText(bot.answer({ text: '/quote Colm Brady' }))).not.toMatch(/“he told reporters/);
  });

  it('a quotation given to "he says:" after a topic, where he is the one named before', () => {
    expect(first('what did General Tarrant say about the enemy private?')).toMatch(/He fought and marched/);
  });

  it('"He added:" opening a paragraph is the speaker of the one before; another\'s words of him are not his', () => {
    const answer = first('what did Jon Marrow tell the pupils about getting drunk?');
    expect(answer).toMatch(/^Jon Marrow: “By all means get drunk/);
    const all = renderText(bot.answer({ text: '/quote Marrow' }));
    expect(all).not.toMatch(/“a recognition/);
    expect(all).not.toMatch(/“This is a gaffe/);
  });

  it('"the American said:" in a story about her is her, and her own words on the topic come first', () => {
    const tennis = openKnowledge(tennisDir).bot;
    const ask = (q: string) => renderText(tennis.answer({ text: q })).split('\n')[0] ?? '';
    expect(ask('what did Ana Vell say about the Harbour Open and prize money?')).toMatch(
      /^Ana Vell: “I think it is highly insulting if prize money is taken away/,
    );
  });
});
