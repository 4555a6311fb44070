import type { JengaResult, PackageResult } from "../result/types.js";
import type { Verdict } from "../scoring/verdicts.js";
import type { GateFailure } from "./evaluate-gate.js";
import { advisoriesAtFloor, type GatePolicy } from "./gate-policy.js";

/**
 * How drastic a verdict is, for "escalated": keep < fix < rewrite < adopt < sunset.
 * fix asks for an upgrade or a patch; rewrite for replacing a little code;
 * adopt for taking on maintenance; sunset for removing the package.
 */
export const verdictRank = {
  // Unknown says nothing about risk: a package that was unknown and now has a verdict is judged as new.
  unknown: 0,
  keep: 0,
  fix: 1,
  rewrite: 2,
  adopt: 3,
  sunset: 4,
} as const satisfies Record<Verdict, number>;

export interface BaselineComparison {
  /** What is new or worse than the baseline: these fail the gate. */
  failures: GateFailure[];
  /** Packages that fail the policy as they already did in the baseline: reported, not failed. */
  known: number;
}

/**
 * Pure: the gate, failing only on what is new or worse than `baseline` (a
 * previous JSON result), under the current policy:
 * - a package absent from the baseline that fails the policy;
 * - a verdict in gate.failOn that is more drastic than the baseline's;
 * - health below gate.minHealth where the baseline's was not;
 * - a waiver that has expired since the baseline.
 * A live waiver passes, as in `evaluateGate`.
 */
export function compareBaseline(
  current: JengaResult,
  baseline: JengaResult,
  gate: GatePolicy,
): BaselineComparison {
  const before = new Map(baseline.packages.map((p) => [p.name, p]));
  const failures: GateFailure[] = [];
  let known = 0;
  for (const p of current.packages) {
    const rule = worseRule(p, before.get(p.name), gate);
    if (rule === null) continue;
    if (rule === "known") {
      known++;
      continue;
    }
    failures.push({
      name: p.name,
      verdict: p.verdict,
      health: p.health,
      via: p.via,
      reason: p.reasons[0]?.text ?? "",
      rule,
    });
  }
  return { failures, known };
}

/** A new open advisory at the gate's severity floor, absent from the baseline. */
function newAdvisoryRule(
  p: PackageResult,
  base: PackageResult | undefined,
  gate: GatePolicy,
): string | "known" | null {
  const open = advisoriesAtFloor(p, gate.failOnSeverity);
  if (open.length === 0) return null;
  const before = new Set(base ? advisoriesAtFloor(base, gate.failOnSeverity) : []);
  const added = open.filter((id) => !before.has(id));
  if (added.length === 0) return "known";
  return `${base ? "" : "new package: "}new advisories at or above ${gate.failOnSeverity}: ${added.join(", ")}`;
}

/** Why `p` is new or worse, "known" when it fails as it already did, null when it passes. */
function worseRule(
  p: PackageResult,
  base: PackageResult | undefined,
  gate: GatePolicy,
): string | "known" | null {
  if (p.waiver?.expired) {
    if (base?.waiver?.expired) return "known";
    return `${base ? "" : "new package: "}waiver expired on ${p.waiver.until}`;
  }
  if (p.waiver) return null;
  const listed = gate.failOn.includes(p.verdict);
  // An unknown package is neither new risk nor an escalation: reported, never counted as new.
  if (listed && p.verdict === "unknown") return "known";
  const low = p.health !== null && p.health < gate.minHealth;
  if (!listed && !low) return newAdvisoryRule(p, base, gate);
  if (!base) {
    return listed
      ? `new package: verdict ${p.verdict} is in gate.failOn`
      : `new package: health ${p.health} below gate.minHealth ${gate.minHealth}`;
  }
  if (listed && verdictRank[p.verdict] > verdictRank[base.verdict])
    return `verdict escalated from ${base.verdict} to ${p.verdict} (in gate.failOn)`;
  if (low && (base.health === null || base.health >= gate.minHealth))
    return `health dropped from ${base.health} to ${p.health}, below gate.minHealth ${gate.minHealth}`;
  return "known";
}
