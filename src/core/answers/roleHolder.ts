/**
 * Answers "who is the Russian foreign minister?": the person whose role matches the words asked,
 * from the curated roles, else from the text ("Mayor Jane Okafor", "the mayor, Jane Okafor").
 */
import type { Entity } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { escapeRegExp } from '../../text/normalizeText.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import { entityAnswer } from './entityAnswer.ts';
import { passagesMentioning } from './mentions.ts';
import { fullNameIn } from './roleFromText.ts';
import { contentTerms, snippetFor, termHits } from './snippets.ts';

const roleIndexes = new WeakMap<KnowledgeBase, Map<string, Entity[]>>();

/** Role words match by their first letters, so "Russia's prime minister" finds "Russian Prime Minister". */
function stemKey(term: string): string {
  return term.slice(0, 4);
}

/** Entities by each content word of their role titles (by stem), built once per knowledge base. */
function roleIndex(kb: KnowledgeBase): Map<string, Entity[]> {
  let index = roleIndexes.get(kb);
  if (!index) {
    index = new Map();
    for (const entity of kb.entities.values()) {
      for (const key of new Set(entity.roles.flatMap((r) => contentTerms(r.title).map(stemKey)))) {
        const holders = index.get(key);
        if (holders) holders.push(entity);
        else index.set(key, [entity]);
      }
    }
    roleIndexes.set(kb, index);
  }
  return index;
}

/** "the Archbishop of Liverpool, Dr. Heenan", "the mayor, John F. Tate": a title or an initial may lead. */
const NAME_AFTER = /^,?\s+((?:(?:[A-Z][a-z]{0,3}\.|[A-Z][\p{L}'’-]+)\s+){0,3}[A-Z][\p{L}'’-]+)/u;
/** "Tom Reyes, a structural inspector": the name, then a comma and an article before the role. */
const NAME_BEFORE = /((?:[A-Z][\p{L}'’-]+\s+){0,2}[A-Z][\p{L}'’-]+),\s+(?:\d{1,3},\s+)?(?:the|a|an)\s+$/u;

const INITIALS_BETWEEN = /^,\s*\p{Lu}{2,6}(?=,)/u;

export function roleHolderAnswer(kb: KnowledgeBase, subject: string): Reply | undefined {
  const asked = subject.replace(/^(the|a|an)\s+/i, '').trim();
  const terms = contentTerms(asked);
  if (!terms.length || terms.length > 8) return undefined;

  const [first] = terms;
  const candidates = first ? (roleIndex(kb).get(stemKey(first)) ?? []) : [];
  const holders = candidates.filter((e) => e.roles.some((r) => termHits(r.title, terms) === terms.length));
  const [holder] = holders;
  if (holder && holders.length === 1)
    return entityAnswer(
      kb,
      holder,
      holder.roles.find((r) => termHits(r.title, terms) === terms.length),
    );
  if (holders.length > 1) {
    const reply = new ReplyBuilder(
      kb,
      'ambiguous',
      `More than one person is described as "${asked}". Did you mean:`,
    );
    for (const e of holders.slice(0, 5)) {
      reply.line(`${e.name}: ${e.roles.find((r) => termHits(r.title, terms) === terms.length)?.title ?? ''}`);
      reply.suggest({ label: e.name, ask: `/who ${e.name}` });
    }
    return reply.build();
  }

  // From the text: the role words followed by a capitalised name.
  const phrase = new RegExp(escapeRegExp(asked).replace(/\s+/g, '\\s+'), 'gi');
  for (const hit of kb.passageIndex.search(asked, { all: true, fuzzy: false, limit: 20 })) {
    const text = hit.passage.text;
    for (const m of text.matchAll(phrase)) {
      const at = m.index ?? 0;
      // "President of the Brazilian Coffee Institute, IBC, Jorio Dauster said": the body's
      // initials, set between the role and its holder, are passed over.
      const after = text.slice(at + m[0].length).replace(INITIALS_BETWEEN, '');
      const written = NAME_BEFORE.exec(text.slice(0, at))?.[1] ?? NAME_AFTER.exec(after)?.[1];
      if (!written) continue;
      const name = fullNameIn(written, passagesMentioning(kb, [written], 10));
      return new ReplyBuilder(kb, 'answer', `${name}: ${m[0]}`)
        .citeHeadline(hit.passage.articleId)
        .line(snippetFor(text, terms), hit.passage.articleId)
        .suggest({ label: `Who is ${name}?`, ask: `/who ${name}` })
        .build();
    }
  }
  return undefined;
}
