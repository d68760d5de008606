/**
 * Name choices for autocomplete. Discord asks on every keystroke and waits 3 seconds at most, so
 * this is a synchronous scan: names that start with what was typed, then names with a word that
 * does, then the entity index's typo-tolerant candidates, 25 at most.
 */
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { EntityIndex, NamedTarget } from '../../search/entityIndex.ts';
import { nameKey } from '../../search/entityIndex.ts';
import { DISCORD_LIMITS, truncate } from './limits.ts';

type Choice = APIApplicationCommandOptionChoice<string>;

function toChoice(target: NamedTarget, matched: string): Choice {
  // The value is what the command receives; a name longer than Discord allows falls back to the alias.
  const value = [target.name, matched].find((n) => n.length <= DISCORD_LIMITS.choiceValue);
  const shown = matched !== target.name && nameKey(matched) !== nameKey(target.name) ? ` (${matched})` : '';
  return {
    name: truncate(`${target.name}${shown} · ${target.kind}`, DISCORD_LIMITS.choiceName),
    value: value ?? truncate(target.name, DISCORD_LIMITS.choiceValue),
  };
}

export function nameChoices(names: EntityIndex, typed: string, limit: number = DISCORD_LIMITS.choices): Choice[] {
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

  const starts: [NamedTarget, string][] = [];
  const wordStarts: [NamedTarget, string][] = [];
  for (const target of names.targets) {
    for (const name of [target.name, ...target.aliases]) {
      const k = nameKey(name);
      if (k.startsWith(key)) starts.push([target, name]);
      else if (k.includes(` ${key}`)) wordStarts.push([target, name]);
    }
  }
  const byName = (a: [NamedTarget, string], b: [NamedTarget, string]) =>
    a[1].length - b[1].length || a[1].localeCompare(b[1]);
  for (const [t, n] of starts.sort(byName)) offer(t, n);
  for (const [t, n] of wordStarts.sort(byName)) offer(t, n);
  if (picked.size < max) for (const m of names.candidates(typed, max)) offer(m.target, m.matched);
  return [...picked.values()];
}
