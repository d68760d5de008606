import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_BOT_SCOPES } from '../../../src/adapters/slack/oauth.ts';
import { COMMANDS } from '../../../src/app/commands.ts';
import { usage } from '../../../src/core/commands/types.ts';

interface ManifestCommand {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape?: boolean;
  url?: string;
}

interface Manifest {
  display_information: { name: string; description?: string; long_description?: string };
  features: {
    app_home: { messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user: { display_name: string };
    slash_commands: ManifestCommand[];
    unfurl_domains: string[];
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const source = readFileSync(new URL('../../../slack/manifest.yaml', import.meta.url), 'utf8');
const manifest = parse(source) as Manifest;

/** The HTTP variant, made line by line as the `sed` in the manifest's header and docs/slack.md does. */
function httpVariant(text: string, host: string): Manifest {
  const edited = text
    .split('\n')
    .map((line) =>
      line
        .replace(/# (url|request_url|redirect_urls): (\[?)https:\/\/YOUR-HOST\//, `$1: $2${host}/`)
        .replace(/^ {2}socket_mode_enabled: true/, '  socket_mode_enabled: false'),
    )
    .join('\n');
  return parse(edited) as Manifest;
}

describe('slack/manifest.yaml', () => {
  it('declares exactly the commands of the registry, with their summaries and arguments', () => {
    const declared = manifest.features.slash_commands;
    expect(declared.map((c) => c.command)).toEqual(COMMANDS.map((c) => `/${c.name}`));
    for (const command of COMMANDS) {
      const entry = declared.find((c) => c.command === `/${command.name}`);
      expect(entry?.description).toBe(command.summary);
      const hint = usage(command).slice(command.name.length + 2) || undefined;
      expect(entry?.usage_hint).toBe(hint);
      expect(entry?.should_escape).toBe(false);
    }
  });

  it('stays within the manifest limits', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description?.length ?? 0).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description?.length ?? 0).toBeLessThanOrEqual(4000);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
    for (const c of manifest.features.slash_commands) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeLessThanOrEqual(2000);
    }
  });

  it('asks for the scopes and events the adapter uses, and nothing more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'chat:write.public',
      'commands',
      'im:history',
      'links:read',
      'links:write',
    ]);
    // An install by OAuth asks for the same scopes.
    expect([...SLACK_BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_mention',
      'app_uninstalled',
      'link_shared',
      'message.im',
      'tokens_revoked',
    ]);
    // Link previews: at most five domains, each a bare host name.
    expect(manifest.features.unfurl_domains.length).toBeGreaterThan(0);
    expect(manifest.features.unfurl_domains.length).toBeLessThanOrEqual(5);
    for (const domain of manifest.features.unfurl_domains) expect(domain).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  it('uses Socket Mode as written, with no request URLs', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(source).not.toMatch(/^\s*(url|request_url):/m);
  });

  it('becomes a complete HTTP manifest with the documented edit', () => {
    const http = httpVariant(source, 'https://bot.example.org');
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.event_subscriptions.request_url).toBe('https://bot.example.org/slack/events');
    expect(http.settings.interactivity.request_url).toBe('https://bot.example.org/slack/events');
    for (const c of http.features.slash_commands) expect(c.url).toBe('https://bot.example.org/slack/events');
    expect(http.oauth_config.redirect_urls).toEqual(['https://bot.example.org/slack/oauth_redirect']);
    expect(manifest.oauth_config.redirect_urls).toBeUndefined();
  });
});
