/**
 * The K most frequent items in a stream, such as the K most-played titles in a batch of play
 * events. One pass counts every item in a hash map. A min-heap capped at K then holds the best K
 * candidates seen so far; its root is the weakest of them, so a new candidate only has to beat the
 * root to get in. With n events and m distinct items that is O(n + m log K) time and O(m + K)
 * memory, cheaper than sorting all m counts when K is small. Equal counts rank by first appearance,
 * so the answer is deterministic.
 */
import { MinHeap } from './min-heap.ts';

export interface Ranked<T> {
  item: T;
  count: number;
}

interface Candidate<T> extends Ranked<T> {
  firstSeen: number;
}

/** Negative when a ranks below b: fewer plays, or the same plays but seen later. */
function weaker<T>(a: Candidate<T>, b: Candidate<T>): number {
  return a.count - b.count || b.firstSeen - a.firstSeen;
}

export function topK<T>(items: Iterable<T>, k: number): Ranked<T>[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number >= 0, got ${k}`);

  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);

  const heap = new MinHeap<Candidate<T>>(weaker);
  let firstSeen = 0;
  for (const [item, count] of counts) {
    const candidate = { item, count, firstSeen: firstSeen++ };
    const weakest = heap.peek();
    if (heap.size < k) {
      heap.push(candidate);
    } else if (weakest !== undefined && weaker(weakest, candidate) < 0) {
      heap.pop();
      heap.push(candidate);
    }
  }

  const ranked: Ranked<T>[] = [];
  for (let next = heap.pop(); next !== undefined; next = heap.pop()) {
    ranked.push({ item: next.item, count: next.count });
  }
  return ranked.reverse();
}
