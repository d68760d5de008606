import { describe, expect, it } from 'vitest';
import { analyzeQuestion, looksLikeRole, namesIn } from '../../../src/core/qa/analyzeQuestion.ts';
import { wordKey } from '../../../src/text/wordForms.ts';

describe('analyzeQuestion: the expected answer type', () => {
  const cases: [string, string][] = [
    ['who founded the Harbour Trust?', 'person'],
    ['who is Maria Delgado?', 'describe'],
    ['who was the mayor of Port Ellis?', 'role'],
    ["who is Russia's prime minister?", 'role'],
    ['who was born in Dublin?', 'person'],
    ['who was convicted in the killing of the mayor?', 'person'],
    ['who was shot by the guard at the gate?', 'person'],
    ['who was the warden of the prison?', 'role'],
    ['when did the bridge close?', 'time'],
    ['in what year was the dam finished?', 'time'],
    ['where did the ferry sail from?', 'place'],
    ['how many people were hurt?', 'number'],
    ['what was the population of Riverton?', 'number'],
    ['what did the mayor say about the budget?', 'quote'],
    ['why did the council vote no?', 'reason'],
    ['Was the bridge closed on Monday?', 'yesno'],
    ['Did the council approve the budget?', 'yesno'],
    ['what happened at Harbour Street?', 'event'],
    ['what is the AWOC?', 'definition'],
    ['which warship was sent?', 'any'],
    ['which famous painter paid for the boat?', 'person'],
    ['which newspaper reported the storm?', 'person'],
    ['which newspaper did he read?', 'any'],
    ['Which company is buying the stake in the brewer?', 'person'],
    ['which team was fined by the league?', 'person'],
    ['which company is the largest?', 'any'],
    ["What were Chase Manhattan's third quarter earnings?", 'number'],
    ["what was the bank's net profit?", 'number'],
    ['Who chairs the Dog Writers Association?', 'role'],
    ['Who is set to direct the Wolf Brother film?', 'person'],
    ['who runs the Dog Writers Association?', 'role'],
    ['what is the name of the ship?', 'name'],
    ['What is the real name of the gamer called Deathifier?', 'name'],
  ];
  for (const [question, type] of cases) {
    it(`${question} -> ${type}`, () => expect(analyzeQuestion(question).type).toBe(type));
  }
});

describe('analyzeQuestion: constraints', () => {
  it('reads the direction of a place question', () => {
    expect(analyzeQuestion('where did the ferry sail from?').direction).toBe('from');
    expect(analyzeQuestion('where did she go after the trial?').direction).toBe('to');
    expect(analyzeQuestion('where was Samuel Gorton born?').direction).toBe('in');
    // "flies" the insects go nowhere; "fly" the verb does.
    expect(analyzeQuestion('where will the council release the sterile fruit flies?').direction).toBe('in');
    expect(analyzeQuestion('where did the pilot fly?').direction).toBe('to');
  });

  it('reads the counted noun and the role', () => {
    expect(analyzeQuestion('how many copies were printed?').unit).toBe('copies');
    expect(analyzeQuestion('who was the president of Smith College?').role).toBe(
      'president of Smith College',
    );
    const clause = analyzeQuestion('who was the treasurer who resigned over the loan?');
    expect(clause.role).toBe('treasurer');
    expect(clause.terms).toEqual(expect.arrayContaining(['resigned', 'loan']));
  });

  it('reads a quote question’s speaker and topic, with "when asked" as a topic too', () => {
    const a = analyzeQuestion('what did Kenneth Rexroth say about poetry-and-jazz?');
    expect([a.subject, a.topic]).toEqual(['Kenneth Rexroth', 'poetry-and-jazz']);
    expect(analyzeQuestion('what did the coach say when asked about the team?').topic).toBe(
      'asked about the team',
    );
  });

  it('keeps names apart from the predicate, and drops negated auxiliaries', () => {
    const a = analyzeQuestion("why wouldn't Dr. Glenn let Fred give blood?");
    expect(a.terms).not.toContain("wouldn't");
    expect(a.names).toEqual(expect.arrayContaining(['Dr. Glenn', 'Fred']));
    const when = analyzeQuestion('when did Samuel Gorton die?');
    expect(when.predicateKeys).toEqual(['die']);
  });

  it('reads the verb a doer question asks about, past its auxiliaries', () => {
    expect(analyzeQuestion('who crashed into the catcher at home plate?').verbKeys).toEqual([
      wordKey('crash'),
    ]);
    expect(analyzeQuestion('who had first founded the colony?').verbKeys).toEqual([wordKey('founded')]);
    expect(analyzeQuestion('where did the ferry sail from?').verbKeys).toBeUndefined();
    const testing = analyzeQuestion('who was test-firing missiles during that week of news?');
    expect(testing).toMatchObject({ type: 'person', verbKeys: [wordKey('test'), wordKey('firing')] });
    expect(analyzeQuestion('who was the acting director of the FBI?').type).toBe('role');
  });

  it('takes a slash command as a hint', () => {
    expect(analyzeQuestion('founded Warwick', 'who').type).toBe('person');
    expect(analyzeQuestion('Steinberg', 'who').type).toBe('describe');
    expect(analyzeQuestion('the mayor', 'who').type).toBe('role');
    expect(analyzeQuestion('Mill Road', 'where')).toMatchObject({ type: 'place', fromHint: true });
    expect(analyzeQuestion('bridge closed', 'when')).toMatchObject({ type: 'time', fromHint: true });
  });
});

