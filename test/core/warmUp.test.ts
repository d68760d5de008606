/** The start-up warm-up: questions of every form about the archive's own names, asked one per turn. */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { warmUp, warmUpQuestions } from '../../src/core/warmUp.ts';
import { makeCorpus, removeCorpora } from '../knowledge/support.ts';

const dir = makeCorpus({
  'harbour.txt': [
    'Harbour wall to be rebuilt',
    'Mayor Ellen Vasquez said the harbour wall would be rebuilt in stone. "It will last a century," Vasquez said.',
    'The council voted on Tuesday to spend 4 million pounds on the work, which Brannock Construction will carry out.',
  ].join('\n\n'),
  'school.txt': [
    'New school opens',
    'Headteacher Tomas Okafor welcomed 300 pupils to the new school in Eastfield on Monday.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('warmUpQuestions', () => {
  const { kb } = openKnowledge(dir);
  const names = [...kb.entities.values()].map((e) => e.name);

  it('asks as many questions as told, about the names and words of the archive, the same each time', () => {
    const questions = warmUpQuestions(kb, 200);
    expect(questions).toHaveLength(200);
    expect(warmUpQuestions(kb, 200)).toEqual(questions);
    expect(questions.some((q) => names.some((n) => q.includes(n)))).toBe(true);
    // Several forms, slash commands and free questions both.
    expect(new Set(questions.map((q) => q.split(' ')[0])).size).toBeGreaterThan(8);
    expect(questions.some((q) => q.startsWith('/quote '))).toBe(true);
    expect(questions.some((q) => q.endsWith('?'))).toBe(true);
  });

  it('asks nothing of an empty archive, and stops', () => {
    const empty = { ...kb, passages: [], entities: new Map() };
    expect(warmUpQuestions(empty, 50)).toEqual([]);
  });
});

describe('warmUp', () => {
  const { kb, bot } = openKnowledge(dir);

  it('asks each question through the bot, one per turn of the event loop', async () => {
    const asked: { text: string; platform?: string }[] = [];
    let askedBeforeOtherWork = -1;
    setImmediate(() => {
      askedBeforeOtherWork = asked.length;
    });
    const result = await warmUp({ answer: (request) => asked.push(request) }, kb, 40);
    expect(result.questions).toBe(40);
    expect(asked.map((r) => r.text)).toEqual(warmUpQuestions(kb, 40));
    expect(asked.every((r) => r.platform === 'warmup')).toBe(true);
    // Other work scheduled meanwhile ran before the warm-up was done.
    expect(askedBeforeOtherWork).toBeGreaterThanOrEqual(0);
    expect(askedBeforeOtherWork).toBeLessThan(40);
  });

  it('skips a question that throws, and stops when told', async () => {
    let n = 0;
    const failing = {
      answer: () => {
        n++;
        if (n % 2) throw new Error('boom');
      },
    };
    expect((await warmUp(failing, kb, 10)).questions).toBe(10);
    let stop = false;
    const stopping = {
      answer: () => {
        if (++n > 13) stop = true;
      },
    };
    n = 10;
    expect((await warmUp(stopping, kb, 30, () => stop)).questions).toBe(4);
  });

  it('answers its questions with the real bot without an error reply', async () => {
    const replies: string[] = [];
    await warmUp({ answer: (request) => replies.push(bot.answer(request).kind) }, kb, 60);
    expect(replies).toHaveLength(60);
    expect(replies).not.toContain('error');
  });
});
