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
 * For every node, the heads (direct dependency names, by number) from which it
 * is reachable, ascending. Sets flow down the condensed graph in topological
 * order; a component reached from one set shares it rather than copying it,
 * and a union is made once per component where paths join. Bitsets of every
 * head per node cost nodes × heads / 8 bytes: a root with 150,000 direct
 * dependencies made that 2.8 GB. Shared sorted lists cost what they hold.
 */
export function headsReaching(
  count: number,
  graph: NodeAdjacency,
  seeds: readonly [node: number, head: number][],
): (node: number) => readonly number[] {
  const component = stronglyConnected(count, graph);
  let components = 0;
  for (const c of component) components = Math.max(components, c + 1);
  // Per component, the sets that reach it: its own heads and its parents' sets.
  const reaching: (readonly number[])[][] = Array.from({ length: components }, () => []);
  for (const [node, head] of seeds) reaching[component[node] as number]?.push([head]);
  const sets: (readonly number[])[] = new Array(components);
  // Nodes grouped by component, visited from the highest number (sources) down.
  const byComponent: number[][] = Array.from({ length: components }, () => []);
  for (let v = 0; v < count; v++) byComponent[component[v] as number]?.push(v);
  for (let c = components - 1; c >= 0; c--) {
    const set = unionOf(reaching[c] ?? []);
    sets[c] = set;
    reaching[c] = [];
    if (set.length === 0) continue;
    for (const v of byComponent[c] ?? []) {
      for (let e = graph.start[v] as number; e < (graph.start[v + 1] as number); e++) {
        const target = component[graph.targets[e] as number] as number;
        if (target !== c) reaching[target]?.push(set);
      }
    }
  }
  return (node) => sets[component[node] as number] ?? [];
}

const NONE: readonly number[] = [];

/**
 * The sorted union of sorted lists. One distinct list is returned as it is, so
 * a chain or a fan-out shares one array; the same list met along many edges
 * (150,000 siblings that share a parent) counts once.
 */
export function unionOf(lists: readonly (readonly number[])[]): readonly number[] {
  const distinct = new Set(lists);
  distinct.delete(NONE);
  if (distinct.size === 0) return NONE;
  if (distinct.size === 1) return distinct.values().next().value as readonly number[];
  const all: number[] = [];
  for (const list of distinct) for (const item of list) all.push(item);
  all.sort((a, b) => a - b);
  let kept = 0;
  for (let i = 0; i < all.length; i++)
    if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i] as number;
  all.length = kept;
  return all;
}
