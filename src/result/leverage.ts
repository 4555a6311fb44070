import { formatMessage } from "../scoring/messages.js";
import type { PackageResult } from "./types.js";

/**
 * Where the user can act. A transitive package's finding is attributed to the
 * direct dependencies that bring it in (upgrading or replacing those is the
 * lever), and each direct dependency lists the risky packages under it.
 * Pure; runs once over all packages, after each has been scored.
 */
export function attachLeverage(packages: PackageResult[]): void {
  const below = new Map<string, string[]>();
  for (const p of packages) {
    if (p.verdict === "keep" || p.direct) continue;
    for (const parent of p.via) {
      if (parent === p.name) continue;
      below.set(parent, [...(below.get(parent) ?? []), p.name]);
    }
    if (p.via.length > 0) {
      const text = formatMessage("actVia", { via: p.via.join(", ") });
      // Right after the top reason: the verdict, then where to act on it.
      p.reasons.splice(1, 0, { signal: "direct", code: "actVia", text, action: null, points: 0 });
    }
  }
  for (const p of packages) p.risksBelow = p.direct ? (below.get(p.name) ?? []).sort() : [];
}
