/** A mixed query set derived from whatever corpus is loaded: names, typos, phrases, questions. */

import { misspelt } from '../core/warmUp.ts';
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { seededRandom } from '../text/seededRandom.ts';

export function benchQueries(kb: KnowledgeBase, count = 400, seed = 11): string[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rnd() * list.length)];
  const names = [...kb.entities.values()].flatMap((e) => [e.name, ...e.aliases]);
  const textNames = kb.passages
    .slice(0, 2000)
    .flatMap((p) => p.text.match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g) ?? []);
  const allNames = names.length ? names : textNames;
  const queries: string[] = [];
  while (queries.length < count) {
    const passage = pick(kb.passages);
    const words = passage?.text.split(/\s+/).filter((w) => /^[\p{L}]{4,}$/u.test(w)) ?? [];
    const start = Math.floor(rnd() * Math.max(1, words.length - 3));
    const phrase = words.slice(start, start + 2 + Math.floor(rnd() * 2)).join(' ');
    const name = pick(allNames) ?? 'Smith';
    const surname = name.split(' ').at(-1) ?? name;
    const choices = [
      `/who ${name}`,
      `/who ${misspelt(surname, rnd)}`,
      `who is ${name}?`,
      `/search ${phrase}`,
      `/search "${phrase}"`,
      `/search ${misspelt(phrase, rnd)}`,
      `what did ${surname} say?`,
      `what happened at ${pick(words) ?? 'the summit'}?`,
      `how many people were affected?`,
      `/quote ${surname} ${pick(words) ?? ''}`,
      `which ${pick(words) ?? 'plan'} was ${pick(words) ?? 'approved'}?`,
    ];
    queries.push(pick(choices) ?? '/sources');
    if (queries.length % 100 === 0) queries.push('/timeline', '/sources');
  }
  return queries.slice(0, count);
}
