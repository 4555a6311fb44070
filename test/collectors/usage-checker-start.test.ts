import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import {
  addFootprints,
  analyzeProjectSources,
  checkerFor,
  firstTypedApart,
} from "../../src/collectors/usage/collect-usage.js";
import type { DeclarationChecker } from "../../src/collectors/usage/declaration-checker.js";
import { declaredSurface } from "../../src/collectors/usage/declared-exports.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import { writeFileTree } from "./helpers/file-tree.js";

/**
 * A cold run starts loading TypeScript before it parses the project when a
 * root dependency is typed apart (`umd-lib` with `@types/umd-lib`), since
 * that package will likely need the checker; a warm run, whose cache holds
 * the package's digest, starts nothing.
 */
const tree: Record<string, string> = {
  "package.json": JSON.stringify({
    name: "checker-start",
    private: true,
    main: "src/main.js",
    dependencies: { "umd-lib": "1.0.0", "plain-lib": "1.0.0" },
    devDependencies: { "@types/umd-lib": "1.0.0" },
  }),
  "src/main.js": 'const lib = require("umd-lib");\nrequire("plain-lib");\nlib.chunk([]);\n',
  "node_modules/umd-lib/package.json": '{"name":"umd-lib","version":"1.0.0","main":"umd.js"}',
  "node_modules/umd-lib/umd.js": "(function (root) { root.lib = { chunk() {} }; })(this);\n",
  "node_modules/@types/umd-lib/package.json":
    '{"name":"@types/umd-lib","version":"1.0.0","types":"index.d.ts"}',
  "node_modules/@types/umd-lib/index.d.ts":
    "declare const lib: { chunk(a: unknown[]): unknown[]; zip(): void };\nexport = lib;\n",
  "node_modules/plain-lib/package.json": '{"name":"plain-lib","version":"1.0.0"}',
  "node_modules/plain-lib/index.js": "exports.a = 1;\n",
};

let dir: string;
beforeAll(async () => {
  dir = await writeFileTree("jenga-checker-start-", tree);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A checker that answers in this thread and counts how often it was told to start. */
function countingChecker() {
  const counts = { prepared: 0, asked: 0 };
  const checker: DeclarationChecker = {
    prepare: () => {
      counts.prepared++;
    },
    check: async (name, pkg) => {
      counts.asked++;
      return declaredSurface(name, pkg);
    },
    close: async () => undefined,
  };
  return { checker, counts };
}

describe("the declarations checker of one project", () => {
  it("starts before the project is parsed when a package typed apart is not cached, and not once it is", async () => {
    const cache = createDiskCache({
      dir: path.join(dir, ".cache"),
      mode: "normal",
      now: () => new Date(),
    });
    const cold = countingChecker();
    const checker = await checkerFor(dir, usageLimits, cache, () => cold.checker);
    expect(cold.counts.prepared).toBe(1);
    const analysis = await analyzeProjectSources(dir, usageLimits);
    if (!analysis) throw new Error("no analysis");
    await addFootprints(dir, analysis.packages, usageLimits, { cache, checker });
    expect(cold.counts.asked).toBe(1);
    expect(analysis.packages.get("umd-lib")?.footprint?.exports).toEqual({
      used: ["chunk"],
      total: 2,
      names: 2,
    });
    // Warm: the digest is cached, with the checker's answer in it.
    const warm = countingChecker();
    await checkerFor(dir, usageLimits, cache, () => warm.checker);
    expect(warm.counts).toEqual({ prepared: 0, asked: 0 });
  });

  it("measures the packages typed apart first", () => {
    const usage = (name: string) => [name, { name } as UsageEvidence] as const;
    const packages = new Map([
      usage("zod"),
      usage("express"),
      usage("@types/lodash"),
      usage("lodash"),
      usage("@types/express"),
    ]);
    expect(firstTypedApart(packages).map(([name]) => name)).toEqual([
      "express",
      "lodash",
      "zod",
      "@types/lodash",
      "@types/express",
    ]);
  });
});
