import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, truncate } from '../../../src/adapters/discord/limits.ts';
import {
  renderDiscordEmbed,
  renderDiscordReply,
  renderDiscordText,
} from '../../../src/adapters/discord/renderDiscordEmbed.ts';
import { SuggestionIds } from '../../../src/adapters/discord/suggestionButtons.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import type { Reply } from '../../../src/core/reply.ts';

const huge = (n: number, word = 'Shayrat') => `${word} `.repeat(Math.ceil(n / (word.length + 1))).slice(0, n);

function hugeReply(): Reply {
  return {
    kind: 'answer',
    headline: huge(1000, 'headline'),
    headlineCites: [0, 1, 2],
    lines: Array.from({ length: 200 }, (_, i) => ({ text: `${i} ${huge(300)}`, cites: [i % 50] })),
    fields: Array.from({ length: 60 }, (_, i) => ({
      label: huge(400, `label${i}`),
      value: huge(3000, 'value'),
    })),
    suggestions: Array.from({ length: 40 }, (_, i) => ({
      label: huge(200, 'label'),
      ask: `/who ${huge(150, `n${i}`)}`,
    })),
    citations: Array.from({ length: 50 }, (_, i) => ({
      articleId: `a${i}`,
      title: huge(300, `title${i}`),
      publication: 'Mail & Guardian',
      published: '2017-04-13',
      url: `https://example.org/${i}`,
    })),
  };
}

function total(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (e.footer?.text.length ?? 0)
  );
}

describe('renderDiscordEmbed', () => {
  it('keeps a huge reply within every Discord limit, trimming with an ellipsis', () => {
    const payload = renderDiscordReply(hugeReply(), new SuggestionIds());
    const [embed] = payload.embeds;
    if (!embed) throw new Error('no embed');
    expect(embed.title).toBeUndefined();
    expect(embed.description?.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.description?.startsWith('**headline')).toBe(true);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const f of embed.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    expect(embed.footer?.text.length).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(embed.footer?.text.endsWith('…')).toBe(true);
    expect(total(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);

    expect(payload.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
    for (const row of payload.components) {
      expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
      for (const b of row.components) {
        expect('label' in b && b.label ? b.label.length : 0).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
        if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      }
    }
    expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('keeps plain-text fallback within 2000 characters', () => {
    const payload = renderDiscordText(hugeReply(), new SuggestionIds());
    expect(payload.content?.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(payload.embeds).toEqual([]);
  });

  it('never sends an empty embed', () => {
    const empty: Reply = {
      kind: 'error',
      headline: '',
      headlineCites: [],
      lines: [],
      fields: [{ label: '', value: ' ' }],
      suggestions: [],
      citations: [],
    };
    const embed = renderDiscordEmbed(empty);
    expect(embed.fields?.[0]).toMatchObject({ name: '\u200b', value: '\u200b' });
    expect(renderDiscordEmbed({ ...empty, fields: [] }).description).toBe('\u200b');
  });

  it('renders a real answer: headline title, cited lines, fields, citations in the footer', () => {
    const { bot } = openKnowledge('corpus');
    const embed = renderDiscordEmbed(bot.answer({ text: '/who Tillerson', platform: 'discord' }));
    expect(embed.title).toMatch(/^Rex Tillerson.*\[\d\]/);
    expect(embed.description).toMatch(/^• .+\[\d\]/m);
    expect(embed.footer?.text).toMatch(/^\[1\] .+\(.*\d{4}-\d\d-\d\d\)/);
  });
});

describe('truncate', () => {
  it('cuts at a word boundary and never splits a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('one two three four', 12)).toBe('one two…');
    const emoji = '😀'.repeat(10);
    const cut = truncate(emoji, 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('😀😀…');
    expect(truncate('anything', 0)).toBe('');
  });
});
