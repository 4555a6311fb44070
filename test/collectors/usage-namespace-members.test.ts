import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UsageAnalysis } from "../../src/collectors/usage/analyze-usage.js";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import { writeFileTree } from "./helpers/file-tree.js";

const manifest = (name: string) =>
  JSON.stringify({ name, version: "1.0.0", main: "index.js", type: "module" });

/**
 * Namespace objects to depth 2: a package that exports `sub` as a namespace
 * (`export * as sub from`), one that exports `z` as zod does (`import * as z`
 * then `export { z }`), a CommonJS one read by nested destructuring, and a
 * project barrel that re-exports a package as a namespace.
 */
const tree: Record<string, string> = {
  "package.json": JSON.stringify({
    name: "namespace-fixture",
    private: true,
    type: "module",
    main: "src/main.js",
    dependencies: { "ns-pkg": "1", "zod-like": "1", "cjs-pkg": "1", "barrel-pkg": "1" },
  }),
  "src/main.js": `import * as ns from "ns-pkg";
import { z } from "zod-like";
import { api } from "./api.js";
const { sub: { fn }, top } = require("cjs-pkg");
ns.object();
ns.sub.fn();
z.string().min(1);
api.sub.g();
fn(top);
`,
  "src/api.js": 'export * as api from "barrel-pkg";\n',
  "node_modules/ns-pkg/package.json": manifest("ns-pkg"),
  "node_modules/ns-pkg/index.js":
    'export * as sub from "./sub.js";\nexport function object() {}\nexport function other() {}\n',
  "node_modules/ns-pkg/sub.js": "export function fn() {}\nexport function g() {}\n",
  "node_modules/zod-like/package.json": manifest("zod-like"),
  "node_modules/zod-like/index.js":
    'import * as z from "./external.js";\nexport { z };\nexport * from "./external.js";\n',
  "node_modules/zod-like/external.js": "export function string() {}\nexport function number() {}\n",
  "node_modules/cjs-pkg/package.json": JSON.stringify({ name: "cjs-pkg", version: "1.0.0" }),
  "node_modules/cjs-pkg/index.js": "module.exports = { sub: { fn() {} }, top: 1, rest: 2 };\n",
  "node_modules/barrel-pkg/package.json": manifest("barrel-pkg"),
  "node_modules/barrel-pkg/index.js": 'export * as sub from "./sub.js";\nexport const other = 1;\n',
  "node_modules/barrel-pkg/sub.js": "export function f() {}\nexport function g() {}\n",
};

let dir: string;
let analysis: UsageAnalysis;
beforeAll(async () => {
  dir = await writeFileTree("jenga-namespace-", tree);
  analysis = (await analyzeProject(dir, usageLimits)) as UsageAnalysis;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function usage(name: string): UsageEvidence {
  const found = analysis.packages.get(name);
  if (!found) throw new Error(`no usage for ${name}`);
  return found;
}

describe("members of namespace objects", () => {
  it("reports members to the depth used, `ns.sub.fn` as `sub.fn`", () => {
    expect(usage("ns-pkg").symbols).toEqual(["object", "sub.fn"]);
  });

  it("counts them against the package's exports, the namespace by its members", () => {
    // object, other, sub.fn, sub.g: `sub` itself is the container, not one more export.
    expect(usage("ns-pkg").footprint?.exports).toEqual({
      used: ["object", "sub.fn"],
      total: 4,
      names: 4,
    });
  });

  it("reads a named export used as a namespace object (zod's `z.string()`)", () => {
    expect(usage("zod-like").symbols).toEqual(["z.string"]);
    expect(usage("zod-like").footprint?.exports?.used).toEqual(["z.string"]);
  });

  it("reads nested destructuring of require", () => {
    expect(usage("cjs-pkg").symbols).toEqual(["sub.fn", "top"]);
  });

  it("narrows a project barrel's `export * as api` to the members asked through it", () => {
    expect(usage("barrel-pkg").symbols).toEqual(["sub.g"]);
    expect(usage("barrel-pkg").footprint?.exports).toEqual({ used: ["sub.g"], total: 3, names: 3 });
  });
});
