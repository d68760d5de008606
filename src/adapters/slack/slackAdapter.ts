/**
 * The Slack adapter: a Bolt App on Socket Mode when SLACK_APP_TOKEN is set (no public URL needed),
 * otherwise Bolt's HTTP receiver on PORT, which verifies Slack's request signatures. One workspace
 * with SLACK_BOT_TOKEN; many with SLACK_CLIENT_ID (OAuth, oauth.ts): each workspace installs the
 * app at /slack/install, and is answered and sent its digests with its own token, kept in the
 * state database (slackInstallations.ts). An uninstall forgets the workspace (uninstall.ts).
 * SLACK_API_URL points the Web API client (and Socket Mode's connection request) elsewhere:
 * GovSlack, a proxy, or a test server.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Bot } from '../../core/bot.ts';
import type { DigestDelivery } from '../../digest/digestScheduler.ts';
import type { Logger } from '../../ops/logger.ts';
import type { ErrorCounter } from '../../ops/metrics.ts';
import { type Leases, MemoryLeases } from '../../state/leases.ts';
import type { StateStore } from '../../state/stateStore.ts';
import { InFlight } from '../inFlight.ts';
import type { RunningAdapter } from '../types.ts';
import { boltLogger } from './boltLogger.ts';
import { defaultDedupOptions, type EventDedupOptions } from './eventDedup.ts';
import { registerSlackHandlers } from './handlers.ts';
import { oauthReceiverOptions } from './oauth.ts';
import { registerReplayGuard, signatureOf } from './replayGuard.ts';
import { createSlackDigestDelivery } from './slackDigestDelivery.ts';
import { createSlackInstallations, type SlackInstallations } from './slackInstallations.ts';
import { checkSettings, type SlackSettings, SlackSettingsError } from './slackSettings.ts';
import { retryStart, type StartRetryPolicy } from './startRetry.ts';
import { registerUninstallHandlers } from './uninstall.ts';

export { type SlackSettings, SlackSettingsError } from './slackSettings.ts';

export type SlackRetryConfig = NonNullable<NonNullable<AppOptions['clientOptions']>['retryConfig']>;

/**
 * A few quick retries: an answer that arrives minutes late is worse than a logged failure. A 429
 * (rate limited) counts as one of them, after waiting the Retry-After that Slack asked for.
 */
export const DEFAULT_SLACK_RETRY: SlackRetryConfig = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 5_000,
};

/** A Web API call that has not answered by then is abandoned (and retried): a hung call never hangs a listener. */
export const DEFAULT_SLACK_TIMEOUT_MS = 10_000;

export interface SlackAdapterOptions {
  bot: Bot;
  settings: SlackSettings;
  log: Logger;
  /** Web API retry policy (default DEFAULT_SLACK_RETRY); tests pass `{ retries: 0 }`. */
  retryConfig?: SlackRetryConfig;
  /** Web API request timeout in ms (default DEFAULT_SLACK_TIMEOUT_MS). */
  timeoutMs?: number;
  /**
   * Socket Mode: how long to wait for Slack's pings and for pongs (the Socket Mode client's
   * defaults when unset). A lost connection is noticed, and reopened, after about this long.
   */
  socketPingTimeouts?: { clientPingTimeout?: number; serverPingTimeout?: number };
  /** Counts failed Slack calls (metrics). */
  errors?: ErrorCounter;
  /**
   * Socket Mode: retry policy of the call that opens (and reopens) the connection. The default is
   * the Socket Mode client's own, which keeps trying for a long time, so a Slack outage does not
   * end the process.
   */
  connectionRetryConfig?: SlackRetryConfig;
  /** The bot's ids. With both, start-up skips the auth.test call that looks them up. */
  botId?: string;
  botUserId?: string;
  /** HTTP receiver: the port (default settings.PORT; 0 picks a free one) and the address to bind. */
  port?: number;
  host?: string;
  /** Back-off of the start-up token check while Slack fails (default DEFAULT_START_RETRY). */
  startRetry?: StartRetryPolicy;
  /** HTTP receiver: reply to Slack's request only after the listener finished (for FaaS). Default false. */
  processBeforeResponse?: boolean;
  /** How many event ids this process remembers to drop Slack's retries (without shared leases). */
  dedup?: Pick<EventDedupOptions, 'maxEntries'>;
  /** Leases shared by the bot's instances, so one of them answers each event; default: this process's. */
  leases?: Leases;
  /**
   * The state database: where OAuth installations are kept (needed with SLACK_CLIENT_ID), and what
   * an uninstalled workspace's subscriptions are removed from.
   */
  state?: Pick<StateStore, 'installations' | 'forgetWorkspace'>;
}

export type SlackMode = 'socket' | 'http';

export interface SlackApp {
  app: App;
  mode: SlackMode;
  /** Socket Mode: the receiver, whose client tells whether the connection is open. */
  receiver?: SocketModeReceiver;
  /** Every listener's work under way. */
  inFlight: InFlight;
  /** Installed by OAuth in many workspaces: their installations and tokens. */
  installations?: SlackInstallations;
}

export interface RunningSlack extends RunningAdapter {
  readonly app: App;
  readonly mode: SlackMode;
  /** HTTP receiver: the port it listens on. */
  readonly port?: number;
  /** Posts scheduled digests to Slack channels. */
  readonly digests: DigestDelivery;
}

