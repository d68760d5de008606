/**
 * The command core: parse -> route -> handler -> Reply. Imports no platform library; adapters
 * call answer() and render the Reply their own way.
 */
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { COMMANDS } from './commands/registry.ts';
import type { CommandDefinition } from './commands/types.ts';
import { parseRequest } from './parseRequest.ts';
import type { Reply } from './reply.ts';
import { ReplyBuilder } from './replyBuilder.ts';
import type { Request } from './request.ts';

export interface Bot {
  readonly commands: readonly CommandDefinition[];
  answer(request: Request): Reply;
  /** Swaps in a newly built knowledge base (after a corpus reload). */
  setKnowledge(kb: KnowledgeBase): void;
  knowledge(): KnowledgeBase;
}

export interface BotOptions {
  commands?: readonly CommandDefinition[];
  /** Called when a handler throws; the user gets a short apology either way. */
  onError?: (error: unknown, request: Request) => void;
}

export function createBot(initial: KnowledgeBase, options: BotOptions = {}): Bot {
  let kb = initial;
  const commands = options.commands ?? COMMANDS;
  const byName = new Map(commands.map((c) => [c.name, c]));
  const names = new Set(byName.keys());

  return {
    commands,
    knowledge: () => kb,
    setKnowledge(next) {
      kb = next;
    },
    answer(request) {
      const parsed = parseRequest(request.text, names);
      const command = byName.get(parsed.command);
      if (!command) {
        return new ReplyBuilder(kb, 'error', `There is no /${parsed.text} command.`)
          .line('Type help to see what I can do.')
          .suggest({ label: 'Help', ask: 'help' })
          .build();
      }
      try {
        return command.run(parsed, { kb, request, commands });
      } catch (error) {
        options.onError?.(error, request);
        return new ReplyBuilder(kb, 'error', 'Sorry, something went wrong answering that.')
          .line('The problem has been logged. Try rephrasing, or /search for the words.')
          .build();
      }
    },
  };
}
