/**
 * The curated quotes and figures by what they are looked up by, so /quote and /figure never walk
 * every fact: quotes by speaker (and by text and article, to find a found quote's curated
 * topics), figures by the words of their label, unit, topics and excerpt. A figure query word
 * matches a figure word equal to it or starting with its stem (its first letters but the last
 * two, at least four): the rule /figure scores by, so the figures offered are exactly those it
 * would score above zero, in their order in the facts.
 */
import type { Figure, Quote } from '../knowledge/types.ts';
import { tokenize } from '../text/words.ts';
import { normalizeTerm } from './passageIndex.ts';
import { wordsStartingWith } from './sortedWords.ts';

/** Normalised content words of a text (stop words and single letters left out). */
function contentWords(text: string): string[] {
  const out = new Set<string>();
  for (const token of tokenize(text)) {
    const term = normalizeTerm(token);
    if (term) out.add(term);
  }
  return [...out];
}

export class FactIndex {
  private readonly quotesBySpeaker = new Map<string, Quote[]>();
  private readonly quoteByText = new Map<string, Quote>();
  private readonly figures: readonly Figure[];
  /** Figure word -> positions of the figures holding it. */
  private readonly figuresByWord = new Map<string, number[]>();
  private readonly words: string[];

  constructor(quotes: readonly Quote[], figures: readonly Figure[]) {
    for (const q of quotes) {
      const list = this.quotesBySpeaker.get(q.speaker);
      if (list) list.push(q);
      else this.quotesBySpeaker.set(q.speaker, [q]);
      const key = `${q.source.article}\0${q.text}`;
      if (!this.quoteByText.has(key)) this.quoteByText.set(key, q);
    }
    this.figures = figures;
    figures.forEach((f, i) => {
      for (const word of contentWords(
        [f.label, f.unit ?? '', ...f.about, f.source.excerpt].join(' ').replace(/-/g, ' '),
      )) {
        const list = this.figuresByWord.get(word);
        if (list) list.push(i);
        else this.figuresByWord.set(word, [i]);
      }
    });
    this.words = [...this.figuresByWord.keys()].sort();
  }

  /** The curated quotes of one speaker (an entity id), in their order in the facts. */
  quotesBy(speaker: string): readonly Quote[] {
    return this.quotesBySpeaker.get(speaker) ?? [];
  }

  /** The first curated quote with this text from this article. */
  quote(text: string, article: string): Quote | undefined {
    return this.quoteByText.get(`${article}\0${text}`);
  }

  /** The figures holding at least one of the terms (equal, or by stem), in their order in the facts. */
  figuresMatching(terms: readonly string[]): Figure[] {
    const found = new Set<number>();
    for (const term of terms) {
      for (const i of this.figuresByWord.get(term) ?? []) found.add(i);
      const stem = term.slice(0, Math.max(4, term.length - 2));
      if (stem.length < 4) continue;
      for (const word of wordsStartingWith(this.words, stem))
        for (const i of this.figuresByWord.get(word) ?? []) found.add(i);
    }
    return [...found].sort((a, b) => a - b).map((i) => this.figures[i] as Figure);
  }
}
