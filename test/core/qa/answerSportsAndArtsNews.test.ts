/**
 * Forms of sports, arts and court news: where someone is being sent, a count that a price does
 * not answer, a decision "expected by around mid-March", the year of a named event, "a shock
 * defeat to X", an organisation before its president's title, "the Madrid president" asked of
 * another club, and a prize given to another in the sentence after. Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'retire.txt': [
    'Dorn Announces June Retirement',
    'Former Vellport captain Ansel Dorn has announced he is to retire from rugby at the end of the season.',
    'Dorn, who captained Vellport to World Cup glory in 2003, will play his final match in June.',
  ].join('\n\n'),
  'manager.txt': [
    'Berg Signs New Deal',
    'Vellport manager Ivo Berg has signed a new contract to stay at the club until May 2008.',
    "Berg has ended speculation about his future by agreeing a long-term contract that takes him beyond the opening of the club's new stadium in two years.",
  ].join('\n\n'),
  'rapper.txt': [
    'Ministers Target Rap Concert',
    "More than 20 Ostby ministers urged music fans to boycott Kell's 12 March concert at Vellport State University in a bid to have it cancelled.",
    'Ivo Dean, director of the university venue, said ticket sales had been brisk.',
  ].join('\n\n'),
  'deport.txt': [
    'Dornland To Deport Singer',
    'Dornland has ordered the deportation of singer Mira Kask to Ostland after saying she was working illegally on her visa.',
    'Ivo Brenn, deputy police chief in Vellport, said Kask was being sent back to Ostland on the first available flight.',
  ].join('\n\n'),
  'gadget.txt': [
    'Zento Gadget Hits The Shelves',
    'The Zento handheld goes on sale in the shops on Saturday.',
    "On its first day in the shops, Kessel's Tiko handheld was priced at £99 and sold out.",
  ].join('\n\n'),
  'sprinters.txt': [
    'Verdict Delay For Dornish Sprinters',
    'The athletics body has postponed the judgement on sprinters Anton Pell and Ilse Varga.',
    '"A decision is now expected by around mid-March," said their lawyer, Emil Roth.',
    "Pell, who won the 200m title at the 2000 Vellport Games, faces a two-year ban, as does Varga, who missed a test on the eve of last year's Ostland Open.",
  ].join('\n\n'),
  'tennis.txt': [
    'Marr Falls To Kovic In Vellport',
    'Tessa Marr suffered a shock defeat to Lena Kovic in the quarter-finals of the Vellport Hardcourt Open on Friday.',
  ].join('\n\n'),
  'camp.txt': [
    'Varn Hit By Big Ban',
    "Vellport's athletics body has suspended marathon runner Rina Varn from all competition until the end of the year.",
    'Vell Athletics (VA) issued the ban after Varn failed to turn up for a training camp in Ostby. "We have banned her from all competitions," said VA chief Ivo Kell.',
    'VA has also threatened Edda Moss with a similar ban if reports that she feigned injury to avoid running at the world championships are true.',
  ].join('\n\n'),
  'squash.txt': [
    'Hale Slumps To Early Exit',
    'Pia Hale suffered a shock loss to unseeded Dana Orme in round one of the Vellport Squash Classic.',
    "Spain's Rosa Lenz lined up a second round clash with Kim Tarr by beating Thailand's Mai Srisuk.",
  ].join('\n\n'),
  'doping.txt': [
    'Sprinter Admits Doping',
    'Banned Canadian sprinter Kara Holt says she took steroids given to her by Vell Lab Co-Operative (Velco) president Otto Brand.',
  ].join('\n\n'),
  'club.txt': [
    'Valencia Sack Their Coach',
    'Claudio Renn has been sacked as Valencia coach eight months after taking charge.',
    'Edu said: "I have heard that the Madrid president Jon Sato, the Valencia people, as well as Barcelona are interested."',
    '"The results in the last few weeks have not been good," said club president Pau Mira.',
  ].join('\n\n'),
  'oscar.txt': [
    'Actor Ian Dolan Dies',
    'Actor Ian Dolan, who was nominated for best actor at the 1955 Oscars, has died at the age of 85.',
    'Despite his Oscar nomination, he had few lead roles and became a familiar supporting actor.',
    'The year he was nominated, the Academy Award was won by Karl Brenner for The Harbour.',
  ].join('\n\n'),
  'krol.txt': [
    'Coach Anton Krol Dies',
    'Dornish coach Anton Krol, the man credited with developing "total football", has died aged 77.',
    'Referred to in Dorne as "the General", Krol led the Dornish side at the 1974 World Cup - when they reached the final only to lose 2-1 to Ostland.',
    "Krol, named coach of the century by football's governing body in 1999, also won five caps for Dorne as a centre forward.",
  ].join('\n\n'),
  'sevens.txt': [
    'Dorne Claim Vellport Sevens Glory',
    'Dorne beat Ostland 26-21 in a dramatic final in Vellport to win the first Sevens event of the season.',
  ].join('\n\n'),
  'actress.txt': [
    'Soap Actress Mara Quill Dies',
    'Actress Mara Quill, who appeared in Harbour Lane and Night Court Files, has died of lung cancer aged 55.',
    "Quill, who played Harbour Lane's Marie Dunn when the soap began in 1982, died on Saturday. Born in Runcorn, Cheshire, she also starred in numerous films.",
  ].join('\n\n'),
  'oil.txt': [
    'Kestrel Energy Wins Contracts',
    "This latest contract expands Kestrel Energy's portfolio - it also has interests in the Republic of Congo.",
    '"These assets significantly increase our portfolio," said chief executive Finian Dorr.',
  ].join('\n\n'),
  'film.txt': [
    'Harrowgate Bombs Movie Postponed',
    'The release of a film about the Harrowgate blasts in 1993 has been postponed following protests by those on trial for the bombings.',
    "Investigating the blasts, the film Black Night had been due to open across Dorne on Friday. But 36 people accused in connection with the blasts said it should not be screened until the trial is over. Harrowgate High Court postponed the film's launch until 3 February.",
  ].join('\n\n'),
  'car.txt': [
    'Budget Carver Takes On Rivals',
    'With a price tag under £80,000, the Carver V8 Sprint is tens of thousands of pounds cheaper than existing Carver models.',
    'The V8 Sprint will be built at the Carver factory in Harrowgate.',
  ].join('\n\n'),
  'label.txt': [
    'Rapper Becomes Label Boss',
    "Def Jam's parent company, Universal, made the appointment after buying the rapper's Rocket label.",
    'Universal said on Wednesday it had bought the 50% of Rocket it did not already own.',
    "Def Jam's artists include Ja Rule and Ashanti.",
  ].join('\n\n'),
  'engines.txt': [
    'Carver To Get New Engines',
    'Carver is to stop making six-cylinder engines at its Harrowgate plant.',
    '"Carver engines will no longer be made in Harrowgate," said union leader Ivo Lund.',
    'The unions say the new six-cylinder engines will be made by Dornmotor in Ostland.',
  ].join('\n\n'),
  'ranch.txt': [
    'Dornish Firm Faces Land Row',
    'Prosecutors in Ostland want to take land from the Vell ranch, owned by a Dornish firm.',
    'According to Reuters, the prosecutors plan to seize 12,900 acres (5,200 hectares) from the 32,000 acre (13,000 hectare) Vell ranch.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('sports, arts and court news', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('"where is X sending her?" asks where to: "sent back to Ostland", not the police chief\'s city', () => {
    expect(first('Where is Dornland sending the singer Mira Kask?')).toMatch(/^Ostland/);
  });

  it('"how many ... were sold?" is not answered by a price', () => {
    expect(first('How many Zento handhelds were sold on its first day in the shops?')).not.toMatch(/£99/);
  });

  it('"expected by around mid-March" answers when a decision is expected; the year of a named event does not', () => {
    expect(first('When is a ruling expected on the sprinters Anton Pell and Ilse Varga?')).toMatch(
      /mid-March/,
    );
  });

  it('"suffered a shock defeat to Lena Kovic": who knocked her out', () => {
    expect(first('Who knocked Tessa Marr out of the Vellport Hardcourt Open?')).toMatch(/^Lena Kovic/);
  });

  it('"issued the ban after Varn failed to turn up for a training camp": why she was banned', () => {
    expect(first('Why has Rina Varn been banned by Vell Athletics?')).toMatch(/failed to turn up/);
  });

  it('"Kell\'s 12 March concert": when he is playing there', () => {
    expect(first('When is Kell playing at Vellport State University?')).toMatch(/^12 March/);
  });

  it('"how long does his contract run?": until the date the text gives, not a time from now', () => {
    expect(first("How long does Ivo Berg's new Vellport contract run?")).toMatch(/^until May 2008/);
  });

  it('a date in an aside about something else he did ("who captained ... in 2003") does not date the asked act', () => {
    expect(first('When will Ansel Dorn play his final match?')).toMatch(/June/);
  });

  it('"a shock loss to unseeded Dana Orme": who knocked her out', () => {
    expect(first('Who knocked Pia Hale out in the first round of the Vellport Squash Classic?')).toMatch(
      /^Dana Orme/,
    );
  });

  it('"given to her by Vell Lab Co-Operative (Velco) president Otto Brand": the president supplied them', () => {
    expect(first('Who supplied the steroids that sprinter Kara Holt admits taking?')).toMatch(/^Otto Brand/);
  });

  it('"the Madrid president Jon Sato" is not the president of Valencia', () => {
    expect(first("who's the president of Valencia football club?")).toMatch(/^Pau Mira/);
  });

  it('"the Academy Award was won by Karl Brenner", the sentence after: No to the nominee', () => {
    expect(first('Did Ian Dolan win the best actor Oscar he was nominated for in 1955?')).toMatch(
      /^No, Karl Brenner/,
    );
  });

  it('"reached the final only to lose": a word of the opposite sense speaks to a victory as much as "won five caps"', () => {
    expect(first('Did Anton Krol coach Dorne to victory at the 1974 World Cup?')).toMatch(/^No\b/);
  });

  it('"beat Ostland 26-21", asked whether they beat another side: No; asked of Ostland: Yes', () => {
    expect(first('Did Dorne beat Kessel in the final of the Vellport Sevens?')).toMatch(/^No\b/);
    expect(first('Did Dorne beat Ostland in the final of the Vellport Sevens?')).toMatch(/^Yes\b/);
  });

  it('"has died of lung cancer", asked whether of a heart attack: No; of cancer: Yes', () => {
    expect(first('Did actress Mara Quill die of a heart attack?')).toMatch(/^No\b/);
    expect(first('Did actress Mara Quill die of cancer?')).toMatch(/^Yes\b/);
  });

  it('"Born in Runcorn, Cheshire, she ...", next to the sentence that names her: where she was born', () => {
    expect(first('where was actress Mara Quill born?')).toMatch(/^Runcorn/);
  });

  it('"the Republic of Congo" is a place, not who is in charge', () => {
    expect(first('who is in charge at Kestrel Energy?')).toMatch(/^Finian Dorr/);
  });

  it('"postponed the launch until 3 February", asked when it is now due out', () => {
    expect(first('when is the Harrowgate blasts film Black Night now due to come out?')).toMatch(
      /^3 February/,
    );
  });

  it('"what\'s the top speed of X?": a sentence that never says "speed" gives none', () => {
    expect(first("what's the top speed of the Carver V8 Sprint?")).toMatch(/doesn't say/);
    expect(first('what is the price of the Carver V8 Sprint?')).toMatch(/80,000/);
  });

  it('"Universal said on Wednesday it had bought ...": the speaker is who bought it', () => {
    expect(first("who bought out the rest of the rapper's Rocket label?")).toMatch(/^Universal\b/);
  });

  it('"will no longer be made in Harrowgate": not where they will be made', () => {
    expect(first('where will the new six-cylinder engines for Carver be made?')).toMatch(/^Ostland/);
  });

  it('"how much land?": "12,900 acres" measures it', () => {
    expect(first('how much land are Ostland prosecutors planning to take from the Vell ranch?')).toMatch(
      /^12,900\b/,
    );
  });
});
