/**
 * "when did Haley confirm ...?", of a card named for another act ("Trump calls for Assad to be
 * ousted", last week) whose summary says she confirmed it this week: the time of the asked act.
 */
import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { dateMentions } from '../../../src/core/qa/candidates.ts';
import { firstLineOf } from '../../knowledge/support.ts';

describe('the time of an act a card tells of but is not named for', () => {
  const first = firstLineOf(openKnowledge('corpus').bot);

  it('is the time written next to that act, from the text', () => {
    expect(first('when did Nikki Haley confirm that Trump wants Assad ousted?')).toMatch(/^this week\b/);
  });

  it("leaves the card's own act to the card", () => {
    expect(first('when did Trump call for Assad to be ousted?')).toMatch(/last week/);
  });

  it('reads "this week" as a time', () => {
    expect(dateMentions('a point confirmed this week by the ambassador').map((m) => m.text)).toEqual([
      'this week',
    ]);
  });
});
