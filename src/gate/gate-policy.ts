import type { SourceName } from "../collectors/types.js";
import type { PackageResult } from "../result/types.js";
import { type GateSeverity, gateSeverities } from "../scoring/policy.js";
import type { Verdict } from "../scoring/verdicts.js";

/** What `jenga gate` fails on (config `gate`), as recorded in the JSON result. */
export interface GatePolicy {
  failOn: Verdict[];
  minHealth: number;
  /** Fail on an open advisory of this severity or worse; null: advisories count through the verdict only. */
  failOnSeverity: GateSeverity | null;
  /** Sources whose absence the gate accepts (absent in results written before it existed). */
  allowMissing?: SourceName[];
  /** Direct dependencies this many major lines behind fail; null or absent: off. */
  failOnMajorsBehind?: number | null;
}

/**
 * The open advisories of a package that reach the gate's severity floor. Only
 * the worst open severity is recorded per package, so when it reaches the
 * floor every open advisory is listed: the gate names them all for review.
 */
export function advisoriesAtFloor(p: PackageResult, floor: GateSeverity | null): string[] {
  if (!floor) return [];
  const worst = p.signals.maxSeverity?.value;
  const open = p.signals.openAdvisories?.value;
  if (typeof worst !== "string" || !Array.isArray(open)) return [];
  const rank = gateSeverities.indexOf(worst as GateSeverity);
  return rank >= gateSeverities.indexOf(floor) ? open : [];
}
