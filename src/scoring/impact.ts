import type { InventoryPackage } from "../inventory/types.js";
import type { Policy } from "./policy.js";

/**
 * Impact (0-100): how much of the analyzed projects rests on a package. It is
 * the other axis from health and never feeds it: a popular package is not a
 * healthier one, only a more costly one to lose.
 */
export function computeImpact(pkg: InventoryPackage, policy: Policy): number {
  const w = policy.impact;
  let impact = pkg.direct ? w.direct : w.transitive;
  if (pkg.scopes.some((s) => s !== "dev")) impact += w.shipped;
  // log2: the tenth dependent matters less than the second; the cap keeps one hub from dwarfing the rest.
  impact += Math.min(w.maxForDependents, w.perDoublingOfDependents * Math.log2(1 + pkg.dependents));
  impact += Math.min(w.maxForProjects, w.perExtraProject * Math.max(0, pkg.projects.length - 1));
  return Math.round(Math.min(100, impact));
}
