/**
 * The reply of the question-answering pipeline: the answer itself as the first line (short, cut
 * only at a word boundary), the evidence sentence below it, then any other answers the archive
 * gives. When nothing answers well enough, the reply says so and offers the closest sentences as
 * what they are: "closest I found", never the answer.
 */
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { wordKey, wordsOf } from '../../text/wordForms.ts';
import { shorten } from '../../text/words.ts';
import { contentTerms } from '../answers/snippets.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import { type Evidence, neighbour } from './evidence.ts';
import type { SentenceHit } from './findSentences.ts';

export const HEADLINE_CHARS = 200;
const EVIDENCE_CHARS = 420;

export interface AnswerParts {
  headline: string;
  evidence: Evidence;
  /** Further supporting or differing sentences, each with its article. */
  more?: { text: string; articleId: string }[];
}

/** The evidence as shown: a neighbour read for the answer is shown with the found sentence. */
function evidenceText(kb: KnowledgeBase, evidence: Evidence): string {
  const parts: string[] = [];
  const from = Math.min(0, evidence.offset);
  const to = Math.max(0, evidence.offset);
  for (let offset = from; offset <= to; offset++) {
    const text = offset === 0 ? evidence.hit.text : neighbour(kb, evidence.hit, offset);
    if (text) parts.push(text);
  }
  const joined = parts.join(' ');
  if (joined.length <= EVIDENCE_CHARS || parts.length < 2) return joined;
  // Too long to show whole: the sentence that holds the answer is kept, the others cut short.
  const others = parts.length - 1;
  const room = Math.max(80, Math.floor((EVIDENCE_CHARS - evidence.text.length) / others) - 1);
  const own = EVIDENCE_CHARS - others * (room + 1);
  return parts.map((p) => shorten(p, p === evidence.text ? own : room)).join(' ');
}

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Characters a line may add to a headline it holds and still only repeat it. */
const REPEAT_SLACK = 30;

/** Whether a line only repeats one already shown (whole, or as the start of a shortened one). */
function repeats(shown: string, line: string): boolean {
  const a = key(shown.replace(/…$/, ''));
  const b = key(line.replace(/…$/, ''));
  // A line that holds the headline and little more repeats it; one that says more ("..., Donald
  // Trump." after "Due to the policies of ... the current commander in chief") is the evidence.
  return a.includes(b) || (a.length > 60 && b.includes(a) && b.length - a.length < REPEAT_SLACK);
}

/**
 * The part of a long sentence around the question's words, cut at word boundaries and marked
 * with "…" where cut: for a headline that quotes its evidence.
 */
export function windowAround(text: string, keys: readonly string[], max = 180): string {
  if (text.length <= max) return text;
  const words = wordsOf(text);
  const hits = words.filter((w) => keys.includes(wordKey(w.text)));
  if (!hits.length) return shorten(text, max);
  let start = hits[0]?.start ?? 0;
  let end = hits[hits.length - 1]?.end ?? text.length;
  if (end - start > max) {
    // The stretch that holds the most of the question's words, the first of equals: "… such high
    // hopes for a different outcome given his now-cooled bromance with Putin", asked what happened
    // to the bromance, is not the sentence's opening "Trump's assessment of relations ...".
    // (Where no stretch holds a whole word of the question, the first max characters from it.)
    let most = 0;
    end = start + max;
    for (const first of hits) {
      const within = hits.filter((h) => h.start >= first.start && h.end <= first.start + max);
      const distinct = new Set(within.map((h) => wordKey(h.text))).size;
      if (distinct > most) {
        most = distinct;
        start = first.start;
        end = within.at(-1)?.end ?? start + max;
      }
    }
  }
  // Widen to both sides in turn while it fits.
  for (const w of [...words].sort(
    (a, b) => Math.abs(a.start - (start + end) / 2) - Math.abs(b.start - (start + end) / 2),
  )) {
    const s = Math.min(start, w.start);
    const e = Math.max(end, w.end);
    if (e - s <= max) {
      start = s;
      end = e;
    }
  }
  const cutEnd = /[,;:]$/.test(text.slice(0, end)) ? end - 1 : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, cutEnd).trim()}${end < text.length ? '…' : ''}`;
}

export function composeAnswer(kb: KnowledgeBase, parts: AnswerParts): Reply {
  const headline = shorten(parts.headline, HEADLINE_CHARS);
  const reply = new ReplyBuilder(kb, 'answer', headline).citeHeadline(parts.evidence.articleId);
  const shown = [headline];
  const add = (text: string, articleId: string) => {
    const line = shorten(text, EVIDENCE_CHARS);
    if (shown.some((s) => repeats(s, line))) return;
    shown.push(line);
    reply.line(line, articleId);
  };
  add(evidenceText(kb, parts.evidence), parts.evidence.articleId);
  for (const m of parts.more ?? []) add(m.text, m.articleId);
  return reply.build();
}

/** Nothing answers well enough: say so, then the closest sentences, marked as such. */
export function abstain(kb: KnowledgeBase, question: string, closest: readonly SentenceHit[]): Reply {
  // The question is not said back: it stands just above in the chat, and a search for its
  // content words finds more than one for its whole wording.
  const keywords = question
    .split(/\s+/)
    .filter((w) => contentTerms(w).length > 0)
    .join(' ')
    .replace(/[?!.]+$/, '');
  const reply = new ReplyBuilder(
    kb,
    'not_found',
    "The archive doesn't say: nothing I found answers that question.",
  );
  const shown = new Set<string>();
  for (const hit of closest) {
    if (shown.size >= 2) break;
    if (shown.has(hit.text)) continue;
    if (!shown.size) reply.line('Closest I found, which may not answer it:');
    shown.add(hit.text);
    reply.line(shorten(hit.text, EVIDENCE_CHARS), hit.passage.articleId);
  }
  if (!shown.size) reply.line('Try other words, a name (/who), or /sources to see what the archive holds.');
  if (keywords) reply.suggest({ label: 'Search the text', ask: `/search ${shorten(keywords, 80)}` });
  return reply.build();
}
