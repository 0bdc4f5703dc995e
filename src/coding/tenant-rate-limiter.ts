/**
 * Admits requests per tenant with token buckets, so a tenant that floods the service spends only
 * its own budget, and a shared bucket caps the total the backend sees. A request is admitted only
 * if both its tenant's bucket and the shared bucket hold enough tokens; otherwise neither is
 * charged. Buckets refill lazily from an injected clock when touched, so there is no timer per
 * tenant. O(1) per request; O(T) memory for T tenants seen.
 */
export type Clock = () => number;

export interface BucketLimit {
  ratePerSecond: number;
  burst: number;
}

class TokenBucket {
  readonly #limit: BucketLimit;
  #tokens: number;
  #refilledAt: number;

  constructor(limit: BucketLimit, now: number) {
    this.#limit = limit;
    this.#tokens = limit.burst;
    this.#refilledAt = now;
  }

  /** Tokens available at `now`. A clock that steps backwards adds nothing. */
  available(now: number): number {
    if (now > this.#refilledAt) {
      const earned = ((now - this.#refilledAt) / 1000) * this.#limit.ratePerSecond;
      this.#tokens = Math.min(this.#limit.burst, this.#tokens + earned);
      this.#refilledAt = now;
    }
    return this.#tokens;
  }

  spend(tokens: number): void {
    this.#tokens -= tokens;
  }
}

export interface TenantRateLimiterOptions {
  perTenant: BucketLimit;
  shared: BucketLimit;
  /** Tenants with a contract that differs from the default. */
  overrides?: ReadonlyMap<string, BucketLimit>;
  clock?: Clock;
}

export class TenantRateLimiter {
  readonly #tenants = new Map<string, TokenBucket>();
  readonly #shared: TokenBucket;
  readonly #options: TenantRateLimiterOptions;
  readonly #clock: Clock;

  constructor(options: TenantRateLimiterOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.#shared = new TokenBucket(options.shared, this.#clock());
  }

  tryAcquire(tenant: string, cost = 1): boolean {
    const now = this.#clock();
    let own = this.#tenants.get(tenant);
    if (own === undefined) {
      own = new TokenBucket(this.#options.overrides?.get(tenant) ?? this.#options.perTenant, now);
      this.#tenants.set(tenant, own);
    }
    if (own.available(now) < cost || this.#shared.available(now) < cost) return false;
    own.spend(cost);
    this.#shared.spend(cost);
    return true;
  }
}
