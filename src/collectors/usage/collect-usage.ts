import { stat } from "node:fs/promises";
import path from "node:path";
import type { InventoryPackage } from "../../inventory/types.js";
import { type Evidence, missingEvidence, okEvidence } from "../types.js";
import { analyzeUsage, type UsageAnalysis } from "./analyze-usage.js";
import { type UsageLimits, usageLimits } from "./limits.js";
import { mergeUsage } from "./merge-usage.js";
import { measureFootprint } from "./package-footprint.js";
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
}

/** Reads one project folder (its files, manifests and installed binaries) and analyzes it. */
export async function analyzeProject(
  dir: string,
  limits: UsageLimits,
): Promise<UsageAnalysis | null> {
  const manifests = await readManifests(dir);
  if (manifests.length === 0) return null;
  const { files, skipped } = await readProjectFiles(dir, limits);
  // JSON config alone (a jenga.config.json beside a lockfile) is no source to judge use by.
  if (!files.some((f) => isCodeFile(f.path))) return null;
  const { bins, peers } = await readInstalled(dir, manifests);
  const analysis = analyzeUsage({ files, manifests, bins, peers, skipped });
  await addFootprints(dir, analysis.packages, limits);
  return analysis;
}

/** Why no fraction is given for a package that is not installed: jenga reads only what is on disk. */
export const notInstalled =
  "not installed: used fraction unknown (jenga reads the installed package; fetching its tarball is not implemented)";

/**
 * For every package the project imports: how much of the installed package
 * (found from the first importing file's folder, as Node finds it) those
 * imports use. Each installed folder is read and parsed once per project.
 */
export async function addFootprints(
  dir: string,
  packages: Map<string, UsageEvidence>,
  limits: UsageLimits,
): Promise<void> {
  for (const [name, usage] of packages) {
    const first = usage.sites.find((s) => !s.typeOnly) ?? usage.sites[0];
    if (!first) continue;
    const installed = await findInstalled(path.join(dir, path.posix.dirname(first.file)), name);
    const pkg = installed ? await readInstalledPackage(installed, limits) : null;
    usage.footprint = pkg
      ? measureFootprint(name, pkg, usage.sites, limits.maxFileBytes)
      : emptyFootprint(installed ? "unreadable: its package.json does not parse" : notInstalled);
  }
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
    const analysis = await analyzeProject(dir, limits).catch(() => null);
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
