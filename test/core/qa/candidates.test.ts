import { describe, expect, it } from 'vitest';
import {
  askedCurrency,
  bidOfAnother,
  countsAnotherNumber,
  countsNamedNoun,
  countsOtherNoun,
  countsRightAfter,
  countsUnit,
  currencyOf,
  enumeratedCount,
  isMoney,
  measureDiffers,
  measuresInUnit,
  singleCounted,
  withUnit,
} from '../../../src/core/qa/amounts.ts';
import { denies, swapsDirection, swapsRoles } from '../../../src/core/qa/answerYesNo.ts';
import {
  causalAfterClause,
  dateMentions,
  namedReason,
  nameRuns,
  numberMentions,
  placeMentions,
  placeModifiers,
  reasonClause,
  withoutTitle,
} from '../../../src/core/qa/candidates.ts';
import { negatedByPrefix } from '../../../src/core/qa/claimDiffers.ts';
import { windowAround } from '../../../src/core/qa/composeAnswer.ts';
import { wordKey } from '../../../src/text/wordForms.ts';

const texts = (cs: readonly { text: string }[]) => cs.map((c) => c.text);

/** The mention of `text` in `sentence` (its first), as a candidate. */
const at = (sentence: string, text: string) => {
  const start = sentence.indexOf(text);
  return { text, start, end: start + text.length };
};

describe('nameRuns', () => {
  it('keeps titles, initials and particles, drops sentence openers and possessives', () => {
    expect(texts(nameRuns('The first study was done by Dr. Wilson C. Grant of Miami.'))).toEqual([
      'Dr. Wilson C. Grant',
      'Miami',
    ]);
    expect(texts(nameRuns("In 1938 Verner von Heidenstam's poems reached W. O. Wolfe."))).toEqual([
      'Verner von Heidenstam',
      'W. O. Wolfe',
    ]);
  });

  it('leaves where someone is from out of the name ("Dutch-born Anton Corbijn")', () => {
    expect(texts(nameRuns('The film is to be directed by Dutch-born Anton Corbijn.'))).toEqual([
      'Anton Corbijn',
    ]);
  });

  it('takes where someone is from, alone, for no name ("founded by London-based travel agent X")', () => {
    expect(texts(nameRuns('It was founded by London-based travel agent Naresh Goyal.'))).toEqual([
      'Naresh Goyal',
    ]);
  });

  it('leaves a nickname in quotes out of the name', () => {
    expect(texts(nameRuns("Brian 'Head' Welch told a radio station in Bakersfield."))).toEqual([
      'Brian Welch',
      'Bakersfield',
    ]);
  });

  it('keeps the possessive of a company named with one ("Pantera\'s Corp said")', () => {
    expect(texts(nameRuns("Pantera's Corp said it agreed to acquire Pizza Inn Inc."))).toEqual([
      "Pantera's Corp",
      'Pizza Inn Inc',
    ]);
    expect(texts(nameRuns("Smith's Co Chairman John Bell said so."))[0]).toBe('Smith');
  });

  it('ends a possessive name before its "s"', () => {
    const [pandora] = nameRuns("this Pandora's box");
    expect(pandora?.text).toBe('Pandora');
    expect("this Pandora's box".slice(pandora?.end)).toBe("'s box");
  });
});

