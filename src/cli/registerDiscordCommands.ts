/**
 * `npm run discord:register`: registers the slash commands, for DISCORD_GUILD_ID when set
 * (instant, for development) or globally. Run it again after commands change.
 * `npm run discord:register -- --clear` removes them from that scope instead.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { DiscordRegisterError, registerDiscordCommands } from '../adapters/discord/registerCommands.ts';
import { COMMANDS } from '../app/commands.ts';
import { loadSettings } from '../config/settings.ts';
import { runCli } from './options.ts';

runCli(async () => {
  const { values } = parseArgs({ options: { clear: { type: 'boolean', default: false } } });
  const settings = loadSettings();
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId } = settings;
  if (!token || !applicationId) {
    const missing = [token ? '' : 'DISCORD_TOKEN', applicationId ? '' : 'DISCORD_APPLICATION_ID'].filter(
      Boolean,
    );
    throw new DiscordRegisterError(
      `${missing.join(' and ')} must be set to register commands: add ${missing.length > 1 ? 'them' : 'it'} to .env (see docs/discord.md).`,
    );
  }
  const result = await registerDiscordCommands({
    token,
    applicationId,
    ...(settings.DISCORD_GUILD_ID ? { guildId: settings.DISCORD_GUILD_ID } : {}),
    ...(settings.DISCORD_API_URL ? { apiUrl: settings.DISCORD_API_URL } : {}),
    commands: values.clear ? [] : COMMANDS,
  });
  const scope = result.scope === 'guild' ? `guild ${result.guildId}` : 'all guilds';
  if (values.clear) {
    console.log(`Removed the slash commands from ${scope}.`);
  } else {
    const when =
      result.scope === 'guild' ? 'available now' : 'global commands can take a few minutes to appear';
    console.log(
      `Registered ${result.names.length} slash commands for ${scope} (${when}): ${result.names.map((n) => `/${n}`).join(' ')}`,
    );
  }
  return 0;
});
