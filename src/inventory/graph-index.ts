import type { Scope } from "./types.js";

/**
 * Compact adjacency for the node-to-node edges of a LockGraph (compressed
 * sparse rows), so the passes over a 5,000-package graph touch typed arrays,
 * not maps.
 */
export interface NodeAdjacency {
  /** Edges of node v are targets[start[v] .. start[v + 1]). */
  start: Int32Array;
  targets: Int32Array;
  types: Uint8Array;
}

export const SCOPES: readonly Scope[] = ["prod", "dev", "optional", "peer"];
export const SCOPE_BIT: Record<Scope, number> = { prod: 1, dev: 2, optional: 4, peer: 8 };

export function buildAdjacency(
  count: number,
  edges: readonly [number, number, Scope][],
): NodeAdjacency {
  const start = new Int32Array(count + 1);
  for (const [from] of edges) start[from + 1] = (start[from + 1] ?? 0) + 1;
  for (let v = 0; v < count; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
  const fill = start.slice(0, count);
  const targets = new Int32Array(edges.length);
  const types = new Uint8Array(edges.length);
  for (const [from, to, type] of edges) {
    const at = fill[from] ?? 0;
    fill[from] = at + 1;
    targets[at] = to;
    types[at] = SCOPE_BIT[type];
  }
  return { start, targets, types };
}

/**
 * Strongly connected components (Tarjan, iterative: dependency chains are deep
 * enough to overflow a recursive version). Components are numbered so that an
 * edge between two components always goes from a higher to a lower number.
 */
export function stronglyConnected(count: number, graph: NodeAdjacency): Int32Array {
  const { start, targets } = graph;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const next = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const component = new Int32Array(count).fill(-1);
  const stack: number[] = [];
  const calls: number[] = [];
  let counter = 0;
  let components = 0;
  const enter = (v: number): void => {
    order[v] = low[v] = counter++;
    next[v] = start[v] ?? 0;
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (calls.length > 0) {
      const v = calls[calls.length - 1] as number;
      const edge = next[v] as number;
      if (edge < (start[v + 1] as number)) {
        next[v] = edge + 1;
        const w = targets[edge] as number;
        if (order[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v] as number, order[w] as number);
        continue;
      }
      calls.pop();
      const parent = calls[calls.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] !== order[v]) continue;
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        component[w] = components;
      } while (w !== v);
      components++;
    }
  }
  return component;
}

/**
 * For every node, the set of heads (direct dependency names) from which it is
 * reachable, as bitsets: heads are ORed down the condensed graph in
 * topological order, so the cost is edges × heads / 32, not a search per node.
 * Returns the bitset view of a node's component (`words` 32-bit words).
 */
export function headsReaching(
  count: number,
  graph: NodeAdjacency,
  seeds: readonly [node: number, head: number][],
  words: number,
): (node: number) => Uint32Array {
  const component = stronglyConnected(count, graph);
  let components = 0;
  for (const c of component) components = Math.max(components, c + 1);
  const bits = new Uint32Array(components * words);
  for (const [node, head] of seeds) {
    const at = (component[node] as number) * words + (head >>> 5);
    bits[at] = (bits[at] as number) | (1 << (head & 31));
  }
  // Nodes grouped by component, visited from the highest number (sources) down.
  const byComponent: number[][] = Array.from({ length: components }, () => []);
  for (let v = 0; v < count; v++) byComponent[component[v] as number]?.push(v);
  for (let c = components - 1; c >= 0; c--) {
    for (const v of byComponent[c] ?? []) {
      for (let e = graph.start[v] as number; e < (graph.start[v + 1] as number); e++) {
        const target = component[graph.targets[e] as number] as number;
        if (target === c) continue;
        for (let k = 0; k < words; k++) {
          bits[target * words + k] =
            (bits[target * words + k] as number) | (bits[c * words + k] as number);
        }
      }
    }
  }
  return (node) => {
    const base = (component[node] as number) * words;
    return bits.subarray(base, base + words);
  };
}

/** The indexes of the set bits, ascending. */
export function setBits(words: Uint32Array): number[] {
  const indexes: number[] = [];
  for (let k = 0; k < words.length; k++) {
    let word = words[k] as number;
    while (word !== 0) {
      indexes.push(k * 32 + 31 - Math.clz32(word & -word));
      word &= word - 1;
    }
  }
  return indexes;
}
