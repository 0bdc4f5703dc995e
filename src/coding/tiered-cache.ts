/**
 * A two-tier cache. New keys land in a small probation tier and move to a larger main tier only
 * when they are read again, so a one-off scan over thousands of cold keys cannot flush the keys
 * that are actually hot: the second read is a cheap frequency filter. Each tier evicts its least
 * recently used key (a Map iterates in insertion order, and deleting then re-setting a key moves it
 * to the end). A key pushed out of the main tier falls back to probation for one more chance, and
 * every entry expires after a TTL. get, set and delete are O(1); memory is bounded by the two sizes.
 */
export type Clock = () => number;

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export interface TieredCacheOptions {
  probationSize: number;
  mainSize: number;
  ttlMs: number;
  clock?: Clock;
}

export class TieredCache<V> {
  readonly #probation = new Map<string, Entry<V>>();
  readonly #main = new Map<string, Entry<V>>();
  readonly #options: Required<TieredCacheOptions>;

  constructor(options: TieredCacheOptions) {
    if (options.probationSize < 1 || options.mainSize < 1) throw new RangeError('each tier needs room for an entry');
    this.#options = { clock: Date.now, ...options };
  }

  get(key: string): V | undefined {
    const now = this.#options.clock();
    const hot = this.#main.get(key);
    if (hot !== undefined) {
      this.#main.delete(key);
      if (hot.expiresAt <= now) return undefined;
      this.#main.set(key, hot);
      return hot.value;
    }
    const cold = this.#probation.get(key);
    if (cold === undefined) return undefined;
    this.#probation.delete(key);
    if (cold.expiresAt <= now) return undefined;
    this.#promote(key, cold);
    return cold.value;
  }

  set(key: string, value: V): void {
    const entry = { value, expiresAt: this.#options.clock() + this.#options.ttlMs };
    if (this.#main.delete(key)) {
      this.#promote(key, entry); // an update does not demote a key that has proved itself
    } else {
      this.#probation.delete(key);
      this.#admit(key, entry);
    }
  }

  delete(key: string): boolean {
    const fromMain = this.#main.delete(key);
    return this.#probation.delete(key) || fromMain;
  }

  /** Which tier holds a key right now, for tests and hit-ratio metrics per tier. */
  tierOf(key: string): 'main' | 'probation' | undefined {
    if (this.#main.has(key)) return 'main';
    return this.#probation.has(key) ? 'probation' : undefined;
  }

  #promote(key: string, entry: Entry<V>): void {
    this.#main.set(key, entry);
    if (this.#main.size > this.#options.mainSize) {
      const [demotedKey, demoted] = removeOldest(this.#main);
      this.#admit(demotedKey, demoted);
    }
  }

  #admit(key: string, entry: Entry<V>): void {
    this.#probation.set(key, entry);
    if (this.#probation.size > this.#options.probationSize) removeOldest(this.#probation);
  }
}

/** Removes and returns the least recently used entry of a tier known to be non-empty. */
function removeOldest<V>(tier: Map<string, V>): [string, V] {
  const [oldest] = tier;
  if (oldest === undefined) throw new Error('removeOldest called on an empty tier');
  tier.delete(oldest[0]);
  return oldest;
}
