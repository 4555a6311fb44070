import semver from "semver";
import type { RegistryEvidence, VersionRecord } from "../collectors/registry/types.js";
import type { InventoryPackage } from "../inventory/types.js";

/** Shared lookups over registry evidence used by several signals. */

/** The newest installed version that the registry knows, or null. */
export function newestInstalled(
  registry: RegistryEvidence,
  pkg: InventoryPackage,
): { version: string; record: VersionRecord } | null {
  const known = pkg.versions.filter((v) => registry.versions[v] !== undefined);
  const sorted = known.filter((v) => semver.valid(v)).sort(semver.rcompare);
  const version = sorted[0] ?? known[known.length - 1];
  const record = version ? registry.versions[version] : undefined;
  return version && record ? { version, record } : null;
}

/** The version `latest` points at, falling back to the highest stable version. */
export function latestVersion(registry: RegistryEvidence): string | null {
  const tagged = registry.distTags.latest;
  if (tagged && registry.versions[tagged]) return tagged;
  const stable = Object.keys(registry.versions).filter(
    (v) => semver.valid(v) && !semver.prerelease(v),
  );
  return stable.sort(semver.rcompare)[0] ?? null;
}

export function publishTimes(registry: RegistryEvidence): number[] {
  const times: number[] = [];
  for (const record of Object.values(registry.versions)) {
    const t = record.time ? Date.parse(record.time) : NaN;
    if (Number.isFinite(t)) times.push(t);
  }
  return times;
}

/** True when the registry omitted `maintainers` entirely: the mark of a metadata-stripping mirror. */
export function metadataStripped(registry: RegistryEvidence): boolean {
  return registry.maintainers === null;
}
