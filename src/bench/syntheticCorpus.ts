/**
 * Writes a synthetic news corpus of about N words for scale runs: articles with front matter,
 * named people with roles in the text, quotes, numbers, and a facts file citing real excerpts.
 * Deterministic for a given size and seed, so runs are comparable.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../text/seededRandom.ts';

const FIRST =
  'Amara Boris Chen Dalia Emil Farah Goran Hana Ivo Jana Kofi Lena Mateo Nadia Omar Petra Quinn Rosa Sami Tariq Uma Viktor Wen Yara Zane'.split(
    ' ',
  );
const LAST =
  'Abbott Bauer Castillo Dimitrov Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Lindqvist Moreau Nakamura Okafor Petrov Quispe Rahman Santos Tanaka Urban Vargas Weber Xu Yilmaz Zielinski'.split(
    ' ',
  );
const ROLES = [
  'Finance Minister',
  'Foreign Minister',
  'Defence Secretary',
  'Governor',
  'Mayor',
  'Senator',
  'Police Chief',
  'Health Minister',
  'Trade Envoy',
  'Central Bank Governor',
];
const COUNTRIES = ['Norland', 'Estavia', 'Valoria', 'Kestria', 'Morvania', 'Belcora', 'Tarsen', 'Ulvania'];
const PLACES = ['Port Arlen', 'Kessel Bay', 'Mirov', 'Dunholt', 'Saltmarsh', 'Eastbridge', 'Carrow', 'Vell'];
const TOPICS =
  'budget election strike protest treaty pipeline harbour sanctions tariffs vaccine drought flood bridge refinery railway summit ceasefire inquiry court verdict referendum merger'.split(
    ' ',
  );
const VERBS =
  'announced approved rejected delayed criticised defended proposed signed blocked reviewed'.split(' ');
const FILLER = (
  'the government said on officials would after talks with a new plan for the region while critics warned that ' +
  'costs could rise and services may suffer during the coming months as negotiations continue between ministers ' +
  'and local leaders who want more support from the capital before the next vote in parliament later this year'
).split(' ');

export interface SyntheticPerson {
  name: string;
  surname: string;
  role: string;
}

export interface SyntheticCorpus {
  dir: string;
  people: SyntheticPerson[];
  places: string[];
  topics: string[];
  words: number;
}

export function writeSyntheticCorpus(dir: string, targetWords: number, seed = 7): SyntheticCorpus {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'articles'), { recursive: true });

  const people: SyntheticPerson[] = [];
  for (const first of FIRST)
    for (const last of LAST) {
      if (rnd() < 0.5)
        people.push({ name: `${first} ${last}`, surname: last, role: `${pick(COUNTRIES)} ${pick(ROLES)}` });
    }
  // A large Zipf-like vocabulary of invented words, so the index has a realistic number of terms.
  const vocab: string[] = [];
  const syllables =
    'ka lo mi ren tas vor bel dun esk far gil hom ith jor kel lum nar ost pel quin ras sul tor ulm vek';
  const syl = syllables.split(' ');
  for (let i = 0; i < 40000; i++) vocab.push(`${pick(syl)}${pick(syl)}${pick(syl)}`);
  const zipf = () => vocab[Math.floor(vocab.length * rnd() ** 3)] as string;

  const facts: string[] = ['entities:'];
  let words = 0;
  let n = 0;
  const cited = new Set<string>();
  while (words < targetWords) {
    const id = `synthetic-${String(n).padStart(5, '0')}`;
    const topic = pick(TOPICS);
    const place = pick(PLACES);
    const lead = pick(people);
    const paragraphs: string[] = [];
    const intro = `${lead.role} ${lead.name} ${pick(VERBS)} the ${topic} plan in ${place} on Tuesday.`;
    paragraphs.push(intro);
    for (let p = 0; p < 14; p++) {
      const person = pick(people);
      const sentences: string[] = [];
      for (let s = 0; s < 3; s++) {
        const kind = rnd();
        if (kind < 0.15)
          sentences.push(
            `"The ${topic} is ${pick(['vital', 'a mistake', 'overdue', 'unaffordable'])} for ${place}," ${person.surname} said.`,
          );
        else if (kind < 0.25)
          sentences.push(
            `About ${Math.floor(rnd() * 9000) + 100} people were affected by the ${topic} in ${place}.`,
          );
        else {
          const filler = Array.from({ length: 14 }, () => (rnd() < 0.5 ? pick(FILLER) : zipf())).join(' ');
          sentences.push(`${person.surname} ${pick(VERBS)} ${filler} ${topic}.`);
        }
      }
      paragraphs.push(sentences.join(' '));
    }
    const body = paragraphs.join('\n\n');
    const title = `${place} ${topic} ${pick(VERBS)} as ${lead.surname} steps in`;
    writeFileSync(
      join(dir, 'articles', `${id}.md`),
      `---\nid: ${id}\ntitle: ${title}\npublication: Synthetic Times\npublished: 2024-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}\n---\n${body}\n`,
    );
    if (!cited.has(lead.name)) {
      cited.add(lead.name);
      const slug = lead.name.toLowerCase().replace(/\s+/g, '-');
      facts.push(
        `  - id: ${slug}`,
        `    name: ${lead.name}`,
        `    kind: person`,
        `    aliases: [${lead.surname}]`,
        `    roles:`,
        `      - title: ${lead.role}`,
        `        source: {article: ${id}, excerpt: "${lead.role} ${lead.name}"}`,
        `    sources: [{article: ${id}, excerpt: "${lead.role} ${lead.name}"}]`,
      );
    }
    words += body.split(/\s+/).length;
    n++;
  }
  writeFileSync(join(dir, 'facts.yaml'), `${facts.join('\n')}\n`);
  return { dir, people: people.filter((p) => cited.has(p.name)), places: PLACES, topics: TOPICS, words };
}
