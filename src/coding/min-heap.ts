/**
 * A binary min-heap ordered by a comparator: the priority queue behind the top-K and cheapest-path
 * solutions. JavaScript ships no priority queue, so in an interview you either write this in a few
 * minutes or say you would import one. The smallest item sits at index 0 and each parent is no
 * larger than its two children. push and pop cost O(log n); peek and size cost O(1); memory is O(n).
 */
export type Compare<T> = (a: T, b: T) => number;

export class MinHeap<T> {
  readonly #items: T[] = [];
  readonly #compare: Compare<T>;

  constructor(compare: Compare<T>) {
    this.#compare = compare;
  }

  get size(): number {
    return this.#items.length;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  push(item: T): void {
    this.#items.push(item);
    let child = this.#items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.#less(child, parent)) return;
      this.#swap(child, parent);
      child = parent;
    }
  }

  pop(): T | undefined {
    if (this.#items.length === 0) return undefined;
    const top = this.#items[0] as T;
    const last = this.#items.pop() as T;
    if (this.#items.length > 0) {
      this.#items[0] = last;
      this.#siftDown(0);
    }
    return top;
  }

  #siftDown(start: number): void {
    const count = this.#items.length;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < count && this.#less(left, smallest)) smallest = left;
      if (right < count && this.#less(right, smallest)) smallest = right;
      if (smallest === index) return;
      this.#swap(index, smallest);
      index = smallest;
    }
  }

  #less(i: number, j: number): boolean {
    return this.#compare(this.#items[i] as T, this.#items[j] as T) < 0;
  }

  #swap(i: number, j: number): void {
    const items = this.#items;
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
