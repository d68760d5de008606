/**
 * Which Slack the settings ask for, checked before anything connects: one workspace with
 * SLACK_BOT_TOKEN (Socket Mode with SLACK_APP_TOKEN, else HTTP with SLACK_SIGNING_SECRET), or many
 * with SLACK_CLIENT_ID (OAuth, HTTP only). Errors say which setting to fix.
 */
import type { Settings } from '../../config/settings.ts';
import { CodedError } from '../../ops/errors.ts';
import type { SlackOAuthCredentials } from './oauth.ts';

export type SlackSettings = Pick<
  Settings,
  | 'SLACK_BOT_TOKEN'
  | 'SLACK_SIGNING_SECRET'
  | 'SLACK_APP_TOKEN'
  | 'SLACK_API_URL'
  | 'PORT'
  | 'SLACK_CLIENT_ID'
  | 'SLACK_CLIENT_SECRET'
  | 'SLACK_STATE_SECRET'
>;

export class SlackSettingsError extends CodedError<'INVALID_SLACK_SETTINGS'> {
  constructor(message: string, options?: ErrorOptions) {
    super('INVALID_SLACK_SETTINGS', message, options);
  }
}

export type Connection = { mode: 'socket'; appToken: string } | { mode: 'http'; signingSecret: string };
export type Auth = { kind: 'token'; token: string } | { kind: 'oauth'; credentials: SlackOAuthCredentials };

export function checkSettings(settings: SlackSettings): { auth: Auth; connection: Connection } {
  if (settings.SLACK_CLIENT_ID) return checkOAuthSettings(settings, settings.SLACK_CLIENT_ID);
  const token = settings.SLACK_BOT_TOKEN;
  if (!token) {
    throw new SlackSettingsError(
      'SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions.',
    );
  }
  const auth: Auth = { kind: 'token', token };
  if (settings.SLACK_APP_TOKEN) {
    return { auth, connection: { mode: 'socket', appToken: settings.SLACK_APP_TOKEN } };
  }
  if (settings.SLACK_SIGNING_SECRET) {
    return { auth, connection: { mode: 'http', signingSecret: settings.SLACK_SIGNING_SECRET } };
  }
  throw new SlackSettingsError(
    'Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP on PORT): see docs/slack.md.',
  );
}

/** Many workspaces: the OAuth credentials, on the HTTP receiver (settings.ts checks the same). */
function checkOAuthSettings(
  settings: SlackSettings,
  clientId: string,
): { auth: Auth; connection: Connection } {
  const { SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = settings;
  if (!clientSecret || !stateSecret) {
    throw new SlackSettingsError(
      'SLACK_CLIENT_ID needs SLACK_CLIENT_SECRET (Basic Information > App Credentials) and SLACK_STATE_SECRET (a long random string of your own).',
    );
  }
  if (settings.SLACK_BOT_TOKEN || settings.SLACK_APP_TOKEN) {
    throw new SlackSettingsError(
      'With SLACK_CLIENT_ID each workspace installs the app and gets its own token: unset SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode serves one workspace).',
    );
  }
  if (!settings.SLACK_SIGNING_SECRET) {
    throw new SlackSettingsError(
      "SLACK_CLIENT_ID needs SLACK_SIGNING_SECRET: Slack signs every workspace's events with it.",
    );
  }
  return {
    auth: { kind: 'oauth', credentials: { clientId, clientSecret, stateSecret } },
    connection: { mode: 'http', signingSecret: settings.SLACK_SIGNING_SECRET },
  };
}
