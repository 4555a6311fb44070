/**
 * The fallback for a package that is imported but not installed: measure it
 * from the tarball the registry publishes for the version the lockfile
 * resolved. Which version, under which cache key, and how each failure reads.
 */
import { createHash } from "node:crypto";
import semver from "semver";
import type { InventoryPackage } from "../../inventory/types.js";
import type { UsageLimits } from "./limits.js";
import { digestFormat } from "./package-footprint.js";

export type TarballResult = { ok: true; bytes: Uint8Array } | { ok: false; status: string };

/** The registry side (registry/tarball-client.ts): a verified tarball, or a status such as `unavailable: 404 not found`. */
export interface TarballFetcher {
  fetchTarball(name: string, version: string): Promise<TarballResult>;
}

/** Where the footprint of a package that is not installed comes from. */
export interface TarballSource {
  /** Null offline: only measurements already in the cache are used. */
  fetcher: TarballFetcher | null;
  /** The inventory, by name: which version to fetch, and whether a registry serves it. */
  packages: ReadonlyMap<string, InventoryPackage>;
}

/** Why no fraction is given for a package that is not installed, by what stood in the way. */
export const notInstalledStatus = {
  /** No registry to fetch from was given (a library call, or the registry client was replaced). */
  noSource: "not installed: used fraction unknown (no registry to fetch its tarball from)",
  notInInventory:
    "not installed: used fraction unknown (not in a lockfile, so no version to fetch the tarball of)",
  notFromRegistry: (origin: string) =>
    `not installed: used fraction unknown (a ${origin} dependency: no registry tarball)`,
  offline: "not installed: not in the cache (offline)",
};

/** The version to fetch: the highest the inventory resolved (a name may resolve to several). */
export function tarballVersion(pkg: InventoryPackage): string | null {
  const valid = pkg.versions.filter((v) => semver.valid(v) === v);
  return valid.length === 0 ? null : (semver.rsort([...valid])[0] ?? null);
}

/** Said on every footprint measured this way, so a reader knows it is not the installed copy. */
export function tarballCaveat(pkg: InventoryPackage, version: string): string {
  const others = pkg.versions.length > 1 ? ` (the highest of ${pkg.versions.length} resolved)` : "";
  return `measured from the registry tarball of ${pkg.name}@${version}${others}: not installed here`;
}

/**
 * The cache key of a tarball's digest. A registry never lets a published
 * version change, so `name@version` names the bytes; the `tarball:` prefix
 * keeps it apart from an installed copy's key (which hashes its package.json,
 * see digestKey), and the hash covers the limits the digest was made under.
 */
export function tarballDigestKey(name: string, version: string, limits: UsageLimits): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([digestFormat, limits.maxFileBytes, limits.maxPackageFiles]))
    .update(JSON.stringify([limits.maxPackageBytes, limits.maxDepth]))
    .digest("hex")
    .slice(0, 16);
  return `tarball:${name}@${version}#${hash}`;
}
