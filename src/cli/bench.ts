/**
 * Speed and memory of the whole core: `npm run bench -- [--corpus DIR | --words N] [--queries N] [--cache DIR]`.
 * With --words it first writes a synthetic corpus of about N words under .bench/. With --cache the
 * built index is saved there, and the next run with the same corpus starts from it (from_cache).
 * The last line printed is one JSON object: articles, words, build_ms (wall), build_cpu_ms (all
 * threads), query_p50_ms, query_p95_ms, query_max_ms, heap_mb, and `forms`: per question form (the
 * command each question was routed to) its count, p50, p95 and max. `--query-file FILE` times the
 * questions in FILE (one a line; blank lines and lines starting with # skipped) instead of the
 * mixed questions made from the corpus.
 * Before timing, the bot warms up as `npm start` does (core/warmUp.ts: WARMUP_QUESTIONS questions of
 * its own about the archive, none of them the timed ones): warmup_questions and warmup_ms say what
 * it took. `--warmup N` asks N instead; `--cold` asks none, and times a bot that has answered nothing.
 * `--load [--requests N] [--concurrency N]` adds a load run through bot.respond() (default 2000
 * requests, 50 at once): throughput_rps, load_p50_ms, load_p99_ms, heap before/after (src/bench/loadRun.ts).
 * `--update` adds how soon one new article is answerable, on a copy of the corpus: update_add_ms
 * (indexed and answered), update_remove_ms, update_answered (src/bench/updateRun.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchQueries } from '../bench/benchQueries.ts';
import { runLoad } from '../bench/loadRun.ts';
import { writeSyntheticCorpus } from '../bench/syntheticCorpus.ts';
import { runUpdate } from '../bench/updateRun.ts';
import { createBot } from '../core/bot.ts';
import { parseRequest } from '../core/parseRequest.ts';
import { DEFAULT_WARMUP_QUESTIONS, warmUp } from '../core/warmUp.ts';
import { loadKnowledge } from '../corpus/loadKnowledge.ts';
import { CodedError } from '../ops/errors.ts';
import { cliArgs, readInputFile, runCli } from './options.ts';

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** p50, p95 and max of each question form (the command a question was routed to), most asked first. */
function byForm(timed: readonly { form: string; ms: number }[]) {
  const groups = new Map<string, number[]>();
  for (const t of timed) groups.set(t.form, [...(groups.get(t.form) ?? []), t.ms]);
  return Object.fromEntries(
    [...groups]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([form, ms]) => {
        const sorted = ms.sort((a, b) => a - b);
        const stats = { n: sorted.length, p50_ms: round(percentile(sorted, 50)) };
        return [form, { ...stats, p95_ms: round(percentile(sorted, 95)), max_ms: round(sorted.at(-1) ?? 0) }];
      }),
  );
}

/** A whole-number flag of at least `min` (the fallback when not given). */
function count(value: string | undefined, fallback: number, flag: string, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min)
    throw new CodedError(
      'BAD_ARGS',
      `${flag} needs a whole number of ${min} or more, e.g. ${flag} ${fallback}`,
    );
  return n;
}

runCli(async () => {
  const args = cliArgs();
  let corpus = args.corpus;
  if (args.words) {
    const target = Number(args.words.replace(/_/g, ''));
    if (!Number.isFinite(target) || target <= 0)
      throw new CodedError('BAD_ARGS', '--words needs a number, e.g. --words 1000000');
    corpus = join('.bench', `synthetic-${target}`);
    // The generator is deterministic: an existing corpus of the same size is reused.
    if (args.fresh || !existsSync(join(corpus, 'facts.yaml'))) {
      const made = writeSyntheticCorpus(corpus, target);
      console.error(`wrote a synthetic corpus of ${made.words} words to ${corpus}`);
    } else {
      console.error(`reusing the synthetic corpus in ${corpus} (--fresh writes it again)`);
    }
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const cpuBefore = process.cpuUsage();
  const loaded = await loadKnowledge(corpus, { cacheDir: args.cache });
  const cpu = process.cpuUsage(cpuBefore);
  const { kb, ms: buildMs } = loaded;
  const bot = createBot(kb);
  console.error(`${loaded.fromCache ? 'loaded' : 'built'} ${kb.words} words in ${Math.round(buildMs)} ms`);
  const saveStarted = performance.now();
  const saved = loaded.save();
  if (saved)
    console.error(`saved the index to ${saved} in ${Math.round(performance.now() - saveStarted)} ms`);
  const queries = args['query-file']
    ? readInputFile(args['query-file'])
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
    : benchQueries(kb, Number(args.queries ?? 400));
  if (!queries.length) throw new CodedError('BAD_ARGS', `${args['query-file']} holds no questions`);
  const commandNames = new Set(bot.commands.map((c) => c.name));

  const warmed = args.cold
    ? { questions: 0, ms: 0 }
    : await warmUp(bot, kb, count(args.warmup, DEFAULT_WARMUP_QUESTIONS, '--warmup', 0));
  for (const q of queries.slice(0, 50)) bot.answer({ text: q }); // warm-up: JIT and caches
  const timed: { q: string; form: string; ms: number }[] = [];
  for (const q of queries) {
    const start = performance.now();
    bot.answer({ text: q, platform: 'bench' });
    const ms = performance.now() - start;
    timed.push({ q, form: parseRequest(q, commandNames).command, ms });
  }
  const times = timed.map((t) => t.ms).sort((a, b) => a - b);
  gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  if (args.verbose) {
    for (const t of [...timed].sort((a, b) => b.ms - a.ms).slice(0, 15))
      console.error(`${round(t.ms)} ms  [${t.form}] ${t.q}`);
  }
  const result = {
    articles: kb.articles.size,
    words: kb.words,
    passages: kb.passages.length,
    queries: queries.length,
    build_ms: Math.round(buildMs),
    build_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    warmup_questions: warmed.questions,
    warmup_ms: Math.round(warmed.ms),
    ...(args.cache ? { from_cache: loaded.fromCache } : {}),
    query_p50_ms: round(percentile(times, 50)),
    query_p95_ms: round(percentile(times, 95)),
    query_max_ms: round(times.at(-1) ?? 0),
    heap_mb: Math.round(heapMb),
    forms: byForm(timed),
  };
  // --load: many asks at once through respond(), the chat adapters' path; adds the load_* fields.
  const load = args.load
    ? await runLoad(kb, queries, {
        requests: count(args.requests, 2000, '--requests'),
        concurrency: count(args.concurrency, 50, '--concurrency'),
      })
    : {};
  const update = args.update ? await runUpdate(corpus) : {};
  console.log(JSON.stringify({ ...result, ...load, ...update }));
  return 0;
});