describe('namesIn and looksLikeRole', () => {
  it('finds capitalised names but not the question word', () => {
    expect(namesIn('Who built the Khaju bridge in Isfahan?')).toEqual(['Khaju', 'Isfahan']);
    expect(namesIn('Was Theodore Parker expelled from the Boston Association?')).toEqual([
      'Theodore Parker',
      'Boston Association',
    ]);
  });

  it('tells a role from a name', () => {
    expect(looksLikeRole('the head of the U.N. special police')).toBe(true);
    expect(looksLikeRole("Tunisia's defense minister")).toBe(true);
    expect(looksLikeRole('Nikki Haley')).toBe(false);
    expect(looksLikeRole('xyzzy')).toBe(false);
  });
});

describe('the act a "why" asks about', () => {
  it('the participle after "was", or the verb after a named subject', () => {
    expect(analyzeQuestion('why was Susan Moraa banned?').verbKeys).toEqual([wordKey('banned')]);
    expect(analyzeQuestion('why did Krim go to the University of North Carolina?').verbKeys).toEqual([
      wordKey('go'),
    ]);
    // A capital "Why" opens the question as well.
    expect(analyzeQuestion('Why was Susan Moraa banned?').verbKeys).toEqual([wordKey('banned')]);
  });
});

describe('where to', () => {
  it('a question ending in "to" asks where to, whatever its verb', () => {
    expect(analyzeQuestion('where did the hurdler relocate to?').direction).toBe('to');
    expect(analyzeQuestion('where was the hurdler born?').direction).toBe('in');
  });
});

describe('names', () => {
  it('leaves a nickname in quotes out of a name ("Brian \'Head\' Welch")', () => {
    const a = analyzeQuestion("why did Brian 'Head' Welch quit Korn?");
    expect(a.names).toEqual(['Brian Welch', 'Korn']);
    expect(a.predicateKeys).toEqual(['quit']);
  });
});

describe('"which city", "in which month", "to whom"', () => {
  it('a place or a time noun after "which" asks for a place or a time, the preposition read after the verb', () => {
    const city = analyzeQuestion('In which city was the summit held?');
    expect(city.type).toBe('place');
    expect(city.direction).toBe('in');
    expect(analyzeQuestion('From which port was the frigate dispatched?').direction).toBe('from');
    expect(analyzeQuestion('which month did the strike begin?').type).toBe('time');
    expect(analyzeQuestion('To whom did Jarvis sell its stake?').type).toBe('person');
    // The town itself is asked for, not where something happened.
    expect(analyzeQuestion('which town did the wave wipe out?').type).not.toBe('place');
  });
});

