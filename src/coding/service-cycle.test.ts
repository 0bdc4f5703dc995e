import { describe, it, expect } from 'vitest';
import { findCallCycle, type CallEdge } from './service-cycle.ts';

describe('findCallCycle', () => {
  it('returns null for an acyclic call graph', () => {
    const edges: CallEdge[] = [
      ['edge', 'api'],
      ['api', 'playback'],
      ['api', 'profile'],
      ['playback', 'license'],
      ['profile', 'license'],
    ];
    expect(findCallCycle(edges)).toBeNull();
  });

  it('returns the loop as a path that starts and ends on the same service', () => {
    const edges: CallEdge[] = [
      ['edge', 'api'],
      ['api', 'playback'],
      ['playback', 'entitlement'],
      ['entitlement', 'api'],
    ];
    expect(findCallCycle(edges)).toEqual(['api', 'playback', 'entitlement', 'api']);
  });

  it('finds a service that calls itself', () => {
    expect(findCallCycle([['retrying', 'retrying']])).toEqual(['retrying', 'retrying']);
  });

  it('does not mistake a diamond for a cycle', () => {
    const edges: CallEdge[] = [
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['c', 'd'],
    ];
    expect(findCallCycle(edges)).toBeNull();
  });

  it('finds a cycle reachable only from a later root', () => {
    const edges: CallEdge[] = [
      ['a', 'b'],
      ['x', 'y'],
      ['y', 'z'],
      ['z', 'y'],
    ];
    expect(findCallCycle(edges)).toEqual(['y', 'z', 'y']);
  });

  it('handles an empty graph', () => {
    expect(findCallCycle([])).toBeNull();
  });

  it('walks a 100,000-service chain without overflowing the stack', () => {
    const chain: CallEdge[] = Array.from({ length: 100_000 }, (_, i) => [`s${i}`, `s${i + 1}`]);
    expect(findCallCycle(chain)).toBeNull();
    const cycle = findCallCycle([...chain, ['s100000', 's0']]);
    expect(cycle?.length).toBe(100_002);
    expect(cycle?.[0]).toBe('s0');
    expect(cycle?.at(-1)).toBe('s0');
  });
});
