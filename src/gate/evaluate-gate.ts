import type { JengaResult, PackageResult } from "../result/types.js";
import type { Verdict } from "../scoring/verdicts.js";
import { advisoriesAtFloor, type GatePolicy } from "./gate-policy.js";

export interface GateFailure {
  name: string;
  verdict: Verdict;
  health: number | null;
  /** Why it fails the gate, in words. */
  rule: string;
  /** The package's top reason. */
  reason: string;
  via: string[];
}

/**
 * Pure: which packages fail the gate. A package with a live waiver passes; an
 * expired waiver is itself a failure, so accepted risks are re-examined.
 * Checks that could not run are not failures of a package: see `uncheckedRules`.
 */
export function evaluateGate(result: JengaResult, gate: GatePolicy): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const p of result.packages) {
    const rule = failedRule(p, gate);
    if (rule) failures.push({ ...failureOf(p), rule });
  }
  return failures;
}

export function failureOf(p: PackageResult): Omit<GateFailure, "rule"> {
  return {
    name: p.name,
    verdict: p.verdict,
    health: p.health,
    via: p.via,
    reason: p.reasons[0]?.text ?? "",
  };
}

/** The first gate rule `p` fails, or null. */
export function failedRule(p: PackageResult, gate: GatePolicy): string | null {
  if (p.waiver?.expired) return `waiver expired on ${p.waiver.until}`;
  if (p.waiver) return null;
  if (gate.failOn.includes(p.verdict)) return `verdict ${p.verdict} is in gate.failOn`;
  if (p.health !== null && p.health < gate.minHealth)
    return `health ${p.health} below gate.minHealth ${gate.minHealth}`;
  const open = advisoriesAtFloor(p, gate.failOnSeverity);
  if (open.length > 0)
    return `open advisories at or above ${gate.failOnSeverity}: ${open.join(", ")}`;
  const behind = majorsBehindAtLimit(p, gate);
  if (behind !== null)
    return `${behind} major lines behind (gate.failOnMajorsBehind ${gate.failOnMajorsBehind})`;
  return null;
}

function majorsBehindAtLimit(p: PackageResult, gate: GatePolicy): number | null {
  const limit = gate.failOnMajorsBehind ?? null;
  const behind = p.signals.majorsBehind?.value;
  if (limit === null || !p.direct || typeof behind !== "number") return null;
  return behind >= limit ? behind : null;
}

/**
 * The gate fails closed (DESIGN.md): a check that could not run for some
 * packages is a failure, one line per check, unless `gate.allowMissing` names
 * the source it needed — as npm audit fails when its endpoint is unreachable.
 */
export function uncheckedRules(result: JengaResult, gate: GatePolicy): string[] {
  const allowed = new Set<string>(gate.allowMissing ?? []);
  const lines: string[] = [];
  const judged = result.packages.filter((p) => !p.waiver || p.waiver.expired);
  if (gate.failOnSeverity && !allowed.has("advisories")) {
    const missing = judged.filter((p) => p.sources.advisories !== "ok");
    if (missing.length > 0)
      lines.push(
        `not checked: advisories (gate.failOnSeverity ${gate.failOnSeverity}) for ${countOf(missing.length, result.packages.length)}: ${topStatuses(missing.map((p) => p.sources.advisories))}`,
      );
  }
  if (gate.minHealth > 0 && !allowed.has("git")) {
    const unknown = judged.filter((p) => p.health === null);
    if (unknown.length > 0)
      lines.push(
        `not checked: gate.minHealth ${gate.minHealth} for ${countOf(unknown.length, result.packages.length)}: health unknown (no git history and no trustworthy publish times)`,
      );
  }
  if (lines.length > 0)
    lines.push(
      `  (list the missing source in gate.allowMissing to accept running without it: ${[...new Set(lines.map((l) => (l.includes("advisories") ? "advisories" : "git")))].join(", ")})`,
    );
  return lines;
}

function countOf(n: number, of: number): string {
  return `${n} of ${of} package${of === 1 ? "" : "s"}`;
}

/** The two commonest statuses, with counts: enough to say why without a line per package. */
function topStatuses(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = top.slice(0, 2).map(([s, n]) => `${s} (${n})`);
  return top.length > 2 ? `${shown.join("; ")}; …` : shown.join("; ");
}
