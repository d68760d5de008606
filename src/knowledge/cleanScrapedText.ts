/**
 * Removes site chrome from scraped article text by general rules, never by site-specific strings:
 * subscription prompts, sign-in lines, "related/latest stories" lists, press-release blocks,
 * share/follow lines and author bios. Short headings that only border chrome go with it.
 */

export interface CleanedText {
  /** Paragraphs of article text, chrome removed. */
  paragraphs: string[];
  /** A trailing "<Name> is a ... at ..." author note, moved out of the body. */
  authorNote?: string;
  /** The name the author note is about. */
  authorNoteName?: string;
  /** Lines that were dropped, for diagnostics and tests. */
  dropped: string[];
}

const SUBSCRIPTION =
  /\b(subscribe[sd]?|subscription|subscriber|subscribers|cancel any ?time|newsletters?|paywall|free trial|per month|\/mth|\/month)\b/i;
const SIGN_IN =
  /\b(sign in|sign-in|log in|login|sign up|register now|create an account|already a (subscriber|member))\b/i;
const SECTION_CUT =
  /^(related|latest|more|popular|trending|recommended|most (read|popular|viewed)|top|also read|read more|read next|you (may|might) also like|further reading|press releases?|sponsored|from (our|around the web))\b/i;
const MISC_CHROME =
  /^(?:(?:advertisement|advert|sponsored content|share(?: this)?(?: article| story)?|share on \w+|follow us|click here|comments?|print|email|loading)\b|tags?:|image:|photo:|picture:|getty images|reuters\/|\(?copyright|©)/i;
/** What makes a line that mentions subscribing a sales pitch rather than news. */
const PROMO =
  /^(subscribe|sign up|sign in|log in|join|get|support|become|start|try|register|already)\b|\b(you|your|our|we)\b|[$€£R]\s?\d+(?:[.,]\d+)?\s*(?:\/|a |per )\s*(?:mth|month|week|year)|cancel any ?time|free trial/i;
const FOLLOWERS = /\bfollowers on (twitter|x|instagram|facebook)\b/i;

/** A social-media profile blurb: follower counts, or several @handles in one line. */
function isSocialBio(line: string): boolean {
  if (FOLLOWERS.test(line)) return true;
  return line.includes('@') && (line.match(/(^|\s)@\w+/g)?.length ?? 0) >= 2;
}
/** "<Name> is an associate at ..." or "<Name>, a professor of ... at ..., is the author of ...". */
const AUTHOR_NOTE =
  /^([A-Z][\p{L}'.-]+(?: [A-Z][\p{L}'.-]+){1,3})(?:,(?: (?:a|an|the)\b)?[^,]{3,120},)? (is|was) (a|an|the)\b.{3,200}$/u;

/** Whether a line has at most `max` words; stops counting past `max`, as most lines are long prose. */
function atMostWords(line: string, max: number): boolean {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 160;
    if (!space && !inWord && ++n > max) return false;
    inWord = !space;
  }
  return true;
}

const SUBSCRIPTION_OR_SIGN_IN = new RegExp(`${SUBSCRIPTION.source}|${SIGN_IN.source}`, 'i');