/** Builds the Bolt App with every listener registered, without connecting to anything. */
export function createSlackApp(options: SlackAdapterOptions): SlackApp {
  const { bot, settings, log } = options;
  const { auth, connection } = checkSettings(settings);
  const logger = boltLogger(log);
  const knownIds = options.botId !== undefined && options.botUserId !== undefined;
  const slackApiUrl = settings.SLACK_API_URL ? { slackApiUrl: settings.SLACK_API_URL } : {};
  const clientOptions = {
    ...slackApiUrl,
    retryConfig: options.retryConfig ?? DEFAULT_SLACK_RETRY,
    timeout: options.timeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS,
  };
  if (auth.kind === 'oauth' && !options.state) {
    throw new SlackSettingsError('SLACK_CLIENT_ID needs the state database, where installations are kept.');
  }
  const installations =
    auth.kind === 'oauth' && options.state
      ? createSlackInstallations({
          store: options.state.installations,
          clientId: auth.credentials.clientId,
          clientSecret: auth.credentials.clientSecret,
          clientOptions,
          log,
        })
      : undefined;
  const receiver =
    connection.mode === 'socket'
      ? // Our own receiver, so the connection gets its own retry policy, not the answers' one.
        new SocketModeReceiver({
          appToken: connection.appToken,
          logger,
          logLevel: logger.getLevel(),
          ...options.socketPingTimeouts,
          installerOptions: {
            clientOptions: {
              ...slackApiUrl,
              ...(options.connectionRetryConfig ? { retryConfig: options.connectionRetryConfig } : {}),
            },
          },
        })
      : undefined;
  const app = new App({
    ...(auth.kind === 'token'
      ? {
          token: auth.token,
          ...(knownIds ? { botId: options.botId, botUserId: options.botUserId } : {}),
          // Verify the token at start-up (init) rather than on the first event, unless the ids are given.
          tokenVerificationEnabled: !knownIds,
        }
      : {}),
    deferInitialization: true,
    logger,
    logLevel: logger.getLevel(),
    clientOptions,
    ...(connection.mode === 'socket'
      ? { socketMode: true, receiver }
      : {
          receiver: new HTTPReceiver({
            signingSecret: connection.signingSecret,
            port: options.port ?? settings.PORT,
            processBeforeResponse: options.processBeforeResponse ?? false,
            logger,
            logLevel: logger.getLevel(),
            // The signature goes into the context, for the replay guard.
            customPropertiesExtractor: signatureOf,
            ...(auth.kind === 'oauth' && installations
              ? oauthReceiverOptions(auth.credentials, installations, clientOptions)
              : {}),
          }),
        }),
  });
  if (connection.mode === 'http') registerReplayGuard(app, { log });
  const inFlight = new InFlight();
  registerSlackHandlers(app, {
    bot,
    log,
    leases:
      options.leases ??
      new MemoryLeases({ maxEntries: options.dedup?.maxEntries ?? defaultDedupOptions.maxEntries }),
    inFlight,
    ...(options.errors ? { errors: options.errors } : {}),
  });
  if (options.state) registerUninstallHandlers(app, { state: options.state, log });
  return {
    app,
    mode: connection.mode,
    ...(receiver ? { receiver } : {}),
    inFlight,
    ...(installations ? { installations } : {}),
  };
}

function describeStartError(error: unknown, mode: SlackMode): Error {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  if (
    code === 'invalid_auth' ||
    code === 'not_authed' ||
    code === 'account_inactive' ||
    code === 'token_revoked'
  ) {
    return new SlackSettingsError(
      `Slack refused the token (${code}): check ${mode === 'socket' ? 'SLACK_BOT_TOKEN and SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN'}.`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Starts the Slack adapter: verifies the token, then connects (Socket Mode) or listens (HTTP). */
export async function startSlack(options: SlackAdapterOptions): Promise<RunningSlack> {
  const { app, mode, receiver, inFlight, installations } = createSlackApp(options);
  const { log } = options;
  let port: number | undefined;
  let server: Server | undefined;
  try {
    await retryStart(() => app.init(), log, options.startRetry);
    if (mode === 'socket') {
      await app.start();
    } else {
      const listenPort = options.port ?? options.settings.PORT;
      server = await (options.host
        ? app.start({ port: listenPort, host: options.host })
        : app.start(listenPort));
      port = (server.address() as AddressInfo | null)?.port;
    }
  } catch (error) {
    await app.stop().catch(() => {});
    throw describeStartError(error, mode);
  }
  log.info(
    { mode, ...(port !== undefined ? { port } : {}) },
    mode === 'socket' ? 'slack: connected (Socket Mode)' : 'slack: listening for HTTP requests',
  );
  let accepting = true;
  let receiverStopped: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  // Stopping the receiver ends new events; the Web API client and response URLs keep working, so
  // answers under way can still be posted.
  const stopAccepting = () => {
    accepting = false;
    receiverStopped ??= app.stop().then(() => undefined);
    return receiverStopped;
  };
  return {
    name: 'slack',
    app,
    mode,
    ...(port !== undefined ? { port } : {}),
    // Many workspaces: each digest goes out with its workspace's token.
    digests: createSlackDigestDelivery(
      app.client,
      installations ? (workspaceId) => installations.botToken(workspaceId) : undefined,
    ),
    isReady() {
      if (!accepting) return false;
      return receiver ? (receiver.client.websocket?.isActive() ?? false) : (server?.listening ?? false);
    },
    stopAccepting,
    stop() {
      stopped ??= (async () => {
        await stopAccepting();
        if (inFlight.size > 0) log.info({ inFlight: inFlight.size }, 'slack: finishing answers under way');
        await inFlight.idle();
        log.info({ mode }, 'slack: stopped');
      })();
      return stopped;
    },
  };
}
