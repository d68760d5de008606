/**
 * Slash commands generated from the command registry, so Discord offers exactly what the core
 * answers: every argument is a string option, with autocomplete where the argument is a name.
 */
import {
  type APIApplicationCommandStringOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandArgument, CommandDefinition } from '../../core/commands/types.ts';
import { DISCORD_LIMITS, truncate } from './limits.ts';

/** Discord command and option names: lowercase letters, digits, "-", "_" and "'"; 1 to 32 of them. */
export function slashName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^-_'\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned.slice(0, DISCORD_LIMITS.commandName) || 'command';
}

function description(text: string, fallback: string): string {
  return truncate(text.trim() || fallback, DISCORD_LIMITS.commandDescription);
}

function option(arg: CommandArgument): APIApplicationCommandStringOption {
  return {
    type: ApplicationCommandOptionType.String,
    name: slashName(arg.name),
    description: description(arg.description, arg.name),
    required: arg.required,
    ...(arg.completeNames ? { autocomplete: true } : {}),
  };
}

export function buildSlashCommands(
  commands: readonly CommandDefinition[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => ({
    type: ApplicationCommandType.ChatInput,
    name: slashName(command.name),
    description: description(command.summary, command.name),
    // Discord requires required options before optional ones; the sort is stable otherwise.
    options: [...command.args]
      .sort((a, b) => Number(b.required) - Number(a.required))
      .slice(0, DISCORD_LIMITS.commandOptions)
      .map(option),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  }));
}

/** The command behind a slash command name, as registered by buildSlashCommands. */
export function findCommand(
  commands: readonly CommandDefinition[],
  commandName: string,
): CommandDefinition | undefined {
  return commands.find((c) => slashName(c.name) === commandName);
}

/** The argument behind an option name, when it is one the core completes names for. */
export function completesNames(command: CommandDefinition | undefined, optionName: string): boolean {
  return Boolean(command?.args.find((a) => slashName(a.name) === optionName)?.completeNames);
}

/**
 * The text the core parses for a slash command: "/who Tillerson", "/quote Medvedev NATO".
 * Values follow the registry's argument order, whatever order Discord sends them in.
 */
export function slashRequestText(
  command: CommandDefinition | undefined,
  commandName: string,
  optionValue: (optionName: string) => string | null,
): string {
  const name = command?.name ?? commandName;
  const values = (command?.args ?? [])
    .map((a) => optionValue(slashName(a.name))?.trim() ?? '')
    .filter(Boolean);
  return [`/${name}`, ...values].join(' ');
}
