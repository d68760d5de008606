/**
 * Composition root, read top to bottom: settings, the operator's port, stores, knowledge,
 * features, adapters, warm-up, start. Everything started is added to one shutdown list, which runs in
 * reverse. The adapters that have tokens start (and the digest scheduler, which posts through
 * them), or the console when none do. The console has no channel to post to: there /digest list,
 * unsubscribe and now work, but nothing is scheduled.
 *
 * With Slack or Discord it runs as a service: rate limits and bounded concurrency on answers, an
 * operator's port (HEALTH_PORT: /healthz, /readyz, /metrics), and a graceful shutdown on SIGTERM or
 * SIGINT within SHUTDOWN_TIMEOUT_MS.
 */
import 'dotenv/config';
import { inspect, parseArgs } from 'node:util';
import { startConsole } from './adapters/console/consoleAdapter.ts';
import { botOptions } from './app/botOptions.ts';
import { slackConfigured, startChatAdapters } from './app/chatAdapters.ts';
import { assembleCommands } from './app/commands.ts';
import { openStores } from './app/stores.ts';
import { loadSettings, settingSecrets } from './config/settings.ts';
import { createBot } from './core/bot.ts';
import { warmUp } from './core/warmUp.ts';
import { followArticleStore } from './corpus/followArticleStore.ts';
import { indexCacheDir, openLiveKnowledge, watchLiveKnowledge } from './corpus/liveKnowledge.ts';
import { createDigests } from './digest/digests.ts';
import { addToArchiveOffer } from './ingest/addToArchiveOffer.ts';
import { INGESTED_DIR } from './ingest/articleFile.ts';
import { startArchive } from './ingest/startArchive.ts';
import { CodedError } from './ops/errors.ts';
import { Readiness, startHealthServer } from './ops/healthServer.ts';
import { createLogger } from './ops/logger.ts';
import { BotMetrics } from './ops/metrics.ts';
import { createRedactor, type Redactor } from './ops/redact.ts';
import { runShutdown, ShutdownList } from './ops/shutdown.ts';
import { createWatches } from './watch/watches.ts';

/** Masks credentials in a fatal error printed on the way out; the settings' secrets once known. */
let redactFatal: Redactor = createRedactor();

