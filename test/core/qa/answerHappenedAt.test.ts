/**
 * "what happened in X?" where the story names the place only after its lead: the lead tells what
 * happened ("A strong earthquake ... killed one person"), not the detail that names the place.
 * Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'quake.txt': [
    'Vellish Earthquake Kills One',
    'A very strong earthquake which struck southern Vellia killed one person and injured at least three, authorities said.',
    'The tremor registered 6.9 on the Richter scale, officials said.',
    'A police spokesman in the port city of Kumo, one of the worst hit areas, said walls cracked all over town.',
  ].join('\n\n'),
  'fair.txt': [
    'Ostby Fair Opens',
    'The Ostby spring fair opened on Monday with two hundred stalls.',
    'In the old market of Dorne, a fire destroyed three stalls on Tuesday night, the organisers said.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('what happened at a place', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('the lead tells what happened where a later sentence names the place', () => {
    expect(first('what happened in Kumo?')).toMatch(/earthquake/);
  });

  it('a sentence that names what happened there is the answer itself', () => {
    expect(first('what happened in Dorne?')).toMatch(/fire destroyed three stalls/);
  });
});
