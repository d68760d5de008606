import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/app/commands.ts';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { createBot } from '../../src/core/bot.ts';
import { helpCommand } from '../../src/core/commands/help.ts';
import type { CommandDefinition } from '../../src/core/commands/types.ts';
import type { Reply } from '../../src/core/reply.ts';
import { ReplyBuilder } from '../../src/core/replyBuilder.ts';
import { LiveKnowledge } from '../../src/corpus/liveKnowledge.ts';
import type { KnowledgeBase } from '../../src/search/knowledgeBase.ts';

const shipped = openKnowledge('corpus');
const portEllis = openKnowledge('test/fixtures/corpora/port-ellis');

const KINDS = ['answer', 'not_found', 'ambiguous', 'help', 'error'];

/** Every structural promise a Reply makes to the adapters that render it. */
function expectValidReply(reply: Reply, kb: KnowledgeBase, asked: string): void {
  expect(KINDS, asked).toContain(reply.kind);
  expect(reply.headline.trim(), asked).not.toBe('');
  expect(reply.headline, asked).not.toMatch(/[\r\n]/);
  const cites = [...reply.headlineCites, ...reply.lines.flatMap((l) => l.cites)];
  for (const c of cites) {
    expect(Number.isInteger(c), asked).toBe(true);
    expect(c, asked).toBeGreaterThanOrEqual(0);
    expect(c, asked).toBeLessThan(reply.citations.length);
  }
  // Every citation is used by something, and names a real article once.
  expect(new Set(cites).size, asked).toBe(reply.citations.length);
  const ids = reply.citations.map((c) => c.articleId);
  expect(new Set(ids).size, asked).toBe(ids.length);
  for (const c of reply.citations) {
    expect(kb.articles.has(c.articleId), asked).toBe(true);
    expect(c.title, asked).toBe(kb.articles.get(c.articleId)?.title);
  }
  for (const line of reply.lines) expect(line.text.trim(), asked).not.toBe('');
  for (const f of reply.fields) expect(f.value.trim(), asked).not.toBe('');
  for (const s of reply.suggestions) {
    expect(s.label.trim(), asked).not.toBe('');
    expect(s.ask.trim(), asked).not.toBe('');
  }
  expect(new Set(reply.suggestions.map((s) => s.ask)).size, asked).toBe(reply.suggestions.length);
}

const QUESTIONS = [
  '',
  '?',
  'help',
  '/help',
  '/sources',
  '/timeline',
  '/timeline Syria',
  '/timeline zzz',
  '/who',
  '/who Tillerson',
  'who is Tilerson?',
  'who is war',
  'who is xyzzy',
  'who is Andrew Hammond',
  'who is Okafor?',
  '/who Nair',
  'what happened at Shayrat?',
  'what happened?',
  '/what',
  'what is sarin',
  'when did Tillerson meet Lavrov?',
  'where did Tillerson meet Lavrov?',
  'where is the Admiral Grigorovich?',
  'what did Medvedev say about war?',
  'what did Okafor say?',
  '/quote',
  '/quote nobody',
  'how many people were killed?',
  'how many vehicles use the bridge?',
  '/figure',
  '/figure zzz',
  '/search chemical attack',
  '/search "deep freeze"',
  '/search "Mill Road"',
  '/search',
  '/search the',
  'which warship was sent to Tartus?',
  'who did Tillerson meet in Moscow?',
  'tell me about NATO',
  '/about',
  '/ask',
  '/foo',
  '😀',
  '/who 😀',
  '/search ((((',
  'x'.repeat(2000),
];

