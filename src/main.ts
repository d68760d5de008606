/**
 * Composition root: reads settings, loads the corpus, opens the state database, starts the
 * adapters that have tokens (and the digest scheduler, which posts through them), or the console
 * when none do. The console has no channel to post to: there /digest list, unsubscribe and now
 * work, but nothing is scheduled.
 *
 * With Slack or Discord it runs as a service: rate limits and bounded concurrency on answers, an
 * operator's port (HEALTH_PORT: /healthz, /readyz, /metrics), and a graceful shutdown on SIGTERM or
 * SIGINT within SHUTDOWN_TIMEOUT_MS.
 */
import 'dotenv/config';
import { inspect, parseArgs } from 'node:util';
import { startConsole } from './adapters/console/consoleAdapter.ts';
import { startDiscord } from './adapters/discord/discordAdapter.ts';
import { startSlack } from './adapters/slack/slackAdapter.ts';
import type { RunningAdapter } from './adapters/types.ts';
import { Readiness, startHealthServer } from './app/healthServer.ts';
import { indexCacheDir, saveSoon, startCorpusReload } from './app/liveCorpus.ts';
import { loadKnowledge } from './app/loadKnowledge.ts';
import { createLogger } from './app/logger.ts';
import { BotMetrics } from './app/metrics.ts';
import { formatProblem } from './app/openKnowledge.ts';
import { createRedactor, type Redactor } from './app/redact.ts';
import { runShutdown } from './app/shutdown.ts';
import { loadSettings, settingSecrets } from './config/settings.ts';
import { type Bot, createBot } from './core/bot.ts';
import { composeDigest } from './digest/composeDigest.ts';
import { loadDigestSubscriptions } from './digest/digestConfig.ts';
import { type DigestDelivery, DigestScheduler, systemClock } from './digest/digestScheduler.ts';
import { createDigestService, syncConfiguredSubscriptions } from './digest/digestService.ts';
import { startArchive } from './ingest/startArchive.ts';
import { SqliteStateStore, stateFileIn } from './state/sqliteStateStore.ts';

