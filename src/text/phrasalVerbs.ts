/**
 * Verbs of two words that texts use for a one-word verb a question asks with: "it was set up by
 * Filo and Yang" answers "who founded Yahoo?", "the deal was thrown out" denies that it was
 * approved. Small and hand-checked, as equivalentWords is: each pair reads one sense only.
 */
const PHRASAL: readonly [RegExp, string][] = [
  [/\b(?:set|sets|setting)\s+up\b/gi, 'established'],
  [/\b(?:call|calls|called|calling)\s+for\b/gi, 'demanded'],
  [/\b(?:come|comes|came|coming)\s+up\s+with\b/gi, 'created'],
  [
    /\b(?:push|pushes|pushed|pushing|force|forces|forced|forcing|drive|drives|drove|driven)\s+(?:\w+\s+)?out\s+of\s+(?:power|office)\b/gi,
    'ousted',
  ],
  [/\b(?:throw|throws|threw|thrown|throwing)\s+out\b/gi, 'rejected'],
  [/\b(?:turn|turns|turned|turning)\s+down\b/gi, 'rejected'],
  [/\b(?:vote|votes|voted|voting)\s+down\b/gi, 'rejected'],
  [/\b(?:strike|strikes|struck|striking)\s+down\b/gi, 'overturned'],
  [/\b(?:step|steps|stepped|stepping)\s+down\b/gi, 'resigned'],
  [/\b(?:pull|pulls|pulled|pulling)\s+out\b/gi, 'withdrew'],
  [/\b(?:carry|carries|carried|carrying)\s+out\b/gi, 'committed'],
  [/\b(?:break|breaks|broke|broken|breaking)\s+out\b/gi, 'began'],
  [/\b(?:shut|shuts|shutting)\s+down\b/gi, 'closed'],
  [/\b(?:give|gives|gave|given|giving)\s+up\b/gi, 'abandoned'],
  [
    /\b(?:come|comes|came|coming)\s+into\s+(?:force|effect)\b|\b(?:take|takes|took|taken|taking)\s+effect\b/gi,
    'started',
  ],
  [/\b(?:give|gives|gave|given|giving)\s+way\b(?!\s+to\b)/gi, 'collapsed'],
];

/** The text with each two-word verb written as the one word it stands for. */
export function withPhrasalVerbsAsWords(text: string): string {
  return PHRASAL.reduce((out, [phrase, word]) => out.replace(phrase, word), text);
}

/** Whether the text holds any two-word verb of the list (most hold none, and need no second reading). */
export function hasPhrasalVerb(text: string): boolean {
  return PHRASAL.some(([phrase]) => {
    phrase.lastIndex = 0;
    return phrase.test(text);
  });
}
