import { describe, expect, it } from "vitest";
import type { VersionRecord } from "../../src/collectors/registry/types.js";
import { countEachFactOnce } from "../../src/scoring/find-actions.js";
import { formatMessage } from "../../src/scoring/messages.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { decideVerdict, scorePackage } from "../../src/scoring/score-package.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import {
  inventoryPackage,
  now,
  registryEvidence,
  steadyHistory,
  version,
} from "../helpers/evidence.js";

const ok = {
  registry: "ok",
  git: "skipped",
  advisories: "skipped",
  issues: "skipped",
  usage: "skipped",
};

function verdictOf(
  versions: Record<string, VersionRecord>,
  options: {
    evidence?: Parameters<typeof registryEvidence>[1];
    pkg?: Parameters<typeof inventoryPackage>[0];
  } = {},
) {
  const pkg = inventoryPackage(options.pkg);
  const signals = computeSignals(
    pkg,
    { registry: registryEvidence(versions, options.evidence) },
    ok,
    now,
  );
  const score = scorePackage(signals, ok, defaultPolicy);
  return { ...score, texts: score.findings.map((f) => formatMessage(f.code, f.args)) };
}

const oneMaintainer = { maintainers: [{ name: "solo", email: null }] };
const quietBig = steadyHistory("2015-01-01", 8, { unpackedSize: 400_000 });
const quietTiny = steadyHistory("2015-01-01", 8, { unpackedSize: 2_000 });

