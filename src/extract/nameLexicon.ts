/**
 * The English lexicon entity extraction stands on: compromise's (loaded on first use, about
 * 0.4 s, and not at all when a saved index is loaded). It knows some 24,000 words: given names,
 * surnames, countries, cities, regions, organisations, honorifics, and the part of speech of
 * common words, plus the words that end organisation and place names ("Council", "Bay").
 *
 * Only the lexicon is used, with our own tokenizer and sentence splitter: compromise's tagger
 * reads about 9,000 words a second and winkNLP's about 350,000 (measured on the bench corpus),
 * which at a million words is 110 s and 3 s of the 10 s a full build may take.
 */
import { createRequire } from 'node:module';
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

function loadGazetteer(): Gazetteer {
  const nlp = require('compromise/two') as typeof Compromise;
  const model = nlp.model() as unknown as {
    one: { lexicon: Record<string, string | string[]> };
    two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
  };
  const classes = new Map<string, NameClass>();
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    let found: NameClass = 'word';
    for (const [pattern, cls] of CLASS_OF_TAG) {
      if (tags.some((t) => pattern.test(t))) {
        found = cls;
        break;
      }
    }
    classes.set(word, found);
  }
  return {
    classOf: (key) => classes.get(key),
    organisationWords: new Set(Object.keys(model.two.orgWords)),
    placeWords: new Set([...Object.keys(model.two.placeWords), ...MORE_PLACE_WORDS]),
  };
}
