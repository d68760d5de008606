/** Command-line flags shared by the CLI tools. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import 'dotenv/config';
import { CodedError } from '../ops/errors.ts';

/** Reads a file named on the command line; a missing or unreadable one is said in one line. */
export function readInputFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CodedError('CANNOT_READ', (error as Error).message, { cause: error });
  }
}

export function cliArgs(argv = process.argv.slice(2)) {
  try {
    return parseFlags(argv);
  } catch (error) {
    // A flag the tools do not know, or a value of the wrong kind: said in one line.
    throw new CodedError('INVALID_ARGUMENTS', (error as Error).message, { cause: error });
  }
}

function parseFlags(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      words: { type: 'string' },
      queries: { type: 'string' },
      'query-file': { type: 'string' },
      out: { type: 'string' },
      cache: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      fresh: { type: 'boolean', default: false },
      load: { type: 'boolean', default: false },
      update: { type: 'boolean', default: false },
      cold: { type: 'boolean', default: false },
      warmup: { type: 'string' },
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
      console.error(error instanceof CodedError ? `Error: ${error.message}` : error);
      process.exitCode = 2;
    });
}
