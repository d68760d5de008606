/** Pairs of words of opposite sense, as family keys: what a yes/no claim is denied by. */

/** Pairs of opposite senses, as family keys of their verbs and adjectives. */
export const OPPOSITES: [string[], string[]][] = [
  [
    ['allow', 'permit', 'let', 'admit', 'accept', 'welcom', 'toler'],
    ['banish', 'forbid', 'forbad', 'ban', 'expel', 'exclud', 'bar', 'prohibit', 'reject', 'deni', 'refus'],
  ],
  [
    ['spare', 'save', 'keep', 'preserv', 'surviv'],
    ['destroy', 'burn', 'kill'],
  ],
  [
    ['win', 'won', 'victori', 'triumph'],
    ['lose', 'lost', 'defeat'],
  ],
  // "Did Scotland score any tries?": "Scotland were denied a try".
  [['score'], ['deni']],
  [
    ['live', 'aliv'],
    ['die', 'dead', 'death'],
  ],
  [
    ['agre', 'approv', 'support', 'back', 'endors', 'uphold', 'upheld'],
    ['oppos', 'disagre', 'reject', 'refus', 'block', 'veto', 'overturn', 'quash'],
  ],
  // "Did the committee pass the bill?": "the defeat in the Senate of a bill".
  [
    ['succe', 'pass'],
    ['fail', 'defeat'],
  ],
  // "Did she survive the public vote?": "the first star to be evicted".
  [['surviv'], ['evict', 'elimin']],
  [
    ['ban', 'suspend', 'convict', 'guilt', 'punish', 'sanction'],
    ['clear', 'acquit', 'exonerat', 'overturn', 'quash', 'lift'],
  ],
  [
    ['profit', 'gain', 'earn'],
    ['loss', 'lose'],
  ],
  [['includ'], ['exclud', 'omit']],
  // "Was he able to play in the final?" against "he will miss the final".
  [
    ['plai', 'play', 'attend', 'appear', 'compet', 'particip'],
    // ... and "had pulled out of the talks" (withdrawn), asked whether he is taking part.
    ['miss', 'skip', 'absent', 'sidelin', 'withdraw'],
  ],
  [
    ['friend', 'warm', 'cordial'],
    ['frost', 'cold', 'hostil', 'tens'],
  ],
  [
    ['stop', 'ceas', 'halt', 'quit', 'abandon'],
    ['continu', 'persist'],
  ],
  [
    // "Did Mellon raise its dividend?" against "to reduce its dividend", "the dividend cut".
    [
      'increas',
      'rise',
      'rose',
      'grow',
      'grew',
      'climb',
      'soar',
      'surg',
      'jump',
      'rais',
      'boost',
      'hike',
      'higher',
    ],
    [
      'cut',
      'reduc',
      'lower',
      'slash',
      'decreas',
      'fall',
      'fell',
      'declin',
      'drop',
      'shrink',
      'sank',
      'sink',
      'slump',
      'plung',
      'tumbl',
      'slid',
    ],
  ],
  [
    ['surpris', 'unexpect', 'astonish', 'shock'],
    ['predict', 'expect', 'foreseen', 'anticip'],
  ],
  [
    ['stai', 'stay', 'remain'],
    ['oust', 'remov', 'toppl', 'depos', 'overthrow'],
  ],
  // "Is the court's ruling final?": "in a preliminary ruling".
  [
    ['final', 'definit', 'perman'],
    ['preliminari', 'interim', 'provision', 'temporari'],
  ],
  // "Did the party hold on to its majority?": "enough to lose the absolute majority".
  [
    ['retain', 'keep'],
    ['lose', 'lost', 'forfeit'],
  ],
  // "Did the Senate argue over the bill?": "Senators unanimously approved the bill".
  // "Is the administration speaking with one voice?": "mixed messages", "different responses".
  [
    [
      'argu',
      'disput',
      'quarrel',
      'wrangl',
      'bicker',
      'mix',
      'differ',
      'contradict',
      'conflict',
      'inconsist',
      'divid',
      'split',
    ],
    ['unanim'],
  ],
];

/** The keys of the words of opposite sense to a key. */
export function oppositeOf(key: string): string[] {
  // A word may stand in more than one pair ("ban": allowed, and cleared of a charge).
  return OPPOSITES.flatMap(([a, b]) =>
    a.some((k) => isFormOf(key, k)) ? b : b.some((k) => isFormOf(key, k)) ? a : [],
  );
}

/** Two verbs of one sense: the same family, or the same side of a pair of opposites ("jump", "rise"). */
export function sameSense(a: string, b: string): boolean {
  if (a === b) return true;
  return OPPOSITES.some((pair) =>
    pair.some((side) => side.some((k) => isFormOf(a, k)) && side.some((k) => isFormOf(b, k))),
  );
}

/**
 * Whether a text's key is a form of the opposite: the opposite itself, or it and a short ending
 * ("banned" for "ban", "denial" for "deni"); never a longer word that starts the same ("bank").
 */
export function isFormOf(key: string, opposite: string): boolean {
  if (key === opposite) return true;
  return opposite.length >= 4 && key.startsWith(opposite) && key.length - opposite.length <= 3;
}
