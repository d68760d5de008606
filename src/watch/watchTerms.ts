/**
 * What a typed watch means, through the same name index as `/who` (search/entityIndex.ts): a
 * name of the archive (exactly, by an alias, or with a typo corrected: "Tilerson" is Rex
 * Tillerson), several names ("did you mean"), or no name at all, which is watched as the words
 * typed. "Quoted" words are always a phrase. A name is matched in new articles by every spelling
 * the index knows (its name and aliases) and, for a person, the surname alone, as the articles
 * write it after the first mention ("Tillerson said").
 */
import type { NamedTarget, NameMatch } from '../search/entityIndex.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import type { Watch } from '../state/watchState.ts';
import { nameKey } from '../text/words.ts';

export type WatchMeaning =
  | {
      status: 'name';
      name: string;
      targetId: string;
      terms: string[];
      /** The typed words were not a spelling of the name: a typo corrected, or a prefix completed. */
      corrected: boolean;
    }
  | { status: 'phrase'; name: string; terms: string[]; quoted: boolean }
  | { status: 'ambiguous'; matches: NameMatch[] };

const QUOTED = /^["“'‘](.+)["”'’]$/u;

/** The name, its aliases and, for a person of two words or more, the surname. */
export function spellings(target: Pick<NamedTarget, 'kind' | 'name' | 'aliases'>): string[] {
  const all = [target.name, ...target.aliases];
  const words = target.name.trim().split(/\s+/);
  const surname = words.at(-1);
  if (target.kind === 'person' && words.length > 1 && surname && surname.length >= 3) all.push(surname);
  const seen = new Set<string>();
  return all.filter((s) => {
    const key = nameKey(s);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function resolveWatch(kb: KnowledgeBase, typed: string): WatchMeaning {
  const text = typed.trim().replace(/\s+/g, ' ');
  const quoted = QUOTED.exec(text)?.[1]?.trim();
  if (quoted) return { status: 'phrase', name: quoted, terms: [quoted], quoted: true };
  const lookup = kb.names.lookup(text);
  if (lookup.status === 'ambiguous') return { status: 'ambiguous', matches: lookup.matches };
  if (lookup.status === 'found') {
    const { target } = lookup.match;
    const terms = spellings(target);
    const typedKey = nameKey(text);
    return {
      status: 'name',
      name: target.name,
      targetId: `${target.type}:${target.id}`,
      terms,
      corrected: !terms.some((t) => nameKey(t) === typedKey),
    };
  }
  return { status: 'phrase', name: text, terms: [text], quoted: false };
}

/**
 * The spellings to look for now: those stored with the watch, and any the name has gained since
 * (a later article gave an alias).
 */
export function currentTerms(watch: Watch, kb: KnowledgeBase): string[] {
  if (watch.kind !== 'name' || !watch.targetId) return watch.terms;
  const [type, ...rest] = watch.targetId.split(':');
  const id = rest.join(':');
  const target =
    type === 'event'
      ? { ...(kb.events.get(id) ?? { name: '', aliases: [] }), kind: 'event' as const }
      : kb.entities.get(id);
  if (!target?.name) return watch.terms;
  const seen = new Set(watch.terms.map(nameKey));
  return [...watch.terms, ...spellings(target).filter((s) => !seen.has(nameKey(s)))];
}
