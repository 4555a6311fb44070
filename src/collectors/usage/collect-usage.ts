import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Cache } from "../../cache/disk-cache.js";
import type { InventoryPackage } from "../../inventory/types.js";
import { type Evidence, missingEvidence, okEvidence } from "../types.js";
import { analyzeUsage, type UsageAnalysis } from "./analyze-usage.js";
import { type UsageLimits, usageLimits } from "./limits.js";
import { mergeUsage } from "./merge-usage.js";
import {
  digestFormat,
  emptyDigest,
  type FootprintCounters,
  measureWithDigest,
  type PackageDigest,
} from "./package-footprint.js";
import { isCodeFile } from "./parse-source.js";
import { findInstalled, readInstalledPackage } from "./read-installed-package.js";
import { readInstalled, readManifests } from "./read-manifests.js";
import { readProjectFiles } from "./read-project-files.js";
import type { PackageFootprint, UsageEvidence } from "./types.js";

export interface UsageOptions {
  /** False for `--no-usage`. */
  enabled: boolean;
  now: () => Date;
  limits?: Partial<UsageLimits>;
  /** Where each installed package's digest is kept, per `name@version`: a warm run parses no package. */
  cache?: Cache;
  /** Counts packages read and files parsed (tests, the bench). */
  counters?: FootprintCounters;
}

/** What the dependency side may use beside the limits. */
export interface FootprintOptions {
  cache?: Cache;
  counters?: FootprintCounters;
}

/** Reads one project folder (its files, manifests and installed binaries) and analyzes it. */
export async function analyzeProject(
  dir: string,
  limits: UsageLimits,
  options: FootprintOptions = {},
): Promise<UsageAnalysis | null> {
  const manifests = await readManifests(dir);
  if (manifests.length === 0) return null;
  const { files, skipped } = await readProjectFiles(dir, limits);
  // JSON config alone (a jenga.config.json beside a lockfile) is no source to judge use by.
  if (!files.some((f) => isCodeFile(f.path))) return null;
  const { bins, peers } = await readInstalled(dir, manifests);
  const analysis = analyzeUsage({ files, manifests, bins, peers, skipped });
  await addFootprints(dir, analysis.packages, limits, options);
  return analysis;
}

/** Why no fraction is given for a package that is not installed: jenga reads only what is on disk. */
export const notInstalled =
  "not installed: used fraction unknown (jenga reads the installed package; fetching its tarball is not implemented)";

/**
 * For every package the project imports: how much of the installed package
 * (found from the first importing file's folder, as Node finds it) those
 * imports use. Each installed folder is read and parsed once per project, and
 * not at all when the cache holds its digest (see `digestKey`).
 */
export async function addFootprints(
  dir: string,
  packages: Map<string, UsageEvidence>,
  limits: UsageLimits,
  options: FootprintOptions = {},
): Promise<void> {
  const { cache, counters } = options;
  const writes: Promise<unknown>[] = []; // awaited at the end: each write fsyncs, parsing goes on
  for (const [name, usage] of packages) {
    const first = usage.sites.find((s) => !s.typeOnly) ?? usage.sites[0];
    if (!first) continue;
    const installed = await findInstalled(path.join(dir, path.posix.dirname(first.file)), name);
    if (!installed) {
      usage.footprint = emptyFootprint(notInstalled);
      continue;
    }
    const key = cache ? await digestKey(name, installed, limits) : null;
    let cached: PackageDigest | null = null;
    if (cache && key) {
      const entry = await cache.read<PackageDigest>("usage", key).catch(() => null);
      cached = entry && isDigest(entry.value) ? entry.value : null;
      const measured = cached
        ? tryMeasure(name, cached, usage.sites, limits.maxFileBytes, null, counters)
        : null;
      if (measured) {
        if (counters) counters.cacheHits++;
        usage.footprint = measured.footprint;
        continue;
      }
    }
    const pkg = await readInstalledPackage(installed, limits);
    if (!pkg) {
      usage.footprint = emptyFootprint("unreadable: its package.json does not parse");
      continue;
    }
    if (counters) counters.packagesRead++;
    // A cached digest that fell short keeps what it knew; a broken one is rebuilt.
    let digest = cached ?? emptyDigest(pkg);
    let measured = tryMeasure(name, digest, usage.sites, limits.maxFileBytes, pkg, counters);
    if (!measured) {
      digest = emptyDigest(pkg);
      measured = tryMeasure(name, digest, usage.sites, limits.maxFileBytes, pkg, counters);
    }
    if (!measured) throw new Error(`could not measure ${name}`);
    usage.footprint = measured.footprint;
    if (cache && key && (measured.changed || !cached))
      writes.push(cache.write("usage", key, digest).catch(() => undefined));
  }
  await Promise.all(writes);
}

