/** Follow-ups through the core on the shipped corpus: the thread's context in the real SQLite store. */
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/app/commands.ts';
import { createBot } from '../../../src/core/bot.ts';
import { contextFromAnswer } from '../../../src/core/followUp/contextFromAnswer.ts';
import { parseRequest } from '../../../src/core/parseRequest.ts';
import type { Request } from '../../../src/core/request.ts';
import { loadCorpus } from '../../../src/knowledge/loadCorpus.ts';
import { renderText } from '../../../src/render/renderText.ts';
import { buildKnowledgeBase } from '../../../src/search/knowledgeBase.ts';
import { SqliteStateStore } from '../../../src/state/sqliteStateStore.ts';
import type { ThreadContexts } from '../../../src/state/threadContexts.ts';

const kb = buildKnowledgeBase(loadCorpus('corpus'));
const store = new SqliteStateStore(':memory:');
afterAll(() => store.close());

const HOUR = 3_600_000;
let clock = Date.parse('2026-03-05T08:00:00Z');

function bot(threads: ThreadContexts = store.threads, onError?: (e: unknown) => void) {
  return createBot(kb, {
    commands: COMMANDS,
    followUps: { store: threads, ttlMs: HOUR, now: () => clock, ...(onError ? { onError } : {}) },
  });
}

const b = bot();
const where = (channelId: string, thread: string): Omit<Request, 'text'> => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId,
  thread: { id: thread },
  via: 'message',
});

async function ask(text: string, at: Omit<Request, 'text'>) {
  const reply = await b.respond({ text, ...at });
  if (!reply) throw new Error('no reply');
  return { reply, first: renderText(reply).split('\n')[0] ?? '', text: renderText(reply) };
}

