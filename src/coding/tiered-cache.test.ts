import { describe, it, expect } from 'vitest';
import { TieredCache } from './tiered-cache.ts';

function setup(probationSize = 2, mainSize = 3, ttlMs = 1000) {
  const clock = { now: 0 };
  const cache = new TieredCache<string>({ probationSize, mainSize, ttlMs, clock: () => clock.now });
  return { clock, cache };
}

describe('TieredCache', () => {
  it('admits new keys to probation and promotes them on a second read', () => {
    const { cache } = setup();
    cache.set('a', 'A');
    expect(cache.tierOf('a')).toBe('probation');
    expect(cache.get('a')).toBe('A');
    expect(cache.tierOf('a')).toBe('main');
    expect(cache.get('a')).toBe('A');
    expect(cache.get('missing')).toBeUndefined();
  });

  it('survives a scan: one-off keys churn probation and leave hot keys alone', () => {
    const { cache } = setup(2, 3);
    for (const key of ['hot1', 'hot2']) {
      cache.set(key, key);
      cache.get(key);
    }
    for (let i = 0; i < 100; i++) cache.set(`scan${i}`, 'cold');
    expect(cache.get('hot1')).toBe('hot1');
    expect(cache.get('hot2')).toBe('hot2');
    expect(cache.tierOf('scan0')).toBeUndefined();
    expect(cache.tierOf('scan99')).toBe('probation');
  });

  it('evicts the least recently used key from probation', () => {
    const { cache } = setup(2, 3);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('c', 'C');
    expect(cache.tierOf('a')).toBeUndefined();
    expect(cache.tierOf('b')).toBe('probation');
  });

  it('demotes the least recently used main key to probation when main is full', () => {
    const { cache } = setup(2, 2);
    for (const key of ['a', 'b', 'c']) {
      cache.set(key, key);
      cache.get(key);
    }
    expect(cache.tierOf('a')).toBe('probation');
    expect(cache.tierOf('b')).toBe('main');
    expect(cache.get('a')).toBe('a');
    expect(cache.tierOf('a')).toBe('main');
    expect(cache.tierOf('b')).toBe('probation');
  });

  it('expires entries in both tiers after the TTL', () => {
    const { clock, cache } = setup(2, 2, 1000);
    cache.set('hot', 'H');
    cache.get('hot');
    cache.set('cold', 'C');
    clock.now = 999;
    expect(cache.get('hot')).toBe('H');
    clock.now = 1000;
    expect(cache.get('hot')).toBeUndefined();
    expect(cache.get('cold')).toBeUndefined();
    expect(cache.tierOf('hot')).toBeUndefined();
  });

  it('keeps an updated hot key in main with a fresh TTL', () => {
    const { clock, cache } = setup();
    cache.set('k', 'v1');
    cache.get('k');
    clock.now = 900;
    cache.set('k', 'v2');
    expect(cache.tierOf('k')).toBe('main');
    clock.now = 1500;
    expect(cache.get('k')).toBe('v2');
  });

  it('deletes from either tier', () => {
    const { cache } = setup();
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.get('b');
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('b')).toBe(true);
    expect(cache.delete('b')).toBe(false);
    expect(cache.get('b')).toBeUndefined();
  });

  it('rejects a tier with no room', () => {
    expect(() => new TieredCache({ probationSize: 0, mainSize: 5, ttlMs: 1 })).toThrow(RangeError);
  });
});
