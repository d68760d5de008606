import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import type { Passage } from '../../knowledge/types.ts';
import type { NameMatch } from '../../search/entityIndex.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import { isSpeechVerbForm } from '../../text/speechVerbs.ts';
import { wordsOf } from '../../text/wordForms.ts';
import { quotationOpen, shorten, wordStarts } from '../../text/words.ts';
import { didYouMean, missingArgument, notFound } from '../answers/common.ts';
import { mentionsName, passagesMentioning } from '../answers/mentions.ts';
import { roleFromText } from '../answers/roleFromText.ts';
import { contentTerms } from '../answers/snippets.ts';
import { analyzeQuestion } from '../qa/analyzeQuestion.ts';
import { answerQuestion } from '../qa/answerQuestion.ts';
import { readPassage, textCoverage, weighTerms } from '../qa/findSentences.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import type { CommandDefinition } from './types.ts';

/** How much of a topic an article must speak of for its quotes to count as on it. */
const STORY_COVERAGE = 0.8;

interface FoundQuote {
  text: string;
  context?: string;
  articleId: string;
  /** Reported speech ("Nair said the budget would ..."): the whole sentence, not a quotation. */
  reported?: boolean;
  /** The quote's sentence with the ones before and after it: what a topic is matched against. */
  around?: string;
}

/** "Jim O'Neill from Marine Midland", "Ann Lee at the Treasury": where the speaker works is not their name. */
const AFFILIATION =
  /^(.+?)\s+(?:from|at|with)\s+(?:the\s+)?\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.'’&-]*){0,4}$/u;

