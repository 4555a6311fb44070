import semver from "semver";
import type { PackageOrigin } from "./types.js";

/** Ascending by semver; versions semver cannot read (git refs, URLs) last, in text order. "" is dropped. */
export function distinctVersions(versions: Iterable<string>): string[] {
  return [...new Set(versions)].filter((version) => version !== "").sort(compareVersions);
}

export function compareVersions(a: string, b: string): number {
  const validA = semver.valid(a, { loose: true });
  const validB = semver.valid(b, { loose: true });
  if (validA && validB)
    return semver.compare(validA, validB, { loose: true }) || a.localeCompare(b);
  if (validA) return -1;
  if (validB) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One origin per package name: "registry" when any copy comes from the
 * registry (there is registry evidence to collect), otherwise the first one met.
 */
export function preferredOrigin(origins: readonly PackageOrigin[]): PackageOrigin {
  return origins.includes("registry") ? "registry" : (origins[0] ?? "registry");
}
