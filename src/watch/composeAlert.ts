/**
 * One post for the alerts a channel gets at once: for each alert the watched name, the sentence
 * that mentions it and its source (the article's title, publication and date, linked when it has
 * a web address). Built from what the alerts carry, not from the knowledge base, so whichever
 * instance posts them needs nothing else.
 */
import type { Citation, Reply, ReplyLine } from '../core/reply.ts';
import type { WatchAlert } from '../state/watchState.ts';
import { joinWords } from '../text/words.ts';

/** Lines in one post; the rest are counted. */
const MAX_LINES = 10;

export function composeAlert(alerts: readonly WatchAlert[]): Reply {
  const citations: Citation[] = [];
  const cite = (alert: WatchAlert): number => {
    const known = citations.findIndex((c) => c.articleId === alert.article.id);
    if (known >= 0) return known;
    const { id, title, publication, published, url } = alert.article;
    return (
      citations.push({
        articleId: id,
        title,
        ...(publication ? { publication } : {}),
        ...(published ? { published } : {}),
        ...(url ? { url } : {}),
      }) - 1
    );
  };
  const lines: ReplyLine[] = alerts
    .slice(0, MAX_LINES)
    .map((a) => ({ text: `${a.name}: “${a.sentence}”`, cites: [cite(a)] }));
  const more = alerts.length - MAX_LINES;
  if (more > 0) lines.push({ text: `… and ${more} more mention${more === 1 ? '' : 's'}.`, cites: [] });
  const articles = new Set(alerts.map((a) => a.article.id)).size;
  const names = [...new Set(alerts.map((a) => a.name))];
  const [first] = alerts;
  const headline =
    alerts.length === 1 && first
      ? `${first.name} in a new article: ${first.article.title}`
      : `Watched names in ${articles} new article${articles === 1 ? '' : 's'}: ${joinWords(names.slice(0, 5))}${names.length > 5 ? ' and others' : ''}`;
  return {
    kind: 'answer',
    headline,
    headlineCites: alerts.length === 1 ? [0] : [],
    lines,
    fields: [],
    suggestions: [],
    citations,
    visibility: 'channel',
  };
}
