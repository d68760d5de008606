import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/core/qa/analyzeQuestion.ts';
import { denies } from '../../src/core/qa/answerYesNo.ts';
import { keysOfText } from '../../src/core/qa/findSentences.ts';
import { hasPhrasalVerb, withPhrasalVerbsAsWords } from '../../src/text/phrasalVerbs.ts';
import { wordKey } from '../../src/text/wordForms.ts';

describe('phrasal verbs', () => {
  it('reads a two-word verb as the one word a question asks with', () => {
    expect(withPhrasalVerbsAsWords('Yahoo was set up by Filo and Yang')).toBe(
      'Yahoo was established by Filo and Yang',
    );
    expect(withPhrasalVerbsAsWords('he called for talks')).toBe('he demanded talks');
    expect(withPhrasalVerbsAsWords('who came up with the show?')).toBe('who created the show?');
    expect(withPhrasalVerbsAsWords('Assad should be pushed out of power')).toContain('ousted');
  });

  it('leaves a text with no such verb alone, and says so', () => {
    expect(hasPhrasalVerb('The bridge was built in 1650.')).toBe(false);
    expect(hasPhrasalVerb('The firm pulled out of the deal.')).toBe(true);
    // Asked twice: a global pattern must not carry its last match over to the next text.
    expect(hasPhrasalVerb('The firm pulled out of the deal.')).toBe(true);
  });

  it('tells a verb with words between its two parts, as its own pattern reads it', () => {
    // The joined test once read the award pattern's letter class as the letters "p", "{", "L", "}".
    expect(hasPhrasalVerb('She claimed the Whitbread book award on Tuesday.')).toBe(true);
    expect(keysOfText('She claimed the Whitbread book award.').has(wordKey('won'))).toBe(true);
  });

  it('a sentence with a two-word verb holds the one-word verb for retrieval', () => {
    const keys = keysOfText('The company was set up by two students in 1994.');
    expect(keys.has(wordKey('established'))).toBe(true);
    expect(keys.has(wordKey('set'))).toBe(true);
  });

  it('a yes/no claim is denied by the two-word opposite', () => {
    expect(denies('The deal was thrown out by the court.', [wordKey('approved')])).toBe(true);
    expect(denies('The deal was approved by the court.', [wordKey('approved')])).toBe(false);
    // "cleared" answers "banned", as "allowed" does.
    expect(
      denies('Both sprinters have been cleared of doping offences by the tribunal.', [wordKey('ban')]),
    ).toBe(true);
    expect(withPhrasalVerbsAsWords('The ban comes into force on 18 February.')).toContain('starts');
    expect(withPhrasalVerbsAsWords('The code will go into force on October 1.')).toContain('start');
    expect(withPhrasalVerbsAsWords('The treaty entered into force in 1994.')).toContain('started');
    expect(withPhrasalVerbsAsWords('where does the tour kick off?')).toContain('begin');
    expect(withPhrasalVerbsAsWords('The bank gave up its offer.')).toContain('abandoned');
  });

  it('writes the one word in the form the two were written in, so an answer saying it back reads right', () => {
    expect(withPhrasalVerbsAsWords('who is accused of carrying out the attack?')).toBe(
      'who is accused of committing the attack?',
    );
    expect(withPhrasalVerbsAsWords('when did they set up the firm?')).toBe(
      'when did they establish the firm?',
    );
    expect(withPhrasalVerbsAsWords('who set up the firm?')).toBe('who established the firm?');
    expect(withPhrasalVerbsAsWords('the rebels pull out when the ban comes into force')).toBe(
      'the rebels withdraw when the ban starts',
    );
  });

  it('reads "come out" as released, except where it means something else', () => {
    expect(withPhrasalVerbsAsWords('when does the console come out in Europe?')).toBe(
      'when does the console release in Europe?',
    );
    expect(withPhrasalVerbsAsWords('the minister came out against the plan')).toContain('came out against');
    expect(withPhrasalVerbsAsWords('they came out of the talks')).toContain('came out of');
    expect(withPhrasalVerbsAsWords('how many staff did it lay off?')).toBe('how many staff did it dismiss?');
  });

  it('reads "knock X out of" as defeating X in it, keeping the one knocked out', () => {
    expect(withPhrasalVerbsAsWords('who knocked Andre Agassi out of the SAP Open?')).toBe(
      'who defeated Andre Agassi in the SAP Open?',
    );
    expect(withPhrasalVerbsAsWords('Henman was knocked out by Melzer.')).toBe(
      'Henman was defeated by Melzer.',
    );
    expect(withPhrasalVerbsAsWords('The storm knocked out power to the town.')).toContain(
      'knocked out power',
    );
  });

  it('a question asked with a two-word verb asks with the one word', () => {
    const a = analyzeQuestion('when did the parliament vote down the plan?');
    expect(a.terms).toContain('reject');
    expect(a.terms).not.toContain('down');
  });

  it('reads "putting into" as investing in, but not "put into practice"', () => {
    expect(withPhrasalVerbsAsWords('how much is the firm putting into production?')).toBe(
      'how much is the firm investing into production?',
    );
    expect(withPhrasalVerbsAsWords('the plan was put into practice')).toBe('the plan was put into practice');
  });
});
