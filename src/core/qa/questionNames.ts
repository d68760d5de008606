/**
 * The names a question gives, as the answer extractors use them: a candidate that repeats one is
 * not the answer, and an answer must come from an article that names one of them.
 */
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { wordKey } from '../../text/wordForms.ts';
import { contentTerms } from '../answers/snippets.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { withoutTitle } from './candidates.ts';

/** A name's words, lower-cased, without a leading title. */
export function lowerWords(text: string): Set<string> {
  return new Set(
    withoutTitle(text)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );
}

/** One key per name of the question: its rarest word ("sloan" of "John Sloan"). */
export function nameAnchors(kb: KnowledgeBase, a: QuestionAnalysis): string[] {
  return a.names.flatMap((name) => {
    const terms = contentTerms(name);
    const rarest = terms.sort(
      (x, y) => kb.passageIndex.documentFrequency(x) - kb.passageIndex.documentFrequency(y),
    )[0];
    return rarest ? [wordKey(rarest)] : [];
  });
}

/** Whether a candidate repeats a name the question already gives (it is not the answer). */
export function inQuestion(a: QuestionAnalysis, text: string): boolean {
  const asked = new Set(a.names.flatMap((n) => [...lowerWords(n)]));
  const words = [...lowerWords(text)];
  return words.length > 0 && words.some((w) => asked.has(w));
}

/** What the name index knows a name as (person, place, ...). */
export function kindsOf(kb: KnowledgeBase, name: string): Set<string> {
  return new Set(kb.names.exactMatches(name).map((m) => m.target.kind));
}
