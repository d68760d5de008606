/**
 * The English lexicon entity extraction stands on: compromise's (loaded on first use, and not at
 * all when a saved index is loaded). It knows some 24,000 words: given names,
 * surnames, countries, cities, regions, organisations, honorifics, and the part of speech of
 * common words, plus the words that end organisation and place names ("Council", "Bay").
 *
 * Only the lexicon is used, with our own tokenizer and sentence splitter: compromise's tagger
 * reads about 9,000 words a second and winkNLP's about 350,000 (measured on the bench corpus),
 * which at a million words is 110 s and 3 s of the 10 s a full build may take.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type Compromise from 'compromise/two';

const require = createRequire(import.meta.url);

export type NameClass =
  | 'given'
  | 'surname'
  | 'place'
  | 'organisation'
  | 'honorific'
  | 'demonym'
  | 'time'
  /** Pronouns, determiners, prepositions, conjunctions, modals: never part of a name. */
  | 'function'
  /** Any other word the lexicon knows: a common noun, verb, adjective or adverb. */
  | 'word';

export interface Gazetteer {
  /** What a lower-case word or multi-word name is known as; undefined: not in the lexicon. */
  classOf(key: string): NameClass | undefined;
  /** Last words of organisation names ("council", "ministry"). */
  organisationWords: ReadonlySet<string>;
  /** Last words of place names ("bay", "island"). */
  placeWords: ReadonlySet<string>;
  /** Whether a lower-case given name is a man's or a woman's, where the lexicon says (for "he" and "she"). */
  genderOf(given: string): 'male' | 'female' | undefined;
}

let gazetteer: Gazetteer | undefined;

export function nameGazetteer(): Gazetteer {
  gazetteer ??= loadGazetteer();
  return gazetteer;
}

const CLASS_OF_TAG: [RegExp, NameClass][] = [
  [/^(WeekDay|Month|Date|Holiday)$/, 'time'],
  [/^Demonym$/, 'demonym'],
  [/^Honorific$/, 'honorific'],
  [/^(Organization|SportsTeam)$/, 'organisation'],
  [/^(Country|City|Region|Place)$/, 'place'],
  [/^(FirstName|MaleName|FemaleName)$/, 'given'],
  [/^LastName$/, 'surname'],
  [
    /^(Pronoun|Determiner|Preposition|Conjunction|Modal|Copula|QuestionWord|Possessive|Reflexive|Negative)$/,
    'function',
  ],
];

/** Streets, buildings and districts: place names compromise's list leaves out. */
const MORE_PLACE_WORDS =
  'street road avenue lane boulevard square county city town village district province borough parish harbour harbor port airport station bridge park quay wharf pier hall plaza'.split(
    ' ',
  );

interface LexiconData {
  classes: [string, NameClass][];
  /** Given names the lexicon marks as a man's (m) or a woman's (f). */
  genders: [string, 'm' | 'f'][];
  organisationWords: string[];
  placeWords: string[];
}

/** What the extractor needs of compromise's lexicon: each word's class, and the name-ending words. */
function fromCompromise(): LexiconData {
  const nlp = require('compromise/two') as typeof Compromise;
  const model = nlp.model() as unknown as {
    one: { lexicon: Record<string, string | string[]> };
    two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
  };
  const classes: [string, NameClass][] = [];
  const genders: [string, 'm' | 'f'][] = [];
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.includes('MaleName') !== tags.includes('FemaleName'))
      genders.push([word, tags.includes('MaleName') ? 'm' : 'f']);
    const found = CLASS_OF_TAG.find(([pattern]) => tags.some((t) => pattern.test(t)))?.[1] ?? 'word';
    classes.push([word, found]);
  }
  return {
    classes,
    genders,
    organisationWords: Object.keys(model.two.orgWords),
    placeWords: [...Object.keys(model.two.placeWords), ...MORE_PLACE_WORDS],
  };
}

/**
 * Unpacking compromise costs about half a second in every thread that loads articles. What the
 * extractor takes from it is kept in the temporary directory, keyed by compromise's version and
 * this file's own text, so the next threads and starts read a small JSON file instead. The data
 * is the same either way; if the file cannot be read or written, compromise is used directly.
 */
function lexiconData(): LexiconData {
  let file: string | undefined;
  try {
    const entry = require.resolve('compromise/two');
    const manifest = join(entry.slice(0, entry.lastIndexOf(`${sep}builds${sep}`)), 'package.json');
    const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '';
    const code = readFileSync(fileURLToPath(import.meta.url));
    const key = createHash('sha256').update(version).update(code).digest('hex').slice(0, 16);
    file = join(tmpdir(), `news-bot-name-lexicon-${key}.json`);
    return JSON.parse(readFileSync(file, 'utf8')) as LexiconData;
  } catch {
    // Not saved yet (or unreadable): build it below.
  }
  const data = fromCompromise();
  if (file) {
    try {
      const temporary = `${file}.${process.pid}.${threadId}.tmp`;
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, file);
    } catch {
      // A read-only temporary directory only costs the next start the half second.
    }
  }
  return data;
}

function loadGazetteer(): Gazetteer {
  const data = lexiconData();
  const classes = new Map(data.classes);
  const genders = new Map(data.genders ?? []);
  return {
    classOf: (key) => classes.get(key),
    genderOf: (given) => {
      const g = genders.get(given);
      return g === 'm' ? 'male' : g === 'f' ? 'female' : undefined;
    },
    organisationWords: new Set(data.organisationWords),
    placeWords: new Set(data.placeWords),
  };
}
