import { describe, expect, it } from 'vitest';
import { previewGroups } from './grouped-list.ts';

const group = (key: string, count: number) => ({
  key,
  label: key.toUpperCase(),
  items: Array.from({ length: count }, (_, i) => `${key}${i + 1}`),
});

describe('previewGroups', () => {
  it('lists every entry while the collection is at most fullListMax, and gives no group a page', () => {
    const groups = previewGroups([group('a', 4), group('b', 0), group('c', 2)], { fullListMax: 6, perGroup: 1 });
    expect(groups.map((g) => [g.key, g.shown, g.hasPage])).toEqual([
      ['a', ['a1', 'a2', 'a3', 'a4'], false],
      ['c', ['c1', 'c2'], false],
    ]);
  });

  it('past fullListMax, shows the first perGroup of each group and gives a page to each group that has more', () => {
    const groups = previewGroups([group('a', 4), group('b', 2), group('c', 1)], { fullListMax: 6, perGroup: 2 });
    expect(groups.map((g) => [g.key, g.shown, g.hasPage, g.items.length])).toEqual([
      ['a', ['a1', 'a2'], true, 4],
      ['b', ['b1', 'b2'], false, 2],
      ['c', ['c1'], false, 1],
    ]);
  });

  it('keeps the index the same size however large the groups grow', () => {
    const limits = { fullListMax: 10, perGroup: 3 };
    const shownAt = (size: number) =>
      previewGroups([group('a', size), group('b', size)], limits).reduce((sum, g) => sum + g.shown.length, 0);
    expect(shownAt(5)).toBe(10);
    expect(shownAt(50)).toBe(6);
    expect(shownAt(5000)).toBe(6);
  });

  it('refuses limits that are not whole numbers of 1 or more, naming the limit', () => {
    expect(() => previewGroups([group('a', 1)], { fullListMax: 0, perGroup: 1 })).toThrow(
      'previewGroups: fullListMax must be a whole number of 1 or more, not 0.',
    );
    expect(() => previewGroups([group('a', 1)], { fullListMax: 5, perGroup: 1.5 })).toThrow(
      'previewGroups: perGroup must be a whole number of 1 or more, not 1.5.',
    );
  });
});
