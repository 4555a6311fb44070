import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import { usageMessages } from "../../src/scoring/usage/messages.js";
import { ruleFindings } from "../helpers/rules.js";
import { type Signals, usageSignalsFor } from "../helpers/usage-signals.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/import-forms");
let packages: Map<string, UsageEvidence>;

function signalsOf(name: string): Signals {
  const usage = packages.get(name);
  if (!usage) throw new Error(`no usage for ${name}`);
  return usageSignalsFor(usage);
}

/** Findings worded, as the result builder words them. */
function reasons(name: string): string[] {
  return ruleFindings(signalsOf(name)).map(
    (f) => `${f.action ?? "-"} ${f.points}: ${usageMessages[f.code](f.args)}`,
  );
}

beforeAll(async () => {
  packages = (await analyzeProject(fixture, usageLimits))?.packages ?? new Map();
});

describe("usage signals", () => {
  it("gives the class with its evidence chain", () => {
    const lodash = signalsOf("lodash");
    expect(lodash.usageClass?.value).toBe("runtime");
    expect(lodash.usageClass?.note).toBe("src/index.ts:1 → chunk, get");
    expect(lodash.importSites?.value).toBe(1);
    expect(lodash.importSiteList?.value).toEqual([
      { file: "src/index.ts", line: 1, kind: expect.any(String), symbols: "chunk, get" },
    ]);
    expect(lodash.usedSymbols?.value).toEqual(["chunk", "get"]);
    expect(signalsOf("unused-pkg").usageClass?.note).toBe("no import, script or config names it");
  });

  it("marks unknown usage untrusted, with the blind spot", () => {
    const types = signalsOf("@types/unused");
    expect(types.usageClass?.value).toBe("unknown");
    expect(types.usageClass?.trusted).toBe(false);
    expect(types.usageClass?.detail?.blindSpot).toBe(
      "TypeScript loads @types/unused without an import at tsconfig.json:0",
    );
  });

  it("shows the replacement beside the used symbols", () => {
    const leftPad = signalsOf("left-pad");
    expect(leftPad.replacement?.value).toEqual(["String.prototype.padStart"]);
    expect(leftPad.replacement?.note).toBe("native");
    expect(leftPad.usedSymbols?.value).toEqual(["default"]);
    expect(signalsOf("unused-pkg").replacement?.value).toEqual([]);
    expect(signalsOf("object-assign").usedSymbols?.note).toMatch(/lower bound/);
  });
});

describe("usage findings", () => {
  it("sunsets a dependency declared but never used", () => {
    expect(reasons("unused-pkg")).toEqual([
      "sunset 60: declared in dependencies but never imported, run by a script or named in a config file",
    ]);
  });

  it("leans to sunset for dead-code-only, short of the threshold", () => {
    expect(reasons("dead-pkg")).toEqual([
      "sunset 35: imported only by files no entry point reaches (src/orphan.js:2): remove them and the package",
    ]);
  });

  it("notes a runtime dependency used only for types: hygiene, never a verdict", () => {
    expect(reasons("yaml")).toEqual([
      "- 0: declared in dependencies but used only for types (src/index.ts:4 → Options): move it to devDependencies",
    ]);
    // The same use from devDependencies is where it belongs.
    expect(reasons("@types/node")).toEqual([]);
  });

  it("rewrites a package the platform replaces", () => {
    expect(reasons("left-pad")).toEqual([
      "rewrite 50: the platform replaces it: String.prototype.padStart (you use default)",
    ]);
  });

  it("adds no points for unknown usage, only the reason", () => {
    expect(ruleFindings(signalsOf("@types/unused"))).toEqual([
      expect.objectContaining({ code: "usageUnknown", action: null, points: 0 }),
    ]);
  });

  it("makes sunset and rewrite costlier for a heavily used package", () => {
    const usage = packages.get("left-pad") as UsageEvidence;
    const site = usage.sites[0] as UsageEvidence["sites"][number];
    const heavy = { ...usage, sites: Array.from({ length: 25 }, (_, i) => ({ ...site, line: i })) };
    const found = ruleFindings(usageSignalsFor(heavy));
    expect(found.map((f) => `${f.action} ${f.points}`)).toEqual(["rewrite 50", "rewrite -20"]);
    // Using all of a tiny package everywhere is normal: it never cancels a native replacement.
    const tiny = {
      ...usageSignalsFor(heavy),
      unpackedSize: { value: 1_200, unit: "bytes" as const, trusted: true },
    };
    expect(
      ruleFindings(tiny)
        .filter((f) => f.action !== null)
        .map((f) => `${f.action} ${f.points}`),
    ).toEqual(["rewrite 50", "rewrite 25"]);
  });
});
