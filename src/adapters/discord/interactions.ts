/** Slash commands, autocomplete and button clicks, turned into core requests and answered. */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { APOLOGY } from '../../core/reply.ts';
import { newRequestScope, type RequestScope } from '../requestScope.ts';
import { answer, type DiscordContext, expectSlow, isPrivate } from './answering.ts';
import { nameChoices } from './autocomplete.ts';
import { completesNames, findCommand, slashRequestText } from './commandDefinitions.ts';
import { describeError, isDiscordFailure } from './describeError.ts';
import { renderDiscordReply, renderNotice } from './renderDiscordEmbed.ts';

const EXPIRED = 'That button has expired. Ask again, or type /help to see what I can do.';
const FAILED = `${APOLOGY.headline} ${APOLOGY.line}`;

async function answerAutocomplete(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const command = findCommand(ctx.bot.commands, interaction.commandName);
  const choices = completesNames(command, focused.name)
    ? nameChoices(ctx.bot.knowledge().names, String(focused.value))
    : [];
  await interaction.respond(choices);
}

/**
 * Answers with the reply as an embed. A command expected to be slow is deferred first ("thinking…")
 * and the answer edited in; a private answer to a deferred command replaces the public placeholder
 * with an ephemeral follow-up, since a deferred response cannot turn ephemeral afterwards.
 */
async function answerWith(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  text: string,
  ctx: DiscordContext,
  scope: RequestScope,
): Promise<void> {
  if (expectSlow(ctx, text)) await interaction.deferReply();
  const reply = await answer(
    ctx,
    {
      text,
      id: scope.reqId,
      platform: 'discord',
      ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
      userId: interaction.user.id,
      ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
      via: 'command',
    },
    scope.log,
  );
  // Said nothing (rate limited again within the window): no reply costs Discord nothing; the asker
  // alone sees that the application did not respond. A placeholder already shown is removed.
  if (!reply) {
    if (interaction.deferred) await interaction.deleteReply();
    return;
  }
  const payload = renderDiscordReply(reply, ctx.ids);
  await ctx.ids.saved();
  const ephemeral = isPrivate(reply);
  if (!interaction.deferred) {
    await interaction.reply({ ...payload, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  } else if (!ephemeral) {
    await interaction.editReply(payload);
  } else {
    await interaction.deleteReply();
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  }
}

async function answerCommand(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordContext,
  scope: RequestScope,
): Promise<void> {
  const command = findCommand(ctx.bot.commands, interaction.commandName);
  const text = slashRequestText(command, interaction.commandName, (name) =>
    interaction.options.getString(name),
  );
  await answerWith(interaction, text, ctx, scope);
}

async function answerButton(
  interaction: ButtonInteraction,
  ctx: DiscordContext,
  scope: RequestScope,
): Promise<void> {
  const ask = await ctx.ids.decode(interaction.customId);
  if (ask === undefined) {
    await interaction.reply({ ...renderNotice(EXPIRED), flags: MessageFlags.Ephemeral });
    return;
  }
  await answerWith(interaction, ask, ctx, scope);
}

async function route(interaction: Interaction, ctx: DiscordContext, scope: RequestScope): Promise<void> {
  if (interaction.isAutocomplete()) return answerAutocomplete(interaction, ctx);
  if (interaction.isChatInputCommand()) return answerCommand(interaction, ctx, scope);
  if (interaction.isButton() && ctx.ids.owns(interaction.customId))
    return answerButton(interaction, ctx, scope);
}

function describe(interaction: Interaction): Record<string, unknown> {
  return {
    platform: 'discord',
    interactionId: interaction.id,
    type: interaction.type,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isButton() ? { customId: interaction.customId } : {}),
    userId: interaction.user.id,
    channelId: interaction.channelId,
  };
}

/**
 * Handles one interaction and never rejects: a REST failure is logged and the client carries on.
 * When our own code failed before anything was sent, the user gets a short ephemeral apology.
 */
export async function handleInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  const scope = newRequestScope(ctx.log);
  try {
    await route(interaction, ctx, scope);
  } catch (error) {
    ctx.errors?.countError('discord');
    scope.log.error({ ...describe(interaction), error: describeError(error) }, 'discord interaction failed');
    if (isDiscordFailure(error) || !interaction.isRepliable() || interaction.replied) return;
    try {
      if (interaction.deferred) await interaction.editReply(renderNotice(FAILED));
      else await interaction.reply({ ...renderNotice(FAILED), flags: MessageFlags.Ephemeral });
    } catch (again) {
      scope.log.warn({ ...describe(interaction), error: describeError(again) }, 'discord apology failed too');
    }
  }
}
