import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/app/commands.ts';
import {
  MAX_INPUT_CHARS,
  parseRequest,
  sanitizeInput,
  sanitizeInputDetailed,
} from '../../src/core/parseRequest.ts';

const NAMES = new Set(COMMANDS.map((c) => c.name));
const parse = (text: string) => parseRequest(text, NAMES);

describe('parseRequest: commands', () => {
  it.each([
    ['/who Tillerson', 'who', 'Tillerson'],
    ['!who Tillerson', 'who', 'Tillerson'],
    ['who: Tillerson', 'who', 'Tillerson'],
    ['/WHO   Tillerson ', 'who', 'Tillerson'],
    ['/search "deep freeze"', 'search', '"deep freeze"'],
    ['/timeline Syria', 'timeline', 'Syria'],
    ['/quote Medvedev war', 'quote', 'Medvedev war'],
  ])('reads %s as /%s with its argument', (text, command, rest) => {
    expect(parse(text)).toEqual({ command, text: rest, subject: rest });
  });

  it.each(['help', 'Help', '/help', 'sources', '/sources', 'timeline'])(
    'reads the bare word %s as a command without arguments',
    (text) => {
      expect(parse(text)).toEqual({ command: text.replace('/', '').toLowerCase(), text: '' });
    },
  );

  it('reads an unknown slash command as unknown, naming it', () => {
    expect(parse('/foo bar')).toEqual({ command: 'unknown', text: 'foo' });
    expect(parse('!nope')).toEqual({ command: 'unknown', text: 'nope' });
  });

  it('reads empty input as help', () => {
    expect(parse('')).toEqual({ command: 'help', text: '' });
    expect(parse('   \u0000 ')).toEqual({ command: 'help', text: '' });
  });

  it('only knows the command names it is given', () => {
    expect(parseRequest('/who X', new Set(['help']))).toEqual({ command: 'unknown', text: 'who' });
  });
});

