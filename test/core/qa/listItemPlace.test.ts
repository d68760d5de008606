/** Where a thing named in one item of a list was: a place in another item is that item's. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'month.txt': [
    'A busy month',
    'From the storms in Halden, to the strike at the port, the book fair and finally the election, it has been a busy month.',
    'From the use of tear gas in Morvia, to the retaliatory raid, the rocket testing by Ostland, the Z9 trade summit and finally the talks between Ostland and Morvia, it has been a testing time.',
  ].join('\n\n'),
  'ancestry.txt': [
    'A family history',
    'His father was descended from an old family that could trace its ancestry back to one Hugh Garrow, who had emigrated from Scotland in 1747.',
    'Last week the navy fired on the harbour at Keelby, its first action in a foreign war; the papers reported the damage.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('a place in one item of a list', () => {
  const first = firstLineOf(openKnowledge(dir).bot);

  it("is not the place of another item's thing", () => {
    expect(first('where was the book fair held?')).not.toMatch(/Halden/);
    expect(first('Where was the Z9 trade summit held?')).not.toMatch(/Morvia/);
  });

  it('is still the place of an aside set off by commas, where no list ends in "and"', () => {
    expect(first('where did Hugh Garrow come from?')).toMatch(/Scotland/);
    expect(first('where did the navy take its first action in a foreign war?')).toMatch(/Keelby/);
  });
});
