import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../../src/core/followUp/resolveFollowUp.ts';
import type { Mention, ThreadContext, Turn } from '../../../src/core/followUp/threadContext.ts';

const lavrov: Mention = { name: 'Sergei Lavrov', said: 'Lavrov', kind: 'person', gender: 'male' };
const tillerson: Mention = { name: 'Rex Tillerson', said: 'Tillerson', kind: 'person' };
const putin: Mention = { name: 'Vladimir Putin', said: 'Putin', kind: 'person', gender: 'male' };
const haley: Mention = { name: 'Nikki Haley', said: 'Haley', kind: 'person', gender: 'female' };
const strike: Mention = { name: 'US missile strike on Shayrat air base', said: 'the strike', kind: 'event' };
const moscow: Mention = { name: 'Moscow', said: 'Moscow', kind: 'place' };
const shayrat: Mention = { name: 'Shayrat air base', said: 'Shayrat', kind: 'place' };
const nato: Mention = { name: 'NATO', said: 'NATO', kind: 'group' };

const turn = (question: string, focus: Mention[], named: Mention[] = []): Turn => ({
  question,
  focus,
  named,
});
const ctx = (...turns: Turn[]): ThreadContext => ({ turns });
const kinds: Record<string, Mention['kind']> = { Tillerson: 'person', Medvedev: 'person', Moscow: 'place' };
const options = { kindOf: (name: string) => kinds[name] };

