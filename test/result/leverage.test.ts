import { describe, expect, it } from "vitest";
import { attachDownstreamDrag, attachLeverage } from "../../src/result/leverage.js";
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

describe("attachDownstreamDrag", () => {
  const vulnerable = (crossesMajor: number) =>
    packageResult({
      name: "vuln-child",
      direct: false,
      via: ["old-parent"],
      verdict: "fix",
      signals: {
        openAdvisories: {
          value: ["GHSA-aaaa-bbbb-cccc"],
          unit: "list",
          trusted: true,
          detail: { fixable: "GHSA-aaaa-bbbb-cccc", upgrades: "1.2.0 → 2.0.1", crossesMajor },
        },
      },
    });

  it("calls out an unmaintained package that holds back a fix in a new major", () => {
    const packages = [packageResult({ name: "old-parent", verdict: "adopt" }), vulnerable(1)];
    attachDownstreamDrag(packages, new Map([["old-parent", ["vuln-child"]]]));
    const [parent, child] = packages;
    expect(parent?.blocksFixOf).toEqual(["vuln-child"]);
    expect(parent?.reasons.at(-1)?.text).toBe(
      "holds back the fix of vuln-child (GHSA-aaaa-bbbb-cccc): the fix is in a new major of vuln-child, and old-parent (adopt) is not moving to it",
    );
    expect(child?.reasons[1]?.text).toBe(
      "its fix (GHSA-aaaa-bbbb-cccc) is in a new major that old-parent (adopt) does not allow: replacing old-parent is the way to it",
    );
  });

  it("says nothing when the fix is within the major, or the parent is maintained", () => {
    const withinMajor = [packageResult({ name: "old-parent", verdict: "adopt" }), vulnerable(0)];
    attachDownstreamDrag(withinMajor, new Map([["old-parent", ["vuln-child"]]]));
    expect(withinMajor[0]?.blocksFixOf).toEqual([]);
    const maintained = [packageResult({ name: "old-parent", verdict: "keep" }), vulnerable(1)];
    attachDownstreamDrag(maintained, new Map([["old-parent", ["vuln-child"]]]));
    expect(maintained[0]?.blocksFixOf).toEqual([]);
  });
});
