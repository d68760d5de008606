import type { Figure } from '../../knowledge/types.ts';
import { joinWords } from '../../text/words.ts';
import { missingArgument } from '../answers/common.ts';
import { namesInText } from '../answers/findEvents.ts';
import { contentTerms, termHits } from '../answers/snippets.ts';
import { analyzeQuestion } from '../qa/analyzeQuestion.ts';
import { answerQuestion } from '../qa/answerQuestion.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import type { CommandDefinition } from './types.ts';

const QUESTION_WORDS = new Set(['many', 'much', 'number', 'figure', 'figures', 'total']);

export const figureCommand: CommandDefinition = {
  name: 'figure',
  summary: 'Numbers the articles give: casualties, percentages, durations',
  args: [{ name: 'question', description: 'What was counted', required: true }],
  examples: ['/figure killed in the chemical attack', 'how many people were killed?'],
  run(parsed, { kb }) {
    const question = parsed.question ?? parsed.text;
    if (!question) return missingArgument(kb, '/figure <what was counted>', '/figure killed');
    const terms = contentTerms(question).filter((t) => !QUESTION_WORDS.has(t));
    // "how many missiles ...?": a figure that counts something else (aircraft) is no answer.
    const analysis = analyzeQuestion(question, 'figure');
    const counted = analysis.unit;
    const countsAsked = (f: Figure) =>
      !counted || termHits([f.label, f.unit ?? ''].join(' ').replace(/-/g, ' '), contentTerms(counted)) > 0;
    // "how many were killed in the US strike on Shayrat?": a figure about other things the archive
    // knows (the chemical attack, Syria) counts something else.
    const named = namesInText(kb, question);
    const aboutAsked = (f: Figure) =>
      !named.length || !f.about.length || named.some((id) => f.about.includes(id));
    // Only the figures that hold a query word can score (search/factIndex.ts): no walk over them all.
    const scored = kb.facts
      .figuresMatching(terms)
      .filter(countsAsked)
      .filter(aboutAsked)
      .map((f) => ({
        f,
        score: termHits(
          [f.label, f.unit ?? '', ...f.about, f.source.excerpt].join(' ').replace(/-/g, ' '),
          terms,
        ),
      }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (!best || (terms.length > 2 && best.score < 2)) {
      return answerQuestion(kb, analysis);
    }
    const { f } = best;
    const unit = f.unit && !f.label.toLowerCase().includes(f.unit.toLowerCase()) ? ` ${f.unit}` : '';
    const reply = new ReplyBuilder(kb, 'answer', `${f.value}${unit}: ${f.label}`).citeHeadline(
      f.source.article,
    );
    reply.line(`“${f.source.excerpt}”`, f.source.article);
    for (const { f: other } of scored.slice(1, 4)) {
      reply.line(`${other.value}${other.unit ? ` ${other.unit}` : ''}: ${other.label}`, other.source.article);
    }
    if (f.about.length)
      reply.field(
        'About',
        joinWords(f.about.map((a) => kb.entities.get(a)?.name ?? kb.events.get(a)?.name ?? a)),
      );
    return reply.build();
  },
};
