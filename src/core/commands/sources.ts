import { formatCount } from '../../text/words.ts';
import { articlesInListOrder } from '../answers/articleOrder.ts';
import { ReplyBuilder } from '../replyBuilder.ts';
import type { CommandDefinition } from './types.ts';

const MAX_ARTICLES = 20;
const MAX_PROBLEMS = 10;

export const sourcesCommand: CommandDefinition = {
  name: 'sources',
  summary: 'The articles in the archive, and any files that failed to load',
  args: [],
  examples: ['/sources'],
  run(_parsed, { kb }) {
    const articles = articlesInListOrder(kb);
    const words = formatCount(kb.words);
    const problems = kb.problems.length;
    const reply = new ReplyBuilder(
      kb,
      articles.length ? 'answer' : 'not_found',
      `The archive holds ${articles.length} article${articles.length === 1 ? '' : 's'} (${words} words)${problems ? `; ${problems} load problem${problems === 1 ? '' : 's'}` : ''}.`,
    );
    for (const a of articles.slice(0, MAX_ARTICLES)) {
      const by = [a.author, a.publication, a.published].filter(Boolean).join(', ');
      reply.line(`${a.title}${by ? `: ${by}` : ''} (${formatCount(a.words)} words)`);
    }
    if (articles.length > MAX_ARTICLES) reply.line(`…and ${articles.length - MAX_ARTICLES} more.`);
    for (const p of kb.problems.slice(0, MAX_PROBLEMS)) {
      reply.line(`Problem in ${p.file}${p.where ? ` (${p.where})` : ''}: ${p.message}`);
    }
    const facts = kb.corpus.facts;
    const found = kb.entities.size - facts.entities.length;
    reply.field(
      'Facts',
      `${facts.entities.length} names, ${facts.events.length} events, ${facts.quotes.length} quotes, ${facts.figures.length} figures`,
    );
    if (found > 0) reply.field('Found in the text', `${found} people, organisations and places`);
    return reply.build();
  },
};
