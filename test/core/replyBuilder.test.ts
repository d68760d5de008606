import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { ReplyBuilder } from '../../src/core/replyBuilder.ts';

const { kb } = openKnowledge('test/fixtures/corpora/port-ellis');

describe('ReplyBuilder', () => {
  it('numbers each cited article once, in order of first use', () => {
    const reply = new ReplyBuilder(kb, 'answer', 'Headline')
      .line('first', 'school-budget')
      .line('second', 'harbour-bridge-closed', 'school-budget', 'harbour-bridge-closed')
      .citeHeadline('harbour-bridge-closed', 'harbour-bridge-closed')
      .build();
    expect(reply.citations.map((c) => c.articleId)).toEqual(['school-budget', 'harbour-bridge-closed']);
    expect(reply.lines).toEqual([
      { text: 'first', cites: [0] },
      { text: 'second', cites: [1, 0] },
    ]);
    expect(reply.headlineCites).toEqual([1]);
  });

  it('fills citations from the article and falls back to the id for an unknown one', () => {
    const reply = new ReplyBuilder(kb, 'answer', 'H')
      .line('a', 'harbour-bridge-closed')
      .line('b', 'gone')
      .build();
    expect(reply.citations).toEqual([
      {
        articleId: 'harbour-bridge-closed',
        title: 'Harbour bridge closed after inspectors find crack',
        publication: 'Port Ellis Gazette',
        published: '2024-03-05',
        url: 'https://gazette.example/harbour-bridge',
      },
      { articleId: 'gone', title: 'gone' },
    ]);
  });

  it('leaves out blank fields and repeated suggestions', () => {
    const builder = new ReplyBuilder(kb, 'not_found', 'H')
      .field('Empty', '  ')
      .field('When', 'Monday')
      .suggest(
        { label: 'One', ask: '/who x' },
        { label: 'Two', ask: '/who x' },
        { label: 'Three', ask: '/sources' },
      );
    expect(builder.lineCount).toBe(0);
    builder.line('uncited');
    expect(builder.lineCount).toBe(1);
    const reply = builder.build();
    expect(reply.kind).toBe('not_found');
    expect(reply.fields).toEqual([{ label: 'When', value: 'Monday' }]);
    expect(reply.suggestions).toEqual([
      { label: 'One', ask: '/who x' },
      { label: 'Three', ask: '/sources' },
    ]);
    expect(reply.lines).toEqual([{ text: 'uncited', cites: [] }]);
    expect(reply.citations).toEqual([]);
  });
});
