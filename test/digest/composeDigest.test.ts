import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { availableFrom, composeDigest, newArticles } from '../../src/digest/composeDigest.ts';
import { loadCorpus } from '../../src/knowledge/loadCorpus.ts';
import { renderText } from '../../src/render/renderText.ts';
import { buildKnowledgeBase } from '../../src/search/knowledgeBase.ts';
import { aprilKnowledge, removeTempDirs, shippedKnowledge, tempDir } from './support.ts';

afterAll(removeTempDirs);

const LONDON = 'Europe/London';
const window = (from: string, to: string, timeZone = LONDON) => ({
  from: new Date(from),
  to: new Date(to),
  timeZone,
});

describe('which articles are new in a window', () => {
  it('counts an article from the start of its published day, in the digest time zone', () => {
    const kb = aprilKnowledge();
    // 12 April 2017 begins at 2017-04-11T23:00Z in London (summer time).
    const article = kb.articles.get('us-russia-where-next');
    expect(article && availableFrom(article, LONDON)?.toISOString()).toBe('2017-04-11T23:00:00.000Z');
    const ids = (from: string, to: string) => newArticles(kb, window(from, to)).map((a) => a.id);
    expect(ids('2017-04-11T23:00:00Z', '2017-04-12T23:00:00Z')).toEqual(['us-russia-where-next']);
    expect(ids('2017-04-12T23:00:00Z', '2017-04-13T23:00:00Z')).toEqual(['us-russia-deep-freeze']);
    expect(ids('2017-04-11T00:00:00Z', '2017-04-14T00:00:00Z')).toEqual([
      'us-russia-deep-freeze',
      'us-russia-where-next',
    ]);
    expect(ids('2017-04-14T00:00:00Z', '2017-04-20T00:00:00Z')).toEqual([]);
  });

  it('counts an old article from when it was added to the archive', () => {
    const kb = shippedKnowledge({ 'us-russia-deep-freeze': '2026-03-05T10:30:00.000Z' });
    const ids = newArticles(kb, window('2026-03-05T08:00:00Z', '2026-03-06T08:00:00Z')).map((a) => a.id);
    expect(ids).toEqual(['us-russia-deep-freeze']);
  });

  it('takes addedAt from the file when the loader reads the corpus', () => {
    const dir = tempDir();
    const file = join(dir, 'story.md');
    writeFileSync(
      file,
      '---\npublished: 2020-01-02\n---\nA council vote approved the new library on Tuesday.\n',
    );
    utimesSync(file, new Date('2026-02-01T09:00:00Z'), new Date('2026-02-01T09:00:00Z'));
    const [article] = loadCorpus(dir).articles;
    expect(article?.addedAt).toBe('2026-02-01T09:00:00.000Z');
    expect(article && availableFrom(article, 'UTC')?.toISOString()).toBe('2026-02-01T09:00:00.000Z');
  });
});

describe('composeDigest', () => {
  const kb = aprilKnowledge();
  const april = window('2017-04-11T00:00:00Z', '2017-04-14T00:00:00Z');

  it('lists the new articles with a one-line summary each, newest first, each citing its source', () => {
    const reply = composeDigest(kb, april);
    expect(reply.kind).toBe('answer');
    expect(reply.headline).toBe('News digest: 2 new articles since 2017-04-11 01:00 (Europe/London)');
    const [first, second] = reply.lines;
    expect(first?.text).toMatch(
      /^US-Russia relations in deep freeze\?: US Secretary of State Rex Tillerson met/,
    );
    expect(second?.text).toMatch(/^The US and Russia: where are we now/);
    expect(reply.citations[first?.cites[0] ?? -1]?.articleId).toBe('us-russia-deep-freeze');
    expect(reply.citations[second?.cites[0] ?? -1]?.articleId).toBe('us-russia-where-next');
    expect(reply.fields).toEqual([
      { label: 'Window', value: '2017-04-11 01:00 – 2017-04-14 01:00 Europe/London' },
    ]);
  });

  it('names the people, places and events mentioned most, and notable quotes and figures, with sources', () => {
    const reply = composeDigest(kb, april);
    const line = (prefix: string) => reply.lines.filter((l) => l.text.startsWith(prefix));
    const people = line('People most mentioned: ')[0];
    expect(people?.text).toMatch(/Rex Tillerson \(2\)/);
    expect(people?.cites.length).toBe(2);
    expect(line('Places: ')[0]?.text).toMatch(/Moscow|Syria/);
    expect(line('Events: ')[0]?.text).toMatch(/Shayrat/);
    const quotes = line('Quote: ');
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.length).toBeLessThanOrEqual(3);
    expect(quotes[0]?.text).toMatch(/^Quote: Dmitry Medvedev: “/);
    for (const q of quotes) expect(q.cites).toHaveLength(1);
    const figures = line('Figure: ');
    expect(figures.map((f) => f.text)).toContain('Figure: 87: people killed in the chemical attack');
    const killed = figures.find((f) => f.text.includes('87'));
    expect(reply.citations[killed?.cites[0] ?? -1]?.articleId).toBe('us-russia-where-next');
  });

  it('says so when a window is quiet', () => {
    const reply = composeDigest(kb, window('2026-03-05T08:00:00Z', '2026-03-06T08:00:00Z'));
    expect(reply.kind).toBe('not_found');
    expect(reply.headline).toBe('News digest: no new articles since 2026-03-05 08:00 (Europe/London).');
    expect(reply.citations).toEqual([]);
  });

  it('keeps long windows short, and takes quotes from the text when there are no curated ones', () => {
    const dir = tempDir();
    for (let i = 1; i <= 4; i++) {
      writeFileSync(
        join(dir, `story-${i}.md`),
        `---\ntitle: Story ${i}\npublished: 2024-03-0${i}\n---\nThe council met for the ${i}th time. "We will not reopen it until it is safe," Mayor Okafor told reporters.\n`,
      );
    }
    const small = buildKnowledgeBase(loadCorpus(dir));
    for (const a of small.articles.values()) delete a.addedAt;
    const reply = composeDigest(small, window('2024-03-01T00:00:00Z', '2024-03-09T00:00:00Z', 'UTC'), {
      maxArticles: 2,
      maxQuotes: 1,
    });
    const text = renderText(reply);
    expect(reply.headline).toMatch(/4 new articles/);
    expect(text).toMatch(/…and 2 more; \/sources lists every article\./);
    expect(text).toMatch(
      /Quote: "We will not reopen it until it is safe," Mayor Okafor told reporters\. \[1\]/,
    );
    // No facts file: the people come from the text.
    expect(text).toMatch(/People most mentioned: Okafor \(4\)/);
  });
});
