import type { PackageResult } from "../../result/types.js";
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

/** The few non-keep packages with most leverage: direct ones first, then by dependents and score. */
export function whereToActFirst(packages: readonly PackageResult[]): PackageResult[] {
  return packages
    .filter((p) => p.verdict !== "keep" && p.verdict !== "unknown" && !waived(p))
    .sort(
      (a, b) =>
        Number(b.direct) - Number(a.direct) ||
        b.dependents - a.dependents ||
        topScore(b) - topScore(a) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, actFirstLimit);
}