/** Masks credentials in a fatal error printed on the way out; the settings' secrets once known. */
let redactFatal: Redactor = createRedactor();

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' } }, allowPositionals: false });
  const settings = loadSettings(values.corpus ? { ...process.env, CORPUS_DIR: values.corpus } : process.env);
  redactFatal = createRedactor(settingSecrets(settings));
  // In the console, info logs would interleave with the answers: show warnings only, unless
  // LOG_LEVEL asks for more.
  const consoleOnly = !settings.SLACK_BOT_TOKEN && !settings.DISCORD_TOKEN;
  const log = createLogger(consoleOnly && !process.env.LOG_LEVEL?.trim() ? 'warn' : settings.LOG_LEVEL, {
    secrets: settingSecrets(settings),
  });
  const configured = loadDigestSubscriptions(settings.DIGEST_SUBSCRIPTIONS, settings.DIGEST_TIME_ZONE);

  // As a service, the operator's port comes up first: /healthz answers while the corpus loads,
  // and /readyz says what it is waiting for.
  const readiness = new Readiness();
  let corpusLoaded = false;
  let shuttingDown = false;
  readiness.set('corpus', () => corpusLoaded);
  readiness.set('accepting', () => !shuttingDown);
  const metrics = consoleOnly ? undefined : new BotMetrics();
  const health = metrics
    ? await startHealthServer({
        port: settings.HEALTH_PORT,
        host: settings.HEALTH_HOST,
        readiness,
        metrics: () => metrics.render(),
        log,
      })
    : undefined;
  if (health)
    log.info(
      { host: settings.HEALTH_HOST, port: health.port },
      'health server listening: /healthz, /readyz, /metrics',
    );

  const loaded = await loadKnowledge(settings.CORPUS_DIR, {
    cacheDir: indexCacheDir(settings),
    onWorkerError: (error) =>
      log.warn({ err: error }, 'a corpus loader worker failed; its share was loaded in the main thread'),
  });
  const { kb } = loaded;
  for (const p of kb.problems)
    log.warn({ file: p.file, where: p.where }, `corpus problem: ${formatProblem(p)}`);
  log.info(
    {
      articles: kb.articles.size,
      passages: kb.passages.length,
      buildMs: Math.round(loaded.ms),
      fromSavedIndex: loaded.fromCache,
    },
    'corpus loaded',
  );
  corpusLoaded = true;

  // A stray rejection inside a platform client is logged, never fatal: one failed request must not stop the bot.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

  const store = new SqliteStateStore(stateFileIn(settings.DATA_DIR));
  // /ingest, /feeds and the feed poller (src/ingest/); stopped before the database closes.
  const archive = startArchive({ settings, db: store.db, bot: () => bot, log });
  const synced = await syncConfiguredSubscriptions(store, configured, systemClock.now());
  let scheduler: DigestScheduler | undefined;
  const digests = createDigestService({
    store,
    knowledge: () => bot.knowledge(),
    defaultTimeZone: settings.DIGEST_TIME_ZONE,
    clock: systemClock,
    onChange: () => scheduler?.wake(),
  });
  const bot: Bot = createBot(kb, {
    digests,
    archive: archive.archive,
    onError: (error, request) => {
      metrics?.countError('command');
      log.error(
        { err: error, reqId: request.id, platform: request.platform, text: request.text },
        'a command failed',
      );
    },
    // The console is one person at a keyboard: no limits there.
    ...(consoleOnly
      ? {}
      : {
          rateLimits: {
            userPerMinute: settings.RATE_LIMIT_USER_PER_MINUTE,
            channelPerMinute: settings.RATE_LIMIT_CHANNEL_PER_MINUTE,
          },
          concurrency: {
            maxConcurrent: settings.MAX_CONCURRENT_ANSWERS,
            maxQueued: settings.MAX_QUEUED_ANSWERS,
          },
          observe: (event) => {
            metrics?.observeAnswer(event);
            const { request } = event;
            log.info(
              {
                reqId: request.id,
                platform: request.platform,
                userId: request.userId,
                channelId: request.channelId,
                command: event.command,
                outcome: event.outcome,
                ...(event.throttled ? { throttled: event.throttled } : {}),
                ms: Math.round(event.seconds * 1000),
              },
              'request',
            );
          },
        }),
  });
  log.info(
    { file: stateFileIn(settings.DATA_DIR), configured: configured.length, ...synced },
    'state database open',
  );

  // A fresh build is saved for the next start; CORPUS_WATCH reloads on changes (src/app/liveCorpus.ts).
  saveSoon(loaded, log);
  const corpusWatcher = startCorpusReload({ bot, settings, log });
  archive.startFeeds();

  const adapters: RunningAdapter[] = [];
  if (settings.SLACK_BOT_TOKEN) {
    const slack = await startSlack({ bot, settings, log, ...(metrics ? { errors: metrics } : {}) });
    adapters.push(slack);
    log.info({ mode: slack.mode, port: slack.port }, 'Slack adapter started');
  }
  if (settings.DISCORD_TOKEN) {
    const discord = await startDiscord({ bot, settings, log, ...(metrics ? { errors: metrics } : {}) });
    adapters.push(discord);
    log.info({ user: discord.client.user.tag }, 'Discord adapter started');
  }

  if (adapters.length === 0) {
    const console = startConsole({
      bot,
      banner: `News knowledge bot: ${kb.articles.size} articles from ${settings.CORPUS_DIR}. Type help, a /command or a question; exit to quit.`,
    });
    const close = () => void console.stop();
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await console.closed;
    corpusWatcher?.close();
    await archive.stop();
    await store.close();
    return;
  }
  for (const adapter of adapters) readiness.set(adapter.name, () => adapter.isReady?.() ?? true);

  const deliveries = new Map<string, DigestDelivery>(
    adapters.map((a) => [a.name, a.digests] as const).filter((e): e is [string, DigestDelivery] => !!e[1]),
  );
  scheduler = new DigestScheduler({
    store,
    deliveries,
    compose: (_subscription, window) => composeDigest(bot.knowledge(), window),
    catchUpMs: settings.DIGEST_CATCH_UP_MINUTES * 60_000,
    log,
    onReport: (report) => metrics?.countDigestRun(report.status),
  });
  scheduler.start();
  log.info({ platforms: [...deliveries.keys()], owner: scheduler.owner }, 'digest scheduler started');

  // Stop taking requests, let answers and digest posts under way finish, then close everything,
  // all within SHUTDOWN_TIMEOUT_MS. A second signal stops at once.
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      log.warn({ signal }, 'second signal: stopping at once');
      process.exit(1);
    }
    shuttingDown = true;
    log.info({ signal, timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
    const outcome = await runShutdown(
      [
        { name: 'stop taking requests', run: () => Promise.all(adapters.map((a) => a.stopAccepting?.())) },
        { name: 'finish digest posts under way', run: () => scheduler?.stop() },
        {
          name: 'finish answers and disconnect',
          run: () => Promise.allSettled(adapters.map((a) => a.stop())),
        },
        { name: 'stop following feeds', run: () => archive.stop() },
        { name: 'close the state database', run: () => store.close() },
        { name: 'close the health server', run: () => health?.close() },
      ],
      settings.SHUTDOWN_TIMEOUT_MS,
      log,
    );
    log.info(
      { outcome },
      outcome === 'clean' ? 'stopped' : 'stopped before everything under way had finished',
    );
    process.exit(outcome === 'clean' ? 0 : 1);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  log.info({ platforms: adapters.map((a) => a.name) }, 'ready');
}

main().catch((error: unknown) => {
  const e = error as { code?: unknown; message?: string };
  console.error(redactFatal(typeof e.code === 'string' ? `Error: ${e.message}` : inspect(error)));
  process.exit(1);
});
