import { escapeRegExp } from '../../text/normalizeText.ts';
import { shorten } from '../../text/words.ts';
import { bestSentence } from './bestSentence.ts';
import { nameRuns } from './candidates.ts';
import { composeAnswer, HEADLINE_CHARS } from './composeAnswer.ts';
import type { Evidence } from './evidence.ts';
import type { SentenceHit } from './findSentences.ts';

import { MIN_CONFIDENCE, type Strategy } from './pickAnswer.ts';
import { inQuestion } from './questionNames.ts';

/**
 * "The service, IT Safe, will issue warnings about viruses": the thing asked about set between
 * commas after what it is, and what it does; or "IT Safe, a service for home users, ...".
 */
function describedInPassing(
  hits: readonly SentenceHit[],
  subject: string,
): { hit: SentenceHit; description: string } | undefined {
  const name = escapeRegExp(subject);
  const before = new RegExp(
    // "a newly-formed subsidiary, the <Austmet Ltd> group, has negotiated ...": a newswire's
    // company name in angle brackets, its company word and a noun after it.
    `\\b(?:[Tt]he|[Aa]n?)\\s+((?:[a-z][\\p{L}-]*\\s+){0,3}[a-z][\\p{L}-]*),\\s+(?:the\\s+)?<?${name}(?:\\s+\\p{Lu}[\\p{L}.]*)?>?(?:\\s+[a-z]+)?,\\s+((?:will|would|is|was|has|had|can|could|aims|helps|lets|allows|offers|provides|gives)\\b[^.;]*)`,
    'u',
  );
  const after = new RegExp(`\\b${name},\\s+((?:a|an|the)\\s+[a-z][^,;.()"]{3,100}),`, 'u');
  // "Cardizem, which treats angina, is ...": what it does, in a clause of its own.
  const does = new RegExp(
    `\\b${name},\\s+which\\s+((?!is\\b|was\\b|has\\b|had\\b|will\\b|would\\b)[a-z]+s\\s+[^,;.()"]{3,100}),`,
    'u',
  );
  // "a test service to allow people to publish blogs, or online journals, called MSN Spaces":
  // what it is, then the name it is called by.
  const called = new RegExp(
    `\\b((?:an?|the)\\s+[a-z][^.;:()"]{3,140}?),?\\s+(?:called|named|known\\s+as|dubbed)\\s+(?:the\\s+)?${name}\\b`,
    'u',
  );
  // "Buntes Fernsehen (Multi-Coloured TV)": a name with what it means, in brackets.
  const gloss = new RegExp(`\\b${name}\\s+\\(([\\p{L}][\\p{L}'’-]*(?:\\s+[\\p{L}'’-]+){1,7})\\)`, 'u');
  for (const hit of hits.slice(0, 8)) {
    const m = before.exec(hit.text);
    if (m?.[1] && m[2]) return { hit, description: `the ${m[1]} that ${m[2].trim()}` };
    const n = after.exec(hit.text);
    if (n?.[1]) return { hit, description: n[1].trim() };
    const d = does.exec(hit.text);
    if (d?.[1]) return { hit, description: `it ${d[1].trim()}` };
    const c = called.exec(hit.text);
    // (More than "a program": a kind alone says little of what it is.)
    if (c?.[1] && c[1].trim().split(/\s+/).length >= 3)
      return { hit, description: c[1].trim().replace(/,$/, '') };
    const g = gloss.exec(hit.text);
    if (g?.[1] && !/^\p{Lu}+$/u.test(g[1])) return { hit, description: g[1].trim() };
  }
  return undefined;
}

