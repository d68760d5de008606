import { describe, expect, it } from 'vitest';
import { PostingList } from '../../src/search/postingList.ts';

describe('PostingList', () => {
  it('behaves as the Map it stands in for, whatever the order of ids', () => {
    const list = new PostingList();
    const map = new Map<number, number>();
    const ids = [5, 9, 12, 3, 40, 7, 9, 100, 1, 40];
    ids.forEach((id, i) => {
      list.set(id, i + 1);
      map.set(id, i + 1);
    });
    for (const id of [1, 3, 5, 7, 8, 9, 12, 40, 99, 100]) {
      expect(list.get(id)).toBe(map.get(id));
      expect(list.has(id)).toBe(map.has(id));
    }
    expect(list.size).toBe(map.size);
    expect([...list]).toEqual([...map].sort((a, b) => a[0] - b[0]));
    expect(list.delete(9)).toBe(true);
    expect(list.delete(9)).toBe(false);
    expect(list.delete(2)).toBe(false);
    expect([...list.keys()]).toEqual([1, 3, 5, 7, 12, 40, 100]);
    expect(Object.fromEntries(list)).toEqual({ 1: 9, 3: 4, 5: 1, 7: 6, 12: 3, 40: 10, 100: 8 });
  });

  it('keeps frequencies above 255 and survives trimming and loading from its saved form', () => {
    const list = PostingList.of(1, 1);
    list.set(2, 300).set(70_000, 2);
    list.trim();
    list.set(80_000, 70_000);
    expect([...list.values()]).toEqual([1, 300, 2, 70_000]);
    expect([...PostingList.fromObject(Object.fromEntries(list))]).toEqual([...list]);
  });

  it('goes on iterating as a Map does when the visited entry is deleted', () => {
    const list = new PostingList();
    const map = new Map<number, number>();
    for (const id of [1, 2, 3, 5, 8, 13]) {
      list.set(id, 1);
      map.set(id, 1);
    }
    const visit = (m: PostingList | Map<number, number>) => {
      const seen: number[] = [];
      for (const [id] of m) {
        seen.push(id);
        if (id % 2 === 1) m.delete(id);
      }
      return seen;
    };
    expect(visit(list)).toEqual(visit(map));
    expect([...list.keys()]).toEqual([...map.keys()]);
  });
});
