/**
 * Runs async tasks one at a time per key while different keys proceed in parallel. This is the fix
 * for lost updates when two requests read, modify and write the same record with an await in
 * between: each would otherwise read the old value and one write would erase the other. For each key
 * the class keeps only the promise for the last task queued; a new task is chained onto it. A task
 * that fails rejects its own caller and does not block the tasks behind it. When a key's queue
 * drains its entry is deleted, so memory is O(keys with work pending). Queuing a task is O(1).
 */
export class KeyedSerializer {
  readonly #lastTask = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#lastTask.get(key) ?? Promise.resolve();
    const result = previous.then(() => task());
    const settled = result.then(ignore, ignore); // never rejects, so the chain keeps moving
    this.#lastTask.set(key, settled);
    void settled.then(() => {
      if (this.#lastTask.get(key) === settled) this.#lastTask.delete(key);
    });
    return result;
  }

  /** Number of keys with a task running or waiting. */
  get pendingKeys(): number {
    return this.#lastTask.size;
  }
}

function ignore(): void {}
