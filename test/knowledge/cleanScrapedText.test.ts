import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanScrapedText } from '../../src/knowledge/cleanScrapedText.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/scraped/${name}`, import.meta.url), 'utf8');
const RAW_002 = fixture('002_ea71a25708366c05.txt');
const RAW_000 = fixture('000_23050114ca7add45.txt');
const nonEmptyLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

describe('cleanScrapedText on the scraped Mail & Guardian page (002)', () => {
  const cleaned = cleanScrapedText(RAW_002);
  const text = cleaned.paragraphs.join('\n');

  it.each([
    'Subscribe',
    'R30/mth',
    'Already a subscriber',
    'Latest stories',
    'Related stories',
    'Omicron',
    'Madhi',
    'Kabila',
    'Mashaba',
    'press releases',
    'Press Releases',
    'Loading latest',
    'followers on Twitter',
    '@StAntsCollege',
    'Andrew Hammond',
    'Keep the powerful accountable',
    'Cancel anytime',
    'newsletters',
  ])('removes the chrome "%s"', (chrome) => {
    expect(text).not.toContain(chrome);
  });

  it('keeps every news paragraph, from the headline to the closing analysis', () => {
    const lines = nonEmptyLines(RAW_002);
    const lastNews = lines.findIndex((l) => l.startsWith('Taken overall'));
    expect(lastNews).toBeGreaterThan(0);
    // The headline and the twelve news paragraphs before the author note, unchanged and in order.
    expect(cleaned.paragraphs).toEqual(lines.slice(0, lastNews + 1));
    expect(cleaned.paragraphs[1]).toMatch(/^US Secretary of State Rex Tillerson met with Russian President/);
    expect(cleaned.paragraphs.at(-1)).toMatch(/^Taken overall, the escalation of tensions in Syria/);
  });

  it('moves the closing "<Name> is an associate at ..." line into authorNote', () => {
    expect(cleaned.authorNote).toBe(
      'Andrew Hammond is an associate at LSE IDEAS at the London School of Economics',
    );
    expect(cleaned.paragraphs).not.toContain(cleaned.authorNote);
  });

  it('lists what it dropped: the repeated byline name lines, the profile blurb and the trailing sections', () => {
    expect(cleaned.dropped.filter((l) => l === 'Andrew Hammond')).toHaveLength(2);
    expect(cleaned.dropped.some((l) => l.includes('followers on Twitter'))).toBe(true);
    expect(cleaned.dropped).toContain('Latest stories');
    expect(cleaned.dropped).toContain('DRC investigates Kabila for corruption');
    expect(cleaned.dropped).toContain('Keep the powerful accountable');
    // Every line of the input is either kept or dropped: nothing is silently lost.
    const kept = new Set(cleaned.paragraphs);
    for (const line of nonEmptyLines(RAW_002)) {
      expect(kept.has(line) || cleaned.dropped.includes(line), line).toBe(true);
    }
  });
});

describe('cleanScrapedText on a page without chrome (000)', () => {
  const cleaned = cleanScrapedText(RAW_000);

  it('keeps every line as its own paragraph and drops nothing', () => {
    const lines = nonEmptyLines(RAW_000);
    expect(cleaned.paragraphs).toHaveLength(lines.length);
    expect(cleaned.paragraphs).toEqual(lines);
    expect(cleaned.dropped).toEqual([]);
    expect(cleaned.authorNote).toBeUndefined();
  });

  it('keeps its short subheadings ("Where we have come from", "Going forwards")', () => {
    expect(cleaned.paragraphs).toContain('Where we have come from');
    expect(cleaned.paragraphs).toContain('Going forwards');
  });
});

