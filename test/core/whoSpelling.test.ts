/**
 * /who for a name the index does not know as asked: the name as the text spells it ("Grabsky" for
 * Grabski, "Mike" for Michael), and, where the text gives no role, the sentence that says who it is.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { nameDistance } from '../../src/core/answers/spelledInText.ts';
import { renderText } from '../../src/render/renderText.ts';
import { nameVariants } from '../../src/text/givenNames.ts';
import { makeCorpus, removeCorpora } from '../knowledge/support.ts';

const dir = makeCorpus({
  'camp.txt': [
    'The camp',
    'There is a man named Grabski who is the foreman in charge of the bricklayers at the camp.',
    'Grabski sat in a sweat-saturated undershirt, cursing the heat.',
  ].join('\n\n'),
  'adviser.txt': [
    'The adviser',
    'Michael Flynn, the former national security adviser, is under investigation.',
  ].join('\n\n'),
  'architect.txt': [
    'The architect',
    'Stowey Rummel was internationally famous, an original designer of buildings in steel and concrete.',
    'Rogers Entwhistle, a chemistry instructor, wrote the play.',
  ].join('\n\n'),
  'works.txt': [
    'The works',
    'Also important on the Acme scene, at the turn of the century, was Mr. Richmond Voll, Works Superintendent of the company from 1876 to 1910.',
    'Miss Sally Saab, ( Miss Ocean County 1960 ) says that her reign will soon come to an end.',
  ].join('\n\n'),
  'census.txt': [
    'The census',
    'William Walton, a correspondent with the paratroopers during the invasion of France, flew in.',
    '"The count is incomplete," said Mr. J. J. A. Frans, a Belgian official of the United Nations.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

const { bot } = openKnowledge(dir);
const first = (question: string) => renderText(bot.answer({ text: question })).split('\n')[0] ?? '';

describe('/who with a name spelt otherwise than in the text', () => {
  it('a surname one letter off is found as the text spells it, with what the text says of it', () => {
    expect(first('/who Grabsky')).toMatch(/^Grabski: .*foreman/);
  });

  it('a given name in its short form finds the full one ("Mike" for Michael)', () => {
    expect(first('/who Mike Flynn')).toMatch(/national security adviser/);
    expect(nameVariants('Mike Flynn')).toContain('Michael Flynn');
  });

  it('a misspelt first name beside an exact surname, where the text gives no role: the describing sentence', () => {
    expect(first('/who Stowy Rummel')).toMatch(/^Stowey Rummel: .*designer/);
  });

  it('a name the text writes as asked is no role, though a role holds a word like it ("Frans", "France")', () => {
    expect(first('who is J. J. A. Frans?')).toMatch(/Belgian official/);
  });

  it('the distance between an asked name and a matched one counts each asked word against its nearest', () => {
    expect(nameDistance('Ruger', 'Roger Entwhistle')).toBe(1);
    expect(nameDistance('Grabsky', 'Grassy Brae Golf Club')).toBe(2);
  });
});

describe('who is <a description no one is called>', () => {
  it('is answered as a role: whoever the text gives as such', () => {
    expect(first("who was Acme's works superintendent around the turn of the century?")).toMatch(/Voll/);
    expect(first('who was Miss Ocean County in 1960?')).toMatch(/Saab/);
  });

  it('never takes the capitalised title itself for the holder', () => {
    expect(first("who was Acme's works superintendent around the turn of the century?")).not.toMatch(
      /^Superintendent/,
    );
  });
});
