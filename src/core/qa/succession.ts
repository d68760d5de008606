/**
 * "Who is taking over as chief executive of Laura Ashley?", "who is Bombardier's new CEO?", "who
 * will replace Smith?": a role's next holder. News says it as "X is to be replaced by Y", "Y will
 * take on the role of CEO", "Y has been named chief executive", "Y succeeds X": the successor is
 * the name in that slot, never the one leaving, who the same story names beside the role.
 */
import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { equivalentKeys } from '../../text/equivalentWords.ts';
import { wordKey } from '../../text/wordForms.ts';
import type { Reply } from '../reply.ts';
import type { QuestionAnalysis } from './analyzeQuestion.ts';
import { type Candidate, nameRuns, withoutTitle } from './candidates.ts';
import { composeAnswer, HEADLINE_CHARS, windowAround } from './composeAnswer.ts';
import { type Evidence, neighbour } from './evidence.ts';
import { keysOfText, type SentenceHit } from './findSentences.ts';
import { inQuestion } from './questionNames.ts';

/** A question about who comes next in a role. */
export const SUCCESSION_ASKED =
  /^who\s+(?:(?:is|was|will\s+be|would\s+be)\s+(?:(?:taking|going\s+to\s+take|set\s+to\s+take|due\s+to\s+take|about\s+to\s+take|to\s+take)\s+over\b|(?:the\s+)?(?:[\p{L}'’.-]+\s+){0,3}?new\s+\p{L})|(?:will|is\s+to|is\s+going\s+to|is\s+set\s+to)\s+(?:replace|succeed|take\s+over)\b|(?:replaced|succeeded|took\s+over\s+(?:from|as))\b)/iu;

/** The successor after a verb of replacing: "to be replaced by Lillian Tan". */
const BY_BEFORE = /\b(?:replaced|succeeded)\s+(?:as\s+[\p{L}\s-]{2,40}?\s+)?by\s+(?:the\s+)?$/iu;

/** The successor before what makes them it: "Laurent Beaudoin, ..., will take on the role of CEO". */
const TAKES_AFTER =
  /^(?:,[^,]{1,120},)?\s+(?:(?:will|is\s+to|is\s+set\s+to|is\s+due\s+to|has\s+agreed\s+to|would)\s+)?(?:take|takes|took|taking)\s+(?:over|on\s+the\s+(?:role|post|job|position)|the\s+helm|charge)\b|^(?:,[^,]{1,120},)?\s+(?:has\s+been|have\s+been|was|were|is|will\s+be|is\s+to\s+be)\s+(?:named|appointed|confirmed|chosen|picked|elected|promoted|installed)\b|^(?:,[^,]{1,120},)?\s+(?:(?:will|is\s+to|is\s+set\s+to)\s+)?(?:succeeds?|replaces?|succeeding|replacing)\b/iu;

/** "his successor, Y", "Mr. Sulzberger's successor as publisher is Mr. Y", "the new chief executive, Y". */
const SUCCESSOR_BEFORE =
  /\b(?:(?:[Ss]uccessor|[Rr]eplacement)(?:\s+as\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,3}(?:is|was|will\s+be))?|[Nn]ew\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*),?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$/u;

/** The role a question names: "as publisher of the New York Times", "Bombardier's new CEO". */
const ASKED_ROLE =
  /\b(?:as|new)\s+(?:the\s+)?((?:\p{L}[\p{L}-]*\s+){0,2}?\p{L}[\p{L}-]*)(?=\s+(?:of|at|for|now|after|when|since)\b|\s*$)/iu;

function successorIn(text: string, a: QuestionAnalysis): Candidate | undefined {
  for (const run of nameRuns(text)) {
    const name = withoutTitle(run.text);
    // ("Pfaff succeeds Martin Burke": a surname alone, where it is no common word.)
    if (
      inQuestion(a, name) ||
      (!name.includes(' ') && nameGazetteer().classOf(name.toLowerCase()) === 'word')
    )
      continue;
    const before = text.slice(Math.max(0, run.start - 60), run.start);
    const after = text.slice(run.end, run.end + 160);
    if (BY_BEFORE.test(before) || SUCCESSOR_BEFORE.test(before) || TAKES_AFTER.test(after))
      return { ...run, text: name };
  }
  return undefined;
}

/** The next holder of the asked role, from the best sentences and their neighbours, if the text names one. */
export function successionAnswer(
  kb: KnowledgeBase,
  a: QuestionAnalysis,
  hits: readonly SentenceHit[],
): Reply | undefined {
  if (!SUCCESSION_ASKED.test(a.question)) return undefined;
  const article = hits[0]?.passage.articleId;
  // "who took over as publisher?": a successor in another role ("Oakes succeeds Merz, editor") is not it.
  const role = ASKED_ROLE.exec(a.question)?.[1];
  const roleKey = role ? wordKey(role.split(/\s+/).pop() ?? role) : undefined;
  const speaksOfRole = (text: string) =>
    !roleKey || equivalentKeys(roleKey).some((k) => keysOfText(text).has(k));
  for (const hit of hits.slice(0, 8)) {
    // Only in the story the best sentence is from: another's successor answers another role.
    if (hit.passage.articleId !== article) continue;
    for (const offset of [0, 1, -1]) {
      const text = offset === 0 ? hit.text : neighbour(kb, hit, offset);
      if (!text) continue;
      const found = successorIn(text, a);
      if (!found || !(speaksOfRole(text) || speaksOfRole(hit.text))) continue;
      const evidence: Evidence = { text, articleId: hit.passage.articleId, hit, offset };
      const room = HEADLINE_CHARS - found.text.length - 2;
      return composeAnswer(kb, {
        headline: `${found.text}: ${windowAround(text, a.anchorKeys, room)}`,
        evidence,
      });
    }
  }
  return undefined;
}
