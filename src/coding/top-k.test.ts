import { describe, it, expect } from 'vitest';
import { topK } from './top-k.ts';

describe('topK', () => {
  it('returns the K most frequent items, most frequent first', () => {
    const plays = ['stranger', 'wednesday', 'stranger', 'squid', 'wednesday', 'stranger', 'ozark'];
    expect(topK(plays, 2)).toEqual([
      { item: 'stranger', count: 3 },
      { item: 'wednesday', count: 2 },
    ]);
  });

  it('breaks ties by first appearance', () => {
    expect(topK(['c', 'a', 'b', 'a', 'b', 'c'], 2)).toEqual([
      { item: 'c', count: 2 },
      { item: 'a', count: 2 },
    ]);
  });

  it('returns everything when K exceeds the number of distinct items', () => {
    expect(topK([1, 1, 2], 10)).toEqual([
      { item: 1, count: 2 },
      { item: 2, count: 1 },
    ]);
  });

  it('handles empty input and K = 0', () => {
    expect(topK([], 3)).toEqual([]);
    expect(topK(['a', 'b'], 0)).toEqual([]);
  });

  it('accepts any iterable, such as a generator', () => {
    function* events() {
      yield* ['x', 'y', 'x'];
    }
    expect(topK(events(), 1)).toEqual([{ item: 'x', count: 2 }]);
  });

  it('matches a full sort on a larger input', () => {
    const items = Array.from({ length: 2000 }, (_, i) => `t${((i * 7919) % 97) % 23}`);
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
    const expected = [...counts.values()].sort((a, b) => b - a).slice(0, 5);
    expect(topK(items, 5).map((r) => r.count)).toEqual(expected);
  });

  it('rejects a negative or fractional K', () => {
    expect(() => topK(['a'], -1)).toThrow(RangeError);
    expect(() => topK(['a'], 1.5)).toThrow(RangeError);
  });
});
