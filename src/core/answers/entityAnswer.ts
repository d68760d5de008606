/** Answers "who/what is X" from a curated entity: role headline, what else is known, where it is cited. */
import type { Entity, Role } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { joinWords, nameKey, shorten } from '../../text/words.ts';
import { HEADLINE_CHARS } from '../qa/composeAnswer.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import { appositiveOf } from './appositive.ts';
import { articleIdsOf, eventsInvolving, eventWhen } from './describe.ts';
import { passagesMentioning } from './mentions.ts';
import { describingSentence, roleFromText } from './roleFromText.ts';
import { contentTerms, snippetFor } from './snippets.ts';

const KIND_LABEL: Record<Entity['kind'], string> = {
  person: 'person',
  organisation: 'organisation',
  place: 'place',
  event: 'event',
  vessel: 'vessel',
  thing: 'subject',
};

/**
 * What the text says the entity is, by its name or, failing that, by its other names: the text
 * may write "the Marquis Alfonso De Portago, the Spanish nobleman" for "Marquis De Portago".
 */
function describedAs(kb: KnowledgeBase, entity: Entity) {
  const names = [entity.name, ...entity.aliases.filter((a) => a.length >= 4)].sort(
    (a, b) => b.length - a.length,
  );
  // Another name ("Elman") may be someone else's elsewhere ("Ziggy Elman, also in the band"):
  // it is read only in the entity's own articles.
  const own = new Set(articleIdsOf(entity.sources));
  for (const name of names) {
    const passages = passagesMentioning(kb, [name], 10);
    const read = name === entity.name ? passages : passages.filter((p) => own.has(p.articleId));
    const found = appositiveOf(name, read);
    if (found) return found;
    // A role the text gives the name in words an appositive does not read: "the Conflicts
    // Secretary of the Bolivian Miners Federation, Cristobal Aranibar,", "X, Texaco's coordinator".
    const role = name === entity.name ? roleFromText(name, read) : undefined;
    if (role) return { text: role.role, passage: role.passage };
  }
  return undefined;
}

function describedBySentence(kb: KnowledgeBase, entity: Entity) {
  const found = describingSentence(entity.name, passagesMentioning(kb, [entity.name], 10));
  return found
    ? { text: shorten(found.role, HEADLINE_CHARS - entity.name.length - 2), passage: found.passage }
    : undefined;
}

/** `lead`: the role the question asked about ("who is the head of ..."), shown first. */
export function entityAnswer(kb: KnowledgeBase, entity: Entity, lead?: Role): Reply {
  const roles = lead ? [lead, ...entity.roles.filter((r) => r !== lead)] : entity.roles;
  const [first, ...more] = roles;
  const articles = articleIdsOf(entity.sources).length;
  // No role and no appositive: the sentence that best tells who it is beats "named in 1 article".
  const described =
    !first && !entity.description && entity.origin === 'extracted'
      ? (describedAs(kb, entity) ?? describedBySentence(kb, entity))
      : undefined;
  const about =
    entity.description ??
    described?.text ??
    (entity.origin === 'extracted'
      ? `${KIND_LABEL[entity.kind]} named in ${articles} article${articles === 1 ? '' : 's'}`
      : KIND_LABEL[entity.kind]);
  // A person who also wrote for the archive: say so, with what they wrote.
  const written =
    entity.kind === 'person'
      ? [...kb.articles.values()].filter((a) => a.author && nameKey(a.author) === nameKey(entity.name))
      : [];
  const authorOf = written.length
    ? `; author of ${written.length} article${written.length === 1 ? '' : 's'} in the archive`
    : '';
  const headline = first
    ? `${entity.name}: ${first.title}${first.note ? ` (${first.note})` : ''}${authorOf}`
    : `${entity.name}: ${about}${authorOf}`;
  const reply = new ReplyBuilder(kb, 'answer', headline).about({ name: entity.name, kind: entity.kind });
  if (first) reply.citeHeadline(first.source.article);
  else if (described) reply.citeHeadline(described.passage.articleId);
  else reply.citeHeadline(...articleIdsOf(entity.sources));
  for (const a of written.slice(0, 3))
    reply.line(`${a.title}${a.publication ? ` (${a.publication})` : ''}`, a.id);

  // Other roles, each with its own source; the same title from several sources is one line.
  const byTitle = new Map<string, string[]>();
  for (const role of more) {
    const label = `${role.title}${role.note ? ` (${role.note})` : ''}`;
    byTitle.set(label, [...(byTitle.get(label) ?? []), role.source.article]);
  }
  for (const [label, articles] of byTitle) reply.line(`Also: ${label}`, ...articles);
  if (first && entity.description) reply.line(entity.description, ...articleIdsOf(entity.sources));

  const events = eventsInvolving(kb, entity.id).slice(0, 3);
  for (const event of events) {
    const when = eventWhen(event, kb);
    reply.line(`${event.name}${when ? ` (${when})` : ''}`, ...articleIdsOf(event.sources));
  }

  // When the facts say little, show how the articles mention it.
  if (reply.lineCount < 2) {
    const names = [entity.name, ...entity.aliases];
    for (const passage of passagesMentioning(kb, names, 2)) {
      reply.line(snippetFor(passage.text, contentTerms(names.join(' '))), passage.articleId);
    }
  }

  reply.field('Kind', KIND_LABEL[entity.kind]);
  // Found by the entity extractor, not written in a facts file: say so.
  if (entity.origin === 'extracted') reply.field('From', 'the article text');
  if (entity.aliases.length) reply.field('Also called', joinWords(entity.aliases));
  if (entity.roles.length > 1)
    reply.field('Roles', joinWords([...new Set(entity.roles.map((r) => r.title))]));
  const quotes = kb.facts.quotesBy(entity.id).length;
  if (quotes) reply.suggest({ label: `Quotes from ${entity.name}`, ask: `/quote ${entity.name}` });
  reply.suggest({ label: `Search "${entity.name}"`, ask: `/search ${entity.name}` });
  return reply.build();
}
