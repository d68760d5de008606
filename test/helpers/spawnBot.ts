/** Runs `src/main.ts` as a real process with only the given environment, collecting its output. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface SpawnedBot {
  child: ChildProcess;
  output: () => string;
}

export function spawnBot(env: Record<string, string>): SpawnedBot {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
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
