import { describe, expect, it } from 'vitest';
import { renderButtons, SuggestionIds } from '../../../src/adapters/discord/suggestionButtons.ts';

describe('SuggestionIds', () => {
  it('carries a short ask inside the custom_id', () => {
    const ids = new SuggestionIds();
    const id = ids.encode('/who Cold War');
    expect(id).toBe('ask:/who Cold War');
    expect(new SuggestionIds().decode(id)).toBe('/who Cold War');
  });

  it('keeps a long ask in a bounded cache, so clicks on long asks work too', () => {
    const ids = new SuggestionIds(2);
    const long = `/who ${'US-Russia agreement to share communications about aircraft over Syria '.repeat(2)}`;
    const first = ids.encode(long);
    expect(first.length).toBeLessThanOrEqual(100);
    expect(ids.decode(first)).toBe(long);
    ids.encode(`${long} 2`);
    ids.encode(`${long} 3`);
    expect(ids.decode(first)).toBeUndefined();
    expect(ids.owns(first)).toBe(true);
    expect(ids.owns('someone-elses-button')).toBe(false);
  });
});

describe('renderButtons', () => {
  it('drops duplicate asks and adds link buttons for cited URLs only', () => {
    const rows = renderButtons(
      [
        { label: 'Cold War', ask: '/who Cold War' },
        { label: 'Cold War again', ask: '/who Cold War' },
      ],
      [
        { articleId: 'a', title: 'Linked', url: 'https://example.org/a' },
        { articleId: 'b', title: 'Not a web link', url: 'javascript:alert(1)' },
        { articleId: 'c', title: 'No link' },
      ],
      new SuggestionIds(),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.components).toEqual([
      { type: 2, style: 2, label: 'Cold War', custom_id: 'ask:/who Cold War' },
      { type: 2, style: 5, label: '[1] Linked', url: 'https://example.org/a' },
    ]);
  });
});