describe('parseRequest: natural questions', () => {
  it.each([
    ['who is Nikki Haley?', 'who', 'Nikki Haley'],
    ['Who was Michael Flynn', 'who', 'Michael Flynn'],
    ["who's Lavrov", 'who', 'Lavrov'],
    ['whos Lavrov?', 'who', 'Lavrov'],
    ['what happened at Shayrat?', 'what', 'Shayrat'],
    ['what happened in Moscow', 'what', 'Moscow'],
    ['what is sarin?', 'what', 'sarin'],
    ['what was the G7 ministerial summit?', 'what', 'G7 ministerial summit'],
    ['tell me about NATO', 'about', 'NATO'],
    ['describe the Admiral Grigorovich', 'about', 'the Admiral Grigorovich'],
    ['where did Tillerson meet Lavrov?', 'where', 'Tillerson meet Lavrov'],
    ['where is Tartus', 'where', 'Tartus'],
    ['when did Tillerson meet Lavrov?', 'when', 'Tillerson meet Lavrov'],
    ['when was the chemical attack?!', 'when', 'the chemical attack'],
  ])('reads "%s" as %s about "%s"', (text, command, subject) => {
    expect(parse(text)).toEqual({ command, text: subject, subject, question: text });
  });

  it('reads "what did X say about Y" as a quote with subject and topic', () => {
    expect(parse('what did Medvedev say about war?')).toEqual({
      command: 'quote',
      text: 'Medvedev',
      subject: 'Medvedev',
      topic: 'war',
      question: 'what did Medvedev say about war?',
    });
    expect(parse('What has Putin said on trust')).toMatchObject({
      command: 'quote',
      subject: 'Putin',
      topic: 'trust',
    });
    expect(parse('quotes from Trump about NATO')).toMatchObject({
      command: 'quote',
      subject: 'Trump',
      topic: 'NATO',
    });
  });

  it('reads "what does the article say about Y" as a question about Y, not a quote', () => {
    expect(parse('what does the second article say about NATO?')).toMatchObject({
      command: 'ask',
      subject: 'NATO',
      question: 'what about NATO',
    });
    expect(parse('What did the piece say about the strike')).toMatchObject({ command: 'ask' });
    expect(parse('what did the mayor say about the strike?')).toMatchObject({ command: 'quote' });
  });

  it('reads the question after words that set it up, past a dash or a colon', () => {
    const parsed = parse('legislators say the bank lost money on its reserves - how much in 1986?');
    expect(parsed.command).toBe('figure');
    expect(parsed.question).toBe('how much in 1986, legislators say the bank lost money on its reserves?');
    expect(parse('quick one: who founded Guideposts?').command).toBe('ask');
    // A question word after a preposition: "between which ports ...?".
    expect(parse('between which ports does the Lake Ostby ferry run?').command).toBe('ask');
    // A dash inside what is not a question changes nothing.
    expect(parse('Tillerson - Lavrov talks').command).toBe('search');
  });

  it('reads "what did X say" without a topic', () => {
    const parsed = parse('what did Putin say?');
    expect(parsed).toMatchObject({ command: 'quote', subject: 'Putin' });
    expect(parsed.topic).toBeUndefined();
  });

  it('reads "how many/much ..." as a figure question with the whole question as text', () => {
    expect(parse('how many people were killed?')).toEqual({
      command: 'figure',
      text: 'how many people were killed?',
      question: 'how many people were killed?',
    });
    expect(parse('How much is the school budget').command).toBe('figure');
  });

  it('reads "what happened?" alone as a timeline', () => {
    expect(parse('what happened?').command).toBe('timeline');
  });

  it.each([
    'which warship was sent to Tartus?',
    'who did Tillerson meet in Moscow?',
    'why did the US strike?',
    'how did it end',
    'since when has Russia felt slighted?',
    'in which year was the pier opened?',
    'besides Assad, who does Russia side with?',
    'what date does the PSP go on sale in the US',
    'what year did the pier open?',
  ])('reads the other question "%s" as ask', (text) => {
    expect(parse(text)).toEqual({ command: 'ask', text, question: text });
  });

  it('does not read a question word followed by "is/did/happened" as a bare command', () => {
    expect(parse('who is Tillerson').command).toBe('who');
    expect(parse('what happened at Tartus').subject).toBe('Tartus');
    expect(parse('who happened').command).toBe('ask');
  });

  it.each([
    'can the nintendo ds play old game boy advance games',
    'Did Tillerson meet Lavrov in Moscow',
    'was there a chemical attack in Syria',
    'did jim wright say a tax increase is needed',
  ])('reads the yes/no question "%s", typed without its question mark, as ask', (text) => {
    expect(parse(text)).toEqual({ command: 'ask', text, question: text });
  });

  it.each(['will power', 'Will Smith movies', 'is coverage', 'can openers for sale'])(
    'still reads "%s" as a search',
    (text) => {
      expect(parse(text).command).toBe('search');
    },
  );

  it('reads plain text as a search', () => {
    expect(parse('chemical attack in Syria')).toEqual({
      command: 'search',
      text: 'chemical attack in Syria',
      question: 'chemical attack in Syria',
    });
  });
});

describe('sanitizeInput', () => {
  it('removes control and invisible characters and collapses whitespace', () => {
    expect(sanitizeInput('who\u0000 is\u0007\tRex\n\nTill\u200Berson\u202E ')).toBe('who is Rex Tillerson');
    expect(parse('who\u0000 is\u0007 Tillerson')).toMatchObject({ command: 'who', subject: 'Tillerson' });
  });

  it('normalises compatibility characters (full-width letters)', () => {
    expect(sanitizeInput('ｗｈｏ is Ｌａｖｒｏｖ')).toBe('who is Lavrov');
  });

  it('cuts over-long input to MAX_INPUT_CHARS', () => {
    expect(sanitizeInput('x'.repeat(MAX_INPUT_CHARS * 3))).toHaveLength(MAX_INPUT_CHARS);
    const parsed = parse(`/search ${'word '.repeat(400)}`);
    expect(parsed.command).toBe('search');
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(parse('y'.repeat(2000)).text).toHaveLength(MAX_INPUT_CHARS);
  });

  // BUG: the cut is made in UTF-16 code units, so an emoji straddling the limit leaves a lone high
  // surrogate at the end of the text (which then gets echoed back in replies).
  it('does not cut a character in half at the limit (fixed)', () => {
    const cut = sanitizeInput(`${'a'.repeat(MAX_INPUT_CHARS - 1)}😀`);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });
});

