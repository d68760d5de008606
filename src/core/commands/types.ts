import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import type { Reply } from '../reply.ts';
import type { ParsedRequest, Request } from '../request.ts';

export interface CommandArgument {
  name: string;
  description: string;
  required: boolean;
  /** Offer names from the entity index as autocomplete choices. */
  completeNames?: boolean;
}

export interface CommandContext {
  kb: KnowledgeBase;
  request: Request;
  commands: readonly CommandDefinition[];
}

/**
 * A command as data: help text, platform registration and routing all come from this. A feature's
 * command (digests, ingest) is made by the feature with the service it needs.
 */
export interface CommandDefinition {
  name: string;
  summary: string;
  args: CommandArgument[];
  examples: string[];
  /** Knowledge commands answer at once; a command that reads or writes state returns a Promise. */
  run(parsed: ParsedRequest, ctx: CommandContext): Reply | Promise<Reply>;
}

export function usage(command: CommandDefinition): string {
  const args = command.args.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`)).join(' ');
  return `/${command.name}${args ? ` ${args}` : ''}`;
}
