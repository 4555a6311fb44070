import { beforeAll, describe, expect, it } from "vitest";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";
import { analyzeUsageFixture } from "../helpers/usage-fixture.js";

let packages: Map<string, UsageEvidence>;

beforeAll(async () => {
  packages = (await analyzeUsageFixture("project-barrels")).packages;
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
