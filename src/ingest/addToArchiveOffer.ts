/**
 * A link shared in chat to a page the archive does not hold gets nothing, except that an editor
 * (ADMIN_USER_IDS) is offered, privately, a button that runs /ingest on it. The composition root
 * hands this to the bot as BotOptions.unknownLink.
 */
import type { Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import type { ArchiveService } from './archiveService.ts';

export function addToArchiveOffer(
  archive: ArchiveService,
): (url: string, request: Request) => Reply | undefined {
  return (url, request) => {
    if (!archive.mayIngest(request)) return undefined;
    return {
      kind: 'not_found',
      headline: 'That page is not in the archive.',
      headlineCites: [],
      lines: [{ text: `${url}: add it, and it is searchable at once and in the next digest.`, cites: [] }],
      fields: [],
      suggestions: [{ label: 'Add to archive', ask: `/ingest ${url}` }],
      citations: [],
      visibility: 'asker',
    };
  };
}
