/**
 * The command registry, assembled from the core's commands and the features': /digest with the
 * digest service, /watch with the watch state, /ingest and /feeds with the archive. A feature
 * without its service (the one-shot tools have no state database) still lists its commands, which
 * then say they are not available here.
 */
import { commandRegistry } from '../core/commands/registry.ts';
import type { CommandDefinition } from '../core/commands/types.ts';
import { digestCommand } from '../digest/digestCommand.ts';
import type { DigestService } from '../digest/digestService.ts';
import type { ArchiveService } from '../ingest/archiveService.ts';
import { ingestCommands } from '../ingest/ingestCommands.ts';
import { type WatchCommandDeps, watchCommand } from '../watch/watchCommand.ts';

export interface Features {
  digests?: DigestService | undefined;
  archive?: ArchiveService | undefined;
  watches?: WatchCommandDeps | undefined;
}

export function assembleCommands(features: Features = {}): readonly CommandDefinition[] {
  return commandRegistry(
    [digestCommand(features.digests)],
    [watchCommand(features.watches)],
    ingestCommands(features.archive),
  );
}

/** Every command, without services: for registering them with Slack and Discord, and the tools. */
export const COMMANDS: readonly CommandDefinition[] = assembleCommands();
