import { isRoleWord } from '../../knowledge/extract/rolePhrases.ts';
import { shorten } from '../../text/words.ts';
import { didYouMean, missingArgument, notFound, resolveName } from '../answers/common.ts';
import { entityAnswer } from '../answers/entityAnswer.ts';
import { eventAnswer } from '../answers/eventAnswer.ts';
import { mentionsName, passagesMentioning } from '../answers/mentions.ts';
import { describingSentence, roleFromText } from '../answers/roleFromText.ts';
import { roleHolderAnswer } from '../answers/roleHolder.ts';
import { contentTerms, snippetFor } from '../answers/snippets.ts';
import { nameDistance, spelledInText } from '../answers/spelledInText.ts';
import { analyzeQuestion } from '../qa/analyzeQuestion.ts';
import { answerQuestion } from '../qa/answerQuestion.ts';
import { HEADLINE_CHARS } from '../qa/composeAnswer.ts';
import type { Reply } from '../reply.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import type { CommandDefinition } from './types.ts';

export const whoCommand: CommandDefinition = {
  name: 'who',
  summary: 'Who someone is: their role, with sources',
  args: [{ name: 'name', description: 'A person or organisation', required: true, completeNames: true }],
  examples: ['/who Tillerson', 'who is Nikki Haley?'],
  run(parsed, { kb }) {
    const asked = parsed.subject ?? parsed.text;
    if (!asked) return missingArgument(kb, '/who <name>', '/who Tillerson');
    let subject = asked;
    let lookup = resolveName(kb, subject, ['person', 'organisation']);
    // "/who Ruger" where the text names Bill Ruger and the index knows a Roger Entwhistle: a name
    // the text spells as asked, or nearer to it, beats a looser match of a known name.
    const exact = lookup.status === 'found' && lookup.match.exact;
    const spelled = exact ? undefined : spelledInText(kb, subject);
    const matched =
      lookup.status === 'found' ? [lookup.match] : lookup.status === 'ambiguous' ? lookup.matches : [];
    const nearest = Math.min(...matched.map((m) => nameDistance(subject, m.matched)));
    const inText = spelled !== undefined && spelled.edits < nearest;
    if (spelled && inText) {
      subject = spelled.name;
      const respelled = resolveName(kb, subject, ['person', 'organisation']);
      lookup =
        respelled.status === 'found' && respelled.match.exact ? respelled : { status: 'none', near: [] };
    }
    const answerFound = (): Reply | undefined => {
      if (lookup.status !== 'found') return undefined;
      const target = lookup.match.target;
      const event = target.type === 'event' ? kb.events.get(target.id) : undefined;
      if (event) return eventAnswer(kb, event, 'who');
      const entity = kb.entities.get(target.id);
      return entity ? entityAnswer(kb, entity) : undefined;
    };
    // A loose match on an event or place name yields to a role ("/who NATO secretary general").
    const loose =
      lookup.status === 'found' &&
      !lookup.match.exact &&
      !['person', 'organisation'].includes(lookup.match.target.kind);
    if (!loose) {
      const found = answerFound();
      if (found) return found;
    }
    if (lookup.status === 'ambiguous') return didYouMean(kb, subject, lookup.matches, 'who');

    // "/who founded Warwick": the doer of something, found in the text.
    const analysis = analyzeQuestion(parsed.question ?? asked, 'who');
    if (analysis.type === 'person') return answerQuestion(kb, analysis);
    // "who is the mayor?": a role rather than a name.
    // "/who J. J. A. Frans", named so in the text, is no role ("Frans" is not "France").
    const aName = inText && !subject.split(/\s+/).some(isRoleWord);
    const holder = (aName ? undefined : roleHolderAnswer(kb, subject)) ?? (loose ? answerFound() : undefined);
    if (holder) return holder;
    if (analysis.type === 'role') return answerQuestion(kb, analysis);

    // Article authors are people the archive knows from front matter.
    const written = [...kb.articles.values()].filter((a) => a.author && mentionsName(a.author, subject));
    const [firstArticle] = written;
    if (firstArticle?.author) {
      const reply = new ReplyBuilder(
        kb,
        'answer',
        `${firstArticle.author}: author of ${written.length} article${written.length === 1 ? '' : 's'} in the archive`,
      );
      reply.citeHeadline(...written.slice(0, 3).map((a) => a.id));
      for (const a of written.slice(0, 5))
        reply.line(`${a.title}${a.publication ? ` (${a.publication})` : ''}`, a.id);
      return reply.build();
    }

    // No curated fact: read the role from the article text itself.
    const passages = passagesMentioning(kb, [subject], 20);
    if (passages.length === 0) {
      // "who was Miss Rhode Island in 1960?", "who is Sergei Lavrov's American counterpart?": no
      // one is called that, so it describes someone; whoever the text gives as such answers.
      if (parsed.question && /\s/.test(subject))
        return answerQuestion(kb, {
          ...analysis,
          type: 'role',
          role: subject.replace(/^(?:the|a|an)\s+/i, ''),
        });
      return notFound(kb, subject, 'anyone or anything', lookup.status === 'none' ? lookup.near : []);
    }
    // No role: what the text says of the name, from the sentence that best describes it.
    const found = roleFromText(subject, passages) ?? describingSentence(subject, passages);
    const headline = found
      ? shorten(`${found.name}: ${found.role}`, HEADLINE_CHARS)
      : `${subject}: mentioned in ${passages.length} passage(s)`;
    const reply = new ReplyBuilder(kb, 'answer', headline);
    if (found) reply.citeHeadline(found.passage.articleId);
    const terms = contentTerms(subject);
    for (const p of [
      ...(found ? [found.passage] : []),
      ...passages.filter((p) => p !== found?.passage),
    ].slice(0, 3)) {
      reply.line(snippetFor(p.text, terms), p.articleId);
    }
    reply.suggest({ label: `Search "${subject}"`, ask: `/search ${subject}` });
    return reply.build();
  },
};
