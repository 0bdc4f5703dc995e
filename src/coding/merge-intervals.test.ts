import { describe, it, expect } from 'vitest';
import { mergeIntervals, type Interval } from './merge-intervals.ts';

describe('mergeIntervals', () => {
  it('merges overlapping intervals given in any order', () => {
    expect(
      mergeIntervals([
        [8, 10],
        [1, 3],
        [2, 6],
        [15, 18],
      ]),
    ).toEqual([
      [1, 6],
      [8, 10],
      [15, 18],
    ]);
  });

  it('merges intervals that only touch', () => {
    expect(
      mergeIntervals([
        [1, 3],
        [3, 5],
      ]),
    ).toEqual([[1, 5]]);
  });

  it('absorbs intervals contained in another', () => {
    expect(
      mergeIntervals([
        [1, 10],
        [2, 3],
        [4, 9],
      ]),
    ).toEqual([[1, 10]]);
  });

  it('handles empty input, one interval and zero-length intervals', () => {
    expect(mergeIntervals([])).toEqual([]);
    expect(mergeIntervals([[4, 4]])).toEqual([[4, 4]]);
    expect(
      mergeIntervals([
        [4, 4],
        [4, 4],
        [5, 5],
      ]),
    ).toEqual([
      [4, 4],
      [5, 5],
    ]);
  });

  it('does not modify its input', () => {
    const input: Interval[] = [
      [5, 6],
      [1, 2],
    ];
    mergeIntervals(input);
    expect(input).toEqual([
      [5, 6],
      [1, 2],
    ]);
  });

  it('rejects an interval that ends before it starts', () => {
    expect(() =>
      mergeIntervals([
        [1, 2],
        [5, 3],
      ]),
    ).toThrow(RangeError);
    expect(() => mergeIntervals([[Number.NaN, 1]])).toThrow(RangeError);
  });
});
