/** respond()'s manners under load: rate limits, the "busy" bound, over-long input, and what it reports. */
import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { type AnswerEvent, createBot } from '../../src/core/bot.ts';
import { helpCommand } from '../../src/core/commands/help.ts';
import type { CommandDefinition } from '../../src/core/commands/types.ts';
import { MAX_INPUT_CHARS } from '../../src/core/parseRequest.ts';
import { renderText } from '../../src/render/renderText.ts';

const { kb } = openKnowledge('test/fixtures/corpora/port-ellis');

function clock() {
  let now = 5_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('rate limits in respond()', () => {
  it('says "slow down" once to the asker alone, then nothing until the limit lets them in again', async () => {
    const time = clock();
    const events: AnswerEvent[] = [];
    const bot = createBot(kb, {
      rateLimits: { userPerMinute: 3, channelPerMinute: 0 },
      now: time.now,
      observe: (e) => events.push(e),
    });
    const ask = { text: '/sources', platform: 'slack', userId: 'U1', channelId: 'C1' };
    for (let i = 0; i < 3; i++) expect((await bot.respond(ask))?.kind).toBe('answer');
    const slow = await bot.respond(ask);
    expect(slow).toMatchObject({ kind: 'throttled', visibility: 'asker' });
    expect(renderText(slow ?? helpReply())).toMatch(/slow down[\s\S]*Try again in 20 seconds/);
    expect(await bot.respond(ask)).toBeNull();
    expect(await bot.respond(ask)).toBeNull();
    // The sync path (tools, eval) has no limits.
    expect(bot.answer(ask).kind).toBe('answer');
    time.advance(20_000);
    expect((await bot.respond(ask))?.kind).toBe('answer');
    expect(events.map((e) => [e.command, e.outcome, e.throttled])).toEqual([
      ['sources', 'answer', undefined],
      ['sources', 'answer', undefined],
      ['sources', 'answer', undefined],
      ['sources', 'throttled', 'user'],
      ['sources', 'silent', 'user'],
      ['sources', 'silent', 'user'],
      ['sources', 'answer', undefined],
    ]);
    expect(events.every((e) => e.seconds >= 0 && e.request.userId === 'U1')).toBe(true);
  });

  it('limits a channel for everyone in it', async () => {
    const bot = createBot(kb, { rateLimits: { userPerMinute: 100, channelPerMinute: 2 }, now: () => 0 });
    const from = (userId: string) => ({ text: 'help', platform: 'discord', userId, channelId: 'general' });
    expect((await bot.respond(from('a')))?.kind).toBe('help');
    expect((await bot.respond(from('b')))?.kind).toBe('help');
    const slow = await bot.respond(from('c'));
    expect(slow?.kind).toBe('throttled');
    expect(slow?.headline).toMatch(/This channel is asking faster/);
    expect((await bot.respond({ ...from('c'), channelId: 'elsewhere' }))?.kind).toBe('help');
  });
});

describe('bounded concurrency in respond()', () => {
  it('answers up to the bound, queues up to the queue bound and says "busy" beyond it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: CommandDefinition = {
      name: 'slow',
      summary: 'waits',
      args: [],
      examples: [],
      run: async () => {
        await held;
        return helpReply();
      },
    };
    const events: AnswerEvent[] = [];
    const bot = createBot(kb, {
      commands: [slow, helpCommand],
      concurrency: { maxConcurrent: 2, maxQueued: 1 },
      observe: (e) => events.push(e),
    });
    const pending = [1, 2, 3].map((i) => bot.respond({ text: '/slow', userId: `u${i}` }));
    const busy = await bot.respond({ text: '/slow', userId: 'u4' });
    expect(busy).toMatchObject({ kind: 'throttled', visibility: 'asker' });
    expect(busy?.headline).toMatch(/busy/);
    release();
    for (const reply of await Promise.all(pending)) expect(reply?.kind).toBe('help');
    expect(events.filter((e) => e.throttled === 'busy')).toHaveLength(1);
    expect(events.filter((e) => e.outcome === 'help')).toHaveLength(3);
  });
});

describe('over-long input', () => {
  it('is read up to MAX_INPUT_CHARS and the reply says so, first among its fields', async () => {
    const bot = createBot(kb);
    const long = `/search bridge ${'inspection '.repeat(100)}`;
    expect(long.length).toBeGreaterThan(MAX_INPUT_CHARS);
    for (const reply of [bot.answer({ text: long }), await bot.respond({ text: long })]) {
      expect(reply?.fields[0]).toEqual({
        label: 'Note',
        value: `Your message was longer than ${MAX_INPUT_CHARS} characters: I read only the first ${MAX_INPUT_CHARS}.`,
      });
    }
    expect(bot.answer({ text: '/search bridge' }).fields.some((f) => f.label === 'Note')).toBe(false);
  });
});

function helpReply() {
  return createBot(kb).answer({ text: 'help' });
}
