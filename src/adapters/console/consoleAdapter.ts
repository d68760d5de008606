/**
 * The terminal adapter: an interactive prompt with history, so anyone can try the bot with no
 * tokens. Its `delivery` prints posts meant for the console's one channel (watched names' alerts)
 * above the prompt.
 */
import { createInterface } from 'node:readline';
import type { Bot } from '../../core/bot.ts';
import { renderText } from '../../render/renderText.ts';
import type { ChannelDelivery } from '../../watch/watchAlerter.ts';
import { newRequestId } from '../requestScope.ts';
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
}: ConsoleOptions): RunningAdapter & { closed: Promise<void>; delivery: ChannelDelivery } {
  const rl = createInterface({
    input,
    output,
    prompt: 'ask> ',
    historySize: 200,
    terminal: 'isTTY' in output && Boolean(output.isTTY),
  });
  const write = (text: string) => output.write(`${text}\n`);
  // The session is one conversation: follow-ups ("what did he say?") lean on its earlier answers.
  const session = { id: `session-${newRequestId()}` };
  if (banner) write(banner);
  rl.prompt();
  // Lines are answered one after another, so answers that wait (/digest) still print in order.
  let queue = Promise.resolve();
  const handle = async (line: string) => {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') {
      rl.close();
      return;
    }
    const reply = text
      ? await bot.respond({
          text,
          platform: 'console',
          userId: 'console',
          channelId: 'console',
          thread: session,
        })
      : null;
    if (reply) write(`${renderText(reply)}\n`);
    rl.prompt();
  };
  rl.on('line', (line) => {
    queue = queue
      .then(() => handle(line))
      .catch((error: unknown) => {
        write(`Error: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  const closed = new Promise<void>((resolve) => rl.once('close', () => void queue.then(() => resolve())));
  return {
    name: 'console',
    closed,
    delivery: {
      async post(_target, reply) {
        write(`\n${renderText(reply)}\n`);
        rl.prompt(true);
      },
    },
    async stop() {
      rl.close();
    },
  };
}
