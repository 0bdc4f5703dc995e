import { describe, it, expect } from 'vitest';
import { Deduplicator } from './dedupe.ts';

function setup(windowMs = 1000) {
  const clock = { now: 0 };
  const dedupe = new Deduplicator<string>({ windowMs, clock: () => clock.now });
  let calls = 0;
  const handler = async () => `charged #${++calls}`;
  return { clock, dedupe, handler, calls: () => calls };
}

describe('Deduplicator', () => {
  it('runs a key once and returns the first result to duplicates', async () => {
    const { dedupe, handler, calls } = setup();
    expect(await dedupe.process('evt-1', handler)).toBe('charged #1');
    expect(await dedupe.process('evt-1', handler)).toBe('charged #1');
    expect(await dedupe.process('evt-2', handler)).toBe('charged #2');
    expect(calls()).toBe(2);
  });

  it('shares one run between duplicates that arrive concurrently', async () => {
    const { dedupe, handler, calls } = setup();
    const results = await Promise.all([1, 2, 3].map(() => dedupe.process('evt-1', handler)));
    expect(results).toEqual(['charged #1', 'charged #1', 'charged #1']);
    expect(calls()).toBe(1);
  });

  it('forgets a failed run so a retry can succeed', async () => {
    const { dedupe, handler, calls } = setup();
    const failing = async (): Promise<string> => {
      throw new Error('downstream timeout');
    };
    await expect(dedupe.process('evt-1', failing)).rejects.toThrow('downstream timeout');
    expect(dedupe.size).toBe(0);
    expect(await dedupe.process('evt-1', handler)).toBe('charged #1');
    expect(calls()).toBe(1);
  });

  it('forgets a handler that throws before returning a promise', async () => {
    const { dedupe } = setup();
    const broken = (): Promise<string> => {
      throw new Error('sync failure');
    };
    await expect(dedupe.process('evt-1', broken)).rejects.toThrow('sync failure');
    expect(dedupe.size).toBe(0);
  });

  it('processes a key again once the window has passed, and frees memory', async () => {
    const { clock, dedupe, handler } = setup(1000);
    await dedupe.process('evt-1', handler);
    await dedupe.process('evt-2', handler);
    clock.now = 999;
    expect(await dedupe.process('evt-1', handler)).toBe('charged #1');
    clock.now = 1000;
    expect(await dedupe.process('evt-1', handler)).toBe('charged #3');
    expect(dedupe.size).toBe(1);
  });
});