describe('dates, numbers, places and reasons', () => {
  it('finds full dates before years and weekdays', () => {
    expect(texts(dateMentions('The date was June 20, 1922, a Tuesday.'))).toEqual([
      'June 20, 1922',
      'Tuesday',
    ]);
    expect(texts(dateMentions('It was sold from 1955 and by the late seventeenth century.'))).toEqual([
      '1955',
      'the late seventeenth century',
    ]);
  });

  it('reads a newswire month in lower case with its day, and "next month"', () => {
    expect(texts(dateMentions('The march 5 earthquake damaged the pipeline, he said.'))).toEqual(['march 5']);
    expect(texts(dateMentions('He will ask when he visits that country next month.'))).toEqual([
      'next month',
    ]);
    expect(texts(dateMentions('They will march 20 miles.'))).toEqual([]);
  });

  it('reads a day written as a word', () => {
    expect(texts(dateMentions('They wait for V Day, September first, when the show opens.'))).toEqual([
      'September first',
    ]);
    expect(texts(dateMentions('It opens on the twenty-second of May.'))).toEqual([
      'the twenty-second of May',
    ]);
  });

  it('finds numbers in digits and words, with a percent sign or "per cent"', () => {
    expect(
      texts(numberMentions('ten per cent, or 5 million; 140,000 copies and two hundred and eighty songs')),
    ).toEqual(['ten per cent', '5 million', '140,000', 'two hundred and eighty']);
  });

  it('finds places after a preposition of the asked direction, widened over a comma', () => {
    const s = 'Hugh Mercer had emigrated from Scotland in 1747 to Fredericksburg, Virginia.';
    expect(texts(placeMentions(s, 'from'))).toEqual(['Scotland']);
    expect(texts(placeMentions(s, 'to'))).toEqual(['Fredericksburg, Virginia']);
  });

  it('reads a place of two parts joined by "of" as one ("the Gulf of Mexico"), and a model\'s number as no count', () => {
    const s = 'The liner, now in the Gulf of Mexico, sails on to the Isle of Man today.';
    expect(texts(placeMentions(s, 'in'))).toEqual(['Gulf of Mexico']);
    expect(texts(placeMentions(s, 'to'))).toEqual(['Gulf of Mexico', 'Isle of Man']);
    expect(texts(numberMentions('It ordered 70 Boeing 737-800 planes for 10-12 routes.'))).toEqual([
      '70',
      '10',
      '12',
    ]);
  });

  it('shows an amount with the currency word after it, or the counted noun', () => {
    const s = 'It held thirty-seven cents in coins and 140,000 copies.';
    expect(withUnit(s, at(s, 'thirty-seven'), undefined)).toBe('thirty-seven cents');
    expect(withUnit(s, at(s, '140,000'), wordKey('copies'))).toBe('140,000 copies');
    // A unit of measure after the number belongs to the amount ("how much land?").
    const land = 'They plan to seize 12,900 acres from the farm.';
    const n = { text: '12,900', start: land.indexOf('12,900'), end: land.indexOf('12,900') + 6 };
    expect(withUnit(land, n, wordKey('land'))).toBe('12,900 acres');
  });

  it('a number in a unit of measure counts nothing else: "12 lbs from 25", asked how many cattle', () => {
    const s = 'Cattle reduced daily feed consumption to about 12 lbs from 25 during the blizzard.';
    expect(measuresInUnit(s, at(s, '12'), wordKey('cattle'))).toBe(true);
    expect(measuresInUnit(s, at(s, '25'), wordKey('cattle'))).toBe(true);
    const died = 'About 400 cattle died in the blizzard, and 12 lbs of feed a day was lost.';
    expect(measuresInUnit(died, at(died, '400'), wordKey('cattle'))).toBe(false);
    // ... unless the unit is what is asked: "how many miles?"
    const miles = 'It raced 300 miles.';
    expect(measuresInUnit(miles, at(miles, '300'), wordKey('miles'))).toBe(false);
  });

  it('shows a speed, a length or a height with its unit: "300 miles an hour", "450 feet", "17 knots"', () => {
    const s =
      'In 1883 it raced across the Pacific at 300 miles an hour; waves rose 450 feet; ships made 17 knots.';
    expect(withUnit(s, at(s, '300'), undefined)).toBe('300 miles an hour');
    expect(withUnit(s, at(s, '450'), undefined)).toBe('450 feet');
    expect(withUnit(s, at(s, '17'), undefined)).toBe('17 knots');
    // Not a word that only begins like a unit ("1883 it", "5 feats").
    expect(withUnit(s, at(s, '1883'), undefined)).toBe('1883');
    // The scale written after the number belongs to it: "two mln tonnes".
    const maize = 'More than two mln tonnes of surplus maize lie in piles.';
    expect(withUnit(maize, at(maize, 'two'), undefined)).toBe('two mln tonnes');
    const feats = 'He did 5 feats of strength.';
    expect(withUnit(feats, { text: '5', start: 7, end: 8 }, undefined)).toBe('5');
  });

  it('counts what the text names after the counted noun: "both X and Y" is two', () => {
    const s = 'The team is under pressure over investigations from both Congress and the FBI over its ties.';
    expect(enumeratedCount(s, wordKey('investigations'))?.text).toBe('two (both Congress and the FBI)');
    expect(enumeratedCount(s, wordKey('ties'))).toBeUndefined();
    expect(enumeratedCount('Both teams played well.', wordKey('teams'))).toBeUndefined();
  });

  it("a sentence that counts the question's counted thing otherwise tells of another deal", () => {
    const other = countsAnotherNumber("How much is Air Deccan's deal for 36 ATR planes worth?");
    expect(other('The airline ordered 30 Airbus A320 planes for $1.8bn.')).toBe(true);
    expect(other('The order for 36 ATR planes is worth $500m.')).toBe(false);
    expect(other('The deal is worth $500m.')).toBe(false);
  });

  it('a reason runs past the full stop of "U.S." or of an initial', () => {
    const s =
      'They fought the sale because it could have left the U.S. dependent on foreign sources. It was sold.';
    expect(reasonClause(s)?.text).toBe('because it could have left the U.S. dependent on foreign sources');
  });

  it('a sum is a number with its currency: before it, or right after it as its unit', () => {
    const money = (s: string, n: string) =>
      isMoney(s, { text: n, start: s.indexOf(n), end: s.indexOf(n) + n.length });
    expect(money('Armed robber Robert Napier, 25, won £2,450 in damages.', '25')).toBe(false);
    expect(money('Armed robber Robert Napier, 25, won £2,450 in damages.', '2,450')).toBe(true);
    expect(money('The firm paid 500 dlrs a share.', '500')).toBe(true);
    expect(money('It raised 2.5 million pounds.', '2.5')).toBe(true);
    expect(money('Tickets cost 10 Hong Kong dollars.', '10')).toBe(true);
    // A wire's capital after a place's initials: "3.8 billion U.S. Dlrs".
    expect(money('The bank lost about 3.8 billion U.S. Dlrs last year.', '3.8 billion')).toBe(true);
  });

  it('counts one where the text names a single one of the counted things', () => {
    const key = wordKey('tankers');
    expect(singleCounted('The Nordic Star oil tanker has been sent to the port.', key)?.text).toBe(
      'one (The Nordic Star oil tanker)',
    );
    expect(singleCounted('A single tanker was seen off the coast.', key)?.text).toBe('one (A single tanker)');
    // "the tanker" alone may be any of them; "a tanker fleet" is one fleet; "one of the tankers" is plural.
    expect(singleCounted('The tanker was seen off the coast.', key)).toBeUndefined();
    expect(singleCounted('A tanker fleet was seen off the coast.', key)).toBeUndefined();
    expect(singleCounted('One of the tankers was seen.', key)).toBeUndefined();
    // A time or a measure is no single thing counted.
    expect(singleCounted('At the time, a year had passed.', wordKey('years'))).toBeUndefined();
  });

  it('finds a name that modifies the asked noun as a place', () => {
    const s = 'In addition to the Warwick plant, we bought machinery at Cranston.';
    expect(texts(placeModifiers(s, [wordKey('plant')]))).toEqual(['Warwick']);
    expect(texts(placeModifiers(s, [wordKey('office')]))).toEqual([]);
  });

  it('"on safety grounds", "on the grounds of ill health" give a reason', () => {
    expect(reasonClause('They will be refused entry on safety grounds.')?.text).toBe('on safety grounds');
    expect(reasonClause('He is to stand down on the grounds of ill health.')?.text).toBe(
      'on the grounds of ill health',
    );
  });

  it('"for financial and administrative reasons": reasons of up to three words give one', () => {
    expect(
      reasonClause('It wrote that for financial and administrative reasons it planned to turn down patients.')
        ?.text,
    ).toBe('for financial and administrative reasons it planned to turn down patients');
  });

  it('finds the clause that gives a reason', () => {
    expect(reasonClause('He left early because the road was closed.')?.text).toBe(
      'because the road was closed',
    );
    // "because of" opens a phrase: it ends where the sentence's own subject comes in.
    expect(
      reasonClause('Because of the volatility in the oil market I propose to freeze the duty.')?.text,
    ).toBe('Because of the volatility in the oil market');
    expect(
      reasonClause('The decision not to take him had been motivated only by his physical condition.')?.text,
    ).toBe('motivated only by his physical condition');
    expect(reasonClause('He left early.')).toBeUndefined();
  });

  it('reads a purpose as a reason, but not what a noun aims at', () => {
    expect(reasonClause('Ruth played right field to avoid having the sun in his eyes.')?.text).toBe(
      'to avoid having the sun in his eyes',
    );
    expect(reasonClause('It pointed to Moscow’s inability to prevent the attack.')).toBeUndefined();
  });

  it('reads "due to" before a verb as a schedule, not a reason', () => {
    expect(reasonClause('A meeting of members is due to be held next week.')).toBeUndefined();
    expect(reasonClause('The match is due to start at noon.')).toBeUndefined();
    expect(reasonClause('The match was called off due to heavy rain.')?.text).toBe('due to heavy rain');
  });

  it('reads "since" that tells a time as no reason', () => {
    expect(reasonClause('It has since emerged that sarin was used.')).toBeUndefined();
    expect(reasonClause('Relations have been cold since 2013.')).toBeUndefined();
    expect(reasonClause('Relations are cold ever since the war.')).toBeUndefined();
    expect(reasonClause('He stayed home, since he was ill.')?.text).toBe('since he was ill');
  });

  it('finds a reason named after "the reason why ... was"', () => {
    const named = namedReason(
      'Part of the reason why last week’s events, which saw US strikes, were unexpected was Trump’s rhetoric.',
    );
    expect(named?.text).toBe('Trump’s rhetoric');
    // What it is the reason for, without the aside.
    expect(named?.about).not.toContain('strikes');
    expect(named?.about).toContain('unexpected');
    expect(namedReason('The reason for the delay was the weather, which was bad.')?.text).toBe(
      'the weather, which was bad',
    );
    expect(namedReason('He had no reason to stay.')).toBeUndefined();
  });
});

