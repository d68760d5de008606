/** Command-line flags shared by the CLI tools. */
import { parseArgs } from 'node:util';
import 'dotenv/config';

export function cliArgs(argv = process.argv.slice(2)) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      words: { type: 'string' },
      queries: { type: 'string' },
      out: { type: 'string' },
      cache: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      fresh: { type: 'boolean', default: false },
      load: { type: 'boolean', default: false },
      requests: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  return { ...values, corpus: values.corpus ?? process.env.CORPUS_DIR ?? 'corpus', positionals };
}

/** Runs a CLI entry point, printing a one-line error (no stack) for expected failures. */
export function runCli(main: () => Promise<number | undefined> | number | undefined): void {
  Promise.resolve()
    .then(main)
    .then((code) => {
      process.exitCode = code ?? 0;
    })
    .catch((error: unknown) => {
      const e = error as { code?: unknown; message?: string };
      console.error(typeof e.code === 'string' ? `Error: ${e.message}` : error);
      process.exitCode = 2;
    });
}
