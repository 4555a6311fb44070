import type { DeclarationChecker } from "./declaration-checker.js";
import {
  emptyDigest,
  type FootprintCounters,
  type InstalledPackage,
  measureWithDigest,
  needsDeclarations,
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
 * A measurement waiting for the type declarations' answer. An object, not a
 * bare promise, so the caller can go on to the next package instead of
 * awaiting it (an async function would flatten a promise it returns).
 */
export interface Later<T> {
  later: Promise<T>;
}

export type LaterFootprint = Later<FreshFootprint>;

export function isLater<T extends object, L>(value: T | Later<L>): value is Later<L> {
  return "later" in value;
}

/**
 * Measures a package read into memory, extending `cached` (a digest that fell
 * short keeps what it knew; a broken one is rebuilt). Synchronous and free of
 * I/O, except that with a `checker` a package whose type declarations must be
 * asked is finished later, when the checker (a worker thread) answers.
 */
export function measureLoaded(
  name: string,
  sites: UsageSite[],
  cached: PackageDigest | null,
  pkg: InstalledPackage,
  maxFileBytes: number,
  counters?: FootprintCounters,
  checker?: DeclarationChecker,
): FreshFootprint | LaterFootprint {
  if (counters) counters.packagesRead++;
  const defer = checker !== undefined;
  let digest = cached ?? emptyDigest(pkg);
  let measured = tryMeasure(name, digest, sites, maxFileBytes, pkg, counters, defer);
  if (!measured) {
    digest = emptyDigest(pkg);
    measured = tryMeasure(name, digest, sites, maxFileBytes, pkg, counters, defer);
  }
  if (measured === needsDeclarations && checker) {
    const asked = digest;
    const later = checker.check(name, pkg).then((declared) => {
      if (counters && declared)
        counters.declarationsChecked = (counters.declarationsChecked ?? 0) + 1;
      asked.declared = declared;
      return finish(name, tryMeasure(name, asked, sites, maxFileBytes, pkg, counters), asked, true);
    });
    return { later };
  }
  return finish(name, measured, digest, !cached);
}

function finish(
  name: string,
  measured: ReturnType<typeof tryMeasure>,
  digest: PackageDigest,
  write: boolean,
): FreshFootprint {
  if (!measured || measured === needsDeclarations) throw new Error(`could not measure ${name}`);
  return { footprint: measured.footprint, digest, write: measured.changed || write };
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
