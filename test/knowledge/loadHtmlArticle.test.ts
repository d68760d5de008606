import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHtmlArticle } from '../../src/knowledge/loadHtmlArticle.ts';

const page = readFileSync('test/fixtures/corpora/riverton/ferry-service-resumes.html', 'utf8');

describe('loadHtmlArticle', () => {
  it('keeps the article body and drops the site chrome', () => {
    const result = loadHtmlArticle('news/ferry-service-resumes.html', page);
    if (!result.ok) throw new Error(result.problem.message);
    const { article } = result;
    expect(article.body.split('\n\n')).toEqual([
      expect.stringMatching(/^The ferry between Riverton and Gull Island resumed service/),
      expect.stringMatching(/^Mayor Tomas Lindqvist rode the first crossing/),
      expect.stringMatching(/^The repairs cost \$1\.8 million/),
      expect.stringMatching(/^Captain Ingrid Sorensen, who has skippered the route/),
    ]);
    for (const chrome of [
      'cookie',
      'Advertisement',
      'Related stories',
      'Harbour seals',
      'newsletter',
      'Privacy',
      'By Hannah Cole',
      'Sport',
    ])
      expect(article.body).not.toContain(chrome);
  });

  it('takes title, author, date, site and URL from the page metadata', () => {
    const result = loadHtmlArticle('ferry.html', page);
    expect(result.ok && result.article).toMatchObject({
      id: 'ferry',
      title: 'Ferry service resumes after winter repairs',
      author: 'Hannah Cole',
      publication: 'The Riverton Courier',
      published: '2024-04-02',
      url: 'https://courier.example/news/ferry-service-resumes',
    });
  });

  it('reads a bare, unclosed page, and leaves out metadata that fails the checks', () => {
    const result = loadHtmlArticle(
      'bare.htm',
      '<html><head><title>Quarry permit upheld</title><link rel="canonical" href="/relative"><p>A district court on Friday rejected a bid by residents to stop a quarry from opening near Millbrook, ruling the permit lawful.<p>The company must fund a noise study',
    );
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.article.title).toBe('Quarry permit upheld');
    expect(result.article.url).toBeUndefined();
    expect(result.article.body).toContain('noise study');
  });

  it('reports a page without article text', () => {
    const result = loadHtmlArticle('empty.html', '<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(result.ok).toBe(false);
  });
});
