/** Runs `src/main.ts` as a real process with only the given environment, collecting its output. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface SpawnedBot {
  child: ChildProcess;
  output: () => string;
}

/**
 * The bot's start-up warm-up (WARMUP_QUESTIONS) is off unless the test asks for it: several bots run
 * at once in the suite, and each would spend a second of CPU on questions no test reads.
 */
export function spawnBot(env: Record<string, string>): SpawnedBot {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', WARMUP_QUESTIONS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  return { child, output: () => output };
}
