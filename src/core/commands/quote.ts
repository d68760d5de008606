import { splitSentences } from '../../knowledge/splitSentences.ts';
import type { NameMatch } from '../../search/entityIndex.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { shorten } from '../../text/words.ts';
import { didYouMean, missingArgument, notFound } from '../answers/common.ts';
import { mentionsName, passagesMentioning } from '../answers/mentions.ts';
import { roleFromText } from '../answers/roleFromText.ts';
import { contentTerms } from '../answers/snippets.ts';
import { coverageOf, keysOfText, weighTerms } from '../qa/findSentences.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import type { CommandDefinition } from './types.ts';

interface FoundQuote {
  text: string;
  context?: string;
  articleId: string;
  /** Reported speech ("Nair said the budget would ..."): the whole sentence, not a quotation. */
  reported?: boolean;
  /** The quote's sentence with the ones before and after it: what a topic is matched against. */
  around?: string;
}

/** "Medvedev war" -> speaker "Medvedev", topic "war": the longest leading words that name someone. */
function splitSpeaker(kb: KnowledgeBase, text: string): { speaker: string; topic?: string } {
  const about = /^(.+?)\s+(?:about|on|regarding)\s+(.+)$/i.exec(text);
  if (about?.[1] && about[2]) return { speaker: about[1], topic: about[2] };
  const words = text.split(/\s+/);
  const split = (n: number) => {
    const topic = words.slice(n).join(' ');
    const speaker = words.slice(0, n).join(' ');
    return topic ? { speaker, topic } : { speaker };
  };
  // Exact names first (cheap); a typo-tolerant look-up only if none of the prefixes is a name.
  for (let n = words.length; n >= 1; n--) {
    if (kb.names.exactMatches(words.slice(0, n).join(' ')).length) return split(n);
  }
  for (let n = Math.min(words.length, 3); n >= 1; n--) {
    if (
      kb.names.lookup(words.slice(0, n).join(' '), { prefer: ['person', 'organisation'] }).status === 'found'
    ) {
      return split(n);
    }
  }
  return { speaker: text };
}

const SPEECH_VERB =
  /\b(said|says|told|stated|added|warned|argued|declared|insisted|claimed|asserted|explained|called)\b/i;

/**
 * Quotations in sentences that name the speaker, for corpora without curated quotes; when the
 * articles only report what someone said ("Nair said the budget would ..."), those sentences.
 */
