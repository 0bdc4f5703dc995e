/**
 * The cheapest route through a weighted dependency graph: for example, the lowest total processing
 * cost to get from a source asset to a playable package when several encode and packaging routes
 * exist. This is Dijkstra's algorithm. A min-heap always hands back the cheapest unsettled node;
 * when a cheaper route to a node turns up, a new heap entry is pushed and the old one is skipped when
 * it surfaces, which is simpler than updating entries in place. Costs must be non-negative.
 * O((V + E) log V) time and O(V + E) memory for V nodes and E edges.
 */
import { MinHeap } from './min-heap.ts';

export interface Edge {
  from: string;
  to: string;
  cost: number;
}

export interface Route {
  cost: number;
  path: string[];
}

export function cheapestPath(edges: Iterable<Edge>, start: string, goal: string): Route | null {
  const outgoing = new Map<string, Edge[]>();
  for (const edge of edges) {
    if (!(edge.cost >= 0)) throw new RangeError(`cost must be >= 0 on ${edge.from} -> ${edge.to}`);
    const list = outgoing.get(edge.from);
    if (list === undefined) outgoing.set(edge.from, [edge]);
    else list.push(edge);
  }

  const bestCost = new Map<string, number>([[start, 0]]);
  const reachedFrom = new Map<string, string>();
  const frontier = new MinHeap<{ node: string; cost: number }>((a, b) => a.cost - b.cost);
  frontier.push({ node: start, cost: 0 });

  for (let entry = frontier.pop(); entry !== undefined; entry = frontier.pop()) {
    const { node, cost } = entry;
    if (cost > (bestCost.get(node) ?? Infinity)) continue; // superseded by a cheaper entry
    if (node === goal) return { cost, path: walkBack(reachedFrom, goal) };
    for (const edge of outgoing.get(node) ?? []) {
      const viaNode = cost + edge.cost;
      if (viaNode < (bestCost.get(edge.to) ?? Infinity)) {
        bestCost.set(edge.to, viaNode);
        reachedFrom.set(edge.to, node);
        frontier.push({ node: edge.to, cost: viaNode });
      }
    }
  }
  return null;
}

function walkBack(reachedFrom: ReadonlyMap<string, string>, goal: string): string[] {
  const path = [goal];
  for (let node = reachedFrom.get(goal); node !== undefined; node = reachedFrom.get(node)) path.push(node);
  return path.reverse();
}
