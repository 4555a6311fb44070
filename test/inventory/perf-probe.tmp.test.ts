import { test } from "vitest";
import { emptyManifest } from "../../src/inventory/manifest.js";
import { parseNpmLock } from "../../src/inventory/npm-lock.js";
import { parsePnpmLock } from "../../src/inventory/pnpm-lock.js";
import { summarizeGraph } from "../../src/inventory/summarize-graph.js";
import { parseYarnBerry } from "../../src/inventory/yarn-berry.js";
import { parseYarnClassic } from "../../src/inventory/yarn-classic.js";
import { npmLockV3, pnpmLockV9, syntheticGraph, yarnBerryLock, yarnClassicLock } from "./synthetic-lockfiles.js";

test("perf", () => {
  const g = syntheticGraph(5000, 300);
  const root = { ...emptyManifest(), name: "big", dependencies: Object.fromEntries(g.direct.map((n) => [n, "^1.0.0"])) };
  const cases = [
    ["npm", parseNpmLock, npmLockV3(g)],
    ["pnpm", parsePnpmLock, pnpmLockV9(g)],
    ["classic", parseYarnClassic, yarnClassicLock(g)],
    ["berry", parseYarnBerry, yarnBerryLock(g)],
  ] as const;
  for (const [label, parse, text] of cases) {
    const t0 = performance.now();
    const graph = parse({ file: "/x", label: "x", text, manifests: new Map([["", root]]), fallbackName: "big" });
    const t1 = performance.now();
    const pkgs = summarizeGraph(graph, { path: "/p", name: "big", lockfile: "/x", kind: graph.kind });
    const t2 = performance.now();
    console.log(label, text.length, graph.nodes.size, graph.edges.length, graph.warnings.length, pkgs.length, `parse ${(t1 - t0).toFixed(0)}ms summarize ${(t2 - t1).toFixed(0)}ms`, pkgs[0]?.via.length);
  }
});
