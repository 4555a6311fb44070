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
      // Appended in place: copying the list per child made a package with 150,000 risky
      // dependencies cost 150,000² / 2 copies.
      const list = below.get(parent);
      if (list) list.push(p.name);
      else below.set(parent, [p.name]);
    }
    if (p.via.length > 0) {
      const text = formatMessage("actVia", { via: namedFew(p.via) });
      // Right after the top reason: the verdict, then where to act on it.
      p.reasons.splice(1, 0, { signal: "direct", code: "actVia", text, action: null, points: 0 });
    }
  }
  for (const p of packages) p.risksBelow = p.direct ? (below.get(p.name) ?? []).sort() : [];
}

/** A reason names a few direct dependencies; `via` itself lists them all. */
const VIA_NAMED = 5;

function namedFew(via: readonly string[]): string {
  const named = via.slice(0, VIA_NAMED).join(", ");
  return via.length > VIA_NAMED ? `${named} and ${via.length - VIA_NAMED} more` : named;
}

/** Verdicts that say nobody will move a package's own dependencies forward. */
const stuck = new Set(["adopt", "sunset"]);

/**
 * Downstream drag: a package whose maintenance is at risk (adopt) or that is
 * on its way out (sunset), depending on a package whose advisory is fixed only
 * in a new major. A dependent's semver range stops at the major it was
 * written for, so the fix cannot arrive until that dependent moves, and a
 * stuck one will not: the fix is blocked, and replacing the stuck package is
 * the way to it. Both sides get a reason.
 */
export function attachDownstreamDrag(
  packages: PackageResult[],
  dependenciesOf: Map<string, string[]>,
): void {
  const byName = new Map(packages.map((p) => [p.name, p]));
  for (const parent of packages) {
    if (!stuck.has(parent.verdict)) continue;
    for (const childName of dependenciesOf.get(parent.name) ?? []) {
      const child = byName.get(childName);
      const open = child?.signals.openAdvisories;
      if (!child || !open?.detail || Number(open.detail.crossesMajor) !== 1 || !open.detail.fixable)
        continue;
      const args = {
        parent: parent.name,
        verdict: parent.verdict,
        child: child.name,
        ids: String(open.detail.fixable),
      };
      parent.blocksFixOf.push(child.name);
      parent.reasons.push({
        signal: "openAdvisories",
        code: "blocksFix",
        text: formatMessage("blocksFix", args),
        action: null,
        points: 0,
      });
      child.reasons.splice(1, 0, {
        signal: "openAdvisories",
        code: "fixBlockedBy",
        text: formatMessage("fixBlockedBy", args),
        action: null,
        points: 0,
      });
    }
  }
}
