import type { PackageResult } from "../../result/types.js";
import { actions } from "../../scoring/verdicts.js";

/**
 * A direct dependency counts as if this many packages depended on it: it is
 * where the user can act themselves (DESIGN.md, "the user's leverage"), and a
 * bare dependents count would rank a deep transitive hub above it.
 */
const directWeight = 5;
/** How many packages "where to act first" lists: a to-do list, not a second table. */
export const actFirstLimit = 10;
/** How many candidates the funders' ranking lists. */
export const fundingLimit = 20;

/** How much of the user's software rests on a package: dependents, direct use, and how many projects share it. */
export function impactOf(p: PackageResult): number {
  return (p.dependents + (p.direct ? directWeight : 0)) * Math.max(1, p.projects.length);
}

export function topScore(p: PackageResult): number {
  return Math.max(...actions.map((a) => p.scores[a]));
}

const waived = (p: PackageResult): boolean => p.waiver !== null && !p.waiver.expired;

/** The few non-keep packages with most leverage: direct ones first, then by dependents and score. */
export function whereToActFirst(packages: readonly PackageResult[]): PackageResult[] {
  return packages
    .filter((p) => p.verdict !== "keep" && !waived(p))
    .sort(
      (a, b) =>
        Number(b.direct) - Number(a.direct) ||
        b.dependents - a.dependents ||
        topScore(b) - topScore(a) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, actFirstLimit);
}

/**
 * Grant targets: adopt and fix candidates ranked by impact × (100 − health),
 * so a widely used package in poor health ranks above a sick one nobody uses.
 */
export function fundingCandidates(
  packages: readonly PackageResult[],
): { pkg: PackageResult; need: number }[] {
  return packages
    .filter((p) => p.verdict === "adopt" || p.verdict === "fix")
    .map((pkg) => ({ pkg, need: impactOf(pkg) * (100 - pkg.health) }))
    .sort((a, b) => b.need - a.need || a.pkg.name.localeCompare(b.pkg.name))
    .slice(0, fundingLimit);
}
