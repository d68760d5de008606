/**
 * Registers the slash commands with Discord: for one guild (instant, for development) or
 * globally (every server the bot is in; Discord may take a while to show changes). A PUT
 * replaces the whole set, so commands removed from the registry disappear too.
 */
import { type APIApplicationCommand, DiscordAPIError, REST, Routes } from 'discord.js';
import type { CommandDefinition } from '../../core/commands/types.ts';
import { CodedError } from '../../ops/errors.ts';
import { buildSlashCommands } from './commandDefinitions.ts';
import { restOptions } from './discordClient.ts';

export interface RegisterCommandsOptions {
  token: string;
  applicationId: string;
  /** Register for this guild only; globally when unset. */
  guildId?: string;
  /** REST base URL without the version (DISCORD_API_URL). */
  apiUrl?: string;
  restRetries?: number;
  commands: readonly CommandDefinition[];
}

export interface RegisterCommandsResult {
  scope: 'guild' | 'global';
  guildId?: string;
  names: string[];
}

export class DiscordRegisterError extends CodedError<'DISCORD_REGISTER_FAILED'> {
  constructor(message: string, options?: ErrorOptions) {
    super('DISCORD_REGISTER_FAILED', message, options);
  }
}

const SNOWFLAKE = /^\d{15,21}$/;

function explain(error: DiscordAPIError, options: RegisterCommandsOptions): string {
  const where = options.guildId ? `guild ${options.guildId}` : 'all guilds';
  if (error.status === 401)
    return 'Discord rejected DISCORD_TOKEN: copy the bot token again (Developer Portal > Bot > Reset Token).';
  if (error.code === 50001 || error.status === 403) {
    return `Discord refused to register commands for ${where} (${error.message}). Check DISCORD_APPLICATION_ID matches the token's application, and that the bot was invited to the guild with the applications.commands scope (see docs/discord.md).`;
  }
  if (error.status === 404) {
    return `Discord does not know application ${options.applicationId}${options.guildId ? ` or guild ${options.guildId}` : ''} (${error.message}): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.`;
  }
  return `Discord refused the commands for ${where}: ${error.message} (HTTP ${error.status}).`;
}

export async function registerDiscordCommands(
  options: RegisterCommandsOptions,
): Promise<RegisterCommandsResult> {
  if (!SNOWFLAKE.test(options.applicationId)) {
    throw new DiscordRegisterError(
      `DISCORD_APPLICATION_ID must be the numeric Application ID (General Information page), not "${options.applicationId}".`,
    );
  }
  if (options.guildId !== undefined && !SNOWFLAKE.test(options.guildId)) {
    throw new DiscordRegisterError(
      `DISCORD_GUILD_ID must be a numeric server ID (right-click the server > Copy Server ID), not "${options.guildId}".`,
    );
  }
  const rest = new REST(restOptions(options)).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  try {
    const saved = (await rest.put(route, {
      body: buildSlashCommands(options.commands),
    })) as APIApplicationCommand[];
    return {
      scope: options.guildId ? 'guild' : 'global',
      ...(options.guildId ? { guildId: options.guildId } : {}),
      names: saved.map((c) => c.name),
    };
  } catch (error) {
    if (error instanceof DiscordAPIError) throw new DiscordRegisterError(explain(error, options));
    throw error;
  }
}
