import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { okEvidence } from "../../src/collectors/types.js";
import type { UsageAnalysis } from "../../src/collectors/usage/analyze-usage.js";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { InventoryPackage } from "../../src/inventory/types.js";
import { notInstalledNote } from "../../src/result/usage-notes.js";
import { writeFileTree } from "./helpers/file-tree.js";

/** A project read before `npm install`: the lockfile graph is all there is to say who needs a peer. */
const inventoryPackage = (name: string, dependencies: string[]): InventoryPackage => ({
  name,
  versions: ["1.0.0"],
  direct: true,
  scopes: ["prod"],
  dependents: 1,
  path: ["app", name],
  dependencies,
  via: [name],
  projects: ["."],
  origin: "registry",
});

let dir: string;
let analysis: UsageAnalysis;
beforeAll(async () => {
  dir = await writeFileTree("jenga-peers-no-nm-", {
    "package.json": JSON.stringify({
      name: "app",
      main: "src/index.js",
      dependencies: { "react-dom": "18", react: "18", "left-over": "1" },
    }),
    "src/index.js": 'import { createRoot } from "react-dom/client";\ncreateRoot(null);\n',
  });
  const graph = new Map(
    [
      inventoryPackage("react-dom", ["react", "scheduler"]),
      inventoryPackage("react", ["loose-envify"]),
      inventoryPackage("left-over", []),
    ].map((p) => [p.name, p]),
  );
  analysis = (await analyzeProject(dir, usageLimits, { graph })) as UsageAnalysis;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("peers without node_modules", () => {
  it("takes a declared package a used package's lockfile edges reach as used through it", () => {
    expect(analysis.packages.get("react")).toMatchObject({
      class: "runtime",
      loadedBy: ["react-dom"],
    });
  });

  it("still calls a package nothing uses or reaches unused", () => {
    expect(analysis.packages.get("left-over")?.class).toBe("unused");
  });

  it("says once that installed-code figures are partial, and what rests on them", () => {
    const usage = new Map(
      [...analysis.packages].map(([name, u]) => [
        name,
        okEvidence("usage", u, "2026-01-01T00:00:00Z", false),
      ]),
    );
    const notes = notInstalledNote(usage);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(
      "node_modules missing: installed-code figures (code closure, exports count) are partial for 1 used packages",
    );
    expect(notes[0]).toContain("rewrite verdicts");
  });
});
