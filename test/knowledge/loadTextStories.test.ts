import { describe, expect, it } from 'vitest';
import type { ArticleResult } from '../../src/knowledge/loadArticle.ts';
import { loadTextStories } from '../../src/knowledge/loadTextStories.ts';
import type { Article } from '../../src/knowledge/types.ts';

function articles(results: ArticleResult[]): Article[] {
  return results.map((r) => {
    if (!r.ok) throw new Error(r.problem.message);
    return r.article;
  });
}

describe('loadTextStories', () => {
  it('splits at separator lines and numbers the stories after the file name', () => {
    const raw = [
      'Bridge closed',
      '',
      'The bridge was closed on Monday.',
      '',
      '* * *',
      'Budget approved',
      '',
      'The council approved the budget.',
      '---',
      '',
      '=====',
      'Library hours',
      '',
      'The library opens later.',
      '\f',
      'Ferry back',
      '',
      'The ferry runs again.',
    ].join('\n');
    const stories = articles(loadTextStories('news/wire.txt', raw));
    expect(stories.map((a) => [a.id, a.title, a.body])).toEqual([
      ['wire-1', 'Bridge closed', 'The bridge was closed on Monday.'],
      ['wire-2', 'Budget approved', 'The council approved the budget.'],
      ['wire-3', 'Library hours', 'The library opens later.'],
      ['wire-4', 'Ferry back', 'The ferry runs again.'],
    ]);
  });

  it('keeps a file of one story as one article with the file name as id, blank lines or not', () => {
    const raw = 'Council approves budget\n\n\n\nThe council voted 7 to 2.\n\n\n\nLatest stories\n';
    const [only, ...rest] = articles(loadTextStories('school-budget.txt', raw));
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ id: 'school-budget', title: 'Council approves budget' });
  });

  it('applies front matter to every story, its id as the prefix and its title to none', () => {
    const raw =
      '---\nid: wire\ntitle: Ignored\npublication: Wire\npublished: 2024-03-01\n---\nA\n\nText a.\n***\nB\n\nText b.\n';
    const stories = articles(loadTextStories('x.txt', raw));
    expect(stories.map((a) => [a.id, a.title, a.publication, a.published])).toEqual([
      ['wire-1', 'A', 'Wire', '2024-03-01'],
      ['wire-2', 'B', 'Wire', '2024-03-01'],
    ]);
  });

  it('reports a story without text by its number and line, and loads the others', () => {
    const raw = 'One\n\nText.\n---\nSubscribe now for $1 a week\n---\nThree\n\nMore text.\n';
    const results = loadTextStories('w.txt', raw);
    expect(results.map((r) => (r.ok ? r.article.id : r.problem.where))).toEqual([
      'w-1',
      'story 2, line 5',
      'w-3',
    ]);
  });
});
