/** English function words: left out of the passage index and ignored in queries. */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does for from had has have he her his how i if in into ' +
    'is it its me my no nor not of on or our she so than that the their them then there these they this those to too ' +
    'up was we were what when where which while who whom why will with would you your about after again all also ' +
    'am any because before both each few more most other over own same should some such only very just tell said say says'
  ).split(' '),
);