/** A cached digest from an older jenga or a damaged file must not throw: it is a miss. */
function tryMeasure(...args: Parameters<typeof measureWithDigest>) {
  try {
    return measureWithDigest(...args);
  } catch {
    return null;
  }
}

function isDigest(value: unknown): value is PackageDigest {
  const d = value as PackageDigest | null;
  return (
    !!d &&
    typeof d === "object" &&
    d.format === digestFormat &&
    [d.manifest, d.sizes, d.surfaces, d.modules].every((v) => v && typeof v === "object") &&
    Array.isArray(d.files) &&
    Array.isArray(d.caveats)
  );
}

/**
 * The cache key of an installed package: `name@version`, a hash of its
 * package.json text (which carries `_integrity`/`_resolved` where the
 * installer wrote them, and differs between two builds that reuse a version
 * only if they differ in their manifest) and of the limits the digest was made
 * under. Null, so nothing is cached, for a package not inside a node_modules
 * folder (a workspace or a `file:`/`link:` target, whose files change without
 * a version bump) and for one whose package.json does not parse.
 */
export async function digestKey(
  name: string,
  installed: string,
  limits: UsageLimits,
): Promise<string | null> {
  if (!installed.split(path.sep).includes("node_modules")) return null;
  const text = await readFile(path.join(installed, "package.json"), "utf8").catch(() => null);
  if (text === null) return null;
  let version: unknown;
  try {
    version = (JSON.parse(text) as Record<string, unknown> | null)?.version;
  } catch {
    return null;
  }
  if (typeof version !== "string") return null;
  const hash = createHash("sha256")
    .update(JSON.stringify([digestFormat, limits.maxFileBytes, limits.maxPackageFiles]))
    .update(JSON.stringify([limits.maxPackageBytes, limits.maxDepth]))
    .update(text)
    .digest("hex")
    .slice(0, 16);
  return `${name}@${version}#${hash}`;
}

function emptyFootprint(status: string): PackageFootprint {
  return {
    status,
    version: null,
    entries: [],
    exports: null,
    code: null,
    dependencies: null,
    caveats: [],
  };
}

/**
 * Usage evidence for every package of the inventory, keyed by name: what the
 * projects' code does with each direct dependency, and the transitive ones it
 * imports without declaring. Undeclared imports of packages outside the
 * inventory are keyed by name too. Never throws for a project: a folder without
 * sources (an SBOM, a lockfile alone) gives its packages `unavailable`.
 */
export async function collectUsage(
  projectDirs: readonly string[],
  declared: readonly InventoryPackage[],
  options: UsageOptions,
): Promise<Map<string, Evidence<UsageEvidence>>> {
  const result = new Map<string, Evidence<UsageEvidence>>();
  if (!options.enabled) {
    for (const pkg of declared)
      result.set(pkg.name, missingEvidence("usage", "skipped: --no-usage"));
    return result;
  }
  const limits = { ...usageLimits, ...options.limits };
  const analyses: UsageAnalysis[] = [];
  for (const input of projectDirs) {
    const dir = (await stat(input).catch(() => null))?.isDirectory() ? input : path.dirname(input);
    const analysis = await analyzeProject(dir, limits, {
      cache: options.cache,
      counters: options.counters,
    }).catch(() => null);
    if (analysis) analyses.push(analysis);
  }
  const usage = mergeUsage(analyses.map((a) => a.packages));
  const fetchedAt = options.now().toISOString();
  for (const [name, data] of usage) result.set(name, okEvidence("usage", data, fetchedAt, false));
  for (const pkg of declared) {
    if (result.has(pkg.name)) continue;
    const status =
      analyses.length === 0
        ? "unavailable: no project sources to read (an SBOM or a lockfile alone)"
        : pkg.direct
          ? "unavailable: not declared in a package.json jenga read"
          : "skipped: transitive, not imported by the project";
    result.set(pkg.name, missingEvidence("usage", status));
  }
  return result;
}
