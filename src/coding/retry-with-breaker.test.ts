import { describe, it, expect } from 'vitest';
import { BreakerOpenError, CircuitBreaker, callWithRetries, type RetryOptions } from './retry-with-breaker.ts';

function setup(overrides: Partial<RetryOptions> = {}) {
  const clock = { now: 0 };
  const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000, clock: () => clock.now });
  const sleeps: number[] = [];
  const options: RetryOptions = {
    maxAttempts: 4,
    baseDelayMs: 100,
    maxDelayMs: 300,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  };
  return { clock, breaker, sleeps, options };
}

/** An operation that fails `failures` times, then returns "ok". */
function flaky(failures: number) {
  let calls = 0;
  const operation = async () => {
    calls++;
    if (calls <= failures) throw new Error(`failure ${calls}`);
    return 'ok';
  };
  return { operation, calls: () => calls };
}

describe('callWithRetries', () => {
  it('retries with capped exponential backoff and full jitter until success', async () => {
    const { breaker, sleeps, options } = setup({ maxAttempts: 5 });
    const { operation, calls } = flaky(2);
    expect(await callWithRetries(breaker, operation, options)).toBe('ok');
    expect(calls()).toBe(3);
    expect(sleeps).toEqual([50, 100]); // half of 100, then half of 200
    expect(breaker.state).toBe('closed');
  });

  it('caps the delay and spreads it across the whole range with the random source', async () => {
    const draws = [0, 0.999, 0.5, 0.25];
    const { sleeps, options } = setup({ maxAttempts: 5, random: () => draws.shift() ?? 0 });
    const breaker = new CircuitBreaker({ failureThreshold: 99, cooldownMs: 1 });
    await expect(callWithRetries(breaker, flaky(10).operation, options)).rejects.toThrow('failure 5');
    expect(sleeps).toHaveLength(4);
    expect(sleeps[0]).toBe(0);
    expect(sleeps[1]).toBeCloseTo(199.8);
    expect(sleeps[2]).toBe(150); // ceiling is 300, not 400
    expect(sleeps[3]).toBe(75);
  });

  it('does not retry errors marked as not retryable', async () => {
    const { breaker, sleeps, options } = setup({ isRetryable: (e) => !String(e).includes('400') });
    const operation = async () => {
      throw new Error('HTTP 400');
    };
    await expect(callWithRetries(breaker, operation, options)).rejects.toThrow('HTTP 400');
    expect(sleeps).toEqual([]);
  });

  it('opens after consecutive failures and then fails fast without calling the dependency', async () => {
    const { breaker, sleeps, options } = setup({ maxAttempts: 10 });
    const { operation, calls } = flaky(100);
    await expect(callWithRetries(breaker, operation, options)).rejects.toThrow(BreakerOpenError);
    expect(calls()).toBe(3);
    expect(sleeps).toHaveLength(3); // no more waiting once the breaker has said no
    expect(breaker.state).toBe('open');
    await expect(callWithRetries(breaker, operation, options)).rejects.toThrow(BreakerOpenError);
    expect(calls()).toBe(3);
  });

  it('closes again after a successful trial call once the cooldown has passed', async () => {
    const { clock, breaker, options } = setup({ maxAttempts: 1 });
    const { operation } = flaky(3);
    for (let i = 0; i < 3; i++) await expect(callWithRetries(breaker, operation, options)).rejects.toThrow();
    expect(breaker.state).toBe('open');
    clock.now = 10_000;
    expect(breaker.state).toBe('half_open');
    expect(await callWithRetries(breaker, operation, options)).toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('reopens when the trial call fails, and allows only one trial at a time', async () => {
    const { clock, breaker } = setup();
    const failing = async () => {
      throw new Error('still down');
    };
    for (let i = 0; i < 3; i++) await expect(breaker.call(failing)).rejects.toThrow('still down');
    clock.now = 10_000;

    let releaseTrial = (): void => {};
    const trial = breaker.call(
      () =>
        new Promise<string>((_, reject) => {
          releaseTrial = () => reject(new Error('trial failed'));
        }),
    );
    await expect(breaker.call(async () => 'second caller')).rejects.toThrow(BreakerOpenError);
    releaseTrial();
    await expect(trial).rejects.toThrow('trial failed');
    expect(breaker.state).toBe('open');
    clock.now = 19_999;
    expect(breaker.state).toBe('open');
    clock.now = 20_000;
    expect(breaker.state).toBe('half_open');
    expect(await breaker.call(async () => 'recovered')).toBe('recovered');
    expect(breaker.state).toBe('closed');
  });
});
