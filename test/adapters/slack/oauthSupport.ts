/**
 * Shared pieces of the tests of a Slack app installed by OAuth in many workspaces: the OAuth
 * settings, the browser's side of an install (/slack/install, then Slack's redirect back to
 * /slack/oauth_redirect with the code and state), and signed events and slash commands from a team.
 */
import { expect } from 'vitest';
import type { SlackSettings } from '../../../src/adapters/slack/slackAdapter.ts';
import { postSigned, slashCommandBody } from '../../helpers/fakeSlack.ts';

export const SIGNING_SECRET = 'oauth-signing-secret';
export const CLIENT_ID = '1111.2222';

export function oauthSettings(apiUrl: string): SlackSettings {
  return {
    SLACK_BOT_TOKEN: undefined,
    SLACK_APP_TOKEN: undefined,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: 0,
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'a-state-secret-for-tests',
  };
}

/**
 * Installs the app as a browser would: GET /slack/install redirects to Slack's consent page with a
 * state (and sets the state cookie); Slack redirects back with the workspace's code and that state.
 * Returns the consent page's URL and the callback's answer.
 */
export async function installThroughBrowser(
  base: string,
  code: string,
): Promise<{ consent: URL; callback: { status: number; text: string } }> {
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location') ?? '');
  const state = consent.searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const back = await fetch(
    `${base}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
    { headers: { cookie } },
  );
  return { consent, callback: { status: back.status, text: await back.text() } };
}

let events = 0;

/** An Events API callback from a team, signed; `event` is the inner event. */
export async function sendEvent(
  base: string,
  teamId: string,
  event: Record<string, unknown>,
): Promise<{ status: number; text: string }> {
  events += 1;
  const body = JSON.stringify({
    token: 'unused',
    team_id: teamId,
    api_app_id: 'A0000001',
    type: 'event_callback',
    event_id: `EvOAuth${events}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: `UBOT${teamId}`,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    event,
  });
  return postSigned(`${base}/slack/events`, body, {
    signingSecret: SIGNING_SECRET,
    contentType: 'application/json',
  });
}

/** A mention of the bot in `channel` of `teamId`. */
export function mention(base: string, teamId: string, channel: string, text: string) {
  events += 1;
  const ts = `1700001${String(events).padStart(3, '0')}.000100`;
  return sendEvent(base, teamId, {
    type: 'app_mention',
    user: `U${teamId}`,
    text: `<@UBOT${teamId}> ${text}`,
    ts,
    team: teamId,
    channel,
    event_ts: ts,
  });
}

/** A slash command typed in `channel` of `teamId`; its answer goes to `responseUrl`. */
export function slash(
  base: string,
  fields: {
    teamId: string;
    channel: string;
    command: string;
    text: string;
    responseUrl: string;
    userId?: string;
  },
) {
  const body = slashCommandBody({
    token: 'unused',
    team_id: fields.teamId,
    team_domain: fields.teamId.toLowerCase(),
    channel_id: fields.channel,
    channel_name: 'news',
    user_id: fields.userId ?? `U${fields.teamId}`,
    user_name: 'editor',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0000001',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: `trigger-${fields.teamId}-${++events}`,
  });
  return postSigned(`${base}/slack/events`, body, {
    signingSecret: SIGNING_SECRET,
    contentType: 'application/x-www-form-urlencoded',
  });
}