/** "Toyota's Jim Perkins": whose man he is, written before his name. */
const OWNER_BEFORE = /^(?:\p{Lu}[\p{L}.&-]*\s+){0,3}\p{Lu}[\p{L}.&-]*['’]s\s+(\p{Lu}.*)$/u;

function withoutAffiliation(speaker: string): string {
  const named = AFFILIATION.exec(speaker)?.[1] ?? speaker;
  return OWNER_BEFORE.exec(named)?.[1] ?? named;
}

/** "Medvedev war" -> speaker "Medvedev", topic "war": the longest leading words that name someone. */
function splitSpeaker(kb: KnowledgeBase, text: string): { speaker: string; topic?: string } {
  const about = /^(.+?)\s+(?:about|on|regarding)\s+(.+)$/i.exec(text);
  if (about?.[1] && about[2]) return { speaker: withoutAffiliation(about[1]), topic: about[2] };
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
  /\b(said|says|told|stated|added|warned|argued|declared|insisted|claimed|asserted|explained|called|remarked|remark|wrote|answered|answers|replied)\b/i;

/**
 * "has branded Chelsea's complaint as "pathetic"", "described the offer as 'derisory'": one who
 * calls a thing by quoted words says them. (Not "was branded 'pathetic' by critics": those are
 * the critics' words.)
 */
const CALLS_IT =
  /\b(?<!\b(?:was|were|been|being|be|is|are|get|got)\s)(?:branded|brands|brand|described|describes|describe|dubbed|dubs|labell?ed|labels|termed|terms)\b/i;

/**
 * How much more a quotation on the topic counts than reported speech on it: asked what someone
 * said, their own words go first unless what is reported of them speaks to the topic far better.
 */
const QUOTATION_FIRST = 0.2;
/** ... and where only its neighbours do, on a tie only. */
const QUOTATION_TIE = 0.05;
/** How much of the topic a quotation's own words (with its sentence) must hold to go first. */
const OWN_TOPIC = 0.5;
/** How much the topic in the quoted words themselves counts, past their sentence: a tie-break. */
const QUOTED_WORDS = 0.04;

/** "the American said:", "the 34-year-old added": a speaker called by what the story says of them. */
const EPITHET_SPEAKS =
  /(?:^|[,;]\s+|\s-\s)the\s+(\d{1,3}-year-old|[A-Z][a-z]+)\s+(?:said|says|added|adds|told|insisted|explained|replied)\b[:,]?\s*[“"]/;

/** Mentions of a surname that make a person the one a story is about. */
const STORY_SUBJECT_MENTIONS = 3;

/**
 * 'Reacting to the comment, the American said: "..."', in a story about Lindsay Davenport: a
 * people's name or an age stands for the one the story is about, where the asked person is named
 * in it again and again (title included).
 */
function byEpithet(kb: KnowledgeBase, passage: Passage, sentence: string, names: readonly string[]): boolean {
  const m = EPITHET_SPEAKS.exec(sentence);
  if (!m?.[1]) return false;
  if (!/^\d/.test(m[1]) && nameGazetteer().classOf(m[1].toLowerCase()) !== 'demonym') return false;
  const article = kb.articles.get(passage.articleId);
  const body = `${article?.title ?? ''}\n${article?.body ?? ''}`;
  return names.some((name) => {
    const last = escapeRegExp(name.split(/\s+/).pop() ?? name);
    return (body.match(new RegExp(`\\b${last}\\b`, 'g'))?.length ?? 0) >= STORY_SUBJECT_MENTIONS;
  });
}

/** "The South African archbishop said ...", "the chancellor added": a speaker called by a title. */
const TITLE_SPEAKS =
  /(?:^|[,;]\s+|\s-\s)[Tt]he\s+(?:[\p{L}-]+\s+){0,2}?(\p{Ll}{4,})\s+(?:said|says|added|adds|told|insisted|explained|replied|argued|warned|stressed)\b/u;

/**
 * "The South African archbishop said detentions without trial were 'unacceptable'", in a story
 * that calls the asked speaker "Archbishop Desmond Tutu": the title the story gives him before his
 * name stands for him.
 */
function byTitle(kb: KnowledgeBase, passage: Passage, sentence: string, names: readonly string[]): boolean {
  const title = TITLE_SPEAKS.exec(sentence)?.[1];
  if (!title) return false;
  const article = kb.articles.get(passage.articleId);
  const body = `${article?.title ?? ''}\n${article?.body ?? ''}`;
  const titled = title.charAt(0).toUpperCase() + title.slice(1);
  return names.some((name) => {
    const last = escapeRegExp(name.split(/\s+/).pop() ?? name);
    return new RegExp(`\\b${titled}\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,2}${last}\\b`, 'u').test(body);
  });
}

/**
 * "the Scottish Executive has insisted Mr McConnell was speaking about adults": after another's
 * verb of saying, the name opens the clause that is said of him; he is not the one who says it.
 */
function toldOf(sentence: string, name: string): boolean {
  const surname = name.split(/\s+/).pop() ?? name;
  let told = false;
  for (const at of wordStarts(sentence, surname)) {
    const after = at + surname.length;
    // Unless he is also the one who says something in it ("McConnell said Smith was wrong").
    SAYS_AFTER.lastIndex = after;
    if (SAYS_AFTER.test(sentence)) return false;
    if (told) continue;
    VERB_AFTER.lastIndex = after;
    told = VERB_AFTER.test(sentence) && TOLD_BEFORE.test(sentence.slice(0, at));
  }
  return told;
}

/** The verbs the told-of clause needs after the name: "... that Smith was". */
const VERB_AFTER = /\s+(?:was|is|were|are|had|has|would|will|did|could|should|might|must)\b/y;

/** Another's verb of saying right before the name, with "that", a courtesy title and given names between. */
const TOLD_BEFORE =
  /\b(?:said|says|insisted|insists|claimed|claims|argued|argues|stated|added|believes|believed|thinks|thought)\s+(?:that\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,2}$/u;

/** The name's own verb of saying right after it: "Smith said", "Smith has insisted". */
const SAYS_AFTER = /\s+(?:has\s+|had\s+)?(?:said|says|insisted|claimed|argued|stated|added|told)\b/y;

/**
 * Quotations in sentences that name the speaker, for corpora without curated quotes; when the
 * articles only report what someone said ("Nair said the budget would ..."), those sentences.
 */
function quotesFromText(kb: KnowledgeBase, names: readonly string[]): FoundQuote[] {
  const reportsSpeech = reportsSpeechBy(names);
  const direct: FoundQuote[] = [];
  const reported: FoundQuote[] = [];
  for (const passage of withFollowing(kb, passagesMentioning(kb, names, 30), 2)) {
    const { sentences } = readPassage(passage);
    // "He added: ..." opening a paragraph: "he" is named in the paragraph before.
    const carried = sentencesBefore(kb, passage, 3 * OTHER_SPEAKER_BACK);
    const context = [...carried, ...sentences];
    sentences.forEach((sentence, i) => {
      // A name inside the quotation ("the burglar was disturbed by Ozzy," he said) is not the speaker.
      // So is one in a quotation left open to the end of the sentence ('Sturgeon said: "This is an
      // incredible gaffe by Jack McConnell.').
      const outside = sentence
        .replace(/[“"][^”"]{1,400}[”"]/g, ' … ')
        // (A straight mark followed by a space closes: 'and now this," Ten Cate said.')
        .replace(/([:,]\s*)(?:“|"(?=\S))[^”"]*$/, '$1 … ');
      const named = names.some((n) => mentionsName(outside, n) && !toldOf(outside, n));
      // "Mr. Nixon, he believes, has no particular political philosophy": what "he" holds, said.
      const holder = named ? undefined : REPORTED_BY_PRONOUN.exec(sentence)?.[1];
      const at = i + carried.length;
      const heHolds = holder !== undefined && pronounMeans(context, at, names, holder);
      const titled = !named && byTitle(kb, passage, outside, names);
      if (
        !named &&
        !heHolds &&
        !titled &&
        !saidByPronounFor(context, at, names) &&
        !byEpithet(kb, passage, sentence, names)
      )
        return;
      // A quote may stand in the sentence before the one that names its speaker.
      const withPrevious = /^[“"]/.test(sentences[i - 1] ?? '')
        ? `${sentences[i - 1]} ${sentence}`
        : sentence;
      const around = [sentences[i - 1], sentence, sentences[i + 1]].filter(Boolean).join(' ');
      let quoted = false;
      const speaks = SPEECH_VERB.test(sentence) || CALLS_IT.test(sentence) || /:\s*[“"]/.test(sentence);
      for (const text of quotationsIn(closingQuote(sentences, i))) {
        quoted = true;
        // "praised by police for 'very courageously' tackling a burglar": a few words quoted in a
        // sentence with no verb of saying are someone else's words about the one named.
        if (!speaks && text.split(/\s+/).length < 4) continue;
        if (text)
          direct.push({
            text: tidyQuote(text),
            context: shorten(withPrevious, 200),
            articleId: passage.articleId,
            around,
          });
      }
      if (!quoted && (heHolds || titled || reportsSpeech(sentence)))
        reported.push({ text: sentence, articleId: passage.articleId, reported: true, around });
    });
  }
  // Reported speech follows the quotations: on a topic it may be what answers ("Democrats have
  // pointed to the inconsistency ..."); without one, quotations come first.
  return [...direct, ...reported];
}

/**
 * The passages and the few after each in its article: '"We will clamp down," he said.' may
 * stand in a paragraph of its own after the one that names him.
 */
function withFollowing(kb: KnowledgeBase, passages: readonly Passage[], count: number): Passage[] {
  const out = new Map<number, Passage>();
  for (const passage of passages) {
    out.set(passage.id, passage);
    for (let id = passage.id + 1; id <= passage.id + count; id++) {
      const next = kb.passages[id];
      if (!next || next.articleId !== passage.articleId) break;
      out.set(id, next);
    }
  }
  return [...out.values()].sort((a, b) => a.id - b.id);
}

/** The last `count` sentences of the passages before this one in its article (its title not among them). */
function sentencesBefore(kb: KnowledgeBase, passage: Passage, count: number): string[] {
  const out: string[] = [];
  for (let id = passage.id - 1; out.length < count; id--) {
    const prev = kb.passages[id];
    if (!prev || prev.articleId !== passage.articleId || prev.paragraph < 0) break;
    out.unshift(...readPassage(prev).sentences);
  }
  return out.slice(-count);
}

/**
 * The sentence, and those after it up to where its open quotation closes: sentences are split at
 * "!!" and "?" inside a quotation ("Bomb Cuba!! Bomb Berlin!! Let's ...").
 */
function closingQuote(sentences: readonly string[], i: number): string {
  let text = sentences[i] ?? '';
  // '"There's no question of a conflict. I've been focused on my job," he told AP.': the sentence
  // closes a quotation an earlier one opened, which is where the quotation starts.
  for (let j = i - 1; j >= Math.max(0, i - 4) && closesFirst(text) && quotationOpen(sentences[j] ?? ''); j--)
    text = `${sentences[j]} ${text}`;
  for (let j = i + 1; j < Math.min(sentences.length, i + 5) && quotationOpen(text); j++)
    text += ` ${sentences[j]}`;
  // A passage may end inside the quotation: it is quoted up to there.
  return quotationOpen(text) ? `${text}"` : text;
}

/** Whether a text's first quotation mark closes a quotation ('... at Aer Lingus," he told AP.'). */
function closesFirst(text: string): boolean {
  if (!quotationOpen(text)) return false;
  const m = /["“”]/.exec(text);
  if (!m) return false;
  if (m[0] === '”') return true;
  return m[0] === '"' && m.index > 0 && /[\p{L}\p{N}.,!?;:'’)-]/u.test(text.charAt(m.index - 1));
}

/**
 * "He was marching up and down, shouting, "Bomb Cuba!"", "Of the Japanese private he says: "...":
 * a quotation its sentence gives to "he" or "she".
 */
const PRONOUN_SPEAKS =
  /^(?:(he|she)\b|.*[”"],?\s+(he|she)\s+(?:said|says|asked|shouted|cried|added|replied|answered|went\s+on|told)|.*\b(he|she)\s+(?:says|said|writes|wrote|adds|added|declares|declared|recalls|recalled|remarks|remarked|observes|observed)\s*[:,]?\s*[“"])/i;
const OTHER_SPEAKER_BACK = 3;

/**
 * Whether sentence i quotes someone it calls "he" or "she" whom the nearest sentence before it that
 * names anyone names as the speaker ("Mr. Pastern was far from dead. He was marching ..."); a
 * "Mrs." for "he" (or "Mr." for "she") is someone else.
 */
function saidByPronounFor(sentences: readonly string[], i: number, names: readonly string[]): boolean {
  const sentence = sentences[i] ?? '';
  if (!/[“"]/.test(sentence)) return false;
  const m = PRONOUN_SPEAKS.exec(sentence);
  if (!m) return false;
  return pronounMeans(sentences, i, names, m[1] ?? m[2] ?? m[3] ?? '');
}

/** ", he believes,", ", she writes,": an opinion or a statement given to "he" or "she" in an aside. */
const REPORTED_BY_PRONOUN =
  /,\s*(he|she)\s+(?:believes|believed|thinks|thought|feels|felt|says|said|writes|wrote|argues|argued|contends|maintains|insists|notes|adds|suggests|claims)\s*,/i;

/**
 * Whether "he" or "she" in sentence i is the speaker: the nearest sentence before it that names
 * anyone names one of the speaker's names, and the pronoun fits ("Mrs." is no "he").
 */
function pronounMeans(
  sentences: readonly string[],
  i: number,
  names: readonly string[],
  pronoun: string,
): boolean {
  const female = pronoun.toLowerCase() === 'she';
  let back = OTHER_SPEAKER_BACK;
  for (let j = i - 1; j >= Math.max(0, i - 3 * OTHER_SPEAKER_BACK) && back > 0; j--) {
    const before = sentences[j] ?? '';
    // A quotation the same "he" says, or one that runs on from the last, keeps to the speaker:
    // it does not count toward how far back the name may be.
    if (
      /^[“"]/.test(before) ||
      PRONOUN_SPEAKS.exec(before)
        ?.slice(1)
        .some((p) => p?.toLowerCase() === pronoun.toLowerCase())
    )
      back++;
    back--;
    const named = names.find((n) => mentionsName(before, n));
    if (named) {
      const last = escapeRegExp(named.split(/\s+/).pop() ?? named);
      // Any mention the pronoun fits: "Mrs. Pastern was dead, but Mr. Pastern was far from it".
      return [
        ...before.matchAll(new RegExp(`(?:\\b(Mrs|Mr|Miss|Ms)\\.?\\s+)?(?:\\S+\\s+)?${last}\\b`, 'g')),
      ].some((mention) => !mention[1] || (mention[1] === 'Mr') !== female);
    }
    // Another capitalised name after the sentence's first word: someone else may be "he".
    if (/\s\p{Lu}\p{Ll}+/u.test(before.replace(/^\S+/, ''))) return false;
  }
  return false;
}

/**
 * Reported speech by the speaker: a name's last word within a few words of a verb of saying, in
 * any of its forms ("Democrats have pointed to", "Nair said the budget", "Priya Nair, who chairs
 * the finance committee, said", "a point confirmed this week by Nikki Haley", "as the Daily
 * Mirror states", "according to Reuters"), not any sentence that happens to hold "added". Read
 * word by word around each mention: one expression of every verb form costs far more.
 */
function reportsSpeechBy(names: readonly string[]): (sentence: string) => boolean {
  const lasts = new Set(names.map((name) => (name.split(/\s+/).pop() ?? name).toLowerCase()));
  return (sentence) => {
    const words = wordsOf(sentence);
    const saying = (i: number) => {
      const w = words[i];
      return w !== undefined && isSpeechVerbForm(w.text);
    };
    const lower = (i: number) => words[i]?.text.toLowerCase();
    for (let i = 0; i < words.length; i++) {
      if (!lasts.has(lower(i) ?? '')) continue;
      // "Priya Nair, who chairs the finance committee, said": an aside may stand between.
      let next = i + 1;
      const gap = sentence.slice(words[i]?.end ?? 0, words[next]?.start ?? 0);
      if (gap.includes(',')) {
        const close = sentence.indexOf(',', (words[i]?.end ?? 0) + gap.indexOf(',') + 1);
        if (close > 0 && close - (words[i]?.end ?? 0) <= 100) {
          const after = words.findIndex((w) => w.start > close);
          if (after > 0) next = after;
        }
      }
      // "Robert Byrd (Democrat) of West Virginia said": his party, and where he is from, too.
      const from = words[next - 1]?.end ?? words[i]?.end ?? 0;
      const origin =
        /^\s*(?:\([^()]{1,40}\)\s*)?(?:,?\s*of\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{L}.'’-]*)?/u.exec(
          sentence.slice(from),
        )?.[0];
      if (origin?.trim()) {
        const after = words.findIndex((w) => w.start >= from + origin.length);
        if (after > 0) next = after;
      }
      // "X has been praised by police": said of X, by someone else.
      for (let j = next; j < next + 4 && j < words.length; j++)
        if (saying(j) && lower(j + 1) !== 'by') return true;
      if (saying(i - 1)) return true;
      for (let b = i - 1; b >= Math.max(0, i - 3); b--) {
        if (lower(b) === 'by') for (let v = b - 1; v >= Math.max(0, b - 4); v--) if (saying(v)) return true;
        if (lower(b) === 'to' && lower(b - 1) === 'according') return true;
      }
    }
    return false;
  };
}

/**
 * The quotations of a sentence, quote marks paired in order; one quotation broken by its
 * attribution ('"Washington", he said, "is a city ..."') is joined again. A quoted word or two
 * ("Washington", "feeling") is a name or a scare quote, not a quotation.
 */
export function quotationsIn(sentence: string): string[] {
  const spans = [...sentence.matchAll(/[“"]([^”"]{1,400})[”"]/g)].map((m) => ({
    text: m[1] ?? '',
    start: m.index,
    end: m.index + m[0].length,
  }));
  const out: string[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (!span) continue;
    let text = span.text;
    const next = spans[i + 1];
    if (next && SPEECH_VERB.test(sentence.slice(span.end, next.start)) && next.start - span.end < 80) {
      text = `${text.replace(/[,;:]\s*$/, '')} … ${next.text}`;
      i++;
    }
    if (text.trim().split(/\s+/).length >= 3) out.push(text);
  }
  return out;
}

function tidyQuote(text: string): string {
  return text.trim().replace(/[,;:]$/, '');
}

/** A quotation in quote marks; reported speech as the text gives it. */
function shown(q: FoundQuote, max: number): string {
  return q.reported ? shorten(q.text, max) : `“${shorten(q.text, max)}”`;
}

function quoteReply(kb: KnowledgeBase, speaker: string, quotes: FoundQuote[], topicNote?: string): Reply {
  // Lead with quotes from different sources, so differing versions are visible at once.
  const lead: FoundQuote[] = [];
  for (const q of quotes) if (!lead.some((l) => l.articleId === q.articleId) && lead.length < 2) lead.push(q);
  const headline = `${speaker}: ${lead.map((q) => shown(q, lead.length > 1 ? 110 : 190)).join(' / ')}`;
  const reply = new ReplyBuilder(kb, 'answer', headline).citeHeadline(...lead.map((q) => q.articleId));
  if (topicNote) reply.line(topicNote);
  const sources = new Set(quotes.map((q) => q.articleId));
  if (sources.size > 1)
    reply.line(`Quoted in ${sources.size} sources; each version is shown with its source.`);
  for (const q of quotes.slice(0, 6)) {
    // The headline already gives a lead quote in full when there is no context to add.
    if (lead.includes(q) && !q.context && shown(q, 300) === shown(q, lead.length > 1 ? 110 : 190)) continue;
    reply.line(`${shown(q, 300)}${q.context ? ` (${q.context})` : ''}`, q.articleId);
  }
  return reply.build();
}

/**
 * Of several people a name could mean, the one whose passages speak of the topic, when exactly
 * one of them does; undefined when the topic does not tell them apart.
 */
function settledByTopic(
  kb: KnowledgeBase,
  matches: readonly NameMatch[],
  topic: string,
): NameMatch | undefined {
  const terms = weighTerms(kb, contentTerms(topic.replace(/-/g, ' ')));
  const scored = matches.map((m) => {
    // By full name only: a surname alias would find the other person's passages too.
    const text = passagesMentioning(kb, [kb.entities.get(m.target.id)?.name ?? m.target.name], 10)
      .map((p) => p.text)
      .join(' ')
      .replace(/-/g, ' ');
    return { m, score: textCoverage(text, terms) };
  });
  const onTopic = scored.filter((x) => x.score >= 0.5);
  return onTopic.length === 1 ? onTopic[0]?.m : undefined;
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
    const split = parsed.topic
      ? { speaker: withoutAffiliation(raw), topic: parsed.topic }
      : splitSpeaker(kb, raw);
    const lookup = kb.names.lookup(split.speaker, { prefer: ['person', 'organisation'] });
    let match: NameMatch | undefined;
    if (lookup.status === 'ambiguous') {
      // Two people of one surname: the topic asked about may settle which one is meant.
      match = split.topic ? settledByTopic(kb, lookup.matches, split.topic) : undefined;
      if (!match) return didYouMean(kb, split.speaker, lookup.matches, 'quote');
    }
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
      const unnamed = !entity && passagesMentioning(kb, names, 1).length === 0;
      // "what does the poultry doctor say about chickens?": a description of someone, or no one
      // is called that; the sentence that gives them words on the topic answers, if one does.
      const described = /^(?:the|a|an)\s/i.test(split.speaker) || !/\p{Lu}/u.test(split.speaker);
      if ((unnamed || described) && (split.topic || parsed.question)) {
        const question = parsed.question ?? `what did ${split.speaker} say about ${split.topic}?`;
        const fromText = answerQuestion(kb, analyzeQuestion(question));
        if (fromText.kind === 'answer') return fromText;
      }
      if (unnamed) return notFound(kb, split.speaker, 'anyone', lookup.status === 'none' ? lookup.near : []);
      return new ReplyBuilder(kb, 'not_found', `No quotes from ${speakerName} in the archive.`)
        .line(`Try /search ${speakerName} to see how the articles mention them.`)
        .suggest({ label: `Search "${speakerName}"`, ask: `/search ${speakerName}` })
        .build();
    }
    const quotations = quotes.filter((q) => !q.reported);
    if (!split.topic) return quoteReply(kb, speakerName, quotations.length ? quotations : quotes);

    const terms = weighTerms(kb, contentTerms(split.topic.replace(/-/g, ' ')));
    const ownText = (q: FoundQuote) => {
      const facts = kb.facts.quote(q.text, q.articleId);
      return [q.text, q.context ?? '', ...(facts?.about ?? [])].join(' ').replace(/-/g, ' ');
    };
    // A quote that speaks of the topic itself (`itself`, the coverage of its own text) beats one
    // whose neighbouring sentences do.
    const topicScore = (q: FoundQuote, own: string, itself: number) => {
      if (itself >= 0.8 || !q.around) return itself;
      return Math.max(itself, 0.8 * textCoverage(`${own} ${q.around.replace(/-/g, ' ')}`, terms));
    };
    // Quotes on the topic, the closest match first; a quotation before reported speech on ties.
    // A quote's own text is read once, for both.
    const onTopicOf = (found: FoundQuote[]) =>
      found
        .map((q) => {
          const own = ownText(q);
          const itself = textCoverage(own, terms);
          // A quotation comes first where its own words speak of the topic, not only its neighbours.
          const first = q.reported ? 0 : itself >= OWN_TOPIC ? QUOTATION_FIRST : QUOTATION_TIE;
          // Of two whose sentences speak of it alike, the one whose quoted words themselves do.
          const quoted = q.reported ? 0 : QUOTED_WORDS * textCoverage(q.text.replace(/-/g, ' '), terms);
          return { q, score: topicScore(q, own, itself) + first + quoted };
        })
        .filter((x) => x.score > 0.1)
        .sort((a, b) => b.score - a.score)
        .map((x) => x.q);
    // The facts hold some of the speaker's quotes; on a topic, what the text reports of them
    // ("Tillerson also declared relations to be at a low") competes with those.
    const known = new Set(curated.map((q) => q.text));
    const fromText = curated.length ? quotesFromText(kb, names).filter((q) => !known.has(q.text)) : [];
    const onTopic = onTopicOf([...quotes, ...fromText]);
    if (onTopic.length) return quoteReply(kb, speakerName, onTopic);
    // "What did Osbourne say about tackling the burglar?": his words in the story of the burglary,
    // though written paragraphs away from the word "burglar".
    const storyOf = new Map<string, boolean>();
    const inStory = (q: FoundQuote) => {
      if (!storyOf.has(q.articleId))
        storyOf.set(
          q.articleId,
          textCoverage(kb.articles.get(q.articleId)?.body ?? '', terms) >= STORY_COVERAGE,
        );
      return storyOf.get(q.articleId) === true;
    };
    const inTheStory = quotations.filter(inStory);
    if (inTheStory.length) return quoteReply(kb, speakerName, inTheStory);
    return quoteReply(
      kb,
      speakerName,
      quotations.length ? quotations : quotes,
      `No quotes from ${speakerName} about "${split.topic}"; everything they said:`,
    );
  },
};
