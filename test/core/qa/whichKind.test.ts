/** "Which summit ...?", "Which country ...?": a thing of the asked kind, from the best sentence. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'month.txt': [
    'A busy month',
    'It has been a busy month in Tarvia. From the floods in the north, to the strike at the docks, the Harbour Cup final and finally the new budget, much has happened.',
    'The mayor hopes to see the port rebuilt, and thinks it could be rebuilt soon with help from Denmark.',
  ].join('\n\n'),
  'play.txt': [
    'A new play',
    'The Lantern play was adapted from a novel by an unknown writer.',
    'Critics said the Kessel Press novel was better.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('which <kind>', () => {
  it('answers with the name the text writes with the asked noun', () => {
    expect(first('Which final does the article mention among the events of the busy month?')).toMatch(
      /^Harbour Cup final:/,
    );
  });

  it('answers a place kind with the place the sentence names after the question’s words', () => {
    expect(first('Which country does the mayor think could help rebuild the port?')).toMatch(/^Denmark:/);
  });

  it('gives no name where the best sentence says the noun of none', () => {
    expect(first('Which novel was the Lantern play adapted from?')).not.toMatch(/^Kessel Press novel/);
  });
});
