import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { PackageFootprint, UsageEvidence } from "../../src/collectors/usage/types.js";
import { usageMessages } from "../../src/scoring/usage/messages.js";
import { ruleFindings } from "../helpers/rules.js";
import { type Signals, usageSignalsFor } from "../helpers/usage-signals.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/footprint");
let packages: Map<string, UsageEvidence>;

function signalsOf(name: string): Signals {
  const usage = packages.get(name);
  if (!usage) throw new Error(`no usage for ${name}`);
  return usageSignalsFor(usage);
}

beforeAll(async () => {
  packages = (await analyzeProject(fixture, usageLimits))?.packages ?? new Map();
});

describe("footprint signals", () => {
  it("gives the used share of exports, code and dependencies", () => {
    const barrel = signalsOf("barrel-esm");
    expect(barrel.usedExportsFraction).toMatchObject({
      value: 0.1667,
      unit: "ratio",
      detail: { used: 1, total: 6, names: "alpha" },
    });
    expect(barrel.usedFraction).toEqual({
      value: Math.round((308 / 371) * 10_000) / 10_000,
      unit: "ratio",
      trusted: true,
      detail: {
        usedBytes: 308,
        totalBytes: 371,
        usedLines: 12,
        totalLines: 15,
        usedFiles: 5,
        totalFiles: 6,
      },
    });
    expect(barrel.closureDependencies).toMatchObject({
      value: 1,
      detail: { total: 2, reached: "left-dep" },
    });
    expect(signalsOf("exports-map").usedExportsFraction?.value).toBe(0.5);
    expect(signalsOf("exports-map").usedFraction?.value).toBe(0.5353);
  });

  it("says why a fraction is unknown", () => {
    expect(signalsOf("whole-ns").usedExportsFraction).toMatchObject({
      value: null,
      note: "the whole namespace is used at src/index.ts:6",
    });
    const absent = signalsOf("absent-pkg-xyz");
    for (const id of ["usedExportsFraction", "usedFraction", "closureDependencies"]) {
      expect(absent[id]?.value, id).toBeNull();
      expect(absent[id]?.note, id).toMatch(/^not installed: used fraction unknown/);
    }
  });
});

/** A runtime usage whose installed package has `usedBytes` of `totalBytes` reached. */
function measured(usedBytes: number, totalBytes: number, caveats: string[] = []): UsageEvidence {
  const footprint: PackageFootprint = {
    status: "ok",
    version: "1.0.0",
    entries: [{ subpath: ".", file: "index.js" }],
    exports: { used: ["a", "b"], total: 140, names: 140 },
    code: { usedFiles: 1, totalFiles: 40, usedBytes, totalBytes, usedLines: 10, totalLines: 400 },
    dependencies: { reached: [], declared: [] },
    caveats,
  };
  return {
    name: "big",
    class: "runtime",
    declaredAs: ["prod"],
    roles: ["runtime"],
    sites: [
      {
        file: "src/a.js",
        line: 1,
        kind: "import",
        symbols: ["a", "b"],
        typeOnly: false,
        role: "source",
        reachable: true,
      },
    ],
    symbols: ["a", "b"],
    scripts: [],
    configMentions: [],
    blindSpots: [],
    replacement: null,
    footprint,
  };
}

function reasons(usage: UsageEvidence): string[] {
  return ruleFindings(usageSignalsFor(usage)).map(
    (f) => `${f.action ?? "-"} ${f.points}: ${usageMessages[f.code](f.args)}`,
  );
}

describe("footprint findings", () => {
  it("adds rewrite points when little of a package that is not tiny is used", () => {
    expect(reasons(measured(3 * 1024, 100 * 1024))).toEqual([
      "rewrite 30: you use 2 of 140 exports, 3% of its code (3 of 100 KB): little to own",
    ]);
  });

  it("adds nothing for a tiny package, a middling share or a share that may be too low", () => {
    expect(reasons(measured(100, 4 * 1024))).toEqual([]);
    expect(reasons(measured(30 * 1024, 100 * 1024))).toEqual([]);
    const partial = measured(1024, 100 * 1024, ["lib/big.js is too large to parse"]);
    expect(usageSignalsFor(partial).usedFraction?.trusted).toBe(false);
    expect(reasons(partial)).toEqual([]);
  });

  it("subtracts from rewrite when most of it is used", () => {
    expect(reasons(measured(80 * 1024, 100 * 1024))).toEqual([
      "rewrite -15: you reach 80% of its code (80 of 100 KB): a rewrite would redo most of it",
    ]);
  });
});
