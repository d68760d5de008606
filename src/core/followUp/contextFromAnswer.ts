/**
 * What one answered question adds to its thread's context: the names it asked about (the parsed
 * subject and topic, and the names the question wrote) and the names its answer's first line gave,
 * each resolved through the archive's name index, so "Lavrov" is remembered as the person Sergei
 * Lavrov and "the strike" as the event. Only what the index knows is kept: a pronoun never stands
 * for a word the archive cannot answer about.
 */
import { nameGazetteer } from '../../knowledge/extract/nameLexicon.ts';
import type { EntityKind } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { namesIn } from '../qa/analyzeQuestion.ts';
import type { Reply } from '../reply.ts';
import type { ParsedRequest } from '../request.ts';
import { type Mention, type MentionKind, mentionKind, type Turn } from './threadContext.ts';

/** A mention of the target, with the person's gender where the given name tells it. */
function mention(target: { name: string; kind: EntityKind }, said: string): Mention {
  const kind = mentionKind(target.kind);
  if (kind !== 'person') return { name: target.name, said, kind };
  const given = target.name.split(/\s+/)[0]?.toLowerCase() ?? '';
  const gender = nameGazetteer().genderOf(given);
  return { name: target.name, said, kind, ...(gender ? { gender } : {}) };
}

/** The archive's entity or event for a name as written, when the name index is sure of one. */
export function mentionOf(kb: KnowledgeBase, said: string): Mention | undefined {
  const text = said.trim().replace(/[?!.,;:]+$/, '');
  if (!text) return undefined;
  const bare = text.replace(/^(?:the|a|an)\s+/i, '');
  const exact = kb.names.exactMatches(text);
  const matches = exact.length ? exact : kb.names.exactMatches(bare);
  const lookup =
    matches.length === 1 && matches[0]
      ? matches[0]
      : (() => {
          const found = kb.names.lookup(bare);
          return found.status === 'found' ? found.match : undefined;
        })();
  if (!lookup) return undefined;
  return mention(lookup.target, text);
}

/** What kind of thing a name is, for the resolver (exact names only: cheap, and never a guess). */
export function kindIn(kb: KnowledgeBase): (name: string) => MentionKind | undefined {
  return (name) => {
    const [first] = kb.names.exactMatches(name.replace(/^(?:the|a|an)\s+/i, ''));
    return first ? mentionKind(first.target.kind) : undefined;
  };
}

/** How a rewrite names it: a person's shortest alias ("Tillerson"), else the name itself. */
function shortName(kb: KnowledgeBase, name: string): string {
  const [match] = kb.names.exactMatches(name);
  if (match?.target.kind !== 'person') return name;
  const aliases = match.target.aliases.filter((a) => kb.names.exactMatches(a).length === 1);
  return [...aliases].sort((a, b) => a.length - b.length)[0] ?? name;
}

function distinct(mentions: (Mention | undefined)[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter(
    (m): m is Mention => m !== undefined && !seen.has(m.name) && Boolean(seen.add(m.name)),
  );
}

/**
 * The turn a question and its reply make, or undefined when the reply answered nothing a
 * follow-up could lean on (help, an error, "slow down", "did you mean").
 */
export function contextFromAnswer(
  kb: KnowledgeBase,
  question: string,
  parsed: ParsedRequest,
  reply: Reply,
): Turn | undefined {
  if (reply.kind !== 'answer' && reply.kind !== 'not_found') return undefined;
  // The subject first: "what did Putin say about the strike?" is about Putin, then the strike.
  const written = [parsed.subject, ...namesIn(question), parsed.topic].filter(
    (s): s is string => typeof s === 'string' && s.trim() !== '',
  );
  const focus = distinct(written.map((s) => mentionOf(kb, s)));
  if (focus.length === 0 && reply.kind === 'not_found') return undefined;
  const inFocus = new Set(focus.map((m) => m.name));
  // What the answer says it is about (an entity, an event with its people and place), then the
  // names its first line gives ("Samuel Gorton founded Warwick"): exact names only, so a
  // capitalised common word is never taken for one.
  const lead = /^([^:]{2,80}):\s/.exec(reply.headline)?.[1];
  const fromText = [...(lead ? [lead] : []), ...namesIn(reply.headline)].map((s) => {
    const [match] = kb.names.exactMatches(s);
    return match ? mention(match.target, s) : undefined;
  });
  const named = distinct([
    ...(reply.about ?? []).map((a) => mention(a, shortName(kb, a.name))),
    ...fromText,
  ]).filter((m) => !inFocus.has(m.name));
  return { question, focus, named };
}