describe("verdicts from registry evidence", () => {
  it.each([
    ["an active, well-maintained package", steadyHistory("2024-01-01", 9), {}, {}, "keep"],
    [
      "a deprecated package",
      { "1.0.0": version("2024-01-01T00:00:00Z", { deprecated: "no longer maintained" }) },
      {},
      {},
      "sunset",
    ],
    [
      "a deprecated installed version with a clean latest",
      {
        "1.0.0": version("2024-01-01T00:00:00Z", { deprecated: "critical bug" }),
        "1.0.1": version("2024-02-01T00:00:00Z"),
      },
      {},
      { versions: ["1.0.0"] },
      "fix",
    ],
    [
      "two majors behind",
      {
        "1.0.0": version("2022-01-01T00:00:00Z"),
        "2.0.0": version("2023-01-01T00:00:00Z"),
        "3.0.0": version("2024-01-01T00:00:00Z"),
      },
      {},
      { versions: ["1.0.0"] },
      "fix",
    ],
    [
      "one major behind is routine lag",
      { "1.0.0": version("2022-01-01T00:00:00Z"), "2.0.0": version("2024-01-01T00:00:00Z") },
      {},
      { versions: ["1.0.0"] },
      "keep",
    ],
    [
      "a big quiet package with one maintainer, widely used",
      quietBig,
      oneMaintainer,
      { dependents: 12, versions: ["1.7.0"] },
      "adopt",
    ],
    [
      "a big quiet package with several maintainers (silence alone is not abandonment)",
      quietBig,
      {},
      { dependents: 12, versions: ["1.7.0"] },
      "keep",
    ],
    [
      "a tiny quiet package with one maintainer: finished, not dead",
      quietTiny,
      oneMaintainer,
      { versions: ["1.7.0"] },
      "keep",
    ],
    [
      "a tiny package running an install script",
      {
        "1.0.0": version("2024-01-01T00:00:00Z", {
          unpackedSize: 1_500,
          installScripts: ["postinstall"],
        }),
      },
      {},
      {},
      "rewrite",
    ],
  ] as const)("%s → %s", (_name, versions, evidence, pkg, expected) => {
    const result = verdictOf(versions as Record<string, VersionRecord>, {
      evidence: evidence as never,
      pkg: pkg as never,
    });
    expect(result.verdict).toBe(expected);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it("names the value and threshold in its reasons", () => {
    const result = verdictOf(quietBig, {
      evidence: oneMaintainer,
      pkg: { dependents: 12, versions: ["1.7.0"] },
    });
    expect(result.texts).toContain("last publish 116 months ago (quiet from 24 months)");
    expect(result.texts).toContain("12 packages in your tree depend on it (from 5)");
    expect(result.scores.adopt).toBe(70);
  });

  it("explains a keep by the highest action that stayed below its threshold", () => {
    const result = verdictOf(steadyHistory("2024-01-01", 9));
    expect(result.texts).toContain("no action reaches its threshold (highest: sunset 0 of 50)");
    expect(result.texts).toContain("2 maintainers can publish it");
  });

  it("keeps health and verdict apart: popularity never makes a package healthy", () => {
    const lonely = verdictOf(quietBig, {
      evidence: oneMaintainer,
      pkg: { dependents: 1, versions: ["1.7.0"] },
    });
    const popular = verdictOf(quietBig, {
      evidence: oneMaintainer,
      pkg: { dependents: 50, versions: ["1.7.0"] },
    });
    expect(popular.health).toBe(lonely.health);
  });

  it("does not judge silence from untrusted mirror times", () => {
    const times = [
      "2016-03-29",
      "2014-11-23",
      "2016-03-20",
      "2016-03-25",
      "2014-12-04",
      "2014-02-27",
    ];
    const versions = Object.fromEntries(
      times.map((t, i) => [`2.${i}.0`, version(`${t}T00:00:00Z`, { unpackedSize: 400_000 })]),
    );
    const result = verdictOf(versions, {
      evidence: { ...oneMaintainer, modified: null },
      pkg: { dependents: 12, versions: ["2.5.0"] },
    });
    expect(result.verdict).toBe("keep");
    expect(result.texts.some((t) => t.startsWith("publish times ignored:"))).toBe(true);
    expect(result.confidence).toBeLessThan(defaultPolicy.sourceWeights.registry);
  });

  it("says so when the registry gave nothing", () => {
    const statuses = { ...ok, registry: "unavailable: 404 not found" };
    const signals = computeSignals(inventoryPackage(), {}, statuses, now);
    const result = scorePackage(signals, statuses, defaultPolicy);
    expect(result.verdict).toBe("keep");
    expect(result.confidence).toBe(0);
    const [first] = result.findings;
    expect(first && formatMessage(first.code, first.args)).toBe(
      "no registry data (unavailable: 404 not found): verdict rests on the dependency graph alone",
    );
  });
});

describe("decideVerdict", () => {
  it("picks the highest action at or above its threshold, the most drastic on ties", () => {
    expect(decideVerdict({ sunset: 0, adopt: 0, fix: 49, rewrite: 0 }, defaultPolicy)).toBe("keep");
    expect(decideVerdict({ sunset: 0, adopt: 0, fix: 50, rewrite: 0 }, defaultPolicy)).toBe("fix");
    expect(decideVerdict({ sunset: 80, adopt: 0, fix: 90, rewrite: 0 }, defaultPolicy)).toBe("fix");
    expect(decideVerdict({ sunset: 60, adopt: 0, fix: 60, rewrite: 60 }, defaultPolicy)).toBe(
      "sunset",
    );
  });
});

describe("leverage", () => {
  it("does not ask to upgrade a transitive package its parent pins", () => {
    const versions = {
      "1.0.0": version("2022-01-01T00:00:00Z"),
      "3.0.0": version("2024-01-01T00:00:00Z"),
    };
    const direct = verdictOf(versions, { pkg: { versions: ["1.0.0"], direct: true } });
    const transitive = verdictOf(versions, {
      pkg: { versions: ["1.0.0"], direct: false, via: ["parent"] },
    });
    expect(direct.verdict).toBe("fix");
    expect(transitive.verdict).toBe("keep");
    expect(transitive.health).toBe(direct.health);
  });
});

describe("what would change the verdict", () => {
  it("comes first and names the fewest findings whose absence changes the verdict", () => {
    const result = verdictOf(quietBig, {
      evidence: oneMaintainer,
      pkg: { dependents: 12, versions: ["1.7.0"] },
    });
    expect(result.verdict).toBe("adopt");
    // adopt 70 of 60: without the quiet publish (25) it is 45, below the threshold.
    expect(result.texts[0]).toBe(
      "would be keep if not for: last publish 116 months ago (quiet from 24 months)",
    );
  });

  it("names the next verdict when another action is also above its threshold", () => {
    const versions = {
      "1.0.0": version("2022-01-01T00:00:00Z"),
      "3.0.0": version("2024-01-01T00:00:00Z", { deprecated: "moved to @new/pkg" }),
    };
    const result = verdictOf(versions, { pkg: { versions: ["1.0.0"] } });
    expect(result.verdict).toBe("sunset");
    expect(result.texts[0]).toBe(
      'would be fix if not for: deprecated by its publisher: "moved to @new/pkg"',
    );
  });

  it("is absent for keep, which explains itself by the nearest threshold", () => {
    expect(verdictOf(steadyHistory("2024-01-01", 9)).texts[0]).not.toMatch(/^would be/);
  });
});

describe("health from open advisories", () => {
  it("costs health by the worst open severity, and says which", () => {
    const signals = computeSignals(
      inventoryPackage(),
      { registry: registryEvidence(steadyHistory("2024-01-01", 9)) },
      ok,
      now,
    );
    const clean = scorePackage(signals, ok, defaultPolicy);
    signals.openAdvisories = {
      value: ["GHSA-aaaa-bbbb-cccc", "CVE-2024-0001"],
      unit: "list",
      trusted: true,
    };
    signals.maxSeverity = { value: "high", unit: "text", trusted: true };
    const open = scorePackage(signals, ok, defaultPolicy);
    expect(clean.health - open.health).toBe(defaultPolicy.healthPenalties.openAdvisoryHigh);
    expect(open.findings.map((f) => formatMessage(f.code, f.args))).toContain(
      "2 open advisories in the installed version (GHSA-aaaa-bbbb-cccc, CVE-2024-0001; worst high)",
    );
  });
});

describe("each fact counts once", () => {
  it("takes the strongest of findings that measure the same fact", () => {
    const finding = (code: string, points: number) =>
      ({ signal: "maintainers", code, args: {}, action: "adopt", points }) as const;
    const kept = countEachFactOnce([
      finding("quiet", 25),
      finding("gitAbandoned", 30),
      finding("soleMaintainer", 20),
      finding("busFactorOne", 20),
      finding("nonTrivialSize", 10),
    ] as never);
    expect(kept.map((f) => f.code)).toEqual(["gitAbandoned", "soleMaintainer", "nonTrivialSize"]);
  });
});
