/**
 * A compact preview of one article, for a link someone shared: its title, publication and date,
 * a one-sentence summary (the lede), the people and places it names most, and buttons that ask
 * `/who` about the first people. Names are found the way the name index knows them: capitalised
 * runs of the text that are exactly a name or alias of one person or place ("Tillerson" counts for
 * Rex Tillerson, a surname two people share counts for neither).
 */
import { splitSentences } from '../../knowledge/splitSentences.ts';
import type { Article, EntityKind } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { joinWords, shorten } from '../../text/words.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';

const SUMMARY_CHARS = 240;
const MAX_NAMES = 5;
const MAX_BUTTONS = 3;
/** Longest name looked up, in words ("Russian Foreign Minister Sergei Lavrov" holds "Sergei Lavrov"). */
const MAX_NAME_WORDS = 4;

const CAPITALISED_RUN =
  /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|de|al|von|van|the)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;

interface Named {
  name: string;
  kind: EntityKind;
  count: number;
  first: number;
}

/** People and places named in the article, most mentioned first. */
export function namesInArticle(kb: KnowledgeBase, article: Article): { people: string[]; places: string[] } {
  const text = `${article.title}\n${article.body}`;
  const found = new Map<string, Named>();
  let position = 0;
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    const words = run[0].split(/\s+/).map((w) => w.replace(/[.'’]+$/, ''));
    // Longest first: a full name found, its parts are not looked up again.
    const used = new Array<boolean>(words.length).fill(false);
    for (let n = Math.min(MAX_NAME_WORDS, words.length); n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        if (used.slice(i, i + n).some(Boolean)) continue;
        const phrase = words.slice(i, i + n).join(' ');
        if (phrase.length < 3) continue;
        const targets = new Map(
          kb.names
            .exactMatches(phrase)
            .filter(
              (m) => m.target.type === 'entity' && (m.target.kind === 'person' || m.target.kind === 'place'),
            )
            .map((m) => [m.target.id, m.target]),
        );
        const [only] = targets.values();
        if (!only || targets.size !== 1) continue;
        used.fill(true, i, i + n);
        const held = found.get(only.id) ?? { name: only.name, kind: only.kind, count: 0, first: position++ };
        held.count++;
        found.set(only.id, held);
      }
    }
  }
  const ranked = [...found.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  const of = (kind: EntityKind) =>
    ranked
      .filter((n) => n.kind === kind)
      .slice(0, MAX_NAMES)
      .map((n) => n.name);
  return { people: of('person'), places: of('place') };
}

function lede(article: Article): string {
  const first = article.body.split(/\n\s*\n/).find((p) => p.trim()) ?? '';
  const sentence = splitSentences(first)[0] ?? first;
  return shorten(sentence.replace(/\s+/g, ' ').trim(), SUMMARY_CHARS);
}

export function articlePreview(kb: KnowledgeBase, article: Article): Reply {
  const reply = new ReplyBuilder(kb, 'answer', article.title).citeHeadline(article.id);
  const published = [article.publication, article.published].filter(Boolean).join(', ');
  const by = article.author ? `by ${article.author}` : '';
  const source = [published, by].filter(Boolean).join(' · ');
  if (source) reply.field('Published', source);
  const summary = lede(article);
  if (summary) reply.line(summary, article.id);
  const { people, places } = namesInArticle(kb, article);
  if (people.length) reply.line(`People: ${joinWords(people)}`);
  if (places.length) reply.line(`Places: ${joinWords(places)}`);
  for (const name of people.slice(0, MAX_BUTTONS))
    reply.suggest({ label: `/who ${name}`, ask: `/who ${name}` });
  return { ...reply.build(), visibility: 'channel' };
}
