/**
 * Property test: thousands of random and hostile inputs through parse -> answer -> every renderer.
 * Nothing throws, every Reply keeps its promises, every rendering is within its platform's limits,
 * and nothing the user typed turns into a live mention. Seeded, so a failure reproduces exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../src/adapters/discord/limits.ts';
import {
  renderDiscordReply,
  renderDiscordText,
  renderNotice,
} from '../../src/adapters/discord/renderDiscordEmbed.ts';
import { SuggestionIds } from '../../src/adapters/discord/suggestionButtons.ts';
import { SLACK_LIMITS } from '../../src/adapters/slack/limits.ts';
import { renderSlackMessage } from '../../src/adapters/slack/renderSlackBlocks.ts';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { MAX_INPUT_CHARS, parseRequest } from '../../src/core/parseRequest.ts';
import type { Reply } from '../../src/core/reply.ts';
import { renderText } from '../../src/render/renderText.ts';
import { displayedTexts, LIVE_MENTION } from '../adapters/slack/support.ts';

const { bot } = openKnowledge('corpus');
const names = new Set(bot.commands.map((c) => c.name));
const ids = new SuggestionIds({ capacity: 50 });
const SEED = 8_2026;

const KINDS = ['answer', 'not_found', 'ambiguous', 'help', 'error', 'throttled'];

const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0123|@team>',
  '@everyone',
  '@here',
  '<@U012ABCDEF>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#C0123|general>',
  '&lt;!channel&gt;',
  '&amp;',
  '<https://evil.example|click me>',
  '[x](https://evil.example)',
  '*bold* _it_ ~s~ `code` ```block```',
  '||spoiler||',
  '\u202e',
  '\u200b\u200d\ufeff',
  '\u0000\u0007\u001b[31m',
  '\n\r\n\t',
  'Z\u0338\u0321\u0322\u031b\u031b\u031b\u0317\u0318\u0319\u031c\u031d\u031e\u031f\u0320',
  '😀👨‍👩‍👧🏳️‍🌈',
  '\ud800',
  '\udfff',
  '\uffff\ufffe',
  'ｗｈｏ',
  '"\'\\',
  '/who',
  '/search',
  '/quote',
  '/digest subscribe daily 08:00',
  '/digest',
  '/timeline',
  '/nonexistent',
  'who is',
  'what happened at',
  'how many',
  '?',
  '/',
  '!who',
  'Tillerson',
  'Lavrov',
  'Shayrat',
  'Medvedev',
  '"deep freeze"',
];

const PREFIXES = [
  '',
  '/who ',
  '/what ',
  '/when ',
  '/where ',
  '/search ',
  '/quote ',
  '/figure ',
  '/timeline ',
  '/about ',
  '/ask ',
  '/sources ',
  '/digest ',
  '/help ',
  'who is ',
  'what did ',
  'what happened at ',
  'help ',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** Inputs built from hostile pieces after a command or question start. */
const hostileInput = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.array(fragment, { maxLength: 25 }), fc.constantFrom(' ', '', '\n'))
  .map(([prefix, parts, joiner]) => prefix + parts.join(joiner));

/** Anything at all: every code point, lone surrogates included. */
const randomInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

/** Longer than the limit, from a little to a lot. */
const longInput = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }),
    fc.integer({ min: 30, max: 800 }),
  )
  .map(([prefix, word, times]) => prefix + `${word} `.repeat(times));

function expectValidReply(reply: Reply): void {
  expect(KINDS).toContain(reply.kind);
  expect(reply.headline.trim()).not.toBe('');
  expect(reply.headline).not.toMatch(/[\r\n]/);
  for (const c of [...reply.headlineCites, ...reply.lines.flatMap((l) => l.cites)]) {
    expect(Number.isInteger(c) && c >= 0 && c < reply.citations.length).toBe(true);
  }
  for (const line of reply.lines) expect(line.text.trim()).not.toBe('');
  for (const field of reply.fields) expect(field.value.trim()).not.toBe('');
  for (const s of reply.suggestions) expect(s.ask.trim()).not.toBe('');
}

type Json = Record<string, unknown>;

function expectSlackWithinLimits(reply: Reply): void {
  const message = renderSlackMessage(reply);
  expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const block of message.blocks as unknown as Json[]) {
    const text = block.text as { text: string } | undefined;
    if (block.type === 'header') expect(text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (block.type === 'section') {
      if (text) expect(text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      const fields = (block.fields ?? []) as { text: string }[];
      expect(fields.length).toBeLessThanOrEqual(SLACK_LIMITS.fields);
      for (const f of fields) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
    }
    if (block.type === 'context') {
      const elements = block.elements as { text: string }[];
      expect(elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
      for (const e of elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    }
    if (block.type === 'actions') {
      const buttons = block.elements as { text: { text: string }; value: string; action_id: string }[];
      expect(buttons.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonsPerActions);
      for (const b of buttons) {
        expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
        expect(b.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
        expect(b.action_id.length).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
      }
    }
  }
  for (const shown of displayedTexts(message as unknown as Json)) expect(shown).not.toMatch(LIVE_MENTION);
}

function expectDiscordWithinLimits(reply: Reply): void {
  for (const payload of [
    renderDiscordReply(reply, ids),
    renderDiscordText(reply, ids),
    renderNotice(reply.headline),
  ]) {
    expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
    if (payload.content !== undefined) {
      expect(payload.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
      expect(payload.content).not.toMatch(/@(everyone|here)/i);
    }
    for (const embed of payload.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
      const fields = embed.fields ?? [];
      expect(fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
      for (const f of fields) {
        expect(f.name.length).toBeGreaterThan(0);
        expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
        expect(f.value.length).toBeGreaterThan(0);
        expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      }
      const total =
        (embed.title?.length ?? 0) +
        (embed.description?.length ?? 0) +
        (embed.footer?.text.length ?? 0) +
        fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
      expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      expect(Boolean(embed.title || embed.description || fields.length)).toBe(true);
    }
    expect(payload.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
    for (const row of payload.components) {
      expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
      for (const button of row.components) {
        expect(('label' in button ? (button.label ?? '') : '').length).toBeLessThanOrEqual(
          DISCORD_LIMITS.buttonLabel,
        );
        if ('custom_id' in button)
          expect(button.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      }
    }
  }
}

/** The whole pipeline for one input, as an adapter runs it. */
async function throughEverything(raw: string): Promise<void> {
  const parsed = parseRequest(raw, names);
  expect(parsed.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  const reply = await bot.respond({ text: raw, platform: 'slack', userId: 'U1', channelId: 'C1' });
  expect(reply).not.toBeNull();
  if (!reply) return;
  expectValidReply(reply);
  expect(typeof renderText(reply)).toBe('string');
  expectSlackWithinLimits(reply);
  expectDiscordWithinLimits(reply);
}

describe('hostile input through parse -> answer -> every renderer', () => {
  it('hostile pieces after every command and question start', async () => {
    await fc.assert(fc.asyncProperty(hostileInput, throughEverything), { seed: SEED, numRuns: 1000 });
  }, 30_000);

  it('random text of every kind of character', async () => {
    await fc.assert(fc.asyncProperty(randomInput, throughEverything), { seed: SEED + 1, numRuns: 500 });
  }, 30_000);

  it('over-long input', async () => {
    await fc.assert(fc.asyncProperty(longInput, throughEverything), { seed: SEED + 2, numRuns: 150 });
  }, 30_000);
});
