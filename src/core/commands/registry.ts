/** Every command the bot knows, in the order help lists them. */
import { aboutCommand, askCommand } from './ask.ts';
import { digestCommand } from './digest.ts';
import { figureCommand } from './figure.ts';
import { helpCommand } from './help.ts';
import { feedsCommand, ingestCommand } from './ingest.ts';
import { quoteCommand } from './quote.ts';
import { searchCommand } from './search.ts';
import { sourcesCommand } from './sources.ts';
import { timelineCommand } from './timeline.ts';
import type { CommandDefinition } from './types.ts';
import { whatCommand, whenCommand, whereCommand } from './what.ts';
import { whoCommand } from './who.ts';

export const COMMANDS: readonly CommandDefinition[] = [
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
  digestCommand,
  ingestCommand,
  feedsCommand,
  helpCommand,
];
