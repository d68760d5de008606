/** The terminal adapter: an interactive prompt with history, so anyone can try the bot with no tokens. */
import { createInterface } from 'node:readline';
import type { Bot } from '../../core/bot.ts';
import { renderText } from '../../render/renderText.ts';
import type { RunningAdapter } from '../types.ts';

export interface ConsoleOptions {
  bot: Bot;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Printed once before the first prompt. */
  banner?: string;
}

export function startConsole({
  bot,
  input = process.stdin,
  output = process.stdout,
  banner,
}: ConsoleOptions): RunningAdapter & { closed: Promise<void> } {
  const rl = createInterface({
    input,
    output,
    prompt: 'ask> ',
    historySize: 200,
    terminal: 'isTTY' in output && Boolean(output.isTTY),
  });
  const write = (text: string) => output.write(`${text}\n`);
  if (banner) write(banner);
  rl.prompt();
  rl.on('line', (line) => {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') {
      rl.close();
      return;
    }
    if (text) write(`${renderText(bot.answer({ text, platform: 'console', userId: 'console' }))}\n`);
    rl.prompt();
  });
  const closed = new Promise<void>((resolve) => rl.once('close', () => resolve()));
  return {
    name: 'console',
    closed,
    async stop() {
      rl.close();
    },
  };
}
