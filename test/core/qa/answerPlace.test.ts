/** "where" questions on a text of their own, where no other article's words weigh in. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'kestrel.txt': [
    'A new boat',
    'First shown as a model at the Harbour Marine show in Kilbride, the Kestrel K9 will be on sale in the spring.',
    'It is cheaper than any other boat of its size.',
    'The Kestrel will be built at the new Harbour yard in Tullow, near Carrow.',
  ].join('\n\n'),
});
// Each on its own: one article's words must not weigh in the other's answers.
const actorDir = makeCorpus({
  'actor.txt': [
    'Actor backs theatre',
    'Film star Dara Quinlan held a dinner in New York to raise money for the Lyceum Hall.',
    'The Dunmore-born actor said the hall was in a poor state.',
  ].join('\n\n'),
});
const troopsDir = makeCorpus({
  'troops.txt': [
    'Rangers to help flood victims',
    'Britain has offered to send a company of 120 Rangers to assist with the flood relief effort in Tarvia, officials said.',
    'The deployment would involve troops from the 2nd Battalion Royal Rangers, based in Sorel.',
  ].join('\n\n'),
});
const cupDir = makeCorpus({
  'cup.txt': [
    'Vellmark seal Harbour Cup success',
    "Vellmark clinched the Harbour Cup for the second time by beating Ostland 3-0 in Saturday's final in Kessel.",
  ].join('\n\n'),
});
const firmDir = makeCorpus({
  'lasers.txt': [
    'Laser maker rejects bid',
    'Vantor Optics Inc said it is considering seeking a buyer following its rejection of a bid from Kessel-Marr Corp.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('where', () => {
  it('the place in the sentence that says the asked verb, not one that only names the thing', () => {
    expect(first('where will Harbour Marine build the Kestrel K9?')).toMatch(/^Tullow/);
  });

  it('"the Dunmore-born actor": where he was born, over a place that says nothing of a birth', () => {
    const actor = openKnowledge(actorDir).bot;
    expect(renderText(actor.answer({ text: 'where was Dara Quinlan born?' }))).toMatch(/^Dunmore/);
  });

  it('the place right after the question\'s own word ("based in Sorel"), not the one the sentence is about', () => {
    const troops = openKnowledge(troopsDir).bot;
    const answer = renderText(
      troops.answer({ text: 'where are the Rangers Britain offered for flood relief based?' }),
    );
    expect(answer).toMatch(/^Sorel/);
  });

  it('a company ("Kessel-Marr Corp") is never a place, though "from" stands before it', () => {
    const answer = renderText(openKnowledge(firmDir).bot.answer({ text: 'where is Vantor Optics based?' }));
    expect(answer.split('\n')[0]).not.toMatch(/Kessel-Marr Corp/);
  });

  it('"in Saturday\'s final": a day owns no act, so the final is the asked one', () => {
    const answer = renderText(
      openKnowledge(cupDir).bot.answer({ text: 'Where was the Harbour Cup final that Vellmark won?' }),
    );
    expect(answer.split('\n')[0]).toMatch(/^Kessel/);
  });
});