function quotesFromText(kb: KnowledgeBase, names: readonly string[]): FoundQuote[] {
  const direct: FoundQuote[] = [];
  const reported: FoundQuote[] = [];
  for (const passage of passagesMentioning(kb, names, 30)) {
    const sentences = splitSentences(passage.text);
    sentences.forEach((sentence, i) => {
      if (!names.some((n) => mentionsName(sentence, n))) return;
      // A quote may stand in the sentence before the one that names its speaker.
      const withPrevious = /^[“"]/.test(sentences[i - 1] ?? '')
        ? `${sentences[i - 1]} ${sentence}`
        : sentence;
      const around = [sentences[i - 1], sentence, sentences[i + 1]].filter(Boolean).join(' ');
      let quoted = false;
      for (const m of sentence.matchAll(/[“"]([^”"]{3,300})[”"]/g)) {
        quoted = true;
        if (m[1])
          direct.push({
            text: tidyQuote(m[1]),
            context: shorten(withPrevious, 200),
            articleId: passage.articleId,
            around,
          });
      }
      if (!quoted && SPEECH_VERB.test(sentence))
        reported.push({ text: sentence, articleId: passage.articleId, reported: true, around });
    });
  }
  return direct.length ? direct : reported;
}

function tidyQuote(text: string): string {
  return text.trim().replace(/[,;:]$/, '');
}

function quoteReply(kb: KnowledgeBase, speaker: string, quotes: FoundQuote[], topicNote?: string): Reply {
  // Lead with quotes from different sources, so differing versions are visible at once.
  const lead: FoundQuote[] = [];
  for (const q of quotes) if (!lead.some((l) => l.articleId === q.articleId) && lead.length < 2) lead.push(q);
  const reportedOnly = quotes.every((q) => q.reported);
  const headline = reportedOnly
    ? `${speaker}: ${shorten(lead[0]?.text ?? '', 240)}`
    : `${speaker}: ${lead.map((q) => `“${shorten(q.text, 120)}”`).join(' / ')}`;
  const reply = new ReplyBuilder(kb, 'answer', headline).citeHeadline(...lead.map((q) => q.articleId));
  if (topicNote) reply.line(topicNote);
  const sources = new Set(quotes.map((q) => q.articleId));
  if (sources.size > 1)
    reply.line(`Quoted in ${sources.size} sources; each version is shown with its source.`);
  for (const q of quotes.slice(0, 6)) {
    const text = reportedOnly ? shorten(q.text, 300) : `“${shorten(q.text, 300)}”`;
    reply.line(`${text}${q.context ? ` (${q.context})` : ''}`, q.articleId);
  }
  return reply.build();
}

export const quoteCommand: CommandDefinition = {
  name: 'quote',
  summary: 'What someone said, optionally on a topic',
  args: [
    { name: 'person', description: 'Who said it', required: true, completeNames: true },
    { name: 'topic', description: 'What it was about', required: false },
  ],
  examples: ['/quote Medvedev', 'what did Tillerson say about Russia?'],
  run(parsed, { kb }) {
    const raw = parsed.subject ?? parsed.text;
    if (!raw) return missingArgument(kb, '/quote <person> [topic]', '/quote Medvedev');
    const split = parsed.topic ? { speaker: raw, topic: parsed.topic } : splitSpeaker(kb, raw);
    const lookup = kb.names.lookup(split.speaker, { prefer: ['person', 'organisation'] });
    if (lookup.status === 'ambiguous') return didYouMean(kb, split.speaker, lookup.matches, 'quote');

    let match: NameMatch | undefined;
    if (lookup.status === 'found') match = lookup.match;
    const entity = match ? kb.entities.get(match.target.id) : undefined;
    const names = entity ? [entity.name, ...entity.aliases] : [split.speaker];
    const speakerName =
      entity?.name ??
      roleFromText(split.speaker, passagesMentioning(kb, [split.speaker], 10))?.name ??
      split.speaker;

    const curated: FoundQuote[] = entity
      ? kb.facts.quotesBy(entity.id).map((q) => ({
          text: q.text,
          articleId: q.source.article,
          ...(q.context ? { context: q.context } : {}),
        }))
      : [];
    const quotes = curated.length ? curated : quotesFromText(kb, names);
    if (!quotes.length) {
      if (!entity && passagesMentioning(kb, names, 1).length === 0)
        return notFound(kb, split.speaker, 'anyone', lookup.status === 'none' ? lookup.near : []);
      return new ReplyBuilder(kb, 'not_found', `No quotes from ${speakerName} in the archive.`)
        .line(`Try /search ${speakerName} to see how the articles mention them.`)
        .suggest({ label: `Search "${speakerName}"`, ask: `/search ${speakerName}` })
        .build();
    }
    if (!split.topic) return quoteReply(kb, speakerName, quotes);

    const terms = weighTerms(kb, contentTerms(split.topic.replace(/-/g, ' ')));
    const aboutText = (q: FoundQuote) => {
      const facts = kb.facts.quote(q.text, q.articleId);
      return [q.text, q.context ?? '', q.around ?? '', ...(facts?.about ?? [])].join(' ').replace(/-/g, ' ');
    };
    // Quotes on the topic, the closest match first; a quotation before reported speech on ties.
    const onTopic = quotes
      .map((q) => ({ q, score: coverageOf(keysOfText(aboutText(q)), terms) + (q.reported ? 0 : 0.05) }))
      .filter((x) => x.score > 0.1)
      .sort((a, b) => b.score - a.score)
      .map((x) => x.q);
    if (onTopic.length) return quoteReply(kb, speakerName, onTopic);
    return quoteReply(
      kb,
      speakerName,
      quotes,
      `No quotes from ${speakerName} about "${split.topic}"; everything they said:`,
    );
  },
};
