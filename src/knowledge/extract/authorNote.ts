/**
 * The closing note about an essay's author ("Andrew Hammond is an associate at LSE IDEAS at the
 * London School of Economics"; "Ana Reyes, a professor of history at Ellis College, is the author
 * of ...") gives the author's roles and affiliation. The note is kept out of the article body, so
 * it is read here on its own; each role cites the note's own words.
 */

import { nameKey } from '../../text/words.ts';
import type { Article, Role } from '../types.ts';
import type { ExtractedEntity } from './extractEntities.ts';
import { rolesAfterName } from './roleAppositives.ts';
import { foldSameLength } from './rolePhrases.ts';

export function authorFromNote(article: Article): ExtractedEntity | undefined {
  const note = article.authorNote;
  const name = article.author;
  if (!note || !name || !note.startsWith(name)) return undefined;
  const text = foldSameLength(note);
  const roles: Role[] = rolesAfterName(text, 0, name.length).map((phrase) => ({
    title: phrase.text,
    source: { article: article.id, excerpt: note.slice(0, phrase.end) },
  }));
  if (!roles.length) return undefined;
  const surname = name.split(/\s+/).at(-1);
  return {
    name,
    kind: 'person',
    aliases: surname && surname !== name ? [surname] : [],
    roles,
    sources: [{ article: article.id, excerpt: note }],
    mentions: 1,
  };
}

/** The article's entities with the author's: one person when the body names the author too. */
export function withAuthorNote(article: Article, entities: ExtractedEntity[]): ExtractedEntity[] {
  const author = authorFromNote(article);
  if (!author) return entities;
  const same = entities.find((e) => nameKey(e.name) === nameKey(author.name));
  if (!same) return [...entities, author];
  same.kind = 'person';
  same.roles = [...author.roles, ...same.roles.filter((r) => !author.roles.some((a) => a.title === r.title))];
  return entities;
}
