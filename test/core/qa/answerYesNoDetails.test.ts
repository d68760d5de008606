/**
 * Yes/no claims the text gives otherwise in a detail, and reasons news gives in passing: a count
 * of the same unit ("up to 85 years" for 25), another place in an order ("only the second British
 * woman to ..."), another day ("rescheduled for 15 June" for 15 July); ", saying it undervalued the
 * business", "Fearing that she had flat feet, ..."; "since the bid approach" is a time; "On what
 * date ...?" is a question. Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { analyzeQuestion } from '../../../src/core/qa/analyzeQuestion.ts';
import { namesAnotherInSlot } from '../../../src/core/qa/answerYesNo.ts';
import { anotherOfKind } from '../../../src/core/qa/pickAnswer.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'vannick.txt': [
    'Former premier Lord Vannick dies aged 92',
    'Former prime minister Lord Vannick has died on the eve of his 93rd birthday. He passed away at home, just 11 days after his wife Audra died aged 91.',
  ].join('\n\n'),
  'term.txt': [
    'Banker Quits',
    'The decision by Paul Vestry not to serve a third term as chairman of the Kilbride Reserve is a shock for the markets, an economist said.',
    'Vellmark has rejected its new production quota set in Kessel for the second half of this year, its news agency reported.',
  ].join('\n\n'),
  'trial.txt': [
    'Ebbet Denies Fraud',
    'Former chief Bernard Ebbet has denied fraud at his trial in Vellport.',
    'Mr Ebbet could face a jail sentence of up to 85 years if convicted of all the charges he is facing.',
  ].join('\n\n'),
  'athlete.txt': [
    'Hale Feted With Further Honour',
    'Double Olympic champion Kerry Hale has been voted European woman athlete of 2004 in the annual poll.',
    'The Briton won vital votes from the public. She is only the second British woman to land the title.',
  ].join('\n\n'),
  'gigs.txt': [
    'Band Concerts Blighted By Illness',
    "The band were forced to cut short Monday night's show in Harrow, and have cancelled Tuesday's Vellport date.",
    "Tuesday's gig has been rescheduled for 15 June.",
  ].join('\n\n'),
  'bid.txt': [
    'Kessel Set To Woo Exchange',
    "The Vellport Exchange rejected Kessel's proposed £1.3bn offer in December, saying it undervalued the business.",
    'Kessel has kept its interest since the bid approach in December.',
  ].join('\n\n'),
  'ballet.txt': [
    'Obituary: Dame Alina Markov',
    'Alina Markov was born in London in 1910. Fearing that she had flat feet and weak legs, her mother arranged for her to have ballet lessons.',
  ].join('\n\n'),
  'fair.txt': [
    'Kell Opens Biggest Gadget Fair',
    'The biggest gadget fair, CES, opened in Vellport on Thursday. Several keynote speeches were made by industry leaders, such as Zentosoft chief Ari Kell. He unveiled new ways of letting people watch recorded shows on phones. He disappointed some, however, by failing to announce any details of the next generation of the Zento games console.',
    'Mr Kell made no announcement about the next generation Zento games console, which many gadget lovers had been hoping for.',
  ].join('\n\n'),
  'cabinet.txt': [
    'Mixed Signals From Ostland Cabinet',
    'There have been mixed messages from the Ostland cabinet on its trade policy.',
    'The trade minister and the finance minister have offered different responses to questions on the tariff plan.',
  ].join('\n\n'),
  'obituary.txt': [
    'Burger Chief Dies At 44',
    'Carl Dunn, the former head of fast-food firm Burgo, has died of cancer aged 44.',
    'Mr Dunn was diagnosed with cancer in May last year, a month after taking over the top job.',
  ].join('\n\n'),
  'council.txt': [
    'Parking Plan Passed',
    'Councillors in Harlow unanimously approved the new town-centre parking plan on Monday.',
  ].join('\n\n'),
  'band.txt': [
    'Pop Band To Take A Break',
    'Chart-topping pop band Rusted have confirmed that they plan to "take a break".',
    'They said that Rusted would "reconvene in due course".',
  ].join('\n\n'),
  'kasbian.txt': [
    'Cult Band Kasbian Surge Forward',
    'Indie dance band Kasbian built up a cult following throughout 2004.',
    'The four-piece Leicester band blends dark electronics with rock.',
  ].join('\n\n'),
  'prize.txt': [
    'Levy Takes Novel Prize',
    'The first novel section was won by Susan Fletcher for Eve Green, beating the favourite.',
    'Suzie Doore, the fiction editor, said the judges were delighted.',
  ].join('\n\n'),
  'hero.txt': [
    'Lee To Create New Film Superhero',
    'Comic book legend Stan Leeds is to create a new superhero, Evermore, for a film to be released in cinemas.',
    'Evermore is the first film Stan Leeds has created since Spider-Man. A third Spider-Man film is scheduled for release in 2007.',
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('claims given otherwise in a detail, and reasons given in passing', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('one who died first was not alive when the other died: "11 days after his wife died"', () => {
    expect(first("Was Lord Vannick's wife still alive when he died?")).toMatch(/^No\b/);
    expect(first('Was Lord Vannick still alive when his wife died?')).toMatch(/^Yes\b/);
  });

  it('"a third term", "the second half of the year": an ordinal, a part of a time, not a share', () => {
    expect(first('Did Paul Vestry agree to serve a third term as chairman?')).toMatch(/^No\b/);
    expect(
      first('Did Vellmark accept the quota set for it in Kessel for the second half of the year?'),
    ).toMatch(/^No\b/);
  });

  it('"up to 85 years", asked of 25 years: No; of 85: Yes', () => {
    expect(first('Is Bernard Ebbet facing a maximum of 25 years in jail if he is convicted?')).toMatch(
      /^No\b/,
    );
    expect(first('Is Bernard Ebbet facing a maximum of 85 years in jail if he is convicted?')).toMatch(
      /^Yes\b/,
    );
  });

  it('"only the second British woman to land the title", asked whether she was the first: No', () => {
    expect(
      first('Was Kerry Hale the first British woman to be named European woman athlete of the year?'),
    ).toMatch(/^No: She is only the second/);
  });

  it('"rescheduled for 15 June", asked of 15 July: No; of 15 June: not No', () => {
    expect(first("Was the band's cancelled Vellport gig moved to 15 July?")).toMatch(/^No\b/);
    expect(first("Was the band's cancelled Vellport gig moved to 15 June?")).not.toMatch(/^No\b/);
  });

  it('", saying it undervalued the business" is the reason; "since the bid approach" is a time', () => {
    expect(first("Why did the Vellport Exchange turn down Kessel's £1.3bn offer?")).toMatch(
      /^Saying it undervalued the business/,
    );
  });

  it('"Fearing that she had flat feet, ..." is the reason, to its comma', () => {
    expect(first("Why did Alina Markov's mother arrange ballet lessons for her?")).toMatch(
      /^Fearing that she had flat feet and weak legs \[/,
    );
  });

  it('"made no announcement about" the thing, asked whether he unveiled it: No', () => {
    expect(first('Did Ari Kell unveil the next-generation Zento console at CES in Vellport?')).toMatch(
      /^No\b/,
    );
  });

  it('"mixed messages", "different responses", asked whether they speak with one voice: No', () => {
    expect(first('Is the Ostland cabinet speaking with one voice on trade policy?')).toMatch(/^No\b/);
  });

  it('"unanimously approved", asked whether they argued over it: No', () => {
    expect(first('Did the Harlow councillors argue over the parking plan?')).toMatch(/^No\b/);
    expect(first('Did the Harlow councillors approve the parking plan?')).toMatch(/^Yes\b/);
  });

  it('"On what date did he die?" asks for a day: "in May" (of another act) gives none', () => {
    expect(first('On what date did former Burgo boss Carl Dunn die?')).toMatch(/doesn't say/);
  });

  it('"On what date ...?" is a question, not a search', () => {
    expect(first('On what date will Rusted get back together after their break?')).toMatch(/doesn't say/);
  });

  it('"The four-piece Leicester band", asked whether it is from Manchester: No; from Leicester: Yes', () => {
    expect(first('Is the band Kasbian from Manchester?')).toMatch(/^No\b/);
    expect(first('Is the band Kasbian from Leicester?')).toMatch(/^Yes\b/);
  });

  it('"who claimed the award?" asks who won it, not who said something', () => {
    expect(first('Who claimed the award for best first novel?')).toMatch(/^Susan Fletcher/);
  });

  it("a loose match that says none of the question's words dates nothing asked", () => {
    expect(first("When is Stan Leeds's Evermore film due to be released in cinemas?")).toMatch(/doesn't say/);
    // "the Rook-directed episode" is the asked one: her name is in the question.
    const other = anotherOfKind(
      analyzeQuestion('When will the Vellcop episode Ada Rook is directing be shown?'),
    );
    expect(other('Filming starts in April and the Rook-directed episode will be broadcast on 19 May.')).toBe(
      false,
    );
    expect(other('The Wards episode will be broadcast on 19 May.')).toBe(true);
  });
});

describe("another name in the claim's slot", () => {
  it('"in October 2004" is a time, not another place than "in the UK"; "in Washington" is another place than "in Moscow"', () => {
    expect(
      namesAnotherInSlot(
        'Was December 2004 the busiest month ever for text messages in the UK',
        "Before December's bumper text record, the previous highest monthly total was in October 2004.",
        ['UK'],
      ),
    ).toBe(false);
    expect(
      namesAnotherInSlot('Did Tillerson meet Lavrov in Moscow', 'Tillerson met Lavrov in Washington.', [
        'Moscow',
      ]),
    ).toBe(true);
    // "at this year's French Open" names another event than "at the Australian Open".
    expect(
      namesAnotherInSlot(
        'Did Koubek fail his drugs test at the Australian Open',
        "He failed a routine drugs test at this year's French Open.",
        ['Australian Open'],
      ),
    ).toBe(true);
  });
});

describe('a question put to someone, and the "No" they answered it with', () => {
  const asked = makeCorpus({
    'conference.txt': [
      'Vance Defends Port Deal, But Would Not Repeat It',
      '"No, I would not go down that same road again," the mayor said last night during a 30-minute news conference, his first in exactly four months, when asked if he would again sell land to the port in hopes of saving jobs.',
      'He said he had known nothing of the second payment.',
    ].join('\n\n'),
  });
  const { bot } = openKnowledge(asked);
  const first = firstLineOf(bot);

  it('answers No where the sentence reports the question and opens with the reply "No, ..."', () => {
    expect(first('Did Vance say he would sell land to the port again?')).toMatch(/^No\b/);
  });
});
