import { describe, it, expect } from 'vitest';
import { MinHeap } from './min-heap.ts';

function drain<T>(heap: MinHeap<T>): T[] {
  const out: T[] = [];
  for (let next = heap.pop(); next !== undefined; next = heap.pop()) out.push(next);
  return out;
}

describe('MinHeap', () => {
  it('pops items in ascending order', () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    for (const n of [5, 1, 8, 3, 9, 2, 7]) heap.push(n);
    expect(heap.size).toBe(7);
    expect(heap.peek()).toBe(1);
    expect(drain(heap)).toEqual([1, 2, 3, 5, 7, 8, 9]);
  });

  it('keeps duplicates', () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    for (const n of [2, 2, 1, 2]) heap.push(n);
    expect(drain(heap)).toEqual([1, 2, 2, 2]);
  });

  it('returns undefined when empty', () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    expect(heap.pop()).toBeUndefined();
    expect(heap.peek()).toBeUndefined();
    expect(heap.size).toBe(0);
  });

  it('follows the comparator (a max-heap when reversed)', () => {
    const heap = new MinHeap<string>((a, b) => b.localeCompare(a));
    for (const s of ['b', 'd', 'a', 'c']) heap.push(s);
    expect(drain(heap)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('sorts a larger random input like Array.sort', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = Array.from({ length: 500 }, () => Math.floor(random() * 1000));
    const heap = new MinHeap<number>((a, b) => a - b);
    for (const v of values) heap.push(v);
    expect(drain(heap)).toEqual([...values].sort((a, b) => a - b));
  });
});
