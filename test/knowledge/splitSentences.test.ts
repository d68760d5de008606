import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/knowledge/splitSentences.ts';

describe('splitSentences', () => {
  it('splits ordinary sentences on . ! and ?', () => {
    expect(splitSentences('It rained! Was it late? Yes. Then it stopped.')).toEqual([
      'It rained!',
      'Was it late?',
      'Yes.',
      'Then it stopped.',
    ]);
  });

  it.each([
    [
      'Mr. Smith met Gen. Jones at the base. They talked.',
      ['Mr. Smith met Gen. Jones at the base.', 'They talked.'],
    ],
    ['The U.S. Navy sent ships. The U.N. agreed.', ['The U.S. Navy sent ships.', 'The U.N. agreed.']],
    [
      'Dr. Who and Sen. Warren spoke. Prof. Lee did not.',
      ['Dr. Who and Sen. Warren spoke.', 'Prof. Lee did not.'],
    ],
    [
      'It happened in Jan. 2017 in St. Petersburg. Then more.',
      ['It happened in Jan. 2017 in St. Petersburg.', 'Then more.'],
    ],
  ])('does not split after abbreviations: %s', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it('does not split after initials', () => {
    expect(splitSentences('J. R. Smith arrived. He sat down.')).toEqual([
      'J. R. Smith arrived.',
      'He sat down.',
    ]);
    // Initials written together: "F.W. Woolworth", "W.R. Hearst".
    expect(splitSentences('Talks to sell the stores to F.W. Woolworth Co ended. It said so.')).toEqual([
      'Talks to sell the stores to F.W. Woolworth Co ended.',
      'It said so.',
    ]);
  });

  it('keeps closing quotes with their sentence, straight or curly', () => {
    expect(splitSentences('He said, "We will win." Then he left.')).toEqual([
      'He said, "We will win."',
      'Then he left.',
    ]);
    expect(splitSentences('She said: “It is safe.” The bridge reopened.')).toEqual([
      'She said: “It is safe.”',
      'The bridge reopened.',
    ]);
  });

  it('starts a new sentence at an opening quote or bracket', () => {
    expect(splitSentences('He left. "Goodbye," he said. (It was late.) Done.')).toEqual([
      'He left.',
      '"Goodbye," he said.',
      '(It was late.)',
      'Done.',
    ]);
  });

  it('does not split inside numbers or before lower-case words', () => {
    expect(splitSentences('It cost $4.2 million. Prices rose 3.5 per cent. Done.')).toEqual([
      'It cost $4.2 million.',
      'Prices rose 3.5 per cent.',
      'Done.',
    ]);
    expect(splitSentences('It was approx. ten metres long. Then.')).toEqual([
      'It was approx. ten metres long.',
      'Then.',
    ]);
  });

  it('splits before a sentence that starts with a digit', () => {
    expect(splitSentences('Turnout fell. 87 people died.')).toEqual(['Turnout fell.', '87 people died.']);
  });

  it('returns text without end punctuation as one sentence and nothing for blank text', () => {
    expect(splitSentences('  a headline without a full stop  ')).toEqual(['a headline without a full stop']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n ')).toEqual([]);
  });
});
