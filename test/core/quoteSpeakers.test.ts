/**
 * Who said it: a speaker named with a party and a place before the verb ("Tom Reyes (Democrat)
 * of West Vellport said ..."), and a question that names where the speaker works ("Ann Lee from
 * Kessel Bank"). Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../knowledge/support.ts';

const dir = makeCorpus({
  'speech.txt': [
    'Mayor Speech Wins Mixed Reaction',
    'Senate leader Tom Reyes (Democrat) of West Vellport said in a television interview he was heartened that the mayor had owned up to some of her mistakes.',
  ].join('\n\n'),
  'rates.txt': [
    'Timing Is Key, Analysts Say',
    '"Timing and nerve are the key to any rescue of the crown," said Ann Lee, an economist with Kessel Bank.',
  ].join('\n\n'),
  'derby.txt': [
    'Coach Hits Back At Rovers',
    'Harbour assistant coach Piet Kramer has branded the Rovers complaint "a cheap stunt".',
    'The Rovers are poised to complain about an alleged half-time incident during the derby.',
    '"To react the way the Rovers have is sad. Their manager lied about the line-ups, and now this," Kramer said.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('who said it', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('"Tom Reyes (Democrat) of West Vellport said ...": his party and his place stand between', () => {
    expect(first("what did Tom Reyes say about the mayor's speech?")).toMatch(/^Tom Reyes: .*heartened/);
  });

  it('"Ann Lee from Kessel Bank": where she works is not part of her name', () => {
    expect(first('what did Ann Lee from Kessel Bank say about the crown?')).toMatch(
      /^Ann Lee: “Timing and nerve/,
    );
    expect(first("what did Kessel Bank's Ann Lee say about the crown?")).toMatch(
      /^Ann Lee: “Timing and nerve/,
    );
  });

  it('a quotation closed before "Kramer said" is his, though its mark is straight', () => {
    expect(JSON.stringify(bot.answer({ text: '/quote Kramer' }))).toContain('line-ups, and now this');
  });

  it('"has branded the complaint "a cheap stunt"": words he calls it by are his', () => {
    expect(first('what did Piet Kramer say about the Rovers complaint?')).toMatch(/cheap stunt|line-ups/);
    const reply = bot.answer({ text: '/quote Kramer complaint' });
    expect(JSON.stringify(reply)).toContain('a cheap stunt');
  });
});
