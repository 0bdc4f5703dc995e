/**
 * Finds a loop in a service call graph, for example one built from the caller and callee of every
 * span in a day of distributed traces, and returns it as a path such as [a, b, c, a] so whoever is
 * on call can see the loop rather than a bare "true". Depth-first search keeps the set of services
 * on the current path; reaching one of them again closes a cycle, and services already fully
 * explored are never entered twice. The walk uses an explicit stack, so a very deep call chain
 * cannot overflow the JavaScript call stack. O(V + E) time and memory for V services and E edges.
 */
export type CallEdge = readonly [caller: string, callee: string];

interface Frame {
  service: string;
  callees: Iterator<string>;
}

export function findCallCycle(edges: Iterable<CallEdge>): string[] | null {
  const graph = new Map<string, string[]>();
  for (const [caller, callee] of edges) {
    const callees = graph.get(caller);
    if (callees === undefined) graph.set(caller, [callee]);
    else callees.push(callee);
  }
  const enter = (service: string): Frame => ({ service, callees: (graph.get(service) ?? []).values() });

  const explored = new Set<string>();
  for (const root of graph.keys()) {
    if (explored.has(root)) continue;
    const stack = [enter(root)];
    const onPath = new Set([root]);
    for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
      const step = frame.callees.next();
      if (step.done === true) {
        stack.pop();
        onPath.delete(frame.service);
        explored.add(frame.service);
      } else if (onPath.has(step.value)) {
        const loopStart = stack.findIndex((f) => f.service === step.value);
        return [...stack.slice(loopStart).map((f) => f.service), step.value];
      } else if (!explored.has(step.value)) {
        onPath.add(step.value);
        stack.push(enter(step.value));
      }
    }
  }
  return null;
}
