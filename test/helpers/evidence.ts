import type { RegistryEvidence, VersionRecord } from "../../src/collectors/registry/types.js";
import type { InventoryPackage } from "../../src/inventory/types.js";

/** A fixed "now" for every age-based test. */
export const now = new Date("2026-06-01T00:00:00Z");

export function version(time: string, extra: Partial<VersionRecord> = {}): VersionRecord {
  return {
    time,
    deprecated: null,
    installScripts: [],
    unpackedSize: 50_000,
    fileCount: 10,
    dependencyCount: 0,
    license: "MIT",
    repository: { url: "git+https://github.com/example/pkg.git", directory: null },
    ...extra,
  };
}

/** Registry evidence as the public registry would give it: real times, maintainers present. */
export function registryEvidence(
  versions: Record<string, VersionRecord>,
  extra: Partial<RegistryEvidence> = {},
): RegistryEvidence {
  const names = Object.keys(versions);
  const times = Object.values(versions)
    .map((v) => v.time)
    .filter((t): t is string => t !== null)
    .sort();
  return {
    name: "pkg",
    registry: "http://127.0.0.1/",
    description: "a package",
    distTags: { latest: names[names.length - 1] ?? "1.0.0" },
    created: times[0] ?? null,
    modified: times[times.length - 1] ?? null,
    maintainers: [
      { name: "alice", email: null },
      { name: "bob", email: null },
    ],
    homepage: null,
    bugsUrl: null,
    repository: { url: "git+https://github.com/example/pkg.git", directory: null },
    license: "MIT",
    versions,
    ...extra,
  };
}

export function inventoryPackage(extra: Partial<InventoryPackage> = {}): InventoryPackage {
  return {
    name: "pkg",
    versions: ["1.0.0"],
    direct: true,
    scopes: ["prod"],
    dependents: 1,
    path: ["app", "pkg"],
    via: ["pkg"],
    dependencies: [],
    projects: ["/project"],
    origin: "registry",
    ...extra,
  };
}

/** A steady release history: one minor a quarter from `start`, `count` versions. */
export function steadyHistory(start: string, count: number, extra: Partial<VersionRecord> = {}) {
  const versions: Record<string, VersionRecord> = {};
  const t0 = Date.parse(start);
  for (let i = 0; i < count; i++) {
    versions[`1.${i}.0`] = version(new Date(t0 + i * 91 * 86_400_000).toISOString(), extra);
  }
  return versions;
}
