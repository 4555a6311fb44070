import { describe, expect, it } from "vitest";
import { attachLeverage } from "../../src/result/leverage.js";
import { packageResult } from "../helpers/result.js";

describe("attachLeverage", () => {
  it("attributes a transitive finding to the direct dependencies that bring it in", () => {
    const top = {
      signal: "verdict",
      code: "wouldChange",
      text: "would be keep if not for: x",
      action: null,
      points: 0,
    };
    const packages = [
      packageResult({ name: "framework", direct: true, via: ["framework"] }),
      packageResult({ name: "cli", direct: true, via: ["cli"] }),
      packageResult({
        name: "old-util",
        direct: false,
        via: ["cli", "framework"],
        verdict: "sunset",
        reasons: [top],
      }),
      packageResult({ name: "fine-util", direct: false, via: ["framework"], verdict: "keep" }),
    ];
    attachLeverage(packages);
    const byName = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(byName.framework?.risksBelow).toEqual(["old-util"]);
    expect(byName.cli?.risksBelow).toEqual(["old-util"]);
    expect(byName["old-util"]?.risksBelow).toEqual([]);
    expect(byName["old-util"]?.reasons.map((r) => r.text)).toEqual([
      "would be keep if not for: x",
      "reached through cli, framework: act there (upgrade, replace or fix upstream)",
    ]);
    expect(byName["fine-util"]?.reasons).toHaveLength(1);
  });
});
