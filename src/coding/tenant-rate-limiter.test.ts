import { describe, it, expect } from 'vitest';
import { TenantRateLimiter, type TenantRateLimiterOptions } from './tenant-rate-limiter.ts';

function setup(overrides: Partial<TenantRateLimiterOptions> = {}) {
  const clock = { now: 0 };
  const limiter = new TenantRateLimiter({
    perTenant: { ratePerSecond: 2, burst: 3 },
    shared: { ratePerSecond: 100, burst: 100 },
    clock: () => clock.now,
    ...overrides,
  });
  const attempts = (tenant: string, n: number) => Array.from({ length: n }, () => limiter.tryAcquire(tenant)).filter(Boolean).length;
  return { clock, limiter, attempts };
}

describe('TenantRateLimiter', () => {
  it('allows a burst up to the bucket size, then refuses', () => {
    const { attempts } = setup();
    expect(attempts('studio-a', 5)).toBe(3);
  });

  it('isolates tenants: one tenant flooding does not block another', () => {
    const { attempts } = setup();
    expect(attempts('noisy', 1000)).toBe(3);
    expect(attempts('quiet', 3)).toBe(3);
  });

  it('refills at the configured rate, capped at the burst size', () => {
    const { clock, attempts } = setup();
    attempts('a', 3);
    clock.now = 500; // half a second at 2 per second earns 1 token
    expect(attempts('a', 5)).toBe(1);
    clock.now = 60_000; // a long idle period still only refills to the burst size
    expect(attempts('a', 10)).toBe(3);
  });

  it('applies per-tenant overrides', () => {
    const { attempts } = setup({ overrides: new Map([['partner', { ratePerSecond: 50, burst: 10 }]]) });
    expect(attempts('partner', 20)).toBe(10);
    expect(attempts('default', 20)).toBe(3);
  });

  it('caps the total with the shared bucket and charges nobody for a refused request', () => {
    const { attempts } = setup({ shared: { ratePerSecond: 1, burst: 4 } });
    expect(attempts('a', 3)).toBe(3);
    expect(attempts('b', 3)).toBe(1);
    expect(attempts('c', 3)).toBe(0);
  });

  it('supports weighted requests and never admits one larger than the burst', () => {
    const { limiter } = setup();
    expect(limiter.tryAcquire('a', 2)).toBe(true);
    expect(limiter.tryAcquire('a', 2)).toBe(false);
    expect(limiter.tryAcquire('a', 1)).toBe(true);
    expect(limiter.tryAcquire('b', 4)).toBe(false);
  });

  it('neither mints nor loses tokens when the clock steps backwards', () => {
    const { clock, attempts } = setup();
    clock.now = 10_000;
    expect(attempts('a', 1)).toBe(1);
    clock.now = 5_000;
    expect(attempts('a', 5)).toBe(2);
    clock.now = 10_500;
    expect(attempts('a', 5)).toBe(1);
  });
});
