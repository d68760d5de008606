/**
 * Name choices for autocomplete. Discord asks on every keystroke and waits 3 seconds at most, so
 * this is a synchronous scan: names that start with what was typed, then names with a word that
 * does, then the entity index's typo-tolerant candidates, 25 at most.
 */
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { EntityIndex, NamedTarget } from '../../search/entityIndex.ts';
import { nameKey } from '../../text/words.ts';
import { DISCORD_LIMITS, truncate } from './limits.ts';

type Choice = APIApplicationCommandOptionChoice<string>;

interface KeyedName {
  target: NamedTarget;
  name: string;
  key: string;
}

/** Normalised names per index, built once: a corpus reload brings a new index and a new entry. */
const keyedNames = new WeakMap<EntityIndex, KeyedName[]>();

function namesOf(index: EntityIndex): KeyedName[] {
  let list = keyedNames.get(index);
  if (!list) {
    list = index.targets.flatMap((target) =>
      [target.name, ...target.aliases].map((name) => ({ target, name, key: nameKey(name) })),
    );
    keyedNames.set(index, list);
  }
  return list;
}

function toChoice(target: NamedTarget, matched: string): Choice {
  // The value is what the command receives; a name longer than Discord allows falls back to the alias.
  const value = [target.name, matched].find((n) => n.length <= DISCORD_LIMITS.choiceValue);
  // Show the alias that matched only when it adds something: "Tillerson's talks (Tillerson-Lavrov meeting)".
  const shown = nameKey(target.name).includes(nameKey(matched)) ? '' : ` (${matched})`;
  return {
    name: truncate(`${target.name}${shown} · ${target.kind}`, DISCORD_LIMITS.choiceName),
    value: value ?? truncate(target.name, DISCORD_LIMITS.choiceValue),
  };
}

export function nameChoices(
  names: EntityIndex,
  typed: string,
  limit: number = DISCORD_LIMITS.choices,
): Choice[] {
  const max = Math.min(limit, DISCORD_LIMITS.choices);
  const key = nameKey(typed);
  const picked = new Map<string, Choice>();
  const offer = (target: NamedTarget, matched: string) => {
    const id = `${target.type}:${target.id}`;
    if (picked.size < max && !picked.has(id)) picked.set(id, toChoice(target, matched));
  };

  if (!key) {
    // Nothing typed yet: the names themselves, people and places before events.
    const sorted = [...names.targets].sort(
      (a, b) => Number(a.type === 'event') - Number(b.type === 'event') || a.name.localeCompare(b.name),
    );
    for (const t of sorted) offer(t, t.name);
    return [...picked.values()];
  }

  const starts: KeyedName[] = [];
  const wordStarts: KeyedName[] = [];
  for (const entry of namesOf(names)) {
    if (entry.key.startsWith(key)) starts.push(entry);
    else if (entry.key.includes(` ${key}`)) wordStarts.push(entry);
  }
  // Shorter names first: "Russia" before "Russia suspends agreement to share communications...".
  const byLength = (a: KeyedName, b: KeyedName) =>
    a.name.length - b.name.length || a.name.localeCompare(b.name);
  for (const e of starts.sort(byLength)) offer(e.target, e.name);
  for (const e of wordStarts.sort(byLength)) offer(e.target, e.name);
  if (picked.size < max) for (const m of names.candidates(typed, max)) offer(m.target, m.matched);
  return [...picked.values()];
}