describe('sanitizeInputDetailed', () => {
  it('says when it cut the input, and never leaves trailing space at the cut', () => {
    expect(sanitizeInputDetailed('who is Tillerson')).toEqual({ text: 'who is Tillerson', cut: false });
    const long = sanitizeInputDetailed(`${'word '.repeat(100)}x`);
    expect(long.cut).toBe(true);
    expect(long.text).toHaveLength(MAX_INPUT_CHARS - 1);
    expect(sanitizeInputDetailed('x'.repeat(MAX_INPUT_CHARS)).cut).toBe(false);
  });

  it('drops lone surrogates and noncharacters, and shortens runs of combining marks', () => {
    expect(sanitizeInput('a\uD800b\uDFFFc\uFFFEd\uFFFF')).toBe('abcd');
    const zalgo = `Z${'\u0301\u0308\u0323\u0330\u0345'.repeat(40)}algo`;
    const calm = sanitizeInput(zalgo);
    expect(calm).toMatch(/^\p{L}\p{M}{0,4}algo$/u);
    expect(calm.length).toBeLessThanOrEqual(9);
    // Emoji stay whole (the zero-width joiner is a format character and goes).
    expect(sanitizeInput('who is 😀?')).toBe('who is 😀?');
  });

  it('costs little on a huge paste', () => {
    const started = performance.now();
    expect(sanitizeInputDetailed('ｗ'.repeat(5_000_000)).cut).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('parseRequest: asking who someone is, in other words', () => {
  it.each([
    ["What is Tillerson's job?", 'Tillerson'],
    ['what does Lavrov do?', 'Lavrov'],
    ['What position does Medvedev hold?', 'Medvedev'],
    ['What role does Andrew Hammond have?', 'Andrew Hammond'],
    ['Which organisation does Stoltenberg lead?', 'Stoltenberg'],
  ])('reads %s as /who %s', (text, subject) => {
    expect(parse(text)).toMatchObject({ command: 'who', subject });
  });

  it('leaves "what did X do?" (an act, not a job) to the answer engine', () => {
    expect(parse('what did Trump do after the attack?').command).not.toBe('who');
  });
});

describe('parseRequest: questions that only look like asking who or what something is', () => {
  it.each([
    // Whom a named or pointed-to doer acts on: no one is called "Drax fighting".
    ['who is Drax fighting in the dispute?', 'ask'],
    ['Who is Ellen Drax fighting?', 'ask'],
    ['who is all this confusion between the union and the lines helping?', 'ask'],
    ['who is Smith playing for?', 'ask'],
    // What a thing rests on, not what it is.
    ['what was the hoped-for deal partly based on?', 'ask'],
    ['what is the port made of?', 'ask'],
    // "what kind of": a noun phrase, then the auxiliary of a question.
    ["What kind of period does the second article's writer think the world is entering?", 'ask'],
    ['what sort of deal did the union want?', 'ask'],
    // Chat's "what's" typed without its apostrophe.
    ['whats the bigger question for the port', 'ask'],
    // Which text says it, first; then a yes/no question typed without its question mark.
    ['according to the 2nd piece is all the confusion helping anyone', 'ask'],
    ['According to the article, who won the vote?', 'ask'],
    // What a text says someone must do, not what someone does for a living.
    ["what does the second article's writer say the mayor needs to do?", 'ask'],
  ])('reads "%s" as %s', (text, command) => {
    expect(parse(text).command).toBe(command);
  });

  it.each([
    ['who is Ellen Drax?', 'who'],
    ['who is the head of training?', 'who'],
    ['who is this man?', 'who'],
    ['what was the deal?', 'what'],
    ['what were the talks about?', 'what'],
    ['what does Drax do?', 'who'],
  ])('still reads "%s" as %s', (text, command) => {
    expect(parse(text).command).toBe(command);
  });
});
