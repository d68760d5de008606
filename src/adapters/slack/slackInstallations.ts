/**
 * Bolt's InstallationStore on the bot's state database, for a Slack app installed in many
 * workspaces by OAuth: each workspace's installation (its bot token) is kept under its team id, or
 * its Enterprise Grid organisation's id for an org-wide install.
 *
 * Token rotation happens here, not in Bolt: a bot token that expires within ROTATE_WITHIN_S is
 * refreshed (oauth.v2.access, grant_type refresh_token) inside the state store's locked update of
 * that workspace, and the refreshed installation is what Bolt is handed. Bolt's own refresh (in
 * InstallProvider.authorize, for tokens expiring within two hours) takes no lock, so two instances
 * would each spend the single-use refresh token; ours starts earlier than Bolt's window, so Bolt
 * always sees a fresh token. Under the lock a second instance re-reads the record, finds it fresh
 * and makes no call. Digest delivery looks tokens up through the same path.
 */
import { type Installation, type InstallationQuery, type InstallationStore, webApi } from '@slack/bolt';
import type { Logger } from '../../ops/logger.ts';
import type { WorkspaceInstallations } from '../../state/installations.ts';

/** Bolt refreshes tokens expiring within two hours; ours refreshes a little before that. */
export const ROTATE_WITHIN_S = 2 * 60 * 60 + 10 * 60;

export const SLACK = 'slack';

export interface SlackInstallationsOptions {
  store: WorkspaceInstallations;
  clientId: string;
  clientSecret: string;
  /** The Web API client's options (base URL, retries, timeout) for the refresh calls. */
  clientOptions?: webApi.WebClientOptions;
  log: Logger;
  /** Seconds since the epoch (tests move it). */
  nowSeconds?: () => number;
}

export interface SlackInstallations extends InstallationStore {
  /** The bot token of a workspace (refreshed if it was about to expire); undefined if not installed. */
  botToken(teamId: string): Promise<string | undefined>;
}

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** The key an installation is kept under: the organisation for an org-wide install, else the team. */
export function installationKey(query: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string | undefined {
  if (query.isEnterpriseInstall && query.enterpriseId) return query.enterpriseId;
  return query.teamId ?? undefined;
}

export class NotInstalledError extends Error {
  readonly code = 'SLACK_NOT_INSTALLED';
  constructor(readonly key: string | undefined) {
    super(
      `the app is not installed in Slack workspace ${key ?? '(none given)'}: install it at /slack/install`,
    );
  }
}

export function createSlackInstallations(options: SlackInstallationsOptions): SlackInstallations {
  const { store, log } = options;
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const oauthClient = new webApi.WebClient(undefined, options.clientOptions);

  const expiring = (installation: AnyInstallation): boolean => {
    const bot = installation.bot;
    return Boolean(
      bot?.refreshToken && bot.expiresAt !== undefined && bot.expiresAt - now() <= ROTATE_WITHIN_S,
    );
  };

  const refresh = async (key: string, stale: AnyInstallation): Promise<AnyInstallation> => {
    try {
      const updated = await store.update(SLACK, key, async (current) => {
        const installation = current as AnyInstallation;
        // Another instance (or another event here) refreshed it while this one waited for the lock.
        if (!expiring(installation) || !installation.bot?.refreshToken) return undefined;
        const answer = await oauthClient.oauth.v2.access({
          client_id: options.clientId,
          client_secret: options.clientSecret,
          grant_type: 'refresh_token',
          refresh_token: installation.bot.refreshToken,
        });
        if (!answer.access_token || !answer.refresh_token || answer.expires_in === undefined) {
          throw new Error('oauth.v2.access answered without access_token, refresh_token and expires_in');
        }
        log.info({ workspace: key }, 'slack: bot token refreshed');
        return {
          ...installation,
          bot: {
            ...installation.bot,
            token: answer.access_token,
            refreshToken: answer.refresh_token,
            expiresAt: now() + answer.expires_in,
          },
        };
      });
      if (updated === undefined) throw new NotInstalledError(key);
      return updated as AnyInstallation;
    } catch (error) {
      if (error instanceof NotInstalledError) throw error;
      // The token may still work until it expires. Handed to Bolt without its refresh token, so
      // Bolt does not try a refresh of its own outside the lock; the next event tries again.
      log.error({ err: error, workspace: key }, 'slack: the bot token could not be refreshed');
      if (!stale.bot) return stale;
      const { refreshToken: _token, expiresAt: _expiry, ...bot } = stale.bot;
      return { ...stale, bot };
    }
  };

  const fetch = async (query: InstallationQuery<boolean>): Promise<AnyInstallation> => {
    const key = installationKey(query);
    const found = key ? ((await store.find(SLACK, key)) as AnyInstallation | undefined) : undefined;
    if (!key || !found) throw new NotInstalledError(key);
    return expiring(found) ? refresh(key, found) : found;
  };

  return {
    async storeInstallation(installation) {
      const key = installationKey({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      if (!key) throw new Error('an installation without a team or organisation id cannot be kept');
      await store.save(SLACK, key, installation);
      log.info({ workspace: key, team: installation.team?.name }, 'slack: installed in a workspace');
    },
    fetchInstallation: fetch,
    async deleteInstallation(query) {
      const key = installationKey(query);
      if (key) await store.remove(SLACK, key);
    },
    async botToken(teamId) {
      try {
        return (await fetch({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token;
      } catch (error) {
        if (error instanceof NotInstalledError) return undefined;
        throw error;
      }
    },
  };
}
