/**
 * Calls a flaky dependency with capped exponential backoff and full jitter, behind a circuit
 * breaker. Full jitter sleeps a random time between zero and the capped exponential delay, which
 * spreads out the retries of many clients instead of sending them back in synchronized waves. The
 * breaker opens after a run of consecutive failures and then fails fast, without calling the
 * dependency, until a cooldown has passed; after that a single trial call decides whether it closes
 * or stays open. A retry never bypasses an open breaker. Clock, randomness and sleep are injected so
 * tests run instantly. O(attempts) per call; the breaker keeps O(1) state.
 */
export type Clock = () => number;
export type BreakerState = 'closed' | 'open' | 'half_open';

export class BreakerOpenError extends Error {
  override name = 'BreakerOpenError';
}

export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #consecutiveFailures = 0;
  #openedAt = 0;
  #trialInFlight = false;
  readonly #failureThreshold: number;
  readonly #cooldownMs: number;
  readonly #clock: Clock;

  constructor(options: { failureThreshold: number; cooldownMs: number; clock?: Clock }) {
    this.#failureThreshold = options.failureThreshold;
    this.#cooldownMs = options.cooldownMs;
    this.#clock = options.clock ?? Date.now;
  }

  get state(): BreakerState {
    if (this.#state === 'open' && this.#clock() - this.#openedAt >= this.#cooldownMs) this.#state = 'half_open';
    return this.#state;
  }

  async call<T>(operation: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half_open' && this.#trialInFlight)) {
      throw new BreakerOpenError('circuit open: failing fast without calling the dependency');
    }
    if (state === 'half_open') this.#trialInFlight = true;
    try {
      const result = await operation();
      this.#state = 'closed';
      this.#consecutiveFailures = 0;
      return result;
    } catch (error) {
      this.#consecutiveFailures += 1;
      if (state === 'half_open' || this.#consecutiveFailures >= this.#failureThreshold) {
        this.#state = 'open';
        this.#openedAt = this.#clock();
      }
      throw error;
    } finally {
      if (state === 'half_open') this.#trialInFlight = false;
    }
  }
}

export interface RetryOptions {
  /** Total calls, including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Return false for errors a retry cannot fix, such as a rejected request. */
  isRetryable?: (error: unknown) => boolean;
  /** Returns a number in [0, 1). */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export async function callWithRetries<T>(breaker: CircuitBreaker, operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await breaker.call(operation);
    } catch (error) {
      const giveUp = attempt >= options.maxAttempts || error instanceof BreakerOpenError || options.isRetryable?.(error) === false;
      if (giveUp) throw error;
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      await sleep(random() * ceiling);
    }
  }
}
