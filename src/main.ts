/**
 * Composition root: reads settings, loads the corpus, starts the adapters that have tokens,
 * or the console when none do.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { startConsole } from './adapters/console/consoleAdapter.ts';
import { startDiscord } from './adapters/discord/discordAdapter.ts';
import { startSlack } from './adapters/slack/slackAdapter.ts';
import type { RunningAdapter } from './adapters/types.ts';
import { createLogger } from './app/logger.ts';
import { formatProblem, openKnowledgeFast } from './app/openKnowledge.ts';
import { loadSettings } from './config/settings.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' } }, allowPositionals: false });
  const settings = loadSettings(values.corpus ? { ...process.env, CORPUS_DIR: values.corpus } : process.env);
  const log = createLogger(settings.LOG_LEVEL);
  const { bot, kb, buildMs } = await openKnowledgeFast(settings.CORPUS_DIR);
  for (const p of kb.problems)
    log.warn({ file: p.file, where: p.where }, `corpus problem: ${formatProblem(p)}`);
  log.info(
    { articles: kb.articles.size, passages: kb.passages.length, buildMs: Math.round(buildMs) },
    'corpus loaded',
  );

  // A stray rejection inside a platform client is logged, never fatal: one failed request must not stop the bot.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

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
    return;
  }

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await Promise.allSettled(adapters.map((a) => a.stop()));
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
