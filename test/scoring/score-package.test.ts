import { describe, expect, it } from "vitest";
import type { RegistryEvidence, VersionRecord } from "../../src/collectors/registry/types.js";
import type { InventoryPackage } from "../../src/inventory/types.js";
import { formatMessage } from "../../src/scoring/messages.js";
import { defaultPolicy, type Policy } from "../../src/scoring/policy.js";
import { decideVerdict, scorePackage } from "../../src/scoring/score-package.js";
import type { SignalSet } from "../../src/signals/compute-signals.js";
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

interface Options {
  evidence?: Partial<RegistryEvidence>;
  pkg?: Partial<InventoryPackage>;
  extra?: SignalSet;
  policy?: Policy;
}

function verdictOf(versions: Record<string, VersionRecord>, options: Options = {}) {
  const policy = options.policy ?? defaultPolicy;
  const pkg = inventoryPackage(options.pkg);
  const signals = {
    ...computeSignals(
      pkg,
      { registry: registryEvidence(versions, options.evidence) },
      ok,
      now,
      policy,
    ),
    ...options.extra,
  };
  const score = scorePackage(signals, ok, policy);
  return { ...score, texts: score.findings.map((f) => formatMessage(f.code, f.args)) };
}

const oneMaintainer = { maintainers: [{ name: "solo", email: null }] };
const quietBig = steadyHistory("2015-01-01", 8, { unpackedSize: 400_000 });
const quietTiny = steadyHistory("2015-01-01", 8, { unpackedSize: 2_000 });
const mirror = { maintainers: null, created: null, modified: null };
/** Copy times of a mirror: every version "published" within minutes. */
const mirrorTimes = Object.fromEntries(
  ["1.0.0", "1.1.0", "2.0.0", "2.1.0", "3.0.0", "3.1.0"].map((v, i) => [
    v,
    version(`2026-05-20T10:0${i}:00Z`, { unpackedSize: 400_000 }),
  ]),
);
const unused: SignalSet = {
  usageClass: { value: "unused", unit: "text", trusted: true, detail: { declaredAs: "prod" } },
};

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
      "two majors behind, all lines maintained: upkeep, not a problem",
      {
        "1.0.0": version("2025-01-01T00:00:00Z"),
        "2.0.0": version("2025-06-01T00:00:00Z"),
        "3.0.0": version("2026-01-01T00:00:00Z"),
      },
      {},
      { versions: ["1.0.0"] },
      "keep",
    ],
    [
      "a pinned line out of support while a newer one is released",
      {
        "1.0.0": version("2020-01-01T00:00:00Z"),
        "1.9.0": version("2021-01-01T00:00:00Z"),
        "2.0.0": version("2025-01-01T00:00:00Z"),
        "2.4.0": version("2026-03-01T00:00:00Z"),
      },
      {},
      { versions: ["1.9.0"] },
      "fix",
    ],
    [
      "a big quiet package with one maintainer, widely used",
      quietBig,
      oneMaintainer,
      { dependents: 12, versions: ["1.7.0"] },
      "adopt",
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
    [
      "a package the platform replaces, from the lockfile alone",
      { "4.1.1": version("2016-01-01T00:00:00Z", { unpackedSize: 3_900 }) },
      {},
      { name: "object-assign", versions: ["4.1.1"] },
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
    expect(result.texts).toContain(
      "no release for 116 months, and not small enough to be finished (abandoned from 24 months)",
    );
    expect(result.texts).toContain("12 packages in your tree depend on it (from 5)");
    // abandoned 40 + one maintainer 20 + 12 dependents 15 + 400 KB 20.
    expect(result.scores.adopt).toBe(95);
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

  it("makes majors behind a note on a direct dependency, never a verdict, never health", () => {
    const versions = {
      "1.0.0": version("2025-01-01T00:00:00Z"),
      "2.0.0": version("2025-06-01T00:00:00Z"),
      "3.0.0": version("2026-01-01T00:00:00Z"),
    };
    const direct = verdictOf(versions, { pkg: { versions: ["1.0.0"], direct: true } });
    const transitive = verdictOf(versions, {
      pkg: { versions: ["1.0.0"], direct: false, via: ["parent"] },
    });
    expect(direct.verdict).toBe("keep");
    expect(direct.scores.fix).toBe(0);
    expect(direct.texts).toContain(
      "2 major lines behind (installed 1.0.0, latest 3.0.0): an upgrade to plan, not a problem of the package",
    );
    expect(transitive.texts.some((t) => t.includes("major lines behind"))).toBe(false);
    expect(transitive.health).toBe(direct.health);
  });

  it("sunsets a declared but unused dependency, however far behind it is", () => {
    const versions = {
      "1.0.0": version("2025-01-01T00:00:00Z"),
      "2.0.0": version("2025-06-01T00:00:00Z"),
      "3.0.0": version("2026-01-01T00:00:00Z"),
    };
    const result = verdictOf(versions, { pkg: { versions: ["1.0.0"] }, extra: unused });
    expect(result.verdict).toBe("sunset");
  });

  it("names the out-of-support line, how long it has been silent and the maintained one", () => {
    const result = verdictOf(
      {
        "1.9.0": version("2021-01-01T00:00:00Z"),
        "2.0.0": version("2025-01-01T00:00:00Z"),
        "2.4.0": version("2026-03-01T00:00:00Z"),
      },
      { pkg: { versions: ["1.9.0"] } },
    );
    expect(result.texts).toContain(
      "the installed line 1.x has had no release for 64 months (out of support from 24 months) while 2.x was released 3 months ago: move to the maintained line",
    );
  });
});

