/**
 * "who did X?" where the only sentence that names someone near the question's words never says the
 * act: the name is shown with what the text says, not stated as the doer. A text of its own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'scheme.txt': [
    'Mayor Defends Port Deal',
    'The mayor repeatedly stated that he knew nothing about the scheme, said to have been run by harbour security aide Ray Tolan, since fired, with the knowledge of port security adviser Ann Brisk, now resigned.',
    'Council members will question the mayor on Monday.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('a doer from a sentence that never says the act', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('is not said to have done it ("X replaced Ann Brisk ..." is nowhere in the text)', () => {
    const line = first('Who replaced Ann Brisk as port security adviser?');
    expect(line).not.toMatch(/replaced Ann Brisk/);
  });
});

describe('a doer or object the text says is no one', () => {
  const noOne = makeCorpus({
    'dispute.txt': [
      'Where The Port Dispute Stands',
      'The union is hurt, the council unsure of what it wants, and this confusion is helping no one.',
      'The ferry company said it would wait for the council to decide.',
    ].join('\n\n'),
    'casino.txt': ['Casino Backs Dockers', 'The Casino One is helping the dockers with a strike fund.'].join(
      '\n\n',
    ),
  });
  const { bot } = openKnowledge(noOne);
  const first = firstLineOf(bot);

  it('answers "No one", with the sentence ("this confusion is helping no one")', () => {
    expect(first('who is all this confusion helping?')).toMatch(/^No one: .*helping no one/);
  });

  it('still names a doer the text names', () => {
    expect(first('who said it would wait for the council?')).not.toMatch(/^No one/);
  });
});

describe('"no one" as two words', () => {
  const casino = makeCorpus({
    'casino.txt': ['Casino Backs Dockers', 'The Casino One is helping the dockers with a strike fund.'].join(
      '\n\n',
    ),
    'bridge.txt': ['Bridge Opens', 'The new bridge over the Kell opened on Monday.'].join('\n\n'),
  });
  const { bot } = openKnowledge(casino);

  it('is not letters inside other words ("The Casino One is helping")', () => {
    expect(firstLineOf(bot)('who is helping the dockers?')).not.toMatch(/^No one/);
  });
});
