/**
 * "What is X?" where the text gives X's name in full with the letters in brackets after it, though
 * they are not its initials (another language's, or a short name of its own), and where the archive
 * also knows people whose names X is close to. Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'sugar.txt': [
    'Sugar Prices Too Low, Exporters Say',
    'Prices are too low to boost output, said a consultant with the Group of Caribbean Cane Growers and\nExporters (GRUCAÑA).',
    'GRUCAÑA officials say the dumping of surplus output is the main cause of low prices.',
  ].join('\n\n'),
  'vaccines.txt': [
    'Chancellor Backs Vaccine Fund',
    'The chancellor welcomed news that two donors will put an extra $1bn into the Global Fund for Vaccines and Immunisation (Vaxa).',
    'If Vaxa could raise its funding, millions of lives could be saved, he argued.',
  ].join('\n\n'),
  'people.txt': [
    'Two Board Changes',
    'Vaxal Duffy was named chairman of the Harbour Trust on Monday.',
    'Vaxal Patterson, the trust’s treasurer, will retire in June.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('names with their short form in brackets', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('gives the name before the brackets, though the letters are not its initials', () => {
    expect(first('what is GRUCAÑA?')).toMatch(/^GRUCAÑA: Group of Caribbean Cane Growers and Exporters/);
  });

  it('reads the word as the text writes it rather than offering the names it is near to', () => {
    expect(first('what is Vaxa?')).toMatch(/^Vaxa: Global Fund for Vaccines and Immunisation/);
  });
});

describe('a thing described, then the name it is called by', () => {
  const called = makeCorpus({
    'blogs.txt': [
      'Software Giant Tries Blogs',
      'It is launching a test service to allow people to publish blogs, or online journals, called Vell Spaces.',
      'The firm also runs a program called Kelpie under which it pays writers.',
    ].join('\n\n'),
  });
  const { bot } = openKnowledge(called);
  const first = firstLineOf(bot);

  it('gives what it is ("a test service to allow people to publish blogs ..., called Vell Spaces")', () => {
    expect(first('what is Vell Spaces?')).toMatch(
      /^Vell Spaces: a test service to allow people to publish blogs/,
    );
  });

  it('does not take a bare kind ("a program called Kelpie") for what it is', () => {
    expect(first('what is Kelpie?')).not.toMatch(/^Kelpie: a program$/);
  });
});
