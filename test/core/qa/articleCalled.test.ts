/** "Does the second article mention X?", "..., according to the second article": one of the archive's texts. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const article = (title: string, author: string, published: string, body: string) =>
  `---\ntitle: ${title}\nauthor: ${author}\npublished: ${published}\n---\n${body}\n`;

// /sources lists the newest first: the harbour piece is the first article, the ferry piece the second.
const dir = makeCorpus({
  'ferry.md': article(
    'Ferry fares rise again',
    'Mara Quint',
    '2021-03-01',
    'The ferry company raised fares for the third time this year.\n\nThe mayor said the delays began in June.',
  ),
  'harbour.md': article(
    'Harbour works begin',
    'Tom Abbot',
    '2021-03-05',
    'Work on the harbour wall began on Monday, paid for by the port authority.\n\nThe mayor said the delays began in August.',
  ),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const reply = (question: string) => renderText(bot.answer({ text: question }));
const first = (question: string) => reply(question).split('\n')[0] ?? '';

describe('a question about one of the archive’s texts', () => {
  it('says yes, with the sentence, where the named article mentions it', () => {
    expect(first('Does the first article mention the port authority?')).toMatch(
      /^Yes: Work on the harbour wall/,
    );
    expect(first("Does Quint's piece mention fares at all?")).toMatch(/^Yes: The ferry company raised fares/);
  });

  it('says no where it does not, and which other text does', () => {
    const text = reply('Does the second article mention the port authority?');
    expect(text.split('\n')[0]).toMatch(/^No: "Ferry fares rise again" never mentions port authority/);
    expect(text).toMatch(/"Harbour works begin" does: Work on the harbour wall/);
  });

  it('says how many texts there are when the ordinal is past them', () => {
    expect(first('Does the third article mention the mayor?')).toMatch(/only 2 articles/);
  });

  it('answers "according to the second article" from that text', () => {
    expect(first('When did the delays begin, according to the second article?')).toMatch(/\bJune\b/);
    expect(first('When did the delays begin, according to the first article?')).toMatch(/\bAugust\b/);
    expect(first('In the 2nd article, when did the delays begin?')).toMatch(/\bJune\b/);
  });
});