describe('yes or no', () => {
  const keys = (q: string) => q.split(' ').map(wordKey);
  it('"no way to meet the targets without a tax increase" affirms the increase is needed', () => {
    const claim = keys('tax increase need meet target');
    expect(denies('There is no way to meet the targets without a tax increase.', claim)).toBe(false);
    expect(denies('There is no way to meet the targets.', claim)).toBe(true);
  });

  it('an opposite that qualifies another of the claim\'s nouns ("deficit reduction") does not deny', () => {
    const claim = keys('tax increase need deficit target');
    expect(denies('A tax increase is needed to meet the deficit reduction targets.', claim)).toBe(false);
    expect(denies('A tax reduction is needed to meet the deficit targets.', claim)).toBe(true);
  });

  it('"without admitting or denying the finding" denies admitting it; "not banished" still allows', () => {
    expect(
      denies(
        'The firm consented to the order without admitting or denying the finding.',
        keys('admit finding'),
      ),
    ).toBe(true);
    expect(denies('The Jews were not banished from the city.', keys('allow live city'))).toBe(false);
  });

  it('what is denied as a report ("denied newspaper reports that ...") is denied', () => {
    const claim = keys('China buy steel plants');
    expect(denies('The firm denied newspaper reports that China wants to buy steel plants.', claim)).toBe(
      true,
    );
    expect(denies('The firm denied that China wants to buy steel plants.', claim)).toBe(true);
    expect(denies('The firm confirmed reports that China wants to buy steel plants.', claim)).toBe(false);
  });

  it('an opposite is read in its own forms only ("banned" for "ban"), never in a longer word ("bank")', () => {
    const allow = keys('allow underwrite paper');
    expect(denies('The Board approved the plan of the parent bank holding company.', allow)).toBe(false);
    expect(denies('The Board banned the plan.', allow)).toBe(true);
    expect(denies('She became the first star to be evicted from the house.', keys('survive the vote'))).toBe(
      true,
    );
  });

  it('"well short of the world record" denies as "not" does; "not" after an auxiliary denies its own verb', () => {
    const record = keys('break world record');
    expect(denies('His times were well short of the 60m world record of 6.39secs.', record)).toBe(true);
    expect(denies('His times were short-listed beside the world record.', record)).toBe(false);
    const cut = keys('Kestrel downgrade rating');
    expect(
      denies("Yesterday's downgrading of the rating by Kestrel should not be over-dramatised.", cut),
    ).toBe(false);
    expect(denies('Kestrel did not downgrade the rating.', cut)).toBe(true);
  });

  it('the claimed word written with a prefix that negates it ("non-permanent", "unpaid")', () => {
    const tattoo = 'He said he would have a non-permanent logo tattooed on his head for 30 days.';
    expect(negatedByPrefix('Was he going to get a permanent tattoo of the logo?', tattoo)).toBe(true);
    expect(negatedByPrefix('Was he going to get a non-permanent tattoo?', tattoo)).toBe(false);
    expect(negatedByPrefix('Was the loan repaid?', 'The loan remains unrepaid, the bank said.')).toBe(true);
    expect(negatedByPrefix('Was the loan repaid?', 'The loan was repaid in full.')).toBe(false);
  });
  it("denies where the evidence gives the verb's doer and the one it was done to the other way round", () => {
    const names = ['Ana Vell', 'Rita Moss'];
    const won = 'Rita Moss staged a recovery to beat Ana Vell and win her second title.';
    expect(swapsRoles('Did Ana Vell beat Rita Moss in the final', won, names)).toBe(true);
    expect(swapsRoles('Did Rita Moss beat Ana Vell in the final', won, names)).toBe(false);
    expect(
      swapsRoles('Did Rita Moss defeat Ana Vell', 'Ana Vell and Rita Moss met in the final.', names),
    ).toBe(false);
  });

  it('denies with a negation near the claim, or a word of the opposite sense', () => {
    expect(
      denies(
        'The Association never quite brought itself to expel Parker.',
        keys('Parker expelled Association'),
      ),
    ).toBe(true);
    expect(
      denies('The Jews had been banished from England in 1290.', keys('Jews allowed live England')),
    ).toBe(true);
    expect(denies('The two pirates, far from being Cubans, were Americans.', keys('Bearden Cuban'))).toBe(
      true,
    );
    expect(denies('He ordered that books on magic should be spared.', keys('spare books'))).toBe(false);
    expect(denies('They were not banished from England.', keys('Jews allowed England'))).toBe(false);
  });

  it('reads a verb of two words as its sense: "thrown out" rejects, "turned down" refuses', () => {
    expect(denies('The deal was thrown out by the High Court.', keys('court approve deal'))).toBe(true);
    expect(denies('The board turned down the offer.', keys('board approve offer'))).toBe(true);
    expect(denies('The court approved the deal.', keys('court approve deal'))).toBe(false);
  });
});