describe('follow-up questions through the core', () => {
  it('answers a thread of four follow-ups with the right people and event', async () => {
    const t = where('C1', '100.1');
    expect((await ask('who is Putin?', t)).first).toMatch(/^Vladimir Putin: Russian President/);
    const said = await ask('what did he say about the strike?', t);
    expect(said.first).toMatch(/^Vladimir Putin: .*in violation of international law/);
    expect(said.reply.fields).toContainEqual({
      label: 'Read as',
      value: 'what did Putin say about the strike?',
    });
    expect((await ask('and Medvedev?', t)).first).toMatch(/^Dmitry Medvedev: .*military clash/);
    const when = await ask('when was that?', t);
    expect(when.first).toMatch(/US missile strike on Shayrat air base: last week/);
    expect(when.reply.fields).toContainEqual({ label: 'Read as', value: 'when was the strike?' });
  });

  it('answers the thread of the issue as the archive allows: Lavrov is never quoted, Tillerson is', async () => {
    const t = where('C1', '150.1');
    expect((await ask('who is Lavrov?', t)).first).toMatch(/^Sergei Lavrov: Russian Foreign Minister/);
    // "No quotes" is an answer about Lavrov all the same: the thread still knows who "he" was.
    const lavrov = await ask('what did he say about the strike?', t);
    expect(lavrov.first).toMatch(/^No quotes from Sergei Lavrov/);
    expect(lavrov.reply.fields).toContainEqual({
      label: 'Read as',
      value: 'what did Lavrov say about the strike?',
    });
    expect((await ask('and Tillerson?', t)).first).toMatch(/^Rex Tillerson: .*complicit/);
    const arrived = await ask('when did he arrive in Moscow?', t);
    expect(arrived.first).toMatch(/on Wednesday, 2017-04-12/);
    expect(arrived.reply.fields).toContainEqual({
      label: 'Read as',
      value: 'when did Tillerson arrive in Moscow?',
    });
  });

  it('follows Lavrov to Tillerson, and asks who is meant when the last question named both', async () => {
    const t = where('C1', '200.1');
    expect((await ask('who is Lavrov?', t)).first).toMatch(/^Sergei Lavrov: Russian Foreign Minister/);
    expect((await ask('when did he meet Tillerson?', t)).reply.fields).toContainEqual({
      label: 'Read as',
      value: 'when did Lavrov meet Tillerson?',
    });
    const which = await ask('what did he say?', t);
    expect(which.reply.kind).toBe('ambiguous');
    expect(which.first).toBe('Who do you mean: Lavrov or Tillerson?');
    expect(which.reply.suggestions.map((s) => s.ask)).toEqual([
      'what did Lavrov say?',
      'what did Tillerson say?',
    ]);
    // Naming him answers the question he was asked about; the names in the context stay as they were.
    const picked = await ask('Tillerson', t);
    expect(picked.first).toMatch(/^Rex Tillerson: .*complicit/);
    expect(picked.reply.fields).toContainEqual({ label: 'Read as', value: 'what did Tillerson say?' });
    // Once answered, a bare name is a question of its own again.
    expect((await ask('Lavrov', t)).reply.fields.some((f) => f.label === 'Read as')).toBe(false);
    expect((await ask('when did he arrive in Moscow?', t)).first).toMatch(/on Wednesday, 2017-04-12/);
  });

  it('never lets another channel, thread or workspace see the context', async () => {
    await ask('who is Putin?', where('C7', '300.1'));
    for (const other of [
      where('C8', '300.1'),
      where('C7', '300.2'),
      { ...where('C7', '300.1'), workspaceId: 'T2' },
    ]) {
      const reply = await ask('what did he say about the strike?', other);
      expect(reply.reply.fields.some((f) => f.label === 'Read as')).toBe(false);
      expect(reply.first).not.toMatch(/Putin/);
    }
    // A request outside any thread (a slash command) neither reads nor writes a context.
    const slash = await b.respond({
      text: 'what did he say?',
      platform: 'slack',
      channelId: 'C7',
      via: 'command',
    });
    expect(slash?.fields.some((f) => f.label === 'Read as')).toBe(false);
  });

  it('forgets a thread after an hour of silence, and an hour counts from the last answer', async () => {
    const t = where('C1', '400.1');
    await ask('who is Putin?', t);
    clock += HOUR - 1000;
    expect((await ask('what did he say about the strike?', t)).first).toMatch(/^Vladimir Putin/);
    clock += HOUR - 1000;
    expect((await ask('and Medvedev?', t)).first).toMatch(/^Dmitry Medvedev/);
    clock += HOUR + 1000;
    const late = await ask('what did he say?', t);
    expect(late.first).not.toMatch(/Medvedev|Putin/);
    expect(late.reply.fields.some((f) => f.label === 'Read as')).toBe(false);
  });

  it('answers the question as asked when the store fails, and reports it', async () => {
    const errors: unknown[] = [];
    const broken: ThreadContexts = {
      load: async () => {
        throw new Error('database is locked');
      },
      save: async () => {
        throw new Error('database is locked');
      },
    };
    const reply = await bot(broken, (e) => errors.push(e)).respond({
      text: 'who is Putin?',
      ...where('C1', '500.1'),
    });
    expect(reply?.headline).toMatch(/^Vladimir Putin/);
    expect(errors.map(String)).toEqual(['Error: database is locked', 'Error: database is locked']);
  });
});

describe('contextFromAnswer', () => {
  const turnOf = (question: string) => {
    const parsed = parseRequest(question, new Set(COMMANDS.map((c) => c.name)));
    const reply = b.answer({ text: question });
    return contextFromAnswer(kb, question, parsed, reply);
  };

  it("takes the question's names as its focus and the answer's people as what it named", () => {
    const turn = turnOf('who did Lavrov meet in Moscow?');
    expect(turn?.focus.map((m) => [m.name, m.kind])).toEqual([
      ['Sergei Lavrov', 'person'],
      ['Moscow', 'place'],
    ]);
    expect(turn?.named.map((m) => [m.name, m.kind])).toEqual([
      ["Tillerson's talks in Moscow", 'event'],
      ['Rex Tillerson', 'person'],
      ['Vladimir Putin', 'person'],
    ]);
    expect(turn?.focus[0]?.gender).toBe('male');
    // Named as the answer's `about` gives them, by the short name a rewrite puts in.
    expect(turn?.named.map((m) => m.said)).toEqual(["Tillerson's talks in Moscow", 'Tillerson', 'Putin']);
  });

  it('resolves a topic to its event, and keeps nothing from help or a clarification', () => {
    const turn = turnOf('what did Medvedev say about the strike?');
    expect(turn?.focus).toContainEqual({
      name: 'US missile strike on Shayrat air base',
      said: 'the strike',
      kind: 'event',
    });
    expect(turnOf('help')).toBeUndefined();
  });
});
