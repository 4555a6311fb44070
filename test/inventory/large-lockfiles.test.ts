import { describe, expect, test } from "vitest";
import type { LockInput } from "../../src/inventory/lock-input.js";
import { emptyManifest } from "../../src/inventory/manifest.js";
import { parseNpmLock } from "../../src/inventory/npm-lock.js";
import { parsePnpmLock } from "../../src/inventory/pnpm-lock.js";
import { summarizeGraph } from "../../src/inventory/summarize-graph.js";
import type { LockGraph } from "../../src/inventory/types.js";
import { parseYarnBerry } from "../../src/inventory/yarn-berry.js";
import { parseYarnClassic } from "../../src/inventory/yarn-classic.js";
import {
  npmLockV3,
  pnpmLockV9,
  syntheticGraph,
  yarnBerryLock,
  yarnClassicLock,
} from "./synthetic-lockfiles.js";

/**
 * 5,000 packages, ~25,000 edges, 300 direct dependencies, some cycles: a
 * large real project in each format's shape. Speed is not asserted here
 * (test/README.md: benchmarks measure it); this checks the results at that
 * size, and a quadratic pass would show as a test timeout. On a laptop each
 * parse takes 50 to 300 ms and each summary under 100 ms.
 */
const graph = syntheticGraph(5000, 300);
const root = {
  ...emptyManifest(),
  name: "big",
  dependencies: Object.fromEntries(graph.direct.map((n) => [n, "^1.0.0"])),
};

/** The direct dependencies from which each package is reachable, by brute force. */
const referenceVia = (() => {
  const children = new Map(graph.names.map((name, i) => [name, graph.dependencies[i] ?? []]));
  const heads = new Map<string, string[]>(graph.names.map((name) => [name, []]));
  for (const head of [...graph.direct].sort()) {
    const seen = new Set([head]);
    const queue = [head];
    for (const name of queue) {
      heads.get(name)?.push(head);
      for (const child of children.get(name) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          queue.push(child);
        }
      }
    }
  }
  return new Map([...heads].map(([name, list]) => [name, list.join()]));
})();

const formats: [string, (input: LockInput) => LockGraph, string][] = [
  ["package-lock.json v3", parseNpmLock, npmLockV3(graph)],
  ["pnpm-lock.yaml v9", parsePnpmLock, pnpmLockV9(graph)],
  ["yarn.lock v1", parseYarnClassic, yarnClassicLock(graph)],
  ["yarn.lock berry", parseYarnBerry, yarnBerryLock(graph)],
];

describe("5,000-package lockfiles", () => {
  test.each(formats)("%s", (_format, parse, text) => {
    const lockGraph = parse({
      file: "/big/lock",
      label: "lock",
      text,
      manifests: new Map([["", root]]),
      fallbackName: "big",
    });
    const packages = summarizeGraph(lockGraph, {
      path: "/big",
      name: "big",
      lockfile: "/big/lock",
      kind: lockGraph.kind,
    });
    expect(lockGraph.warnings).toEqual([]);
    expect(lockGraph.nodes.size).toBe(5000);
    expect(packages).toHaveLength(5000);
    expect(packages.filter((pkg) => pkg.direct)).toHaveLength(300);
    // via against the plain definition: one search per direct dependency.
    const via = new Map(packages.map((pkg) => [pkg.name, pkg.via.join()]));
    expect(via).toEqual(referenceVia);
  });
});
