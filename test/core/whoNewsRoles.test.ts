/**
 * /who on wire copy: a role set before the name and a comma ("the Conflicts Secretary of the
 * Vellish Miners Federation, Tom Reyes, told ..."), a coordinator's or a strategist's job, and a
 * surname two letters off where the given name is written as the archive writes it. Texts of
 * their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../knowledge/support.ts';

const dir = makeCorpus({
  'strike.txt': [
    'Tin Strike Halts Mines',
    'A strike by 9,000 miners has halted tin production in Dorne and Ostby, the Conflicts Secretary of the Vellish Miners Federation, Tom Reyes, told reporters.',
    'The federation left the door open to talks, Reyes said.',
  ].join('\n\n'),
  'pilots.txt': [
    'Pilots Say Strike Possible',
    'Capt. Henry A. Duffy, president of the Vellish Air Line Pilots Association, told a group of executives a strike was possible.',
  ].join('\n\n'),
  'oil.txt': [
    'Kessel Oil Restores Supplies',
    "Kessel Oil has re-established some key supply lines, said Elton Yates, Kessel's coordinator of worldwide operations.",
    '"Several companies say they are willing to start trading," Yates told reporters.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('/who on wire copy', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('reads a role set before the name and a comma', () => {
    expect(first('/who Tom Reyes')).toMatch(
      /^Tom Reyes: Conflicts Secretary of the Vellish Miners Federation/,
    );
  });

  it("reads a coordinator's job", () => {
    expect(first('/who Elton Yates')).toMatch(/^Elton Yates: Kessel's coordinator of worldwide operations/);
  });

  it('finds a name written with a middle initial ("Henry A. Duffy" for "Henry Duffy")', () => {
    expect(first('/who Henry Duffy')).toMatch(
      /^Henry A\. Duffy: president of the Vellish Air Line Pilots Association/,
    );
    expect(first('/who Henry Dufy')).toMatch(/president of the Vellish Air Line Pilots Association/);
  });

  it('finds a surname two letters off where the given name is as the archive writes it', () => {
    expect(first('/who Elton Yeats')).toMatch(/^Elton Yates: .*coordinator/);
  });
});
