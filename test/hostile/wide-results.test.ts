import { describe, expect, it } from "vitest";
import { attachLeverage } from "../../src/result/leverage.js";
import type { PackageResult } from "../../src/result/types.js";
import { packageResult } from "../helpers/result.js";

// Issue 15 item 4, past the inventory: with one package bringing in 150,000 others, the
// result's "risks below" list of that package was rebuilt by copying it once per child
// (150,000² / 2 copies: a run that never finished), and a package reached through
// thousands of direct dependencies named them all in one reason.
const WIDE = 150_000;

describe("a direct dependency with 150,000 risky packages below it", () => {
  it("lists them in linear time", () => {
    const template = packageResult({ direct: false, verdict: "fix", via: ["hub"] });
    const packages: PackageResult[] = [packageResult({ name: "hub", via: ["hub"] })];
    for (let i = 0; i < WIDE; i++)
      packages.push({ ...template, name: `dep-${i}`, reasons: [...template.reasons] });
    const started = performance.now();
    attachLeverage(packages);
    // Generous for a loaded machine; the quadratic version takes minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(packages[0]?.risksBelow).toHaveLength(WIDE);
  });

  it("a reason names five direct dependencies and counts the rest", () => {
    const via = Array.from({ length: 2000 }, (_, i) => `head-${i}`);
    const pkg = packageResult({ name: "common", direct: false, verdict: "sunset", via });
    attachLeverage([pkg]);
    expect(pkg.reasons.map((r) => r.text)).toContain(
      "reached through head-0, head-1, head-2, head-3, head-4 and 1995 more: act there (upgrade, replace or fix upstream)",
    );
  });
});