function endsLikeSentence(line: string): boolean {
  return /[.!?:;"'”’)\]…]$/.test(line);
}

/** A short line that does not read as a sentence: a heading, a name, a label. */
function isLabelLike(line: string): boolean {
  return !endsLikeSentence(line) && atMostWords(line, 8);
}

function isChromeLine(line: string): boolean {
  if (!atMostWords(line, 40)) return isSocialBio(line); // long lines are prose, unless a profile blurb
  if (MISC_CHROME.test(line) && atMostWords(line, 12)) return true;
  if (isSocialBio(line)) return true;
  // "The paper lost 20,000 subscribers, its owner said" is news: a pitch addresses the reader,
  // names a price, or is not a sentence at all.
  if (SUBSCRIPTION_OR_SIGN_IN.test(line)) return PROMO.test(line) || !endsLikeSentence(line);
  return false;
}

/** Whether line i opens in small letters right after a line that ends mid-sentence. */
function carriesOn(lines: readonly string[], i: number): boolean {
  const before = lines[i - 1] ?? '';
  return /^\p{Ll}/u.test(lines[i] ?? '') && before !== '' && !endsLikeSentence(before);
}

function isSectionCut(line: string): boolean {
  return !endsLikeSentence(line) && atMostWords(line, 6) && SECTION_CUT.test(line);
}

/**
 * Splits raw text into lines, treating each non-empty line as a unit (scraped text puts one
 * paragraph per line); Markdown soft-wrapped paragraphs are re-joined afterwards.
 */
export function cleanScrapedText(raw: string, options: { author?: string } = {}): CleanedText {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const dropped: string[] = [];
  const kept: (string | null)[] = [];

  // 1. Find where trailing sections ("Latest stories", "Press releases") begin and cut there,
  //    but only in the back half of the text so an early subheading cannot swallow the article.
  const firstContent = lines.findIndex((l) => l.trim() !== '');
  let cutAt = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line && isSectionCut(line) && i > firstContent + Math.floor((lines.length - firstContent) * 0.3)) {
      cutAt = i;
      break;
    }
  }
  for (let i = cutAt; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line) dropped.push(line);
  }

  // 2. Mark chrome lines. A line that carries on the sentence of the line before it, as newswire
  //    text wraps ("... a dividend of 30 cts a" / "share on its common stock"), is never chrome.
  const body = lines.slice(0, cutAt).map((l) => l.trim());
  const chrome = body.map((l, i) => l !== '' && isChromeLine(l) && !carriesOn(body, i));

  // 3. Short label-like lines that border chrome (a promo heading, a repeated byline name) are
  //    chrome too; repeat until nothing changes. Blank lines do not break adjacency.
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < body.length; i++) {
      const line = body[i] ?? '';
      if (!line || chrome[i] || !isLabelLike(line)) continue;
      const prev = neighbour(body, i, -1);
      const next = neighbour(body, i, 1);
      const repeated = (prev >= 0 && body[prev] === line) || (next >= 0 && body[next] === line);
      if (repeated || (prev >= 0 && chrome[prev]) || (next >= 0 && chrome[next])) {
        chrome[i] = true;
        changed = true;
      }
    }
  }

  for (let i = 0; i < body.length; i++) {
    const line = body[i] ?? '';
    if (chrome[i]) {
      dropped.push(line);
      kept.push(null);
    } else {
      kept.push(line);
    }
  }

  // 4. Re-join into paragraphs: blank lines and removed lines both end a paragraph.
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const line of kept) {
    if (line === null || line === '') flush();
    else if (/^#{1,6}\s/.test(line)) {
      flush();
      paragraphs.push(line.replace(/^#{1,6}\s+/, ''));
    } else current.push(line);
  }
  flush();

  // 5. A closing one-sentence "<Name> is an associate at ..." line is an author note, not news.
  let authorNote: string | undefined;
  const last = paragraphs.at(-1);
  const note = last && paragraphs.length > 1 && atMostWords(last, 30) ? AUTHOR_NOTE.exec(last) : null;
  if (last && note && !/[.!?]\s+\S/.test(last) && looksLikeAuthorNote(last, note[1] ?? '', options.author)) {
    authorNote = last;
    paragraphs.pop();
    dropped.push(last);
  }

  if (authorNote === undefined || !note?.[1]) return { paragraphs, dropped };
  return { paragraphs, authorNote, authorNoteName: note[1], dropped };
}

const BYLINE_ROLE =
  /\b(associate|fellow|professor|lecturer|editor|correspondent|columnist|writer|journalist|author|researcher|director|analyst|contributor)\b/i;

function looksLikeAuthorNote(line: string, name: string, author: string | undefined): boolean {
  if (author && name.toLowerCase() === author.trim().toLowerCase()) return true;
  return BYLINE_ROLE.test(line) && (!endsLikeSentence(line) || atMostWords(line, 20));
}

function neighbour(lines: string[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    if (lines[j]) return j;
  }
  return -1;
}
