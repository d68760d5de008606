/**
 * Merges the entities extracted from each article into one list with the curated ones. Curated
 * facts win: an extracted name that is a curated entity's name or alias adds roles to it only
 * when the facts give none (and both are people), and never an alias that would make a curated
 * name ambiguous. The result depends only on the articles' order, never on how they were parsed.
 */

import { slugify } from '../../text/normalizeText.ts';
import { nameKey } from '../../text/words.ts';
import type { Entity, NewsEvent, Role, SourceRef } from '../types.ts';
import type { ExtractedEntity, ExtractedKind } from './extractEntities.ts';

const MAX_ROLES = 8;
const MAX_SOURCES = 5;

interface Merged {
  name: string;
  kinds: Map<ExtractedKind, number>;
  aliases: string[];
  roles: Role[];
  sources: SourceRef[];
}

function absorb(into: Merged, from: ExtractedEntity | Merged): void {
  if ('kind' in from) into.kinds.set(from.kind, (into.kinds.get(from.kind) ?? 0) + from.mentions);
  else for (const [kind, n] of from.kinds) into.kinds.set(kind, (into.kinds.get(kind) ?? 0) + n);
  for (const alias of from.aliases) if (!into.aliases.includes(alias)) into.aliases.push(alias);
  for (const role of from.roles) {
    const title = role.title.toLowerCase();
    if (into.roles.length < MAX_ROLES && !into.roles.some((r) => r.title.toLowerCase() === title))
      into.roles.push(role);
  }
  for (const source of from.sources) {
    if (into.sources.length < MAX_SOURCES && !into.sources.some((s) => s.article === source.article))
      into.sources.push(source);
  }
}

function kindOf(merged: Merged): ExtractedKind {
  let best: ExtractedKind = 'person';
  let most = -1;
  for (const [kind, n] of merged.kinds) {
    if (n > most) {
      best = kind;
      most = n;
    }
  }
  return best;
}

export function mergeEntities(
  curated: readonly Entity[],
  events: readonly NewsEvent[],
  perArticle: readonly (readonly ExtractedEntity[])[],
): Entity[] {
  // 1. The same name across articles is one entity.
  const byKey = new Map<string, Merged>();
  for (const extracted of perArticle) {
    for (const e of extracted) {
      const key = nameKey(e.name);
      if (!key) continue;
      let merged = byKey.get(key);
      if (!merged) {
        merged = { name: e.name, kinds: new Map(), aliases: [], roles: [], sources: [] };
        byKey.set(key, merged);
      }
      absorb(merged, e);
    }
  }

  // 2. A surname alone ("Okafor", in an article without her full name) is the one person of the
  //    archive with that surname, when there is exactly one.
  const fullBySurname = new Map<string, string[]>();
  for (const [key, merged] of byKey) {
    if (!key.includes(' ') || kindOf(merged) !== 'person') continue;
    for (const alias of merged.aliases) {
      const surname = nameKey(alias);
      if (surname.includes(' ') || !key.endsWith(surname)) continue;
      fullBySurname.set(surname, [...(fullBySurname.get(surname) ?? []), key]);
    }
  }
  for (const [key, merged] of [...byKey]) {
    if (key.includes(' ') || kindOf(merged) !== 'person') continue;
    const full = fullBySurname.get(key);
    if (full?.length !== 1) continue;
    const target = byKey.get(full[0] as string);
    if (!target) continue;
    absorb(target, merged);
    byKey.delete(key);
  }

  // 3. Curated names win.
  const curatedByKey = new Map<string, Entity[]>();
  for (const entity of curated) {
    for (const name of new Set([entity.name, ...entity.aliases].map(nameKey))) {
      curatedByKey.set(name, [...(curatedByKey.get(name) ?? []), entity]);
    }
  }
  const eventKeys = new Set(events.flatMap((e) => [e.name, ...e.aliases].map(nameKey)));
  const enriched = new Map<string, Entity>();
  const added: Entity[] = [];
  const ids = new Set(curated.map((e) => e.id));
  for (const [key, merged] of byKey) {
    const kind = kindOf(merged);
    // "Admiral Grigorovich" written with what reads as a title is still the curated vessel.
    const titled = merged.roles.map((r) => nameKey(r.source.excerpt)).find((k) => curatedByKey.has(k));
    const matches = curatedByKey.get(key) ?? (titled ? curatedByKey.get(titled) : undefined);
    if (matches || eventKeys.has(key)) {
      const [only] = matches ?? [];
      if (only && matches?.length === 1 && only.kind === kind && kind === 'person' && !only.roles.length) {
        const current = enriched.get(only.id) ?? { ...only, roles: [] };
        if (!current.roles.length) current.roles = merged.roles;
        enriched.set(only.id, current);
      }
      continue;
    }
    const base = slugify(merged.name);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    added.push({
      id,
      name: merged.name,
      kind,
      aliases: merged.aliases.filter((a) => !curatedByKey.has(nameKey(a)) && nameKey(a) !== key),
      roles: merged.roles,
      sources: merged.sources,
      origin: 'extracted',
    });
  }
  return [...curated.map((e) => enriched.get(e.id) ?? e), ...added];
}
