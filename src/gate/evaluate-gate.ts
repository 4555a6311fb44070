import type { JengaResult } from "../result/types.js";
import type { Verdict } from "../scoring/verdicts.js";
import { advisoriesAtFloor, type GatePolicy } from "./gate-policy.js";

export interface GateFailure {
  name: string;
  verdict: Verdict;
  health: number;
  /** Why it fails the gate, in words. */
  rule: string;
  /** The package's top reason. */
  reason: string;
  via: string[];
}

/**
 * Pure: which packages fail the gate. A package with a live waiver passes; an
 * expired waiver is itself a failure, so accepted risks are re-examined.
 */
export function evaluateGate(result: JengaResult, gate: GatePolicy): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const p of result.packages) {
    const base = {
      name: p.name,
      verdict: p.verdict,
      health: p.health,
      via: p.via,
      reason: p.reasons[0]?.text ?? "",
    };
    if (p.waiver?.expired) {
      failures.push({ ...base, rule: `waiver expired on ${p.waiver.until}` });
      continue;
    }
    if (p.waiver) continue;
    if (gate.failOn.includes(p.verdict))
      failures.push({ ...base, rule: `verdict ${p.verdict} is in gate.failOn` });
    else if (p.health < gate.minHealth)
      failures.push({ ...base, rule: `health ${p.health} below gate.minHealth ${gate.minHealth}` });
    else {
      const open = advisoriesAtFloor(p, gate.failOnSeverity);
      if (open.length > 0)
        failures.push({
          ...base,
          rule: `open advisories at or above ${gate.failOnSeverity}: ${open.join(", ")}`,
        });
    }
  }
  return failures;
}
