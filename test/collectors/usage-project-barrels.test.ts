import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";

const fixture = path.resolve(import.meta.dirname, "../fixtures/usage/project-barrels");
let packages: Map<string, UsageEvidence>;

beforeAll(async () => {
  packages = (await analyzeProject(fixture, usageLimits))?.packages ?? new Map();
});

describe("re-exports through the project's own barrels", () => {
  it("counts only the symbols the project imports from the barrel", () => {
    expect(packages.get("toolkit")?.symbols).toEqual(["omit", "pick"]);
    expect(packages.get("date-lib")?.symbols).toEqual(["format"]);
    expect(packages.get("kit-all")?.symbols).toEqual(["*"]);
  });

  it("keeps a package re-exported but never used as imported, with no symbol used", () => {
    expect(packages.get("icons")).toMatchObject({ class: "runtime", symbols: [] });
    expect(packages.get("icons")?.sites.map((s) => `${s.file}:${s.line} ${s.kind}`)).toEqual([
      "src/lib/index.js:3 re-export",
    ]);
  });
});
