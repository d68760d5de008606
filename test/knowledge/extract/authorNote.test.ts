import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/knowledge/extract/extractEntities.ts';
import { loadArticle } from '../../../src/knowledge/loadArticle.ts';
import type { Article } from '../../../src/knowledge/types.ts';

function load(raw: string): Article {
  const result = loadArticle('essay.txt', raw);
  if (!result.ok) throw new Error(result.problem.message);
  return result.article;
}

describe('the closing author note', () => {
  it('becomes the author’s role, cited from the note, and stays out of the body', () => {
    const article = load(
      'The sanctions failed.\n\nTalks resumed in May.\n\nAndrew Hammond is an associate at LSE IDEAS at the London School of Economics\n',
    );
    expect(article.author).toBe('Andrew Hammond');
    expect(article.body).not.toContain('associate');
    const author = extractEntities(article).find((e) => e.name === 'Andrew Hammond');
    expect(author?.kind).toBe('person');
    expect(author?.roles.map((r) => r.title)).toEqual([
      'associate at LSE IDEAS at the London School of Economics',
    ]);
    for (const role of author?.roles ?? []) expect(article.authorNote).toContain(role.source.excerpt);
  });

  it('reads "X, a professor of ... at ..., is the author of ..." as two roles', () => {
    const article = load(
      'Harbours shaped the town.\n\nThe fleet grew.\n\nAna Reyes, a professor of history at Ellis College, is the author of Harbour Lights.\n',
    );
    expect(article.body).toBe('Harbours shaped the town.\n\nThe fleet grew.');
    const author = extractEntities(article).find((e) => e.name === 'Ana Reyes');
    expect(author?.roles.map((r) => r.title)).toEqual([
      'professor of history at Ellis College',
      'author of Harbour Lights',
    ]);
  });

  it('joins the author named in the body too', () => {
    const article = load(
      'Ana Reyes walked the quay. Reyes said little.\n\nThe fleet grew.\n\nAna Reyes is a lecturer at Ellis College.\n',
    );
    const named = extractEntities(article).filter((e) => e.name === 'Ana Reyes');
    expect(named).toHaveLength(1);
    expect(named[0]?.roles[0]?.title).toBe('lecturer at Ellis College');
  });
});