describe('resolveFollowUp', () => {
  it('leaves a question alone when there is no context, or nothing in it to resolve', () => {
    expect(resolveFollowUp('what did he say about the strike?', ctx())).toEqual({
      question: 'what did he say about the strike?',
      rewritten: false,
    });
    const c = ctx(turn('who is Lavrov?', [lavrov]));
    expect(resolveFollowUp('who is Nikki Haley?', c)).toEqual({
      question: 'who is Nikki Haley?',
      rewritten: false,
    });
    // "were there" asks whether something exists; no person in the context for "he".
    expect(
      resolveFollowUp('were there any casualties?', ctx(turn('what happened at Shayrat?', [shayrat]))),
    ).toEqual({
      question: 'were there any casualties?',
      rewritten: false,
    });
    expect(
      resolveFollowUp('what did he say?', ctx(turn('what happened at Shayrat?', [shayrat]))),
    ).toMatchObject({
      rewritten: false,
    });
  });

  it('puts the person the last question asked about in place of he, him and his', () => {
    const c = ctx(turn('who is Lavrov?', [lavrov], [tillerson]));
    expect(resolveFollowUp('what did he say about the strike?', c)).toEqual({
      question: 'what did Lavrov say about the strike?',
      rewritten: true,
    });
    expect(resolveFollowUp('Who did Tillerson meet with him?', c)).toMatchObject({
      question: 'Who did Tillerson meet with Lavrov?',
    });
    expect(resolveFollowUp('what is his role?', c)).toMatchObject({ question: "what is Lavrov's role?" });
    expect(resolveFollowUp('When did He meet Tillerson?', c)).toMatchObject({
      question: 'When did Lavrov meet Tillerson?',
    });
  });

  it('tells she from he where the given name says, and reads "her" before a noun as a possessive', () => {
    const c = ctx(turn('did Haley meet Putin?', [haley, putin]));
    expect(resolveFollowUp('what did she say?', c)).toMatchObject({ question: 'what did Haley say?' });
    expect(resolveFollowUp('what is her job?', c)).toMatchObject({ question: "what is Haley's job?" });
    expect(resolveFollowUp('when did he meet her?', c)).toMatchObject({
      question: 'when did Putin meet Haley?',
    });
  });

  it('asks which one was meant when two people of the last question could be "he"', () => {
    const c = ctx(turn('when did Lavrov meet Tillerson?', [lavrov, tillerson]));
    expect(resolveFollowUp('what did he say?', c)).toEqual({
      ask: 'Who do you mean: Lavrov or Tillerson?',
      choices: [
        { label: 'Lavrov', question: 'what did Lavrov say?' },
        { label: 'Tillerson', question: 'what did Tillerson say?' },
      ],
    });
  });

  it('falls back on the names an answer gave, and asks when it gave several', () => {
    const meeting = turn('what happened in Moscow?', [moscow], [tillerson, lavrov, putin]);
    expect(resolveFollowUp('what did he say?', ctx(meeting))).toMatchObject({
      ask: 'Who do you mean: Tillerson, Lavrov or Putin?',
    });
    const single = turn(
      'who leads NATO?',
      [nato],
      [{ ...tillerson, said: 'Jens Stoltenberg', name: 'Jens Stoltenberg' }],
    );
    expect(resolveFollowUp('what did he say about Trump?', ctx(single))).toMatchObject({
      question: 'what did Jens Stoltenberg say about Trump?',
    });
  });

  it('reaches back to an older answer when the last one named nobody of the kind', () => {
    const c = ctx(turn('when was the strike?', [strike]), turn('who is Putin?', [putin]));
    expect(resolveFollowUp('what did he say about it?', c)).toMatchObject({
      question: 'what did Putin say about the strike?',
    });
  });

  it('reads "that", "it" and "there" as the event or place of the last question', () => {
    const c = ctx(turn('what did Medvedev say about the strike?', [{ ...putin, said: 'Medvedev' }, strike]));
    expect(resolveFollowUp('when was that?', c)).toMatchObject({ question: 'when was the strike?' });
    expect(resolveFollowUp('where did it happen?', c)).toMatchObject({
      question: 'where did the strike happen?',
    });
    const place = ctx(turn('what happened at Shayrat?', [shayrat]));
    expect(resolveFollowUp('what happened there?', place)).toMatchObject({
      question: 'what happened in Shayrat?',
    });
    expect(resolveFollowUp('who was there?', place)).toMatchObject({ question: 'who was in Shayrat?' });
    expect(resolveFollowUp('what was flown from there?', place)).toMatchObject({
      question: 'what was flown from Shayrat?',
    });
    // "it" is the event before it is a place, and never an organisation an answer merely cited.
    const bbc: Mention = { name: 'BBC', said: 'BBC', kind: 'group' };
    const damaged = ctx(
      turn('how many aircraft were damaged in Shayrat?', [shayrat], [bbc]),
      turn('what happened at Shayrat?', [shayrat], [strike]),
    );
    expect(resolveFollowUp('who ordered it?', damaged)).toMatchObject({
      question: 'who ordered the strike?',
    });
    expect(resolveFollowUp('where is it?', ctx(turn('what happened at Shayrat?', [shayrat])))).toMatchObject({
      question: 'where is Shayrat?',
    });
    // Two pronouns of one question stand for two names.
    expect(
      resolveFollowUp(
        'what did they say about it?',
        ctx(turn('what is NATO?', [nato]), turn('when was the strike?', [strike])),
      ),
    ).toMatchObject({
      question: 'what did NATO say about the strike?',
    });
    // An empty "it" stands for nothing.
    expect(resolveFollowUp('is it true that Russia was complicit?', c)).toMatchObject({ rewritten: false });
    // "said that ..." is not a thing.
    expect(resolveFollowUp('who said that Russia was complicit?', c)).toMatchObject({ rewritten: false });
  });

  it('asks the last question again about the new name of an elliptical one', () => {
    const c = ctx(turn('what did Putin say about the strike?', [putin, strike]));
    expect(resolveFollowUp('and Medvedev?', c, options)).toEqual({
      question: 'what did Medvedev say about the strike?',
      rewritten: true,
    });
    expect(resolveFollowUp('What about Tillerson?', c, options)).toMatchObject({
      question: 'what did Tillerson say about the strike?',
    });
    // The name replaces the one of its own kind: a place for a place.
    const met = ctx(turn('when did Tillerson arrive in Moscow?', [tillerson, moscow]));
    expect(
      resolveFollowUp('and Damascus?', met, { kindOf: (n) => (n === 'Damascus' ? 'place' : undefined) }),
    ).toMatchObject({
      question: 'when did Tillerson arrive in Damascus?',
    });
    expect(resolveFollowUp('and Lavrov?', ctx(turn('/who Putin', [putin])))).toMatchObject({
      question: '/who Lavrov',
    });
    // A question that merely starts with "and" is its own question.
    expect(resolveFollowUp('and then what happened?', c, options)).toEqual({
      question: 'and then what happened?',
      rewritten: false,
    });
  });
});
