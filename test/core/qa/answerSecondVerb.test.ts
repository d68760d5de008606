/**
 * A sentence that names two doers of two verbs: "X ... called for him to be ousted, a point
 * confirmed by Y". Asked who called for it, the answer is X, not the agent of "confirmed"; asked
 * who confirmed it, Y. "Wants him out of power" asks for the ousting. Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'ousting.txt': [
    'Vell Turns On Marten',
    'Rhetorically, at least, Premier Anton Vell appears to be moving away from the pact and last week called for the Dornish president to be ousted, a point confirmed this week by Ilse Korr, the envoy to the council.',
    'Dornish president Emil Marten has ruled Dorne since 2001.',
  ].join('\n\n'),
  'gardens.txt': [
    'Kessel Gardens Reopen',
    'Kessel Gardens, near Vellport, was developed and heavily endowed by the late Oskar Brandt.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('the doer of the asked verb, where another verb has its own agent', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('"called for ..., a point confirmed by Ilse Korr": who demanded it is the subject, not the agent of "confirmed"', () => {
    expect(first('who demanded last week that Marten be pushed out of power?')).toMatch(
      /^(?:Premier )?Anton Vell\b/,
    );
  });

  it('asked who confirmed it, the agent after "confirmed ... by"; "out of power" asks for the ousting', () => {
    expect(first('who confirmed that Vell now wants Marten out of power?')).toMatch(/^Ilse Korr\b/);
  });

  it('"developed and heavily endowed by": the asked verb may be the first of two before "by"', () => {
    expect(first('who developed Kessel Gardens?')).toMatch(/Oskar Brandt/);
  });
});