describe('windowAround', () => {
  it('cuts a long sentence around the question’s words, at word boundaries', () => {
    const long = `${'Words of no interest here. '.repeat(8)}Trump met NATO secretary general Jens Stoltenberg on Wednesday. ${'More filler words follow here. '.repeat(8)}`;
    const cut = windowAround(long, ['stoltenberg', 'trump'].map(wordKey), 120);
    expect(cut).toContain('Jens Stoltenberg');
    expect(cut.length).toBeLessThanOrEqual(122);
    expect(cut).toMatch(/^…\S/);
  });
});

describe('yes or no: another name in the asked slot', () => {
  it('denies when the evidence puts another place after the same preposition', async () => {
    const { namesAnotherInSlot } = await import('../../../src/core/qa/answerYesNo.ts');
    const q = 'Did Tillerson meet Lavrov in Moscow';
    expect(
      namesAnotherInSlot(q, 'Tillerson met Lavrov in Washington last week.', [
        'Tillerson',
        'Lavrov',
        'Moscow',
      ]),
    ).toBe(true);
    expect(
      namesAnotherInSlot(q, 'Tillerson met Lavrov in Moscow last week.', ['Tillerson', 'Lavrov', 'Moscow']),
    ).toBe(false);
    expect(namesAnotherInSlot(q, 'Tillerson met Lavrov last week.', ['Tillerson', 'Lavrov', 'Moscow'])).toBe(
      false,
    );
  });
});

