import { ReplyBuilder } from '../replyBuilder.ts';
import { type CommandDefinition, usage } from './types.ts';

/** Built from the command registry, so it can never fall out of date. */
export const helpCommand: CommandDefinition = {
  name: 'help',
  summary: 'This list of commands',
  args: [],
  examples: ['help'],
  run(_parsed, { kb, commands }) {
    const reply = new ReplyBuilder(
      kb,
      'help',
      `I answer questions about the ${kb.articles.size} articles in this archive, with sources. Commands:`,
    );
    for (const command of commands) {
      reply.line(`${usage(command)}: ${command.summary}. Example: ${command.examples[0] ?? usage(command)}`);
    }
    const plain = commands.flatMap((c) => c.examples.filter((e) => !e.startsWith('/'))).slice(0, 6);
    reply.line(`Or just ask: ${plain.join(' · ')}`);
    return reply.build();
  },
};
