/**
 * Collapses overlapping or touching intervals into the fewest disjoint ones: a member's viewing
 * sessions into time actually watched, or maintenance windows into blackout periods. Sort a copy by
 * start time, then sweep once: while the next interval starts no later than the current merged one
 * ends, stretch the merged one; otherwise start a new one. Intervals are closed, so [1, 3] and
 * [3, 5] become [1, 5]. O(n log n) time for the sort, O(n) memory; the input is left untouched.
 */
export type Interval = readonly [start: number, end: number];

export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  for (const [start, end] of intervals) {
    if (!(start <= end)) throw new RangeError(`interval [${start}, ${end}] ends before it starts`);
  }
  const byStart = [...intervals].sort((a, b) => a[0] - b[0]);

  const merged: [number, number][] = [];
  for (const [start, end] of byStart) {
    const current = merged.at(-1);
    if (current !== undefined && start <= current[1]) current[1] = Math.max(current[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