describe('whose verb it is', () => {
  it('does not date one person by another one’s death', async () => {
    const { openKnowledge } = await import('../../../src/app/openKnowledge.ts');
    const { makeCorpus } = await import('../../knowledge/support.ts');
    const dir = makeCorpus({
      'physics.txt':
        'Two physicists\n\nRitter died in 1810 and Oersted not only lived to see the discovery but made it.\n\nOersted was born in 1777 in Denmark.',
    });
    const { bot } = openKnowledge(dir);
    expect(bot.answer({ text: 'When did Oersted die?' }).headline).toMatch(/doesn't say/);
    expect(bot.answer({ text: 'When did Ritter die?' }).headline).toMatch(/1810/);
  });
});

describe('counted nouns', () => {
  it('a number joined to another noun by a hyphen counts that noun', () => {
    const s = 'The orchestra got its seven-concert cycle off to a start before 2,800 persons.';
    expect(countsOtherNoun(s, at(s, 'seven'), wordKey('people'))).toBe(true);
    expect(countsOtherNoun(s, at(s, '2,800'), wordKey('people'))).toBe(false);
  });

  it('"persons" counts what "people" counts', () => {
    const s = 'Applause came from the 2,800 persons who filled the hall.';
    expect(countsUnit(s, at(s, '2,800'), wordKey('people'))).toBe(true);
    expect(countsUnit(s, at(s, '2,800'), wordKey('chairs'))).toBe(false);
  });

  it('a sum given as another measure of the accounts than the one asked ("turnover" for "profit")', () => {
    const s = "Kellan's turnover in the year to March 31 totalled 612 mln dlrs, and its net profit 40 mln.";
    expect(measureDiffers('how much profit did Kellan make?', s, at(s, '612 mln'))).toBe(true);
    expect(measureDiffers('how much profit did Kellan make?', s, at(s, '40 mln'))).toBe(false);
    expect(measureDiffers('how much were its sales?', s, at(s, '612 mln'))).toBe(false);
    expect(measureDiffers('how much did Kellan pay?', s, at(s, '612 mln'))).toBe(false);
    const debt = 'When we took over the club, it had a debt of 103 mln stg, and we paid 10 mln stg for it.';
    expect(measureDiffers('how much did Bates pay for his stake?', debt, at(debt, '103 mln'))).toBe(true);
    expect(measureDiffers('how much did Bates pay for his stake?', debt, at(debt, '10 mln'))).toBe(false);
  });

  it('a bid written as another\'s ("the Aga bid") does not answer what the one asked about offered', () => {
    const s =
      "The board agreed to back the Aga bid and accept the Swedish group's offer of 4,410 francs a share.";
    expect(bidOfAnother('how much per share did Linde offer for Duffour?', ['Linde', 'Duffour'], s)).toBe(
      true,
    );
    expect(bidOfAnother('how much per share did Aga offer for Duffour?', ['Aga', 'Duffour'], s)).toBe(false);
    expect(bidOfAnother('how much did Linde pay for Duffour?', ['Linde', 'Duffour'], s)).toBe(false);
  });

  it('the currency a sum is asked in, and the one it is written in', () => {
    expect(askedCurrency('how much did it lose in US dollars, according to the report?')).toBe('dollar');
    expect(askedCurrency('how much did it lose in 1986?')).toBeUndefined();
    const s = 'It lost 1.3 billion rupees a year, or up to 265 mln U.S. Dlrs in all, and $40m last year.';
    expect(currencyOf(s, at(s, '1.3 billion'))).toBe('rupee');
    expect(currencyOf(s, at(s, '265 mln'))).toBe('dollar');
    expect(currencyOf(s, at(s, '40m'))).toBe('dollar');
  });

  it('the counted noun right after the number ("nine years", "41 more lives"), not a few words on', () => {
    const s = 'A slave had to be at least thirty years old, and was jailed for nine years.';
    expect(countsRightAfter(s, at(s, 'nine'), wordKey('years'))).toBe(true);
    expect(countsRightAfter(s, at(s, 'thirty'), wordKey('slaves'))).toBe(false);
    const t = 'It would save 41 more lives a year.';
    expect(countsRightAfter(t, at(t, '41'), wordKey('lives'))).toBe(true);
    expect(countsRightAfter(t, at(t, '41'), wordKey('year'))).toBe(false);
  });
});

describe('swapsDirection', () => {
  const names = ['Tartus', 'Crimea'];
  it('the evidence puts an asked name after the other of "from" and "to"', () => {
    const sentence = 'The frigate has been dispatched from Crimea to the Syrian port of Tartus.';
    expect(swapsDirection('Was it sent from Tartus to Crimea', sentence, names)).toBe(true);
    expect(swapsDirection('Was it sent from Crimea to Tartus', sentence, names)).toBe(false);
  });
});

describe('denies: what might have been', () => {
  it('a claim told as what might have been is denied; told as done, it is not', () => {
    const keys = ['push', 'feder'].map(wordKey);
    expect(
      denies(
        'The council might well have pushed the towns toward federation, but the plan went nowhere.',
        keys,
      ),
    ).toBe(true);
    expect(denies('The council pushed the towns toward federation.', keys)).toBe(false);
  });
});

describe('numberMentions', () => {
  it('a day of a date is no count ("Washington, Feb. 9 --"); a year is left to the caller', () => {
    const found = numberMentions('Washington, Feb. 9 -- the plan would pay for 90 days in 1961.').map(
      (c) => c.text,
    );
    expect(found).toContain('90');
    expect(found).not.toContain('9');
  });

  it('sums written the news way: a currency sign and "m" or "bn" after the figure', () => {
    const found = numberMentions(
      'It agreed to buy Chalone for $260m (£134m); debts of €1.2bn and 5km away.',
    ).map((c) => c.text);
    expect(found).toEqual(['$260m', '£134m', '€1.2bn']);
  });
});

describe('countsNamedNoun: a number that counts a noun of its own', () => {
  const text = 'two great fires had burnt two hundred houses, and 40 people fled';
  it('"two great fires" and "two hundred houses" count fires and houses, not people', () => {
    expect(countsNamedNoun(text, at(text, 'two'), wordKey('people'))).toBe(true);
    expect(countsNamedNoun(text, at(text, 'two hundred'), wordKey('people'))).toBe(true);
  });
  it('"40 people" counts people, and a number before a verb counts nothing of its own', () => {
    expect(countsNamedNoun(text, at(text, '40'), wordKey('people'))).toBe(false);
    const bare = 'the dead numbered 12 and more were missing';
    expect(countsNamedNoun(bare, at(bare, '12'), wordKey('people'))).toBe(false);
  });
});

describe('causalAfterClause', () => {
  it('"after" with a clause of its own gives what brought the act about', () => {
    expect(
      causalAfterClause('The federation issued the ban after Moraa failed to turn up for a training camp.')
        ?.text,
    ).toBe('after Moraa failed to turn up for a training camp');
    expect(
      causalAfterClause('He was fined by the club after testing positive for a banned drug.')?.text,
    ).toBe('after testing positive for a banned drug');
  });

  it('"after" a time or a thing is no reason', () => {
    expect(causalAfterClause('The bridge was rebuilt after the war in 1947.')).toBeUndefined();

    expect(causalAfterClause('The shop reopened after two years.')).toBeUndefined();
  });

  it('a verb written with a hyphen ("over-stated") opens a causal "after" clause too', () => {
    expect(
      causalAfterClause('She stepped down in April after the firm over-stated its reserves.')?.text,
    ).toBe('after the firm over-stated its reserves');
  });
});

describe('placeMentions', () => {
  it('a place named after a word for its kind ("from the conference city of Ndola")', () => {
    const found = placeMentions(
      'The plane was flying from the conference city of Kilbride when it fell.',
      'from',
    );
    expect(found.map((p) => p.text)).toEqual(['Kilbride']);
    expect(placeMentions('The plane was flying from the conference city of Kilbride.', 'to')).toEqual([]);
  });
});

describe('dateMentions, the British way', () => {
  it('the day before the month, with no year ("died on 23 January")', () => {
    expect(
      dateMentions('He died on 23 January; the ban comes into force on 18th of February.').map((c) => c.text),
    ).toEqual(['23 January', '18th of February']);
  });
});

describe('reasonClause, of purpose', () => {
  it('"was intended to", "in a bid to" give the aim as the reason', () => {
    expect(
      reasonClause('The change was intended to distance the country from its colonial past.')?.text,
    ).toBe('was intended to distance the country from its colonial past');
    expect(reasonClause('The firm cut prices in a bid to win back customers.')?.text).toBe(
      'in a bid to win back customers',
    );
  });
});

describe('withoutTitle', () => {
  it("drops a title and the people's adjective before it, one the lexicon lacks too", () => {
    expect(withoutTitle('Russian Prime Minister Dmitry Medvedev')).toBe('Dmitry Medvedev');
    expect(withoutTitle('Turkish Prime Minister Turgut Ozal')).toBe('Turgut Ozal');
    expect(withoutTitle('Turkish Delight')).toBe('Turkish Delight');
  });
});
