/**
 * "when ...?" answered by a time told by another act ("before assuming power") where no date is
 * given; and an article's writer named as the one who thinks what the article says.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { writerAsTheWriter } from '../../../src/core/qa/writerNamed.ts';
import { article, firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'inquiry.md': article(
    'inquiry',
    'Harbour board under scrutiny',
    [
      'The harbour board is under pressure over its dealings with the Kestrel Bank before taking office, and the affair has already cost treasurer Alan Pike his job.',
      'Mayor Ruth Ogilvy visited the Carrow Trust in 2014 before joining the board.',
      'This plan to widen the harbour now looks, at the least, to have been put on hold, and potentially to have been completely doomed.',
    ].join('\n\n'),
    'author: Miriam Stroud\n',
  ),
});
afterAll(removeCorpora);

describe('a time told by another act', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('answers "when" with "before taking office" where the words before it are the question\'s', () => {
    expect(first('when did the harbour board have its dealings with the Kestrel Bank?')).toMatch(
      /^before taking office/,
    );
  });

  it('dates nothing else the sentence tells of', () => {
    expect(first('when did Alan Pike lose his job?')).not.toMatch(/before taking office/);
  });

  it('gives way to a date in its sentence', () => {
    expect(first('when did Ruth Ogilvy visit the Carrow Trust?')).toMatch(/2014/);
  });
});

describe('the writer named as the one who thinks it', () => {
  const { bot, kb } = openKnowledge(dir);

  it('reads a byline name before a verb of thinking as "the writer"', () => {
    expect(writerAsTheWriter(kb, 'why does Stroud think the plan is doomed?')).toBe(
      'why does the writer think the plan is doomed?',
    );
    expect(writerAsTheWriter(kb, 'Does Stroud call the plan doomed?')).toBe(
      'Does the writer call the plan doomed?',
    );
    expect(writerAsTheWriter(kb, 'what does Miriam Stroud say about the bank?')).toBe(
      'what does the writer say about the bank?',
    );
  });

  it('leaves a name that is no byline, or that the texts mention, as asked', () => {
    expect(writerAsTheWriter(kb, 'why does Ogilvy think the plan is doomed?')).toBe(
      'why does Ogilvy think the plan is doomed?',
    );
    expect(writerAsTheWriter(kb, 'why does Stroud like it?')).toBe('why does Stroud like it?');
  });

  it('reads the article for it, where the name alone found nothing', () => {
    expect(firstLineOf(bot)('why does Stroud think the harbour plan may have been doomed?')).toMatch(
      /plan to widen the harbour/,
    );
  });
});
