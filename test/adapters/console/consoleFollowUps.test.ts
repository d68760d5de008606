/** The console is one conversation: a follow-up leans on the session's earlier answers, and a new session starts afresh. */
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../../src/adapters/console/consoleAdapter.ts';
import { COMMANDS } from '../../../src/app/commands.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { createBot } from '../../../src/core/bot.ts';
import { SqliteStateStore } from '../../../src/state/sqliteStateStore.ts';

const store = new SqliteStateStore(':memory:');
afterAll(() => store.close());
const bot = createBot(openKnowledge('corpus').kb, {
  commands: COMMANDS,
  followUps: { store: store.threads, ttlMs: 3_600_000 },
});

/** Types each line into a fresh console and returns the answers' first lines, in order. */
async function session(lines: string[]): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const running = startConsole({ bot, input, output });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await running.closed;
  return printed
    .split('ask> ')
    .map((answer) => answer.trim().split('\n')[0] ?? '')
    .filter(Boolean);
}

describe('console: follow-up questions', () => {
  it('answers follow-ups from the session, and a new session knows nothing of the last', async () => {
    const answers = await session([
      'who is Putin?',
      'what did he say about the strike?',
      'and Medvedev?',
      'when was that?',
    ]);
    expect(answers).toHaveLength(4);
    expect(answers[0]).toMatch(/^Vladimir Putin: Russian President/);
    expect(answers[1]).toMatch(/^Vladimir Putin: .*in violation of international law/);
    expect(answers[2]).toMatch(/^Dmitry Medvedev: .*military clash/);
    expect(answers[3]).toMatch(/US missile strike on Shayrat air base: last week/);
    const [again] = await session(['what did he say about the strike?']);
    expect(again).not.toMatch(/Putin|Medvedev/);
  });
});
