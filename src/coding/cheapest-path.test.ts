import { describe, it, expect } from 'vitest';
import { cheapestPath, type Edge } from './cheapest-path.ts';

const graph: Edge[] = [
  { from: 'source', to: 'mezzanine', cost: 4 },
  { from: 'source', to: 'proxy', cost: 1 },
  { from: 'proxy', to: 'mezzanine', cost: 2 },
  { from: 'mezzanine', to: 'encode', cost: 5 },
  { from: 'proxy', to: 'encode', cost: 10 },
  { from: 'encode', to: 'package', cost: 1 },
];

describe('cheapestPath', () => {
  it('prefers a longer route when it is cheaper', () => {
    expect(cheapestPath(graph, 'source', 'package')).toEqual({
      cost: 9,
      path: ['source', 'proxy', 'mezzanine', 'encode', 'package'],
    });
  });

  it('returns a zero-cost path when start is the goal', () => {
    expect(cheapestPath(graph, 'encode', 'encode')).toEqual({ cost: 0, path: ['encode'] });
  });

  it('returns null when the goal cannot be reached', () => {
    expect(cheapestPath(graph, 'package', 'source')).toBeNull();
    expect(cheapestPath(graph, 'source', 'nowhere')).toBeNull();
  });

  it('copes with cycles and zero-cost edges', () => {
    const edges: Edge[] = [
      { from: 'a', to: 'b', cost: 0 },
      { from: 'b', to: 'a', cost: 0 },
      { from: 'b', to: 'c', cost: 3 },
      { from: 'a', to: 'c', cost: 5 },
    ];
    expect(cheapestPath(edges, 'a', 'c')).toEqual({ cost: 3, path: ['a', 'b', 'c'] });
  });

  it('uses the cheaper of two parallel edges', () => {
    const edges: Edge[] = [
      { from: 'a', to: 'b', cost: 7 },
      { from: 'a', to: 'b', cost: 2 },
    ];
    expect(cheapestPath(edges, 'a', 'b')?.cost).toBe(2);
  });

  it('rejects negative or missing costs, which Dijkstra cannot handle', () => {
    expect(() => cheapestPath([{ from: 'a', to: 'b', cost: -1 }], 'a', 'b')).toThrow(RangeError);
    expect(() => cheapestPath([{ from: 'a', to: 'b', cost: Number.NaN }], 'a', 'b')).toThrow(RangeError);
  });
});
