import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import type { Reply } from '../../src/core/reply.ts';
import { formatCitation, renderText } from '../../src/render/renderText.ts';

const REPLY: Reply = {
  kind: 'answer',
  headline: 'Rex Tillerson: US Secretary of State',
  headlineCites: [0, 1],
  lines: [
    { text: 'Met Lavrov in Moscow.', cites: [1] },
    { text: 'No source for this one.', cites: [] },
  ],
  fields: [
    { label: 'Kind', value: 'person' },
    { label: 'Also called', value: 'Tillerson' },
  ],
  suggestions: [
    { label: 'Quotes', ask: '/quote Rex Tillerson' },
    { label: 'Search', ask: '/search Rex Tillerson' },
  ],
  citations: [
    {
      articleId: 'a',
      title: 'Deep freeze',
      publication: 'Mail & Guardian',
      published: '2017-04-13',
      url: 'https://mg.example/a',
    },
    { articleId: 'b', title: 'Where next', published: '2017-04-12' },
  ],
};

describe('renderText', () => {
  it('renders headline, lines, fields, numbered sources and suggestions in that order', () => {
    expect(renderText(REPLY)).toBe(
      [
        'Rex Tillerson: US Secretary of State [1][2]',
        '• Met Lavrov in Moscow. [2]',
        '• No source for this one.',
        '',
        'Kind: person',
        'Also called: Tillerson',
        '',
        'Sources:',
        '[1] Deep freeze (Mail & Guardian, 2017-04-13) https://mg.example/a',
        '[2] Where next (2017-04-12)',
        '',
        'Try: /quote Rex Tillerson  |  /search Rex Tillerson',
      ].join('\n'),
    );
  });

  it('renders a bare reply as its headline alone', () => {
    const bare: Reply = {
      kind: 'error',
      headline: 'Oops.',
      headlineCites: [],
      lines: [],
      fields: [],
      suggestions: [],
      citations: [],
    };
    expect(renderText(bare)).toBe('Oops.');
  });

  it('words suggestions of an ambiguous reply as "Did you mean"', () => {
    const text = renderText({
      ...REPLY,
      kind: 'ambiguous',
      citations: [],
      headlineCites: [],
      lines: [],
      fields: [],
    });
    expect(text.split('\n').at(-1)).toBe('Did you mean: /quote Rex Tillerson  |  /search Rex Tillerson');
  });

  it('formats a citation with only what it has', () => {
    expect(formatCitation({ articleId: 'x', title: 'Only a title' })).toBe('Only a title');
    expect(formatCitation({ articleId: 'x', title: 'T', url: 'https://x.example' })).toBe(
      'T https://x.example',
    );
    expect(formatCitation({ articleId: 'x', title: 'T', publication: 'Gazette' })).toBe('T (Gazette)');
  });

  it('renders a real answer with markers that point at its Sources list', () => {
    const { bot } = openKnowledge('corpus');
    const text = renderText(bot.answer({ text: 'who did Tillerson meet in Moscow?' }));
    const [headline] = text.split('\n');
    expect(headline).toMatch(/\[1\]\[2\]$/);
    const sources = text.slice(text.indexOf('Sources:'));
    expect(sources).toMatch(/\n\[1\] .+\n\[2\] .+/);
    expect(sources).not.toMatch(/\[3\]/);
    expect(text).toContain('US-Russia relations in deep freeze? (Mail & Guardian, 2017-04-13)');
  });
});