async function main(): Promise<void> {
  // Settings. In the console, info logs would interleave with the answers: warnings only, unless
  // LOG_LEVEL asks for more.
  const { values } = parseArgs({ options: { corpus: { type: 'string' } }, allowPositionals: false });
  const settings = loadSettings(values.corpus ? { ...process.env, CORPUS_DIR: values.corpus } : process.env);
  redactFatal = createRedactor(settingSecrets(settings));
  const consoleOnly = !slackConfigured(settings) && !settings.DISCORD_TOKEN;
  const log = createLogger(consoleOnly && !process.env.LOG_LEVEL?.trim() ? 'warn' : settings.LOG_LEVEL, {
    secrets: settingSecrets(settings),
  });
  const stops = new ShutdownList();
  let shuttingDown = false;

  // As a service, the operator's port comes up first: /healthz answers while the corpus loads,
  // and /readyz says what it is waiting for.
  const readiness = new Readiness();
  readiness.set('corpus', () => false);
  readiness.set('accepting', () => !shuttingDown);
  const metrics = consoleOnly ? undefined : new BotMetrics();
  if (metrics) {
    const health = await startHealthServer({
      port: settings.HEALTH_PORT,
      host: settings.HEALTH_HOST,
      readiness,
      metrics: () => metrics.render(),
      log,
    });
    stops.add('close the health server', () => health.close());
    log.info(
      { host: settings.HEALTH_HOST, port: health.port },
      'health server listening: /healthz, /readyz, /metrics',
    );
  }
  // A stray rejection inside a platform client is logged, never fatal: one failed request must not stop the bot.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

  // Stores: where the bot's state lives (digest subscriptions and runs, the archive's URLs and feeds):
  // SQLite in DATA_DIR, or PostgreSQL (and Redis) shared by several instances (app/stores.ts).
  const stores = await openStores(settings, log);
  const store = stores.state;
  stops.add('close the state database', () => stores.close());

  // Knowledge: the articles' source, loaded once and owned here; CORPUS_WATCH reloads on changes.
  const knowledge = await openLiveKnowledge({
    dir: settings.CORPUS_DIR,
    cacheDir: indexCacheDir(settings),
    log,
  });
  readiness.set('corpus', () => true);
  // Several instances: the editors' folder is imported into the shared store, and its changes and
  // the articles ingested anywhere arrive from there (ready once caught up).
  const following =
    stores.articles &&
    (await followArticleStore(knowledge, {
      store: stores.articles,
      dir: settings.CORPUS_DIR,
      log,
      ...(stores.corpusFiles ? { folder: { files: stores.corpusFiles, skip: [INGESTED_DIR] } } : {}),
    }));
  if (following) readiness.set('articles', () => following.caughtUp());
  if (following) stops.add('stop following the article store', () => following.close());
  if (settings.CORPUS_WATCH) {
    const watcher = watchLiveKnowledge(knowledge, {
      dir: settings.CORPUS_DIR,
      log,
      ...(following ? { beforeRebuild: following.importNow } : {}),
    });
    stops.add('stop watching the corpus', () => watcher.close());
  }

  // Features: digests (/digest and the scheduler), watched names (/watch and their alerts), the
  // archive (/ingest, /feeds, the feed poller).
  const digests = await createDigests({
    settings,
    store,
    knowledge,
    log,
    onReport: (report) => metrics?.countDigestRun(report.status),
    catchUp: following?.syncNow,
  });
  log.info({ ...stores.where, ...digests.synced }, 'state database open');
  const archive = startArchive({
    settings,
    state: store.archive,
    knowledge,
    log,
    articles: stores.articles,
    leases: stores.leases,
  });
  stops.add('stop following feeds', () => archive.stop());
  const watches = createWatches({ state: store.watches, log });
  const commands = assembleCommands({
    digests: digests.service,
    watches: watches.command,
    archive: archive.archive,
  });
  const bot = createBot(knowledge, {
    commands,
    // A shared link to a page not in the archive: editors are offered to add it.
    unknownLink: addToArchiveOffer(archive.archive),
    ...botOptions(settings, log, metrics, stores.rateCounters, store.threads),
  });
  archive.startFeeds();
  // Warm-up: the bot asks itself questions about the archive in the background, so users' first
  // questions are answered by compiled code; /readyz waits for it.
  let warm = settings.WARMUP_QUESTIONS === 0;
  let stopWarming = false;
  readiness.set('warm-up', () => warm);
  stops.add('stop the warm-up', () => {
    stopWarming = true;
  });
  void warmUp(bot, knowledge.current(), settings.WARMUP_QUESTIONS, () => stopWarming).then((done) => {
    warm = true;
    log.info({ questions: done.questions, ms: Math.round(done.ms) }, 'warmed up');
  });

  // Adapters: the platforms that have tokens, or else the console.
  const chat = await startChatAdapters({
    bot,
    settings,
    log,
    errors: metrics,
    leases: stores.leases,
    state: store,
    discord: { shardLocks: stores.shardLocks, sharedAsks: stores.sharedAsks },
  });
  stops.add('finish answers and disconnect', () => chat.stop());

  if (consoleOnly) {
    const console = startConsole({
      bot,
      banner: `News knowledge bot: ${knowledge.current().articles.size} articles from ${settings.CORPUS_DIR}. Type help, a /command or a question; exit to quit.`,
    });
    // Watched names made in the console are printed there.
    watches.start(knowledge, new Map([['console', console.delivery]]));
    stops.add('stop watch alerts', () => watches.stop());
    const close = () => void console.stop();
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await console.closed;
    await runShutdown(stops.inReverse(), settings.SHUTDOWN_TIMEOUT_MS, log);
    return;
  }

  // Start: digests post through the adapters that deliver; readiness follows each adapter.
  for (const adapter of chat.adapters) readiness.set(adapter.name, () => adapter.isReady?.() ?? true);
  digests.start(chat.deliveries);
  stops.add('finish digest posts under way', () => digests.scheduler.stop());
  watches.start(knowledge, chat.deliveries);
  stops.add('finish watch alerts under way', () => watches.stop());
  stops.add('stop taking requests', () => chat.stopAccepting());

  // Stop taking requests, let answers and digest posts under way finish, then close everything,
  // all within SHUTDOWN_TIMEOUT_MS. A second signal stops at once.
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      log.warn({ signal }, 'second signal: stopping at once');
      process.exit(1);
    }
    shuttingDown = true;
    log.info({ signal, timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
    const outcome = await runShutdown(stops.inReverse(), settings.SHUTDOWN_TIMEOUT_MS, log);
    log.info(
      { outcome },
      outcome === 'clean' ? 'stopped' : 'stopped before everything under way had finished',
    );
    process.exit(outcome === 'clean' ? 0 : 1);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  log.info({ platforms: chat.adapters.map((a) => a.name) }, 'ready');
}

main().catch((error: unknown) => {
  console.error(redactFatal(error instanceof CodedError ? `Error: ${error.message}` : inspect(error)));
  process.exit(1);
});