/** "What is the AWOC?": the name whose initials the letters stand for, where the text spells it out. */
export const definition: Strategy = (kb, a, hits) => {
  const asked = (a.subject ?? '').replace(/^(?:the|an?)\s+/i, '');
  // "the PINs in the Philippine debt talks": the letters, without where they were met.
  const subject = /^[A-Z.]{2,12}s?(?=\s+(?:in|of|at|for|on)\s)/.exec(asked)?.[0] ?? asked;
  // "the PINs": a plural of the letters.
  const letters = subject.replace(/\./g, '').replace(/(?<=[A-Z]{2})s$/, '');
  if (/^[A-Z]{2,8}$/.test(letters)) {
    for (const hit of hits) {
      // "new Philippine investment notes (PINs)": the words before the letters in brackets,
      // capitalised or not, whose initials they are.
      const bracketed = new RegExp(
        `((?:[\\p{L}-]+\\s+){${letters.length}})\\(${escapeRegExp(subject)}\\)`,
        'u',
      ).exec(hit.text)?.[1];
      const spelled = bracketed?.trim();
      if (
        spelled &&
        spelled
          .split(/\s+/)
          .map((w) => w.charAt(0).toUpperCase())
          .join('') === letters
      ) {
        const evidence: Evidence = { text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 };
        return composeAnswer(kb, { headline: `${subject}: ${spelled}`, evidence });
      }
      for (const run of nameRuns(hit.text)) {
        const initials = run.text
          .split(/[\s-]+/)
          .filter((w) => !/^(?:of|the|and|for|de|du|la|on|in|to)$/i.test(w))
          .map((w) => w.charAt(0))
          .join('');
        if (initials.toUpperCase() === letters && run.text !== subject) {
          const evidence: Evidence = { text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 };
          return composeAnswer(kb, { headline: `${subject}: ${run.text}`, evidence });
        }
      }
    }
  }
  // "the Group of Latin American and Caribbean Sugar Exporting Countries (GEPLACEA)": a name
  // with the letters after it in brackets, though they are not its initials (another language's).
  if (/^\p{Lu}[\p{L}\d&.-]{1,15}$/u.test(subject)) {
    const bracketed = new RegExp(
      `(\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:(?:of|and|for|the|de|on|&)\\s+)*\\p{Lu}[\\p{L}'’-]*)+)\\s*\\(${escapeRegExp(subject)}\\)`,
      'u',
    );
    for (const hit of hits) {
      const spelled = bracketed.exec(hit.text)?.[1]?.replace(/\s+/g, ' ');
      if (spelled && spelled !== subject) {
        const evidence: Evidence = { text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 };
        return composeAnswer(kb, { headline: `${subject}: ${spelled}`, evidence });
      }
    }
  }
  const described = /^\p{Lu}/u.test(subject) ? describedInPassing(hits, subject) : undefined;
  if (described) {
    const { hit, description } = described;
    const evidence: Evidence = { text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 };
    // What else the archive says of it, as a free question's answer shows.
    const more = hits
      .filter((h) => h !== hit && h.text.includes(subject))
      .slice(0, 2)
      .map((h) => ({ text: h.text, articleId: h.passage.articleId }));
    return composeAnswer(kb, {
      headline: shorten(`${subject}: ${description}`, HEADLINE_CHARS),
      evidence,
      more,
    });
  }
  return bestSentence(kb, a, hits);
};

/**
 * "What was the name of the rebel-held town ...?": the name the text attaches to the thing itself
 * ("the town of X", "a town called X", "X, a rebel-held town", "the X town"), never a name that
 * only stands nearby ("a town in Syria").
 */
export const properName: Strategy = (kb, a, hits) => {
  const thing =
    (a.subject ?? '').split(/\s+(?:hit|in|of|at|by|that|which|who|where|with|for|on|from|to)\s+/i)[0] ?? '';
  const head = thing
    .split(/\s+/)
    .pop()
    ?.replace(/[^\p{L}-]/gu, '');
  if (!head) return undefined;
  const h = escapeRegExp(head);
  const NAME = "(\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)*)";
  const attached = [
    new RegExp(`\\b${h}s?\\s+(?:of|called|named|known\\s+as)\\s+${NAME}`, 'u'),
    new RegExp(`${NAME},\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,3}${h}\\b`, 'u'),
    new RegExp(`\\bthe\\s+${NAME}\\s+${h}\\b`, 'u'),
  ];
  for (const hit of hits.filter((x) => Math.max(x.coverage, x.contextCoverage) >= MIN_CONFIDENCE)) {
    for (const pattern of attached) {
      const m = pattern.exec(hit.text);
      if (m?.[1] && !inQuestion(a, m[1])) {
        const evidence: Evidence = { text: hit.text, articleId: hit.passage.articleId, hit, offset: 0 };
        return composeAnswer(kb, { headline: m[1], evidence });
      }
    }
  }
  return undefined;
};
