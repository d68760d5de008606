/** A load problem as one line, for logs and the command-line tools. */
import type { LoadProblem } from './types.ts';

export function formatProblem(p: LoadProblem): string {
  return `${p.file}${p.where ? ` (${p.where})` : ''}: ${p.message}`;
}
