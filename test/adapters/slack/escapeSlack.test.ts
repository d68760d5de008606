import { describe, expect, it } from 'vitest';
import {
  decodeSlackEntities,
  escapeAndFit,
  escapeSlack,
  safeLinkUrl,
  textFromSlack,
} from '../../../src/adapters/slack/escapeSlack.ts';
import { truncateEscaped } from '../../../src/adapters/slack/limits.ts';

describe('escapeSlack', () => {
  it('escapes the three control characters, so mentions show as text', () => {
    expect(escapeSlack('<!channel> & <@U123> <!here>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;!here&gt;',
    );
  });

  it('round-trips with decodeSlackEntities, including a literal entity', () => {
    for (const text of ['AT&T <b>', '&lt; typed literally', 'a &amp; b', '<!channel>']) {
      expect(decodeSlackEntities(escapeSlack(text))).toBe(text);
    }
  });
});

describe('truncateEscaped', () => {
  it('keeps short text as it is', () => {
    expect(truncateEscaped('short', 10)).toBe('short');
  });

  it('ends long text with an ellipsis within the limit', () => {
    const cut = truncateEscaped('a'.repeat(200), 150);
    expect(cut).toHaveLength(150);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits an entity', () => {
    const escaped = escapeSlack(`${'a'.repeat(8)}<<<<`);
    for (let max = 2; max < escaped.length; max++) {
      const cut = truncateEscaped(escaped, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/&/);
    }
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateEscaped('😀'.repeat(10), 6);
    expect(cut).toBe('😀😀…');
  });

  it('escapeAndFit escapes first and counts the escaped length', () => {
    expect(escapeAndFit('<'.repeat(10), 12)).toBe('&lt;&lt;…');
  });
});

describe('textFromSlack', () => {
  it('drops the bot mention and keeps the question', () => {
    expect(textFromSlack('<@UBOT0001> who is Tillerson?', 'UBOT0001')).toBe('who is Tillerson?');
    expect(textFromSlack('so <@UBOT0001|newsbot>, who is Haley?', 'UBOT0001')).toBe('so , who is Haley?');
  });

  it('drops a leading mention when the bot id is unknown', () => {
    expect(textFromSlack('<@U0BOT> /who Tillerson')).toBe('/who Tillerson');
  });

  it('spells out other mentions, channels, broadcasts and links', () => {
    expect(
      textFromSlack('<@UBOT> ask <@U42|rex> in <#C1|general> <!here> <https://x.org/a|the site>', 'UBOT'),
    ).toBe('ask @rex in #general @here the site');
    expect(textFromSlack('<https://x.org/a> <mailto:a@b.org|a@b.org> <!subteam^S1>')).toBe(
      'https://x.org/a a@b.org @subteam',
    );
  });

  it('decodes entities, so an escaped "<!channel>" reaches the core as typed', () => {
    expect(textFromSlack('/who &lt;!channel&gt; AT&amp;T')).toBe('/who <!channel> AT&T');
  });
});

describe('safeLinkUrl', () => {
  it('accepts web addresses and neutralises characters that would end the link', () => {
    expect(safeLinkUrl('https://example.org/a?b=1&c=2')).toBe('https://example.org/a?b=1&amp;c=2');
    expect(safeLinkUrl('https://example.org/a|b>c')).toBe('https://example.org/a%7Cb%3Ec');
  });

  it('refuses anything else', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkUrl('<!channel>')).toBeUndefined();
    expect(safeLinkUrl(undefined)).toBeUndefined();
  });
});
