import { describe, expect, it } from 'vitest';
import { hasSurnamePrefix, SURNAME_PREFIX } from '../../../src/knowledge/extract/tokenizeText.ts';

describe('hasSurnamePrefix', () => {
  it('says what SURNAME_PREFIX says, for joined particles of every length, case and joiner', () => {
    const words = [
      'al-Assad',
      'AL-Assad',
      'el-Sisi',
      "de'Medici",
      'di’Angelo',
      'bin-Salman',
      'ibn-Saud',
      'van-Dyke',
      'Von-Trapp',
      'la-Fontaine',
      'al-assad',
      'alabama',
      'de',
      'd',
      'x-Ray',
      'bind-Them',
      "van's",
      'vans-Ok',
      'le-Ça',
    ];
    const found = words.filter(hasSurnamePrefix);
    expect(found.length).toBeGreaterThan(8);
    for (const word of words) expect(hasSurnamePrefix(word)).toBe(SURNAME_PREFIX.test(word));
  });
});
