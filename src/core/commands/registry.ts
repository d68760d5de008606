/**
 * The commands the core itself answers (from the knowledge base alone), and how a registry is
 * put together: these first, then the features' commands (digests, ingest), help last. The core
 * does not know which features exist; the composition root hands their commands in.
 */
import { aboutCommand, askCommand } from './ask.ts';
import { figureCommand } from './figure.ts';
import { helpCommand } from './help.ts';
import { quoteCommand } from './quote.ts';
import { searchCommand } from './search.ts';
import { sourcesCommand } from './sources.ts';
import { timelineCommand } from './timeline.ts';
import type { CommandDefinition } from './types.ts';
import { whatCommand, whenCommand, whereCommand } from './what.ts';
import { whoCommand } from './who.ts';

export const KNOWLEDGE_COMMANDS: readonly CommandDefinition[] = [
  whoCommand,
  whatCommand,
  whenCommand,
  whereCommand,
  quoteCommand,
  figureCommand,
  searchCommand,
  timelineCommand,
  sourcesCommand,
  aboutCommand,
  askCommand,
];

/** Every command, in the order help lists them: the core's, each feature's in turn, then help. */
export function commandRegistry(
  ...features: readonly (readonly CommandDefinition[])[]
): readonly CommandDefinition[] {
  return [...KNOWLEDGE_COMMANDS, ...features.flat(), helpCommand];
}
