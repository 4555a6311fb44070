import { describe, expect, it } from "vitest";
import { formatGateTable } from "../../src/cli/format-gate.js";
import { evaluateGate } from "../../src/gate/evaluate-gate.js";
import { jengaResult, packageResult } from "../helpers/result.js";

const gate = { failOn: ["sunset" as const], minHealth: 40 };

describe("evaluateGate", () => {
  it("fails on listed verdicts and low health, passes waived packages, fails expired waivers", () => {
    const result = jengaResult([
      packageResult({ name: "ok" }),
      packageResult({ name: "gone", verdict: "sunset", health: 20 }),
      packageResult({ name: "weak", verdict: "fix", health: 30 }),
      packageResult({
        name: "accepted",
        verdict: "sunset",
        waiver: { reason: "r", until: "2099-01-01", expired: false },
      }),
      packageResult({
        name: "lapsed",
        verdict: "keep",
        waiver: { reason: "r", until: "2020-01-01", expired: true },
      }),
    ]);
    const failures = evaluateGate(result, gate);
    expect(failures.map((f) => [f.name, f.rule])).toEqual([
      ["gone", "verdict sunset is in gate.failOn"],
      ["weak", "health 30 below gate.minHealth 40"],
      ["lapsed", "waiver expired on 2020-01-01"],
    ]);
  });

  it("prints a short table with no control characters from package data", () => {
    const failures = evaluateGate(
      jengaResult([
        packageResult({ name: "evil\u001b[2J", verdict: "sunset", via: ["x"], direct: false }),
      ]),
      gate,
    );
    const table = formatGateTable(failures);
    expect(table).not.toContain("\u001b");
    expect(table.split("\n")[0]).toBe("jenga gate: 1 package failed");
    expect(table).toContain("via x");
  });
});

describe("gate.failOnSeverity", () => {
  const withAdvisories = (name: string, severity: string, ids: string[]) =>
    packageResult({
      name,
      signals: {
        openAdvisories: { value: ids, unit: "list", trusted: true },
        maxSeverity: { value: severity, unit: "text", trusted: true },
      },
    });

  it("fails packages with an open advisory at or above the floor, whatever their verdict", () => {
    const result = jengaResult([
      withAdvisories("bad", "high", ["GHSA-aaaa-bbbb-cccc"]),
      withAdvisories("mild", "medium", ["GHSA-dddd-eeee-ffff"]),
      withAdvisories("clean", "none", []),
    ]);
    const failures = evaluateGate(result, { failOn: [], minHealth: 0, failOnSeverity: "high" });
    expect(failures.map((f) => [f.name, f.rule])).toEqual([
      ["bad", "open advisories at or above high: GHSA-aaaa-bbbb-cccc"],
    ]);
    expect(evaluateGate(result, { failOn: [], minHealth: 0, failOnSeverity: null })).toEqual([]);
  });
});
