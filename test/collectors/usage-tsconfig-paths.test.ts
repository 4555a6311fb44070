import { beforeAll, describe, expect, it } from "vitest";
import type { UsageAnalysis } from "../../src/collectors/usage/analyze-usage.js";
import { analyzeFixture, classes, sitesOf } from "./helpers/usage-fixture.js";

let analysis: UsageAnalysis;
beforeAll(async () => {
  analysis = await analyzeFixture("tsconfig-paths");
});

describe("tsconfig paths through an extends chain", () => {
  it("names no alias as a package", () => {
    expect(classes(analysis)).toEqual({
      // Named by `extends`: a config mention.
      "@acme/tsconfig": "config-only",
      chalk: "runtime",
      dayjs: "runtime",
      "left-pad": "dead-code-only",
      lodash: "runtime",
      ms: "runtime",
    });
  });

  it("reaches the aliased files, first existing target first", () => {
    expect(analysis.deadFiles).toEqual(["src/dead.ts", "src/shared/first.ts"]);
    expect(sitesOf(analysis, "chalk")).toEqual(["src/lib/helper.ts:1"]);
    expect(sitesOf(analysis, "ms")).toEqual(["src/utils/index.ts:1"]);
    expect(sitesOf(analysis, "dayjs")).toEqual(["src/shared/thing.ts:1"]);
    expect(analysis.blindSpots).toEqual([]);
  });
});
