import {
  emptyDigest,
  type FootprintCounters,
  type InstalledPackage,
  measureWithDigest,
  type PackageDigest,
} from "./package-footprint.js";
import type { PackageFootprint, UsageSite } from "./types.js";

/** A footprint measured afresh, with the digest to cache and whether it changed. */
export interface FreshFootprint {
  footprint: PackageFootprint;
  digest: PackageDigest;
  write: boolean;
}

/**
 * Measures a package read into memory, extending `cached` (a digest that fell
 * short keeps what it knew; a broken one is rebuilt). Synchronous and free of
 * I/O, so a worker thread runs the very same code (footprint-worker.ts).
 */
export function measureLoaded(
  name: string,
  sites: UsageSite[],
  cached: PackageDigest | null,
  pkg: InstalledPackage,
  maxFileBytes: number,
  counters?: FootprintCounters,
): FreshFootprint {
  if (counters) counters.packagesRead++;
  let digest = cached ?? emptyDigest(pkg);
  let measured = tryMeasure(name, digest, sites, maxFileBytes, pkg, counters);
  if (!measured) {
    digest = emptyDigest(pkg);
    measured = tryMeasure(name, digest, sites, maxFileBytes, pkg, counters);
  }
  if (!measured) throw new Error(`could not measure ${name}`);
  return { footprint: measured.footprint, digest, write: measured.changed || !cached };
}

/** A cached digest from an older jenga or a damaged file must not throw: it is a miss. */
export function tryMeasure(...args: Parameters<typeof measureWithDigest>) {
  try {
    // biome-ignore lint/plugin: forwards this function's own fixed parameters, not a list.
    return measureWithDigest(...args);
  } catch {
    return null;
  }
}
