import { describe, expect, it } from 'vitest';
import { memoized } from '../../src/text/memoized.ts';

describe('memoized', () => {
  it('builds each key once, an undefined result included, and starts afresh at its limit', () => {
    const built: string[] = [];
    const lengthOf = memoized(2, (key) => {
      built.push(key);
      return key === 'none' ? undefined : key.length;
    });
    expect(lengthOf('abc')).toBe(3);
    expect(lengthOf('abc')).toBe(3);
    expect(lengthOf('none')).toBeUndefined();
    expect(lengthOf('none')).toBeUndefined();
    expect(built).toEqual(['abc', 'none']);
    expect(lengthOf('de')).toBe(2); // the store held two: cleared, then 'de' kept
    expect(lengthOf('abc')).toBe(3);
    expect(built).toEqual(['abc', 'none', 'de', 'abc']);
  });
});
