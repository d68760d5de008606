/**
 * The OAuth side of a Slack app installed in many workspaces: Bolt's HTTP receiver serves
 * /slack/install (a redirect to Slack's consent page, with a signed state in the URL and a cookie)
 * and /slack/oauth_redirect (checks the state, exchanges the code with oauth.v2.access, keeps the
 * installation). The scopes asked for are the manifest's (slack/manifest.yaml; a test keeps the two equal).
 */
import type { HTTPReceiverOptions } from '@slack/bolt';
import type { SlackInstallations } from './slackInstallations.ts';

/** The bot scopes of slack/manifest.yaml, asked for at install. */
export const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'chat:write.public',
  'commands',
  'im:history',
  'links:read',
  'links:write',
] as const;

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface SlackOAuthCredentials {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
}

/** The receiver's OAuth options; `clientOptions` reach oauth.v2.access (SLACK_API_URL included). */
export function oauthReceiverOptions(
  credentials: SlackOAuthCredentials,
  installationStore: SlackInstallations,
  clientOptions: NonNullable<HTTPReceiverOptions['installerOptions']>['clientOptions'],
): Pick<
  HTTPReceiverOptions,
  'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'
> {
  return {
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    stateSecret: credentials.stateSecret,
    scopes: [...SLACK_BOT_SCOPES],
    installationStore,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // Straight to Slack's consent page: the install link is the whole "Add to Slack" step.
      directInstall: true,
      // The state is checked against the cookie of the browser that started the install (CSRF).
      stateVerification: true,
      ...(clientOptions ? { clientOptions } : {}),
    },
  };
}
