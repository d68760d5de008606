import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ArticleResult, loadArticle } from '../../src/knowledge/loadArticle.ts';
import type { Article, LoadProblem } from '../../src/knowledge/types.ts';

function ok(result: ArticleResult): Article {
  if (!result.ok) throw new Error(`expected an article, got problem: ${JSON.stringify(result.problem)}`);
  return result.article;
}

function problem(result: ArticleResult): LoadProblem {
  if (result.ok) throw new Error(`expected a problem, got article ${result.article.id}`);
  return result.problem;
}

describe('loadArticle: front matter', () => {
  it('reads every front matter field and keeps the body apart', () => {
    const raw = [
      '---',
      'id: harbour-bridge-closed',
      'title: Harbour bridge closed',
      'author: Sam Whitlow',
      'publication: Port Ellis Gazette',
      'published: 2024-03-05',
      'url: https://gazette.example/harbour-bridge',
      'notes: kept out of the article',
      '---',
      'The bridge was closed on Monday.',
      '',
      'Drivers face a detour.',
    ].join('\n');
    const article = ok(loadArticle('news/harbour.md', raw));
    expect(article).toEqual({
      id: 'harbour-bridge-closed',
      title: 'Harbour bridge closed',
      author: 'Sam Whitlow',
      publication: 'Port Ellis Gazette',
      published: '2024-03-05',
      url: 'https://gazette.example/harbour-bridge',
      file: 'news/harbour.md',
      body: 'The bridge was closed on Monday.\n\nDrivers face a detour.',
      words: 10,
    });
  });

  it('drops a first body line that repeats the title (any case)', () => {
    const article = ok(
      loadArticle('a.md', '---\ntitle: Deep Freeze\n---\ndeep freeze\n\nThe story itself.\n'),
    );
    expect(article.title).toBe('Deep Freeze');
    expect(article.body).toBe('The story itself.');
  });

  it('takes the id from the file name when the front matter has none', () => {
    const article = ok(loadArticle('sub/Café Story!.md', '---\ntitle: T\n---\nBody text.\n'));
    expect(article.id).toBe('cafe-story');
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const article = ok(loadArticle('a.md', '\uFEFF---\r\ntitle: X\r\nid: x-1\r\n---\r\nBody text here.\r\n'));
    expect(article.title).toBe('X');
    expect(article.id).toBe('x-1');
    expect(article.body).toBe('Body text here.');
  });

  it('cleans site chrome out of the body and keeps the author note out of it', () => {
    const raw =
      '---\ntitle: T\nauthor: Jane Roe\n---\nThe first paragraph of the news.\n\nThe second paragraph.\n\nSubscribe for $5/month. Cancel anytime.\n\nJane Roe is a freelance writer based in Leeds';
    const article = ok(loadArticle('a.md', raw));
    expect(article.body).toBe('The first paragraph of the news.\n\nThe second paragraph.');
    expect(article.words).toBe(9);
  });
});

describe('loadArticle: title fallback', () => {
  it('uses a short first line as the title and removes it from the body', () => {
    const article = ok(
      loadArticle('x.txt', 'Council approves new school budget\n\nThe council voted 7 to 2.\n'),
    );
    expect(article.title).toBe('Council approves new school budget');
    expect(article.body).toBe('The council voted 7 to 2.');
  });

  it('uses a Markdown heading as the title', () => {
    const article = ok(loadArticle('x.md', '# Bridge closed\n\nThe bridge was closed.\n'));
    expect(article.title).toBe('Bridge closed');
    expect(article.body).toBe('The bridge was closed.');
  });

  it('takes the first sentence as the title when the first line is a sentence, and keeps it in the body', () => {
    const article = ok(
      loadArticle('dir/my_great-story.md', 'This first paragraph ends with a full stop.\n\nSecond.\n'),
    );
    expect(article.title).toBe('This first paragraph ends with a full stop');
    expect(article.id).toBe('my-great-story');
    expect(article.body).toBe('This first paragraph ends with a full stop.\n\nSecond.');
  });

  it('cuts a long first sentence at a word boundary near 80 characters', () => {
    const long = `${'word '.repeat(25)}and more`;
    const article = ok(loadArticle('long-one.txt', `${long}\n\nSecond paragraph.\n`));
    expect(article.title).toBe(`${'word '.repeat(16).trim()}…`);
    expect(article.body.startsWith('word word')).toBe(true);
  });

  it('titles an untitled text by its first sentence, not its file name', () => {
    const raw =
      'The music director of the Pittsburgh Symphony Orchestra, William Steinberg, has molded his group into a prominent musical organization. He talked.\n';
    const article = ok(loadArticle('cg06.txt', raw));
    expect(article.title).toBe(
      'The music director of the Pittsburgh Symphony Orchestra, William Steinberg, has…',
    );
    expect(article.title.length).toBeLessThanOrEqual(81);
    expect(article.body).toBe(raw.trim());
  });

  it('falls back to the file name when the text has no words', () => {
    expect(ok(loadArticle('n-1.txt', '1961 -- 1962 .\n\n42\n')).title).toBe('n 1');
  });
});