describe('what a "how many" counts', () => {
  it('the noun before the verb, its qualifiers kept apart ("US patents", "overnight guests")', () => {
    expect(analyzeQuestion('how many US patents was IBM granted in 2004?').unit).toBe('patents');
    const guests = analyzeQuestion('how many overnight guests were registered at the hotel?');
    expect(guests.unit).toBe('guests');
    expect(guests.unitQualifiers).toEqual(['overnight']);
    expect(analyzeQuestion('how many copies of Elmer Gantry were ordered?').unit).toBe('copies');
    expect(analyzeQuestion('how much did Diageo pay for Chalone?').unit).toBeUndefined();
    expect(analyzeQuestion('how many people died in the fires?').unit).toBe('people');
  });

  it('"how many of the El\'s expansion joints", "at how many hotspots": the noun counted', () => {
    const joints = analyzeQuestion("how many of the El's expansion joints did the contractor repair?");
    expect(joints.unit).toBe('joints');
    expect(joints.unitQualifiers).toEqual(['expansion']);
    const hotspots = analyzeQuestion('at how many hotspots can users make free calls?');
    expect(hotspots.type).toBe('number');
    expect(hotspots.unit).toBe('hotspots');
  });

  it('"how big", "how large": the measure asked is no word the answer must hold', () => {
    const big = analyzeQuestion("how big is the Administration's plan?");
    expect(big.type).toBe('number');
    expect(big.terms).not.toContain('big');
    expect(analyzeQuestion('how long is the bridge?').terms).toContain('long');
  });

  it('not the time a count is made over ("lives a year"), nor a noun after a preposition ("years in jail")', () => {
    expect(analyzeQuestion('how many lives a year would the lower limit save?').unit).toBe('lives');
    const jail = analyzeQuestion('how many years in jail did the writer get?');
    expect(jail.unit).toBe('years');
    expect(jail.unitQualifiers).toBeUndefined();
  });
});

describe('who did the deed, and to whom', () => {
  it('"who is accused of carrying out ...?" asks for the doer of the deed', () => {
    expect(analyzeQuestion('who is accused of carrying out the attack?').verbKeys).toEqual([
      wordKey('committing'),
    ]);
  });
  it('"what did X tell the pupils about Y?" is a quote of X on Y', () => {
    const a = analyzeQuestion('what did Jack McConnell tell the Highland pupils about getting drunk?');
    expect(a.type).toBe('quote');
    expect(a.subject).toBe('Jack McConnell');
    expect(a.topic).toBe('getting drunk');
  });
});

describe('words and deeds to come', () => {
  it('reads "exec" as "executive" and "who is going to direct ...?" as asking who directs', () => {
    expect(analyzeQuestion("who's the chief exec at Qantas?").terms).toContain('executive');
    expect(analyzeQuestion('who is going to direct the film?').verbKeys).toEqual([wordKey('direct')]);
    expect(analyzeQuestion('who will replace him as coach?').verbKeys).toEqual([wordKey('replace')]);
  });
});

describe("analyzeQuestion: words that name one of the archive's texts", () => {
  it.each([
    ['who does the second article say is unsure of what it wants?', 'who is unsure of what it wants'],
    [
      "what kind of period does the second article's writer think the world is entering?",
      'what kind of period the world is entering',
    ],
    ['how does the writer of the first piece say the city is feeling?', 'how the city is feeling'],
    ['does the second writer think the port is hurting?', 'does think the port is hurting'],
    ['what does the second writer warn the council about?', 'what the council about'],
    [
      'which leader is desperate to be seen as a major player, according to the 2nd piece?',
      'which leader is desperate to be seen as a major player',
    ],
  ])('reads "%s" as "%s"', (asked, question) => {
    expect(analyzeQuestion(asked).question).toBe(question);
  });

  it('leaves a yes/no question about what a text says as it is', () => {
    expect(analyzeQuestion('Does the second article say the talks failed?').question).toBe(
      'Does the second article say the talks failed',
    );
  });
});
