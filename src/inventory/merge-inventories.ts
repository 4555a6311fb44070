import { SCOPES } from "./graph-index.js";
import type { GraphSummary } from "./summarize-graph.js";
import type { InventoryPackage } from "./types.js";
import { distinctVersions, preferredOrigin } from "./versions.js";

/**
 * Several projects in one inventory, merged by package name: versions, scopes,
 * via and projects are unioned, `direct` is true if direct anywhere, `path` is
 * the shortest (the earlier project on a tie). `dependents` counts distinct
 * dependents across projects: the same `debug@4.4.3` depending on `ms` in two
 * projects counts once, two projects' roots count twice.
 */
export function mergeSummaries(summaries: readonly GraphSummary[]): InventoryPackage[] {
  if (summaries.length === 1 && summaries[0]) return summaries[0].packages;
  const merged = new Map<string, InventoryPackage>();
  const dependents = new Map<string, Set<string>>();
  for (const summary of summaries) {
    for (const next of summary.packages) {
      const seen = merged.get(next.name);
      merged.set(next.name, seen ? mergePackage(seen, next) : { ...next });
      const into = dependents.get(next.name) ?? new Set<string>();
      for (const id of summary.dependentsByName.get(next.name) ?? []) into.add(id);
      dependents.set(next.name, into);
    }
  }
  const packages = [...merged.values()].map((pkg) => ({
    ...pkg,
    dependents: dependents.get(pkg.name)?.size ?? 0,
  }));
  return packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function mergePackage(a: InventoryPackage, b: InventoryPackage): InventoryPackage {
  const shorter = a.path.length === 0 || (b.path.length > 0 && b.path.length < a.path.length);
  return {
    name: a.name,
    versions: distinctVersions([...a.versions, ...b.versions]),
    direct: a.direct || b.direct,
    scopes: SCOPES.filter((scope) => a.scopes.includes(scope) || b.scopes.includes(scope)),
    dependents: 0,
    path: shorter ? b.path : a.path,
    dependencies: [...new Set([...a.dependencies, ...b.dependencies])].sort(),
    via: [...new Set([...a.via, ...b.via])].sort(),
    projects: [...new Set([...a.projects, ...b.projects])],
    origin: preferredOrigin([a.origin, b.origin]),
  };
}