describe('loadArticle: problems', () => {
  it('reports invalid YAML with the file line it is on', () => {
    const p = problem(
      loadArticle('a.md', '---\ntitle: X\nauthor: [unclosed\npublished: 2017-01-01\n---\nBody.\n'),
    );
    expect(p.file).toBe('a.md');
    expect(p.message).toMatch(/^front matter is not valid YAML/);
    // Line 1 of the file is the opening ---, so the YAML's lines are offset by one.
    expect(p.where).toMatch(/^line [34]$/);
  });

  it('reports a duplicated key on its line', () => {
    const p = problem(loadArticle('a.md', '---\ntitle: X\ntitle: Y\n---\nBody.\n'));
    expect(p.where).toBe('line 3');
    expect(p.message).toMatch(/unique/);
  });

  it('names the field and the line of a schema violation ("last Tuesday" is no date)', () => {
    const raw = readFileSync(
      new URL('../fixtures/corpora/port-ellis/broken-dates.md', import.meta.url),
      'utf8',
    );
    const p = problem(loadArticle('broken-dates.md', raw));
    expect(p).toEqual({
      file: 'broken-dates.md',
      where: 'line 3, field published',
      message: expect.stringMatching(/^published: .*YYYY-MM-DD/),
    });
  });

  it.each([
    ['url: not a url', 'url', 'line 3, field url'],
    ['id: Not Valid', 'id', 'line 3, field id'],
    ['title: ""', 'title', 'line 3, field title'],
    ['author: [a, b]', 'author', 'line 3, field author'],
    ['published: 2017-13-01', 'published', 'line 3, field published'],
  ])('rejects "%s" naming the field', (line, field, where) => {
    const p = problem(loadArticle('a.md', `---\nnotes: first\n${line}\n---\nBody.\n`));
    expect(p.where).toBe(where);
    expect(p.message.startsWith(`${field}: `)).toBe(true);
  });

  it('reports front matter that is not a mapping', () => {
    const p = problem(loadArticle('a.md', '---\njust a sentence\n---\nBody.\n'));
    expect(p.message).toMatch(/^\(top level\): /);
  });

  it('reports an unclosed front matter block on line 1', () => {
    const p = problem(loadArticle('a.md', '---\ntitle: X\nBody text that never closes the block.\n'));
    expect(p).toEqual({ file: 'a.md', where: 'line 1', message: expect.stringMatching(/no closing "---"/) });
  });

  it('reports an article with no text after its front matter', () => {
    const p = problem(loadArticle('a.md', '---\ntitle: X\n---\n\n   \n'));
    expect(p.message).toMatch(/no text/);
  });

  // BUG: an empty front matter block ("---" directly followed by "---") does not match the
  // FRONT_MATTER pattern, which needs a newline before the closing "---", so it is reported as unclosed.
  it('accepts an empty front matter block (fixed)', () => {
    const article = ok(loadArticle('empty-fm.md', '---\n---\nBody text here.\n'));
    expect(article.body).toBe('Body text here.');
  });

  // BUG: isoDate's refine uses Date.parse, which rolls 2017-02-30 over to 2 March instead of
  // failing, so impossible calendar dates pass the "not a real calendar date" check.
  it('rejects a date that is not on the calendar, such as 2017-02-30 (fixed)', () => {
    const p = problem(loadArticle('a.md', '---\ntitle: X\npublished: 2017-02-30\n---\nBody.\n'));
    expect(p.where).toBe('line 3, field published');
  });
});
