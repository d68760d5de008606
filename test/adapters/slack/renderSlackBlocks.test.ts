import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../../src/adapters/slack/limits.ts';
import {
  citationText,
  renderSlackBlocks,
  renderSlackMessage,
  SUGGESTION_ACTION_PATTERN,
} from '../../../src/adapters/slack/renderSlackBlocks.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { corpusBot, displayedTexts, LIVE_MENTION } from './support.ts';

type Block = types.KnownBlock;

function reply(overrides: Partial<Reply> = {}): Reply {
  return {
    kind: 'answer',
    headline: 'Rex Tillerson: US Secretary of State',
    headlineCites: [0],
    lines: [{ text: 'Held talks in Moscow.', cites: [0, 1] }],
    fields: [{ label: 'Kind', value: 'person' }],
    suggestions: [{ label: 'Quotes from Rex Tillerson', ask: '/quote Rex Tillerson' }],
    citations: [
      {
        articleId: 'a',
        title: 'US-Russia relations in deep freeze?',
        publication: 'Mail & Guardian',
        published: '2017-04-13',
      },
      {
        articleId: 'b',
        title: 'Where next?',
        published: '2017-04-12',
        url: 'https://example.org/where-next',
      },
    ],
    ...overrides,
  };
}

const ofType = <T extends Block['type']>(blocks: Block[], type: T) =>
  blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

/** Every limit the renderer promises, checked on any rendered message. */
function expectWithinLimits(blocks: Block[], text: string): void {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  for (const b of ofType(blocks, 'header'))
    expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
  for (const b of ofType(blocks, 'section')) {
    if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(b.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.fields);
    for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
  }
  for (const b of ofType(blocks, 'context')) {
    expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
    for (const e of b.elements)
      if ('text' in e) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
  }
  for (const b of ofType(blocks, 'actions')) {
    expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonsPerActions);
    const ids = b.elements.map((e) => ('action_id' in e ? e.action_id : undefined));
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of b.elements) {
      if (e.type !== 'button') continue;
      expect(e.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
      expect(e.value?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
    }
  }
}

describe('renderSlackBlocks', () => {
  it('renders header, cited lines, fields, sources and suggestion buttons in order', () => {
    const blocks = renderSlackBlocks(reply());
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context', 'actions']);
    const [header, lines, fields, context, actions] = blocks as [
      types.HeaderBlock,
      types.SectionBlock,
      types.SectionBlock,
      types.ContextBlock,
      types.ActionsBlock,
    ];
    expect(header.text).toEqual({
      type: 'plain_text',
      text: 'Rex Tillerson: US Secretary of State [1]',
      emoji: true,
    });
    expect(lines.text?.text).toBe('• Held talks in Moscow. [1][2]');
    expect(fields.fields?.[0]?.text).toBe('*Kind*\nperson');
    expect(context.elements.map((e) => ('text' in e ? e.text : ''))).toEqual([
      '[1] US-Russia relations in deep freeze? — Mail &amp; Guardian, 2017-04-13',
      '[2] <https://example.org/where-next|Where next?> — 2017-04-12',
    ]);
    expect(actions.elements).toEqual([
      {
        type: 'button',
        action_id: 'suggest_0',
        text: { type: 'plain_text', text: 'Quotes from Rex Tillerson', emoji: true },
        value: '/quote Rex Tillerson',
      },
    ]);
    expect(SUGGESTION_ACTION_PATTERN.test('suggest_0')).toBe(true);
  });

  it('marks mrkdwn as verbatim, so Slack does not auto-link names or @words', () => {
    const sections = ofType(renderSlackBlocks(reply()), 'section');
    for (const s of sections) {
      if (s.text?.type === 'mrkdwn') expect(s.text.verbatim).toBe(true);
      for (const f of s.fields ?? []) if (f.type === 'mrkdwn') expect(f.verbatim).toBe(true);
    }
  });

  it('escapes everything echoed from the user, in blocks and fallback text', () => {
    const message = renderSlackMessage(
      corpusBot().answer({ text: '/who <!channel> <@U0000009> <!here|here>' }),
    );
    expect(message.blocks.length).toBeGreaterThan(0);
    const shown = displayedTexts(message as unknown as Record<string, unknown>);
    expect(shown.join('\n')).toContain('&lt;!channel&gt;');
    for (const text of shown) expect(text).not.toMatch(LIVE_MENTION);
  });

  it('puts a headline too long for a header into a bold section', () => {
    const headline = `${'Very long headline '.repeat(20)}end`;
    const [first] = renderSlackBlocks(reply({ headline }));
    expect(first?.type).toBe('section');
    expect((first as types.SectionBlock).text?.text).toMatch(/^\*Very long headline .*\* \[1\]$/);
  });

  it('trims oversized parts instead of failing', () => {
    const huge = 'x'.repeat(5000);
    const big = reply({
      headline: huge,
      lines: Array.from({ length: 400 }, (_, i) => ({ text: `${i} ${'<word> '.repeat(200)}`, cites: [0] })),
      fields: Array.from({ length: 35 }, (_, i) => ({ label: `Label ${i}`, value: huge })),
      citations: Array.from({ length: 25 }, (_, i) => ({
        articleId: `a${i}`,
        title: `${i} ${huge}`,
        url: `https://x.org/${i}`,
      })),
      suggestions: Array.from({ length: 40 }, (_, i) => ({ label: `${i} ${huge}`, ask: `/search ${i}` })),
    });
    const { blocks, text } = renderSlackMessage(big);
    expectWithinLimits(blocks, text);
    expect(blocks.length).toBe(SLACK_LIMITS.blocks);
    expect(blocks.at(-1)?.type).toBe('actions');
  });

  it('leaves out a suggestion whose question is too long for a button', () => {
    const blocks = renderSlackBlocks(reply({ suggestions: [{ label: 'Too long', ask: 'q'.repeat(2001) }] }));
    expect(ofType(blocks, 'actions')).toHaveLength(0);
  });

  it('keeps every reply the shipped corpus gives within the limits', () => {
    const bot = corpusBot();
    for (const ask of [
      '/who Tillerson',
      '/what Shayrat',
      '/timeline',
      '/sources',
      'help',
      '/search chemical attack',
      '/nope',
    ]) {
      const { blocks, text } = renderSlackMessage(bot.answer({ text: ask }));
      expectWithinLimits(blocks, text);
    }
  });
});

describe('renderSlackMessage', () => {
  it('uses the escaped plain rendering as the fallback text', () => {
    const { text } = renderSlackMessage(reply());
    expect(text.split('\n')[0]).toBe('Rex Tillerson: US Secretary of State [1]');
    expect(text).toContain('Mail &amp; Guardian');
  });
});

describe('citationText', () => {
  it('escapes titles and drops addresses that are not web links', () => {
    expect(citationText({ articleId: 'x', title: '<!channel> news', url: 'javascript:x' }, 2)).toBe(
      '[3] &lt;!channel&gt; news',
    );
  });
});