describe('cleanScrapedText rules', () => {
  const story = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `Paragraph ${i + 1} reports what the harbour master said about the boats.`,
    );

  it('re-joins Markdown soft-wrapped lines into one paragraph and keeps # headings apart', () => {
    const raw =
      '# The Heading\n\nThis is a soft\nwrapped paragraph that\ncontinues here.\n\nAnother paragraph.';
    expect(cleanScrapedText(raw).paragraphs).toEqual([
      'The Heading',
      'This is a soft wrapped paragraph that continues here.',
      'Another paragraph.',
    ]);
  });

  it('treats Windows line endings like Unix ones', () => {
    const raw = 'First line of a\r\nwrapped paragraph.\r\n\r\nSecond paragraph.\r\n';
    expect(cleanScrapedText(raw).paragraphs).toEqual([
      'First line of a wrapped paragraph.',
      'Second paragraph.',
    ]);
  });

  it('does not treat an early short subheading as the start of a trailing section', () => {
    const [first = '', ...rest] = story(10);
    const raw = [first, 'Latest developments', ...rest].join('\n\n');
    const cleaned = cleanScrapedText(raw);
    expect(cleaned.paragraphs).toHaveLength(11);
    expect(cleaned.paragraphs).toContain('Latest developments');
    expect(cleaned.paragraphs.at(-1)).toBe(rest.at(-1));
    expect(cleaned.dropped).toEqual([]);
  });

  it('cuts a trailing "Related stories" section in the back half, with everything after it', () => {
    const raw = [
      ...story(8),
      'Related stories',
      'Fishing season opens early',
      'A teaser for another story.',
    ].join('\n\n');
    const cleaned = cleanScrapedText(raw);
    expect(cleaned.paragraphs).toEqual(story(8));
    expect(cleaned.dropped).toEqual([
      'Related stories',
      'Fishing season opens early',
      'A teaser for another story.',
    ]);
  });

  it('drops subscription and sign-in prompts and the short promo heading next to them', () => {
    const raw = [
      ...story(3),
      'Support our journalism',
      'Subscribe now for $1 a week. Cancel any time.',
      'Already a member? Sign in',
      ...story(3),
    ].join('\n\n');
    const cleaned = cleanScrapedText(raw);
    expect(cleaned.paragraphs).toEqual([...story(3), ...story(3)]);
    expect(cleaned.dropped).toContain('Support our journalism');
  });

  it('keeps a long prose paragraph even if it mentions subscriptions (only short lines can be prompts)', () => {
    const long = `The streaming company said its subscription price would rise, ${'and analysts expected further changes to the market over the coming year '.repeat(4)}.`;
    expect(cleanScrapedText([...story(2), long, ...story(2)].join('\n\n')).paragraphs).toContain(long);
  });

  it('drops a social profile line with several @handles', () => {
    const raw = [
      ...story(2),
      'Writer and critic. Formerly @dailyplanet and @gotham_times, now freelance.',
      ...story(2),
    ].join('\n\n');
    expect(cleanScrapedText(raw).paragraphs).toEqual([...story(2), ...story(2)]);
  });

  it('takes a closing note about the known author even without a job title', () => {
    const cleaned = cleanScrapedText(
      'First paragraph of the story.\n\nSecond paragraph.\n\nSam Whitlow is a keen sailor.',
      {
        author: 'Sam Whitlow',
      },
    );
    expect(cleaned.authorNote).toBe('Sam Whitlow is a keen sailor.');
    expect(cleaned.paragraphs).toEqual(['First paragraph of the story.', 'Second paragraph.']);
  });

  it('keeps a closing news sentence about someone who is not a writer', () => {
    const cleaned = cleanScrapedText(
      'First paragraph of the story.\n\nSecond paragraph.\n\nJohn Smith is a suspect in the case.',
    );
    expect(cleaned.authorNote).toBeUndefined();
    expect(cleaned.paragraphs.at(-1)).toBe('John Smith is a suspect in the case.');
  });

  it('never takes the only paragraph as an author note', () => {
    const cleaned = cleanScrapedText('Jane Doe is a correspondent for the Gazette');
    expect(cleaned.authorNote).toBeUndefined();
    expect(cleaned.paragraphs).toEqual(['Jane Doe is a correspondent for the Gazette']);
  });

  // BUG: MISC_CHROME has no word boundary after "share", "email", "print" and "advert", so short
  // news paragraphs that merely start with those letters are removed as site chrome.
  it('keeps short news paragraphs starting with Shareholders / Emails / Printers / Advertisers (fixed)', () => {
    const news = [
      'Shareholders approved the merger on Friday.',
      'Emails show the minister knew about the deal.',
      'Printers ran out of ink as turnout soared.',
      'Advertisers pulled out of the show.',
    ];
    const cleaned = cleanScrapedText([...story(2), ...news, ...story(2)].join('\n\n'));
    for (const line of news) expect(cleaned.paragraphs).toContain(line);
  });

  // BUG (heuristic too broad): any line of up to 40 words that mentions "subscribers", "newsletter",
  // "per month" or "subscription" is dropped, so news about those things loses its sentences.
  it('keeps a news sentence that reports subscriber numbers (fixed)', () => {
    const line = 'The paper lost 20,000 subscribers last year, its owner said.';
    expect(cleanScrapedText([...story(2), line, ...story(2)].join('\n\n')).paragraphs).toContain(line);
  });

  it('keeps a wrapped newswire line that carries on the sentence before it ("a" / "share on its common stock")', () => {
    const raw = [
      'ATT SAYS DIVIDEND WILL NOT BE CUT',
      '',
      'American Telephone and Telegraph Co does',
      'not plan to reduce its regular quarterly dividend of 30 cts a',
      'share on its common stock, said James E. Olson, chairman.',
      '    "It has been the intent to set the dividend at a level so',
      'that it could be sustained," Olson told analysts.',
    ].join('\n');
    const cleaned = cleanScrapedText(raw);
    expect(cleaned.dropped).toEqual([]);
    expect(cleaned.paragraphs.join(' ')).toContain('30 cts a share on its common stock, said James E. Olson');
    // A line that opens a paragraph is still read as chrome where it is.
    expect(cleanScrapedText([...story(2), 'Share on Facebook', ...story(2)].join('\n\n')).dropped).toEqual([
      'Share on Facebook',
    ]);
  });
});
