import { describe, expect, it } from 'vitest';
import {
  affiliationAfter,
  roleBeforeName,
  rolesAfterName,
} from '../../../src/knowledge/extract/roleAppositives.ts';

/** The roles read after `name` in `text`. */
function rolesAfter(text: string, name: string): string[] {
  const start = text.indexOf(name);
  return rolesAfterName(text, start, start + name.length).map((r) => r.text);
}

function roleBefore(text: string, name: string): string | undefined {
  const start = text.indexOf(name);
  return roleBeforeName(text, start, start + name.length)?.text;
}

describe('rolesAfterName', () => {
  it('reads an appositive without an article, with its object', () => {
    expect(rolesAfter('Ada Vance, director of the Peace Corps, spoke first.', 'Ada Vance')).toEqual([
      'director of the Peace Corps',
    ]);
    expect(
      rolesAfter('Richard Peters, Secretary of the Board of War, thought so.', 'Richard Peters'),
    ).toEqual(['Secretary of the Board of War']);
  });

  it('reads coordinated heads and a possessive owner', () => {
    expect(
      rolesAfter(
        'Tom Ilves, Hungarian-born violinist and president of the Quartet Society, played.',
        'Tom Ilves',
      ),
    ).toEqual(['Hungarian-born violinist and president of the Quartet Society']);
    expect(rolesAfter("Lena Park, the Riverton Symphony's conductor, bowed.", 'Lena Park')).toEqual([
      "Riverton Symphony's conductor",
    ]);
  });

  it('reads a place written after the object, and a second role after "and now"', () => {
    const text =
      'He met Colonel Frank Begley, former Police Chief of Farmington, Conn., and now head of U.N. special police.';
    expect(rolesAfter(text, 'Frank Begley')).toEqual([
      'former Police Chief of Farmington, Conn.',
      'head of U.N. special police',
    ]);
  });

  it('reads "who" clauses, "is/was", and "appointed X chairman of ..."', () => {
    expect(rolesAfter('Mia Holt, who conducts the city orchestra, arrived.', 'Mia Holt')).toEqual([
      'conducts the city orchestra',
    ]);
    expect(rolesAfter('Mia Holt, who is now the head of the choir, arrived.', 'Mia Holt')).toEqual([
      'head of the choir',
    ]);
    expect(rolesAfter('Ray Fosse was chairman of the parks board.', 'Ray Fosse')).toEqual([
      'chairman of the parks board',
    ]);
    expect(rolesAfter('Ray Fosse became president of the club in 1950.', 'Ray Fosse')).toEqual([
      'president of the club in 1950',
    ]);
    expect(
      rolesAfter('Baker appointed Ray Fosse chairman of the Commission on Camps ( the CC ).', 'Ray Fosse'),
    ).toEqual(['chairman of the Commission on Camps']);
  });

  it('reads "X\'s new job title is ..." as the role', () => {
    expect(rolesAfter("Mr Vane's new job title is director of election communications.", 'Vane')).toEqual([
      'director of election communications',
    ]);
    expect(rolesAfter("Mr Vane's new car is a red sports model.", 'Vane')).toEqual([]);
  });

  it('reads the role after a "who" clause closed by a comma', () => {
    expect(
      rolesAfter(
        "Ida Brant, who has died in Leeds aged 90, was the city's first prima ballerina.",
        'Ida Brant',
      ),
    ).toEqual(["city's first prima ballerina"]);
    // No role after the clause: nothing is read.
    expect(rolesAfter('Ida Brant, who lived in Leeds, was happy there.', 'Ida Brant')).toEqual([]);
  });

  it('reads "X, a professor of ... at ..., is the author of ..."', () => {
    const text = 'Ana Reyes, a professor of history at Ellis College, is the author of Harbour Lights.';
    expect(rolesAfter(text, 'Ana Reyes')).toEqual([
      'professor of history at Ellis College',
      'author of Harbour Lights',
    ]);
  });

  it('reads no role from lists, clauses or phrases headed by no role', () => {
    expect(rolesAfter('Smith, Jones and Brown went home.', 'Smith')).toEqual([]);
    expect(rolesAfter('Catherine Vale, married the King of France.', 'Catherine Vale')).toEqual([]);
    expect(rolesAfter('Leo Hart, followed by the Friar, entered.', 'Leo Hart')).toEqual([]);
    expect(rolesAfter('Jo Penn, as the tutor, was amusing.', 'Jo Penn')).toEqual([]);
    expect(rolesAfter('Jo Penn, the largest landowner in town, sold.', 'Jo Penn')).toEqual([]);
    expect(rolesAfter('Jo Penn, a brother of the mayor, sold.', 'Jo Penn')).toEqual([]);
    expect(rolesAfter('Jo Penn was ill.', 'Jo Penn')).toEqual([]);
    expect(rolesAfter('Jo Penn, the first to arrive, sat down.', 'Jo Penn')).toEqual([]);
  });
});

describe('roleBeforeName', () => {
  it('reads "The director of X, NAME," at the start of a clause', () => {
    const text = 'The music director of the Pittsburgh Symphony Orchestra, William Steinberg, has molded it.';
    expect(roleBefore(text, 'William Steinberg')).toBe('music director of the Pittsburgh Symphony Orchestra');
    expect(roleBefore('He was received by the governor of Rhode Island, Ada Lowe.', 'Ada Lowe')).toBe(
      'governor of Rhode Island',
    );
  });

  it('reads nothing when the name goes on as a subject, or the phrase sits inside another', () => {
    expect(roleBefore('In a letter to the editor of the Times, Smith wrote back.', 'Smith')).toBeUndefined();
    expect(
      roleBefore('After meeting the son of the governor of Ohio, Ada Lowe, left.', 'Ada Lowe'),
    ).toBeUndefined();
    expect(roleBefore('The Surgeons General of the Army, Navy, and Air Force met.', 'Navy')).toBeUndefined();
  });
});

describe('affiliationAfter', () => {
  it('reads "NAME of the ORG"', () => {
    const text = 'Samuel S. Foss of the Woonsocket Patriot condemned the trial.';
    expect(affiliationAfter(text, 'Samuel S. Foss'.length)?.text).toBe('of the Woonsocket Patriot');
    expect(affiliationAfter('Foss of the town condemned it.', 4)).toBeUndefined();
  });
});
