/**
 * The roles one article gives one person, from all the mentions of the name: each title once,
 * the most telling first. A role with an object ("director of the Peace Corps") tells more than a
 * bare title ("Director"); and a bare title plus "X of the Woonsocket Patriot" is read together
 * as "Editor of the Woonsocket Patriot", citing the words that name the organisation.
 */
import type { Role } from '../types.ts';

export interface RoleMention {
  roles: readonly Role[];
  affiliation?: Role;
}

const HAS_OBJECT = /\s(?:of|at|for|to|in|on|with|from|under)\s|^(?:[a-z]+s|[a-z]+ed)\s/;

export function rolesOfPerson(mentions: readonly RoleMention[], article: string): Role[] {
  const roles: Role[] = [];
  const seen = new Set<string>();
  const add = (title: string, excerpt: string) => {
    const key = title.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    roles.push({ title, source: { article, excerpt } });
  };
  for (const m of mentions) for (const r of m.roles) add(r.title, r.source.excerpt);
  const bare = roles.find((r) => !HAS_OBJECT.test(r.title));
  const affiliation = mentions.find((m) => m.affiliation)?.affiliation;
  if (affiliation) {
    const title = bare ? `${bare.title} ${affiliation.title}` : affiliation.title;
    add(title, affiliation.source.excerpt);
    if (bare) roles.splice(roles.indexOf(bare), 1);
  }
  // Stable: among equally telling roles, the article's order stands.
  return roles
    .map((role, i) => ({ role, i, rank: HAS_OBJECT.test(role.title) ? 0 : 1 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((r) => r.role);
}
