/** Replies shared by several commands: "did you mean", "not found", and name resolution. */
import type { EntityKind } from '../../knowledge/types.ts';
import type { Lookup, NameMatch } from '../../search/entityIndex.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';

export function resolveName(kb: KnowledgeBase, subject: string, prefer?: readonly EntityKind[]): Lookup {
  return kb.names.lookup(subject, prefer ? { prefer } : {});
}

export function didYouMean(
  kb: KnowledgeBase,
  subject: string,
  matches: readonly NameMatch[],
  command: string,
): Reply {
  const names = [...new Set(matches.map((m) => m.target.name))];
  const reply = new ReplyBuilder(
    kb,
    'ambiguous',
    `"${subject}" could mean ${names.length} things. Did you mean:`,
  );
  for (const m of matches) {
    reply.suggest({ label: m.target.name, ask: `/${command} ${m.target.name}` });
  }
  for (const name of names) reply.line(name);
  return reply.build();
}

export function notFound(
  kb: KnowledgeBase,
  subject: string,
  what: string,
  near: readonly NameMatch[] = [],
  command = 'who',
): Reply {
  const reply = new ReplyBuilder(
    kb,
    'not_found',
    `Couldn't find ${what} called "${subject}" in the archive.`,
  );
  // Only real names are offered: a similar word of the text ("Offered", "Note") is no suggestion.
  const names = near.length
    ? near.map((m) => m.target.name)
    : kb.passageIndex
        .similarTerms(subject)
        .flatMap((t) => kb.names.exactMatches(t).map((m) => m.target.name))
        .filter((name, i, all) => all.indexOf(name) === i);
  if (names.length) {
    reply.line(`Closest names: ${names.join(', ')}.`);
    for (const name of names.slice(0, 3)) reply.suggest({ label: name, ask: `/${command} ${name}` });
  }
  reply.line(
    `Try /search ${subject} to look through the article text, or /sources to see what the archive holds.`,
  );
  reply.suggest({ label: `Search "${subject}"`, ask: `/search ${subject}` });
  return reply.build();
}

export function missingArgument(kb: KnowledgeBase, usage: string, example: string): Reply {
  return new ReplyBuilder(kb, 'error', `Tell me what to look up: ${usage}`)
    .line(`For example: ${example}`)
    .build();
}