describe('Bot replies', () => {
  for (const [name, opened] of [
    ['shipped corpus', shipped],
    ['port-ellis', portEllis],
  ] as const) {
    it(`gives a valid Reply to every question on the ${name}`, () => {
      const onError = vi.fn();
      const bot = createBot(opened.kb, { onError });
      for (const text of QUESTIONS) expectValidReply(bot.answer({ text }), opened.kb, text);
      expect(onError).not.toHaveBeenCalled();
    });
  }

  it('lists every registered command in help, with its summary', () => {
    const reply = shipped.bot.answer({ text: 'help' });
    expect(reply.kind).toBe('help');
    expect(reply.headline).toContain('2 articles');
    for (const command of COMMANDS) {
      expect(
        reply.lines.some((l) => l.text.startsWith(`/${command.name}`) && l.text.includes(command.summary)),
        command.name,
      ).toBe(true);
    }
    expect(shipped.bot.commands).toBe(COMMANDS);
  });

  it('answers an unknown command with an error that names it and suggests help', () => {
    const reply = shipped.bot.answer({ text: '/foo bar' });
    expect(reply.kind).toBe('error');
    expect(reply.headline).toContain('/foo');
    expect(reply.suggestions).toEqual([{ label: 'Help', ask: 'help' }]);
  });

  it('turns a throwing handler into an error reply and reports the error', () => {
    const boom = new Error('boom');
    const broken: CommandDefinition = {
      name: 'who',
      summary: 'Always fails',
      args: [],
      examples: [],
      run() {
        throw boom;
      },
    };
    const onError = vi.fn();
    const bot = createBot(shipped.kb, { commands: [broken, helpCommand], onError });
    const request = { text: '/who Tillerson', platform: 'console', userId: 'u1' };
    const reply = bot.answer(request);
    expect(reply.kind).toBe('error');
    expect(reply.headline).toMatch(/something went wrong/i);
    expect(reply.headline).not.toContain('boom');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(boom, request);
    // The bot keeps working, and only knows the commands it was given.
    expect(bot.answer({ text: 'help' }).kind).toBe('help');
    expect(bot.answer({ text: '/sources' }).kind).toBe('error');
    expect(bot.answer({ text: 'help' }).lines.filter((l) => l.text.startsWith('/'))).toHaveLength(2);
  });

  it('hands the handler the parsed request, the knowledge base, the request and the commands', () => {
    const seen: unknown[] = [];
    const echo: CommandDefinition = {
      name: 'echo',
      summary: 'Echo',
      args: [],
      examples: [],
      run(parsed, ctx) {
        seen.push(parsed, ctx.kb, ctx.request, ctx.commands);
        return new ReplyBuilder(ctx.kb, 'answer', parsed.text).build();
      },
    };
    const commands = [echo];
    const bot = createBot(shipped.kb, { commands });
    const request = { text: '/echo  hello   world' };
    expect(bot.answer(request).headline).toBe('hello world');
    expect(seen).toEqual([
      { command: 'echo', text: 'hello world', subject: 'hello world' },
      shipped.kb,
      request,
      commands,
    ]);
  });

  it('works without an onError callback', () => {
    const bot = createBot(shipped.kb, {
      commands: [
        {
          name: 'x',
          summary: 'x',
          args: [],
          examples: [],
          run: () => {
            throw new Error('x');
          },
        },
      ],
    });
    expect(bot.answer({ text: '/x' }).kind).toBe('error');
  });

  it('answers from a new knowledge base once the live one is swapped', () => {
    const live = new LiveKnowledge(shipped.kb);
    const bot = createBot(live);
    expect(bot.knowledge()).toBe(shipped.kb);
    expect(bot.answer({ text: '/who Okafor' }).kind).toBe('not_found');
    live.swap(portEllis.kb);
    expect(bot.knowledge()).toBe(portEllis.kb);
    expect(bot.answer({ text: '/who Okafor' }).headline).toMatch(/Jane Okafor/);
  });

  it('shows both accounts, each with its own source, where the sources differ', () => {
    const reply = shipped.bot.answer({ text: 'who did Tillerson meet in Moscow?' });
    expect(reply.kind).toBe('answer');
    expect(reply.citations.map((c) => c.articleId).sort()).toEqual([
      'us-russia-deep-freeze',
      'us-russia-where-next',
    ]);
    expect(reply.headlineCites.sort()).toEqual([0, 1]);
    expect(reply.headline).toMatch(/Lavrov/);
    const marker = reply.lines.findIndex((l) => l.text.startsWith('Sources differ on who took part'));
    expect(marker).toBeGreaterThanOrEqual(0);
    const accounts = reply.lines.slice(marker + 1);
    expect(accounts).toHaveLength(2);
    const [withPutin, withoutPutin] = [...accounts].sort(
      (a, b) => Number(b.text.includes('Putin')) - Number(a.text.includes('Putin')),
    );
    expect(withPutin?.text).toMatch(/Putin/);
    expect(withoutPutin?.text).not.toMatch(/Vladimir Putin/);
    // Each account cites exactly one article, and they are different articles.
    expect(withPutin?.cites).toHaveLength(1);
    expect(withoutPutin?.cites).toHaveLength(1);
    expect(withPutin?.cites[0]).not.toBe(withoutPutin?.cites[0]);
    expect(reply.citations[withPutin?.cites[0] ?? -1]?.articleId).toBe('us-russia-deep-freeze');
  });
});
