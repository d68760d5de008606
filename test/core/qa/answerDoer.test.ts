/** "who did X" questions on a text of their own, where no other article's words weigh in. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'scope.txt': [
    'A new microscope',
    'Fig. 2 shows the infrared imaging system developed at the Harbour Optics Centre of Kilbride University.',
    'By combining the talents of a physician, Dr. Amos Quarry, and an engineer, Dr. Lena Voss, this technique has been developed for the study of living cells.',
  ].join('\n\n'),
  'film.txt': [
    'A pig on screen',
    'Dana Rhee will voice the spider in the new film of the story.',
    'The actor who will voice the pig has yet to be revealed.',
  ].join('\n\n'),
  'club.txt': [
    'New owner for Rovers',
    'Ken Vale, a builder, has long been a fan of the club.',
    'Last week Mr Vale took over Riverton Rovers, paying off its debts.',
  ].join('\n\n'),
  'band.txt': [
    "Rock group Vane's guitarist quits",
    'The guitarist with US rock band Vane has quit the music business after a religious awakening.',
    "Brian 'Head' Walsh told a radio station in Ohio that his bandmates respected his decision to leave.",
  ].join('\n\n'),
  'comic.txt': ['Stand-up night', 'The comedian Chris Rock will headline the festival in Leeds.'].join(
    '\n\n',
  ),
  'island.txt': [
    'Gamer buys $26,500 virtual island',
    'A 22-year-old gamer has spent $26,500 on an island that exists only in a computer game.',
    'The Australian gamer, known only by his gaming name Zorbex, bought the island in an online auction.',
  ].join('\n\n'),
  'shoes.txt': [
    'Group plans to buy Kestrel Shoe',
    'A group led by Boston investor Amos Delacroix said Kestrel Shoe Inc agreed to give it company information.',
  ].join('\n\n'),
  'strike.txt': [
    'Writers strike at networks',
    'The union said its members have struck the news staffs of Kestrel Broadcasting Inc &lt;KBC> and Harbour Media Inc &lt;HMI> this morning.',
  ].join('\n\n'),
  'stake.txt': [
    'Vellair acquires 9.9 pct of Kestrel Aviation',
    'Vellair Group Inc said it has acquired 2,292,599 Kestrel Aviation Inc shares, about 9.9 pct, from Norfolk Southern Corp &lt;NSC>.',
  ].join('\n\n'),
  'budget.txt': [
    'VELLMARK RAISES FUEL PRICES IN 1987/8 BUDGET',
    'The Vellmark government, in its second budget since a recovery programme inspired by the International Monetary Fund, announced increases in fuel prices. Finance Minister Cleo Masura said the government expected to spend 77 billion shillings.',
  ].join('\n\n'),
  'raid.txt': [
    'Raid on the depot',
    'Police say the raid on the fuel depot at Marlow, which left two guards hurt, was allegedly carried out by the Kestrel gang.',
    'Inspector Ruth Okafor said the town was shaken.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('who did it', () => {
  it('where a thing was made ("developed at the ... Centre") is not who made it, nor is a figure label', () => {
    const answer = first('who developed the infrared imaging system at Kilbride University?');
    expect(answer).toMatch(/Voss|Quarry/);
    expect(answer).not.toMatch(/Centre|Fig/);
  });

  it('a man called by his surname is named with the one given name his article writes', () => {
    expect(first('who took over Riverton Rovers?')).toMatch(/^Ken Vale took over/);
  });

  it('"who is accused of carrying out ...?" asks for the doer of the deed, written after "by"', () => {
    const answer = first('who is accused of carrying out the raid on the fuel depot?');
    expect(answer).toMatch(/^The Kestrel gang is accused/);
    expect(answer).toMatch(/committing the raid/);
    expect(answer).not.toMatch(/Okafor/);
  });

  it('"has yet to be revealed": the text says the answer is not known', () => {
    expect(first('who voices the pig in the new film?')).toMatch(/doesn't say/);
  });

  it('a stock ticker in angle brackets ("&lt;NSC>") stands for the name before it, never shown itself', () => {
    expect(first('who struck the news staffs of Kestrel Broadcasting and Harbour Media?')).not.toMatch(
      /^HMI|^KBC/,
    );
    expect(first('who sold Vellair its 9.9 pct stake in Kestrel Aviation?')).toMatch(
      /^Norfolk Southern Corp/,
    );
  });

  it('"which finance minister ...?" asks for a person: a body ("the International Monetary Fund") is none', () => {
    expect(
      first('Which Vellmark finance minister presented the 1987/8 budget that raised fuel prices?'),
    ).toMatch(/^Finance Minister Cleo Masura/);
  });

  it('a place before a title and a name ("Boston investor Amos Delacroix") qualifies the person named', () => {
    expect(first('who led the group that wanted to buy Kestrel Shoe?')).toMatch(/^Amos Delacroix/);
  });

  it('the first word of a title, capitalised as any sentence opens, is no name though the asked verb follows', () => {
    expect(first('who bought the virtual island for $26,500?')).toMatch(/^Zorbex/);
  });

  it('a common word opening a title is no person, though another story knows a "Rock"; the lead is named next', () => {
    const answer = first('who left Vane after a religious awakening?');
    expect(answer).toMatch(/^Brian Walsh/);
  });
});
