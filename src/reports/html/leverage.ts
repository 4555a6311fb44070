import { upstreamNeeds } from "../../result/funders.js";
import type { PackageResult } from "../../result/types.js";
import type { MessageCode } from "../../scoring/messages.js";
import { actions } from "../../scoring/verdicts.js";
import { maxOf } from "../../util/extremes.js";

/** How many packages "where to act first" lists: a to-do list, not a second table. */
export const actFirstLimit = 10;
/** How many candidates the funders' ranking lists. */
export const fundingLimit = 20;

/** How much of the user's software rests on a package: the result's impact axis (src/scoring/impact.ts). */
export function impactOf(p: PackageResult): number {
  return p.impact;
}

export function topScore(p: PackageResult): number {
  return maxOf(actions.map((a) => p.scores[a]));
}

const waived = (p: PackageResult): boolean => p.waiver !== null && !p.waiver.expired;

/**
 * A fix whose every reason is the user's own upkeep (upgrade to a fixed
 * version, leave a deprecated release or an old major line) is an upgrade
 * chore: the table lists it under fix, but it is not a maintenance risk.
 */
export function isUpgradeChore(p: PackageResult): boolean {
  return (
    p.verdict === "fix" &&
    !p.reasons.some((r) => r.action === "fix" && upstreamNeeds.has(r.code as MessageCode))
  );
}

/** Maintenance risks before the cost of owning less code: retire, adopt, help upstream fix, then rewrite. */
const riskRank: Record<string, number> = { sunset: 0, adopt: 0, fix: 0, rewrite: 1 };

/**
 * The few maintenance risks with most leverage: what to retire, adopt or help
 * upstream with before what to rewrite; direct ones first, then by dependents
 * and score. Upgrade chores stay in the table.
 */
export function whereToActFirst(packages: readonly PackageResult[]): PackageResult[] {
  return packages
    .filter(
      (p) => p.verdict !== "keep" && p.verdict !== "unknown" && !waived(p) && !isUpgradeChore(p),
    )
    .sort(
      (a, b) =>
        (riskRank[a.verdict] ?? 1) - (riskRank[b.verdict] ?? 1) ||
        Number(b.direct) - Number(a.direct) ||
        b.dependents - a.dependents ||
        topScore(b) - topScore(a) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, actFirstLimit);
}

/** The direct dependencies that bring `p` in, never `p` itself (a direct package also reached through itself). */
export function viaOthers(p: PackageResult): string[] {
  return p.via.filter((name) => name !== p.name);
}
