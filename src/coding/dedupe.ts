/**
 * Handles each idempotency key at most once per time window, for a consumer that receives events
 * at least once (producer retries, redelivery after a consumer restart). A duplicate that arrives
 * while the first copy is still running gets that run's promise rather than starting a second run.
 * A run that fails is forgotten, so the sender's retry can still succeed. Finished keys expire once
 * the window has passed, oldest first, which keeps memory to the keys of one window. O(1) amortized
 * per event.
 */
export type Clock = () => number;

export class Deduplicator<R> {
  readonly #finished = new Map<string, { result: R; expiresAt: number }>();
  readonly #running = new Map<string, Promise<R>>();
  readonly #windowMs: number;
  readonly #clock: Clock;

  constructor(options: { windowMs: number; clock?: Clock }) {
    this.#windowMs = options.windowMs;
    this.#clock = options.clock ?? Date.now;
  }

  /** Runs `handler` for a new key; for a key seen in the window, returns the first run's result. */
  process(key: string, handler: () => Promise<R>): Promise<R> {
    this.#forgetExpired();
    const finished = this.#finished.get(key);
    if (finished !== undefined) return Promise.resolve(finished.result);
    const running = this.#running.get(key);
    if (running !== undefined) return running;

    // finally() runs in a later microtask, so the entry is always set before it is removed.
    const run = this.#record(key, handler).finally(() => this.#running.delete(key));
    this.#running.set(key, run);
    return run;
  }

  /** Keys currently remembered, running or finished. */
  get size(): number {
    return this.#finished.size + this.#running.size;
  }

  async #record(key: string, handler: () => Promise<R>): Promise<R> {
    const result = await handler();
    this.#finished.set(key, { result, expiresAt: this.#clock() + this.#windowMs });
    return result;
  }

  #forgetExpired(): void {
    const now = this.#clock();
    // Keys are inserted as runs finish, each with the same window, so the oldest expire first.
    for (const [key, { expiresAt }] of this.#finished) {
      if (expiresAt > now) return;
      this.#finished.delete(key);
    }
  }
}
