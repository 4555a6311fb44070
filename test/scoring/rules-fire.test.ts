import { describe, expect, it } from "vitest";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { allRules } from "../../src/scoring/rules/index.js";
import { runRules } from "../../src/scoring/run-rules.js";
import type { SignalSet } from "../../src/signals/compute-signals.js";
import type { SignalResult } from "../../src/signals/define-signal.js";

/** A signal value as computeSignals makes it. */
const s = (value: SignalResult["value"], more: Partial<SignalResult> = {}): SignalResult => ({
  value,
  unit: "count",
  trusted: true,
  ...more,
});
const silent = {
  commitsLast12Months: s(0),
  monthsSinceLastHumanCommit: s(40),
  monthsSinceLastPublish: s(40),
  sourceFiles: s(60),
  linesOfCode: s(9_000),
};
const open = (detail: Record<string, string | number>) => ({
  openAdvisories: s(["GHSA-1", "MAL-2"], { detail: { installed: "1.0.0", ...detail } }),
  maxSeverity: s("high"),
});
const usage = (value: string, detail: Record<string, string | number> = {}) => ({
  usageClass: s(value, { detail: { declaredAs: "prod", ...detail } }),
});
const responses = {
  openIssues: s(40),
  firstResponseDays: s(90, { detail: { sampled: 10, unanswered: 8 } }),
  issuesPerMonth: s(3, { detail: { opened: 20, stillOpen: 15, months: 6 } }),
};

/** For each rule that feeds a verdict or a note, the smallest evidence that makes it fire. */
const firing: Record<string, SignalSet> = {
  deprecated: { deprecated: s(true, { note: "gone" }) },
  repoArchived: { archived: s(true, { note: "https://example.test/x" }) },
  readmeUnmaintained: { maintenanceNotice: s("unmaintained", { note: "no longer maintained" }) },
  maliciousPackage: open({ fixable: "", unfixed: "MAL-2" }),
  declaredNeverImported: usage("unused"),
  typesShippedByPackage: usage("unused", { typesShippedBy: "yaml" }),
  deadCodeOnly: usage("dead-code-only", { firstSite: "src/old.js:1" }),
  abandonedWithSuccessor: {
    ...silent,
    deprecated: s(false),
    replacement: s(["fetch"], { detail: { kind: "preferred" } }),
  },
  abandoned: silent,
  soleMaintainer: { maintainers: s(1) },
  busFactorOne: { busFactor: s(1, { detail: { months: 36, authors: 2 } }) },
  widelyDepended: { dependents: s(9) },
  nonTrivialSize: { unpackedSize: s(500_000) },
  lowActivity: { commitsLast12Months: s(2), sourceFiles: s(40), linesOfCode: s(5_000) },
  decliningActivity: { commitTrend: s(0.2, { detail: { last12Months: 4, previous12Months: 20 } }) },
  readmeLookingForMaintainers: {
    maintenanceNotice: s("looking-for-maintainers", { note: "help wanted" }),
  },
  reportsPilingUp: responses,
  advisoriesNeglected: { advisoriesTotal: s(4), neverFixedShare: s(0.75) },
  nativeReplacement: { replacement: s(["Object.assign"], { detail: { kind: "native" } }) },
  microUtilityReplacement: {
    replacement: s(["n % 2 === 0"], { detail: { kind: "micro-utility" } }),
  },
  tinyPackage: { unpackedSize: s(1_000) },
  tinyWithInstallScript: { unpackedSize: s(1_000), installScripts: s(["postinstall"]) },
  chronicAdvisoriesSmall: {
    advisoriesLast3Years: s(2, { detail: { years: 3 } }),
    unpackedSize: s(9_000),
  },
  smallUsedFraction: {
    usedFraction: s(0.02, { detail: { totalBytes: 900_000, usedBytes: 18_000 } }),
  },
  largeUsedFraction: {
    usedFraction: s(0.9, { detail: { totalBytes: 90_000, usedBytes: 81_000 } }),
  },
  heavilyUsed: { importSites: s(30, { detail: { files: 12 } }) },
  openAdvisoryFixable: open({ fixable: "GHSA-1", unfixed: "", upgrades: "1.0.1" }),
  openAdvisoryUnfixed: open({ fixable: "", unfixed: "GHSA-1" }),
  installedDeprecated: {
    deprecated: s(false),
    installedDeprecated: s(["1.0.0"], { note: "broken" }),
  },
  outOfSupportLine: {
    direct: s(true),
    installedLineMonths: s(40, { detail: { line: "1.x", latestLine: "2.x", latestLineMonths: 2 } }),
  },
  slowFixes: { timeToFix: s(400) },
  slowResponses: {
    firstResponseDays: s(30, { detail: { sampled: 10, unanswered: 1 } }),
    timeToCloseDays: s(60),
  },
  majorsBehind: {
    direct: s(true),
    majorsBehind: s(2, { detail: { installed: "1.0.0", latest: "3.0.0" } }),
  },
  misplacedInDependencies: usage("type-only"),
  misplacedDeclaration: {
    misplacedDeclaration: s(["declared by a"], { detail: { declaredNotUsed: "a" } }),
  },
  usageUnknown: usage("unknown", { blindSpot: "a computed import" }),
};

describe("every rule", () => {
  it.each(allRules.filter((r) => r.feeds !== "health").map((r) => [r.id, r.feeds]))(
    "%s fires on its evidence and feeds %s",
    (id, feeds) => {
      const signals = firing[id];
      expect(signals, `no firing evidence for ${id}`).toBeDefined();
      const fired = runRules(signals as SignalSet, defaultPolicy).results.find(
        (r) => r.rule.id === id,
      );
      expect(fired, `${id} did not fire`).toBeDefined();
      const action = feeds === "note" ? null : feeds;
      expect(fired?.finding.action).toBe(action);
      if (action && id !== "heavilyUsed" && id !== "largeUsedFraction")
        expect(fired?.finding.points).toBeGreaterThan(0);
    },
  );

  it("stays silent on an empty signal set", () => {
    expect(runRules({}, defaultPolicy).results).toEqual([]);
  });

  it("never makes notes into verdict points", () => {
    const notes = [
      "majorsBehind",
      "misplacedInDependencies",
      "misplacedDeclaration",
      "usageUnknown",
    ];
    for (const id of notes) {
      const found = runRules(firing[id] as SignalSet, defaultPolicy).results.find(
        (r) => r.rule.id === id,
      );
      expect(found?.finding.points, id).toBe(0);
    }
  });
});

describe("a stranger's absurd evidence", () => {
  it("costs the rule that choked on it, said in the reasons, never the run", () => {
    // A detail that is not an object: a rule reading it throws.
    const poisoned = {
      openAdvisories: { value: ["GHSA-1"], unit: "list", trusted: true, detail: null },
      maxSeverity: s("high"),
      commitTrend: s(0.1, {
        detail: new Proxy(
          {},
          {
            get: () => {
              throw new Error("boom");
            },
          },
        ),
      }),
    } as unknown as SignalSet;
    const { failed } = runRules(poisoned, defaultPolicy);
    expect(failed).toEqual(["decliningActivity"]);
  });
});
