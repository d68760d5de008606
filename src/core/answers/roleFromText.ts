/**
 * Reads a person's role from article text when no fact gives one: a title before the name
 * ("Russian Foreign Minister Sergei Lavrov"), an appositive ("Nikki Haley, the US Ambassador to
 * the UN"), or "X is a ..." (the rules live in src/knowledge/extract/rolePhrases.ts).
 */
import { fullNameAt, roleAfter, roleBeforeComma, titleBefore } from '../../knowledge/extract/rolePhrases.ts';
import { splitSentences } from '../../knowledge/splitSentences.ts';
import type { Passage } from '../../knowledge/types.ts';
import { foldPunctuation } from '../../text/normalizeText.ts';

export interface TextRole {
  /** The name as the text writes it in full ("Rex Tillerson" for a query "Tillerson"). */
  name: string;
  role: string;
  passage: Passage;
}

/** The fullest written form of a name in the passages: "Okafor" -> "Jane Okafor". */
export function fullNameIn(name: string, passages: readonly Passage[]): string {
  let best = name;
  for (const passage of passages) {
    const full = fullNameAt(foldPunctuation(passage.text), name)?.full;
    if (full && full.length > best.length) best = full;
  }
  return best;
}

export function roleFromText(name: string, passages: readonly Passage[]): TextRole | undefined {
  for (const passage of passages) {
    const text = foldPunctuation(passage.text);
    const at = fullNameAt(text, name);
    if (!at) continue;
    // "Councillor Priya Nair, who chairs the finance committee": both halves say who she is.
    const role = [
      (titleBefore(text, at.start) ?? roleBeforeComma(text, at.start))?.text,
      roleAfter(text, at.end)?.text,
    ]
      .filter(Boolean)
      .join('; ');
    if (role) return { name: at.full, role, passage };
  }
  return undefined;
}

/** A sentence that says what the name is: "X, a ...", "X is/was ...", "named X who ...". */
function describes(sentence: string, name: string): boolean {
  const at = sentence.indexOf(name);
  if (at < 0) return false;
  const after = sentence.slice(at + name.length);
  return /^(?:['’]s)?\s*(?:,\s*(?:an?|the|who|whose)\b|\s(?:is|was|who|whose|became|becomes)\b)/.test(after);
}

/**
 * Where no role is read, the sentence that best tells who the name is: one that describes it
 * ("Stowey Rummel was internationally famous, a crafter of ..."), else where the name opens a
 * sentence, else its first mention.
 */
export function describingSentence(name: string, passages: readonly Passage[]): TextRole | undefined {
  let best: { score: number; role: TextRole } | undefined;
  for (const passage of passages) {
    for (const sentence of splitSentences(foldPunctuation(passage.text))) {
      const at = sentence.indexOf(name);
      if (at < 0) continue;
      const score = (describes(sentence, name) ? 2 : 0) + (at < 3 ? 1 : 0);
      if (!best || score > best.score) best = { score, role: { name, role: sentence, passage } };
      if (score === 3) return best.role;
    }
  }
  return best?.role;
}
