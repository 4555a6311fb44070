import { describe, expect, it } from "vitest";
import { formatGateTable } from "../../src/cli/format-gate.js";
import { compareBaseline, verdictRank } from "../../src/gate/compare-baseline.js";
import type { PackageResult } from "../../src/result/types.js";
import type { Verdict } from "../../src/scoring/verdicts.js";
import { jengaResult, packageResult } from "../helpers/result.js";

const gate = { failOn: ["sunset" as const, "adopt" as const], minHealth: 30 };
const expired = { reason: "r", until: "2020-01-01", expired: true };
const live = { reason: "r", until: "2099-01-01", expired: false };

type Case = [
  string,
  Partial<PackageResult> | null,
  Partial<PackageResult>,
  string | "known" | null,
];

// [what, baseline package (null: absent), current package, the failure rule or "known" or null]
const cases: Case[] = [
  [
    "a new package that fails the policy",
    null,
    { verdict: "sunset" },
    "new package: verdict sunset is in gate.failOn",
  ],
  [
    "a new package below the health floor",
    null,
    { health: 10 },
    "new package: health 10 below gate.minHealth 30",
  ],
  ["a new package that passes", null, { verdict: "fix" }, null],
  ["a known failure, unchanged", { verdict: "sunset" }, { verdict: "sunset" }, "known"],
  ["a known failure that got milder", { verdict: "sunset" }, { verdict: "adopt" }, "known"],
  [
    "a verdict escalated into failOn",
    { verdict: "fix" },
    { verdict: "adopt" },
    "verdict escalated from fix to adopt (in gate.failOn)",
  ],
  [
    "a verdict escalated within failOn",
    { verdict: "adopt" },
    { verdict: "sunset" },
    "verdict escalated from adopt to sunset (in gate.failOn)",
  ],
  ["a verdict escalated outside failOn", { verdict: "keep" }, { verdict: "rewrite" }, null],
  [
    "health dropped below the floor",
    { health: 50 },
    { health: 20 },
    "health dropped from 50 to 20, below gate.minHealth 30",
  ],
  ["health already below the floor", { health: 25 }, { health: 20 }, "known"],
  [
    "a waiver expired since",
    { verdict: "sunset", waiver: live },
    { verdict: "sunset", waiver: expired },
    "waiver expired on 2020-01-01",
  ],
  ["a waiver already expired", { waiver: expired }, { waiver: expired }, "known"],
  [
    "a new package with an expired waiver",
    null,
    { waiver: expired },
    "new package: waiver expired on 2020-01-01",
  ],
  ["a live waiver on a new failure", null, { verdict: "sunset", waiver: live }, null],
];

describe("compareBaseline", () => {
  it.each(cases)("%s", (_what, before, now, expected) => {
    const baseline = jengaResult(before ? [packageResult({ name: "p", ...before })] : []);
    const current = jengaResult([packageResult({ name: "p", ...now })]);
    const { failures, known } = compareBaseline(current, baseline, gate);
    expect(known).toBe(expected === "known" ? 1 : 0);
    expect(failures.map((f) => f.rule)).toEqual(
      expected === null || expected === "known" ? [] : [expected],
    );
  });

  it("orders verdicts keep < fix < rewrite < adopt < sunset", () => {
    const order = Object.entries(verdictRank)
      .sort(([, a], [, b]) => a - b)
      .map(([v]) => v);
    expect(order).toEqual(["unknown", "keep", "fix", "rewrite", "adopt", "sunset"]);
  });

  it("counts an unknown package as neither new risk nor an escalation", () => {
    const gate = {
      failOn: ["sunset", "unknown"] as Verdict[],
      minHealth: 50,
      failOnSeverity: null,
    };
    const { failures, known } = compareBaseline(
      jengaResult([
        packageResult({ name: "new", verdict: "unknown", health: null }),
        packageResult({ name: "was-keep", verdict: "unknown", health: null }),
      ]),
      jengaResult([packageResult({ name: "was-keep", verdict: "keep", health: 90 })]),
      gate,
    );
    expect(failures).toEqual([]);
    expect(known).toBe(2);
  });

  it("prints what is new or worse in the gate table", () => {
    const { failures } = compareBaseline(
      jengaResult([
        packageResult({ name: "a", verdict: "sunset" }),
        packageResult({ name: "b", verdict: "sunset" }),
      ]),
      jengaResult([packageResult({ name: "a", verdict: "sunset" })]),
      gate,
    );
    const table = formatGateTable(failures);
    expect(table.split("\n")[0]).toBe("jenga gate: 1 package failed");
    expect(table).toContain("new package: verdict sunset is in gate.failOn");
    expect(table).not.toMatch(/^a\s/m);
  });
});

describe("compareBaseline with gate.failOnSeverity", () => {
  const vulnerable = (ids: string[]) =>
    packageResult({
      name: "dep",
      signals: {
        openAdvisories: { value: ids, unit: "list", trusted: true },
        maxSeverity: { value: ids.length > 0 ? "critical" : "none", unit: "text", trusted: true },
      },
    });
  const severityGate = { failOn: [], minHealth: 0, failOnSeverity: "high" as const };

  it("fails only on an advisory the baseline did not have", () => {
    const before = jengaResult([vulnerable(["GHSA-1111-2222-3333"])]);
    const same = compareBaseline(
      jengaResult([vulnerable(["GHSA-1111-2222-3333"])]),
      before,
      severityGate,
    );
    expect(same).toEqual({ failures: [], known: 1 });
    const added = compareBaseline(
      jengaResult([vulnerable(["GHSA-1111-2222-3333", "GHSA-4444-5555-6666"])]),
      before,
      severityGate,
    );
    expect(added.failures.map((f) => f.rule)).toEqual([
      "new advisories at or above high: GHSA-4444-5555-6666",
    ]);
  });
});
