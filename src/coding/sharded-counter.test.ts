import { describe, it, expect } from 'vitest';
import { ShardedCounter } from './sharded-counter.ts';

describe('ShardedCounter', () => {
  it('counts increments and decrements on one node', () => {
    const counter = new ShardedCounter('us-east');
    counter.add(5);
    counter.add(-2);
    counter.add(1);
    expect(counter.value()).toBe(4);
  });

  it('ignores a retried add with the same idempotency key', () => {
    const counter = new ShardedCounter('us-east');
    expect(counter.add(1, 'event-1')).toBe(true);
    expect(counter.add(1, 'event-1')).toBe(false);
    expect(counter.add(1, 'event-2')).toBe(true);
    expect(counter.value()).toBe(2);
  });

  it('converges across nodes whatever the merge order', () => {
    const east = new ShardedCounter('east');
    const west = new ShardedCounter('west');
    const eu = new ShardedCounter('eu');
    east.add(10);
    west.add(3);
    west.add(-1);
    eu.add(7);

    east.merge(west.snapshot());
    east.merge(eu.snapshot());
    eu.merge(east.snapshot());
    west.merge(eu.snapshot());

    expect(east.value()).toBe(19);
    expect(west.value()).toBe(19);
    expect(eu.value()).toBe(19);
  });

  it('does not double count when a snapshot is merged twice or arrives stale', () => {
    const east = new ShardedCounter('east');
    const west = new ShardedCounter('west');
    west.add(2);
    const stale = west.snapshot();
    west.add(3);
    east.merge(west.snapshot());
    east.merge(west.snapshot());
    east.merge(stale);
    expect(east.value()).toBe(5);
  });

  it('keeps concurrent writes on different nodes instead of losing one', () => {
    const a = new ShardedCounter('a');
    const b = new ShardedCounter('b');
    a.merge(b.snapshot());
    b.merge(a.snapshot());
    a.add(1);
    b.add(1);
    a.merge(b.snapshot());
    expect(a.value()).toBe(2);
  });

  it('hands out copies, so a snapshot cannot change the counter', () => {
    const counter = new ShardedCounter('a');
    counter.add(1);
    const snapshot = counter.snapshot();
    counter.add(1);
    expect(snapshot.get('a')).toEqual({ added: 1, removed: 0 });
    expect(counter.value()).toBe(2);
  });

  it('rejects a non-finite delta', () => {
    const counter = new ShardedCounter('a');
    expect(() => counter.add(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => counter.add(Number.NaN)).toThrow(RangeError);
    expect(counter.value()).toBe(0);
  });
});
