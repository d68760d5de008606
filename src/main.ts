/**
 * Composition root: reads settings, loads the corpus, opens the state database, starts the
 * adapters that have tokens (and the digest scheduler, which posts through them), or the console
 * when none do. The console has no channel to post to: there /digest list, unsubscribe and now
 * work, but nothing is scheduled.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { startConsole } from './adapters/console/consoleAdapter.ts';
import { startDiscord } from './adapters/discord/discordAdapter.ts';
import { startSlack } from './adapters/slack/slackAdapter.ts';
import type { RunningAdapter } from './adapters/types.ts';
import { indexCacheDir, saveSoon, startCorpusReload } from './app/liveCorpus.ts';
import { loadKnowledge } from './app/loadKnowledge.ts';
import { createLogger } from './app/logger.ts';
import { formatProblem } from './app/openKnowledge.ts';
import { loadSettings } from './config/settings.ts';
import { type Bot, createBot } from './core/bot.ts';
import { composeDigest } from './digest/composeDigest.ts';
import { loadDigestSubscriptions } from './digest/digestConfig.ts';
import { type DigestDelivery, DigestScheduler, systemClock } from './digest/digestScheduler.ts';
import { createDigestService, syncConfiguredSubscriptions } from './digest/digestService.ts';
import { SqliteStateStore, stateFileIn } from './state/sqliteStateStore.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' } }, allowPositionals: false });
  const settings = loadSettings(values.corpus ? { ...process.env, CORPUS_DIR: values.corpus } : process.env);
  // In the console, info logs would interleave with the answers: show warnings only, unless
  // LOG_LEVEL asks for more.
  const consoleOnly = !settings.SLACK_BOT_TOKEN && !settings.DISCORD_TOKEN;
  const log = createLogger(consoleOnly && !process.env.LOG_LEVEL?.trim() ? 'warn' : settings.LOG_LEVEL);
  const configured = loadDigestSubscriptions(settings.DIGEST_SUBSCRIPTIONS, settings.DIGEST_TIME_ZONE);
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

  // A stray rejection inside a platform client is logged, never fatal: one failed request must not stop the bot.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

  const store = new SqliteStateStore(stateFileIn(settings.DATA_DIR));
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
    onError: (error, request) =>
      log.error({ err: error, platform: request.platform, text: request.text }, 'a command failed'),
  });
  log.info(
    { file: stateFileIn(settings.DATA_DIR), configured: configured.length, ...synced },
    'state database open',
  );

  // A fresh build is saved for the next start; CORPUS_WATCH reloads on changes (src/app/liveCorpus.ts).
  saveSoon(loaded, log);
  const corpusWatcher = startCorpusReload({ bot, settings, log });

  const adapters: RunningAdapter[] = [];
  if (settings.SLACK_BOT_TOKEN) {
    const slack = await startSlack({ bot, settings, log });
    adapters.push(slack);
    log.info({ mode: slack.mode, port: slack.port }, 'Slack adapter started');
  }
  if (settings.DISCORD_TOKEN) {
    const discord = await startDiscord({ bot, settings, log });
    adapters.push(discord);
    log.info({ user: discord.client.user.tag }, 'Discord adapter started');
  }

  if (adapters.length === 0) {
    const console = startConsole({
      bot,
      banner: `News knowledge bot: ${kb.articles.size} articles from ${settings.CORPUS_DIR}. Type help, a /command or a question; exit to quit.`,
    });
    await console.closed;
    corpusWatcher?.close();
    await store.close();
    return;
  }

  const deliveries = new Map<string, DigestDelivery>(
    adapters.map((a) => [a.name, a.digests] as const).filter((e): e is [string, DigestDelivery] => !!e[1]),
  );
  scheduler = new DigestScheduler({
    store,
    deliveries,
    compose: (_subscription, window) => composeDigest(bot.knowledge(), window),
    catchUpMs: settings.DIGEST_CATCH_UP_MINUTES * 60_000,
    log,
  });
  scheduler.start();
  log.info({ platforms: [...deliveries.keys()], owner: scheduler.owner }, 'digest scheduler started');

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await scheduler?.stop();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const e = error as { code?: unknown; message?: string };
  console.error(typeof e.code === 'string' ? `Error: ${e.message}` : error);
  process.exit(1);
});