describe("unknown is not healthy", () => {
  it("gives unknown and no health when there is no git history and publish times are untrusted", () => {
    const result = verdictOf(mirrorTimes, {
      evidence: mirror,
      pkg: { dependents: 12, versions: ["3.1.0"] },
    });
    expect(result.verdict).toBe("unknown");
    expect(result.health).toBeNull();
    expect(result.texts[0]).toMatch(
      /^not enough evidence to decide: no git history \(skipped\); publish times not trusted/,
    );
    expect(result.confidence).toBeLessThanOrEqual(defaultPolicy.untrustedPenalty);
    // Mirror facts are said once, in the run notes: never repeated in a package's reasons.
    expect(
      result.texts.filter((t) => /copy times|omits maintainers|publish times ignored/.test(t)),
    ).toEqual([]);
  });

  it("still decides on a decisive fact: unused, deprecated or replaced by the platform", () => {
    expect(
      verdictOf(mirrorTimes, { evidence: mirror, pkg: { versions: ["3.1.0"] }, extra: unused })
        .verdict,
    ).toBe("sunset");
    const deprecated = Object.fromEntries(
      Object.entries(mirrorTimes).map(([v, r]) => [v, { ...r, deprecated: "use bar instead" }]),
    );
    expect(verdictOf(deprecated, { evidence: mirror, pkg: { versions: ["3.1.0"] } }).verdict).toBe(
      "sunset",
    );
    const replaced = verdictOf(mirrorTimes, {
      evidence: mirror,
      pkg: { name: "object-assign", versions: ["3.1.0"] },
    });
    expect(replaced.verdict).toBe("rewrite");
    expect(replaced.health).toBeNull();
  });

  it("says so when the registry gave nothing", () => {
    const statuses = { ...ok, registry: "unavailable: 404 not found" };
    const signals = computeSignals(inventoryPackage(), {}, statuses, now, defaultPolicy);
    const result = scorePackage(signals, statuses, defaultPolicy);
    expect(result.verdict).toBe("unknown");
    expect(result.health).toBeNull();
    expect(result.confidence).toBe(0);
    const texts = result.findings.map((f) => formatMessage(f.code, f.args));
    expect(texts).toContain(
      "no registry data (unavailable: 404 not found): verdict rests on the dependency graph alone",
    );
  });
});

