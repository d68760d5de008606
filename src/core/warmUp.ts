/**
 * Warming up after start: the bot asks itself questions of every form it answers, made from the
 * loaded archive's own names and words, and throws the replies away. A question's first answers
 * run through code the JavaScript engine has not compiled yet, so a fresh process answers its
 * first few hundred questions two to three times slower than later ones; asked here, those
 * questions are the bot's own, not a user's. The replies are never shown, and only read-only
 * commands are asked (no digest, watch or archive command).
 *
 * The questions are asked one at a time between turns of the event loop, so a user's question that
 * arrives meanwhile waits for one question at most.
 */
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { seededRandom } from '../text/seededRandom.ts';

/** How many questions a start-up warm-up asks by default (WARMUP_QUESTIONS). */
export const DEFAULT_WARMUP_QUESTIONS = 1000;

/** What answers a question: the bot's plain answer path. */
export interface Answerer {
  answer(request: { text: string; platform?: string }): unknown;
}

export interface WarmUpResult {
  questions: number;
  ms: number;
}

const WORD = /^\p{L}{4,}$/u;

/** One letter pair swapped, as people mistype a name. */
export function misspelt(word: string, rnd: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(rnd() * (word.length - 3));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/**
 * `count` questions of the forms people ask, about the archive's names (its entities, or
 * capitalised pairs of its text when it has none) and the words of its passages.
 */
export function warmUpQuestions(kb: KnowledgeBase, count: number, seed = 2017): string[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rnd() * list.length)];
  const names = [...kb.entities.values()].map((e) => e.name);
  const fallbackNames = names.length
    ? []
    : kb.passages.slice(0, 500).flatMap((p) => p.text.match(/\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\b/gu) ?? []);
  const people = names.length ? names : fallbackNames;
  const questions: string[] = [];
  for (let tries = 0; questions.length < count && tries < count * 3; tries++) {
    const words = (pick(kb.passages)?.text.split(/\s+/) ?? []).filter((w) => WORD.test(w));
    const name = pick(people);
    if (!name || words.length < 2) continue;
    const surname = name.split(' ').at(-1) ?? name;
    const at = Math.floor(rnd() * (words.length - 1));
    const [first = '', second = ''] = [words[at], words[at + 1]];
    const forms = [
      `/who ${name}`,
      `/who ${misspelt(surname, rnd)}`,
      `who is ${surname}?`,
      `/what ${first}`,
      `what is ${first} ${second}?`,
      `/search ${first} ${second}`,
      `/search "${first} ${second}"`,
      `/quote ${surname} ${first}`,
      `what did ${name} say about ${first}?`,
      `/figure ${first}`,
      `how many ${first} did ${surname} ${second}?`,
      `when did ${surname} ${first}?`,
      `where did ${surname} ${first}?`,
      `why did ${surname} ${first} ${second}?`,
      `did ${surname} ${first} ${second}?`,
      `who ${first} the ${second}?`,
      `which ${first} did ${surname} ${second}?`,
      `what happened to ${name}?`,
      '/timeline',
    ];
    questions.push(pick(forms) ?? `/who ${name}`);
  }
  return questions;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Asks the bot `count` questions about the archive, one per turn of the event loop. A question that
 * fails is only skipped (the warm-up never stops the bot), and `stopped()` ends it early.
 */
export async function warmUp(
  bot: Answerer,
  kb: KnowledgeBase,
  count = DEFAULT_WARMUP_QUESTIONS,
  stopped: () => boolean = () => false,
): Promise<WarmUpResult> {
  const started = performance.now();
  let asked = 0;
  for (const text of warmUpQuestions(kb, count)) {
    if (stopped()) break;
    await nextTurn();
    try {
      bot.answer({ text, platform: 'warmup' });
    } catch {
      // A question the bot cannot answer only warms less.
    }
    asked++;
  }
  return { questions: asked, ms: performance.now() - started };
}