describe("decideVerdict", () => {
  it("takes removal over replacement over a fix over adoption, each at its threshold", () => {
    expect(decideVerdict({ sunset: 0, adopt: 0, fix: 49, rewrite: 0 }, defaultPolicy)).toBe("keep");
    expect(decideVerdict({ sunset: 0, adopt: 0, fix: 50, rewrite: 0 }, defaultPolicy)).toBe("fix");
    expect(decideVerdict({ sunset: 60, adopt: 0, fix: 90, rewrite: 0 }, defaultPolicy)).toBe(
      "sunset",
    );
    expect(decideVerdict({ sunset: 0, adopt: 70, fix: 60, rewrite: 55 }, defaultPolicy)).toBe(
      "rewrite",
    );
    expect(decideVerdict({ sunset: 0, adopt: 90, fix: 50, rewrite: 0 }, defaultPolicy)).toBe("fix");
    expect(decideVerdict({ sunset: 0, adopt: 60, fix: 49, rewrite: 0 }, defaultPolicy)).toBe(
      "adopt",
    );
  });
});

describe("what would change the verdict", () => {
  it("comes first and names the fewest findings whose absence changes the verdict", () => {
    const result = verdictOf(quietBig, {
      evidence: oneMaintainer,
      pkg: { dependents: 12, versions: ["1.7.0"] },
    });
    expect(result.verdict).toBe("adopt");
    // adopt 95 of 60: without the silence (40) it is 55, below the threshold.
    expect(result.texts[0]).toBe(
      "would be keep if not for: no release for 116 months, and not small enough to be finished (abandoned from 24 months)",
    );
  });

  it("names the next verdict when another action also reaches its threshold", () => {
    const versions = {
      "1.0.0": version("2024-01-01T00:00:00Z", {
        unpackedSize: 1_500,
        installScripts: ["postinstall"],
        deprecated: "moved to @new/pkg",
      }),
    };
    const result = verdictOf(versions);
    expect(result.verdict).toBe("sunset");
    expect(result.texts[0]).toBe(
      'would be rewrite if not for: deprecated by its publisher: "moved to @new/pkg"',
    );
  });

  it("is absent for keep, which explains itself by the nearest threshold", () => {
    expect(verdictOf(steadyHistory("2024-01-01", 9)).texts[0]).not.toMatch(/^would be/);
  });
});

describe("health from open advisories", () => {
  it("costs health by the worst open severity, and says which", () => {
    const clean = verdictOf(steadyHistory("2024-01-01", 9));
    const open = verdictOf(steadyHistory("2024-01-01", 9), {
      extra: {
        openAdvisories: {
          value: ["GHSA-aaaa-bbbb-cccc", "CVE-2024-0001"],
          unit: "list",
          trusted: true,
        },
        maxSeverity: { value: "high", unit: "text", trusted: true },
      },
    });
    expect((clean.health ?? 0) - (open.health ?? 0)).toBe(
      defaultPolicy.healthPenalties.openAdvisoryHigh,
    );
    expect(open.texts).toContain(
      "2 open advisories in the installed version (GHSA-aaaa-bbbb-cccc, CVE-2024-0001; worst high)",
    );
  });
});

describe("rules as data", () => {
  it("lets a config turn a rule off or change its points by id", () => {
    const base = verdictOf(quietBig, {
      evidence: oneMaintainer,
      pkg: { dependents: 12, versions: ["1.7.0"] },
    });
    const off = { ...defaultPolicy, rules: { abandoned: { enabled: false } } };
    const quietOff = verdictOf(quietBig, {
      evidence: oneMaintainer,
      pkg: { dependents: 12, versions: ["1.7.0"] },
      policy: off,
    });
    expect(base.verdict).toBe("adopt");
    expect(quietOff.verdict).toBe("keep");
    const louder = { ...defaultPolicy, rules: { widelyDepended: { points: 40 } } };
    expect(
      verdictOf(quietBig, {
        evidence: oneMaintainer,
        pkg: { dependents: 12, versions: ["1.7.0"] },
        policy: louder,
      }).scores.adopt,
    ).toBe(100);
  });

  it("keeps the old points keys working as aliases of the rules that replaced them", () => {
    const legacy = { ...defaultPolicy, points: { ...defaultPolicy.points, gitAbandoned: 0 } };
    const result = verdictOf(quietBig, {
      evidence: oneMaintainer,
      pkg: { dependents: 12, versions: ["1.7.0"] },
      policy: legacy,
    });
    expect(result.scores.adopt).toBe(55);
  });
});
