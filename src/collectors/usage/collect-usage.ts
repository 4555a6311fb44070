import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Cache } from "../../cache/disk-cache.js";
import type { InventoryPackage } from "../../inventory/types.js";
import { type Evidence, missingEvidence, okEvidence } from "../types.js";
import { analyzeUsage, type UsageAnalysis } from "./analyze-usage.js";
import { classifyUsage } from "./classify-usage.js";
import { createDeclarationChecker, type DeclarationChecker } from "./declaration-checker.js";
import { typesPackageName } from "./declared-exports.js";
import { stringRecord } from "./entry-points.js";
import { type UsageLimits, usageLimits } from "./limits.js";
import {
  type FreshFootprint,
  isLater,
  type Later,
  type LaterFootprint,
  measureLoaded,
  tryMeasure,
} from "./measure-loaded.js";
import { mergeUsage } from "./merge-usage.js";
import { namedDotFolders } from "./named-dot-folders.js";
import {
  digestFormat,
  type FootprintCounters,
  needsDeclarations,
  type PackageDigest,
} from "./package-footprint.js";
import { isCodeFile } from "./parse-source.js";
import { resolvePeerSpots } from "./peer-uses.js";
import { findInstalled, readInstalledPackage } from "./read-installed-package.js";
import { readInstalled, readManifests } from "./read-manifests.js";
import { readProjectFiles } from "./read-project-files.js";
import { readTarballPackage } from "./read-tarball-package.js";
import { configDirs, readPathAliases } from "./read-tsconfig.js";
import {
  notInstalledStatus,
  type TarballFetcher,
  type TarballSource,
  tarballCaveat,
  tarballDigestKey,
  tarballVersion,
} from "./tarball-source.js";
import type { PackageFootprint, UsageEvidence, UsageSite } from "./types.js";
import {
  addLockfilePeers,
  addPeerFacts,
  type PeerFacts,
  packumentPeers,
  type RegistryLookup,
} from "./uninstalled-peers.js";

export interface UsageOptions {
  /** False for `--no-usage`. */
  enabled: boolean;
  now: () => Date;
  limits?: Partial<UsageLimits>;
  /** Where each package's digest is kept, per `name@version`: a warm run parses no package. */
  cache?: Cache;
  /** Counts packages read and files parsed (tests, the bench). */
  counters?: FootprintCounters;
  /**
   * Fetches the registry tarball of an imported package that is not
   * installed; null offline (only cached measurements are used); absent, such
   * a package stays unmeasured.
   */
  tarballs?: TarballFetcher | null;
  /** `usage.ignoreDependencies`: packages taken as used whatever the code says (kept in the report). */
  ignoreDependencies?: readonly string[];
  /** `usage.entry`: more production entry files, project-relative paths or globs. */
  entry?: readonly string[];
  /**
   * A package's registry evidence: a project without node_modules takes its
   * direct dependencies' peers from it (see `packumentPeers`).
   */
  registryOf?: RegistryLookup;
}

/** What the dependency side may use beside the limits. */
export interface FootprintOptions {
  cache?: Cache;
  counters?: FootprintCounters;
  tarballs?: TarballSource;
  /** The inventory's packages by name: their lockfile edges stand in for peers when nothing is installed. */
  graph?: ReadonlyMap<string, InventoryPackage>;
  /** The direct dependencies' peers from the registry, for a project without node_modules. */
  registryPeers?: PeerFacts;
  /** The TypeScript checker to ask (see `checkerFor`); absent, one is made for the call. */
  checker?: DeclarationChecker;
}

/** Reads one project folder (its files, manifests and installed binaries) and analyzes it. */
export async function analyzeProject(
  dir: string,
  limits: UsageLimits,
  options: FootprintOptions = {},
  entry: readonly string[] = [],
): Promise<UsageAnalysis | null> {
  const checker = await checkerFor(dir, limits, options.cache);
  try {
    const analysis = await analyzeProjectSources(dir, limits, entry, options);
    if (!analysis) return null;
    await addFootprints(dir, analysis.packages, limits, { ...options, checker });
    settlePeers(analysis.packages);
    return analysis;
  } finally {
    await checker.close();
  }
}

/**
 * The declarations checker for one project, its thread already loading
 * TypeScript when a package it will likely be asked about has no cached
 * answer: a root dependency typed apart (lodash with @types/lodash). Loading
 * TypeScript and checking @types/lodash takes over a second, which then
 * overlaps the project's own parsing instead of outlasting the packages'.
 */
export async function checkerFor(
  dir: string,
  limits: UsageLimits,
  cache: Cache | undefined,
  make: () => DeclarationChecker = createDeclarationChecker,
): Promise<DeclarationChecker> {
  const checker = make();
  const root = await readFile(path.join(dir, "package.json"), "utf8")
    .then((text) => JSON.parse(text) as Record<string, unknown>)
    .catch(() => null);
  const declared = new Set<string>();
  for (const section of ["dependencies", "devDependencies"])
    for (const name of Object.keys(stringRecord(root?.[section]))) declared.add(name);
  for (const name of declared) {
    if (name.startsWith("@types/") || !declared.has(typesPackageName(name))) continue;
    const installed = await findInstalled(dir, name);
    if (!installed) continue;
    const key = cache ? await digestKey(name, installed, limits) : null;
    const entry = key ? await cache?.read<PackageDigest>("usage", key).catch(() => null) : null;
    // A cached digest answers on its own (or asks the checker when the project uses new names).
    if (entry && isDigest(entry.value)) continue;
    checker.prepare();
    break;
  }
  return checker;
}

/**
 * The project side alone: its files, manifests, tsconfig aliases and the
 * installed packages' bins, peers and types, analyzed; no footprints. Null
 * when the folder has no package.json or no code.
 */
export async function analyzeProjectSources(
  dir: string,
  limits: UsageLimits,
  entry: readonly string[] = [],
  uninstalled: Pick<FootprintOptions, "graph" | "registryPeers"> = {},
): Promise<UsageAnalysis | null> {
  const manifests = await readManifests(dir);
  if (manifests.length === 0) return null;
  const { files, skipped } = await readProjectFiles(dir, limits, namedDotFolders(manifests));
  // JSON config alone (a jenga.config.json beside a lockfile) is no source to judge use by.
  if (!files.some((f) => isCodeFile(f.path))) return null;
  const installed = await readInstalled(dir, manifests);
  if (!existsSync(path.join(dir, "node_modules"))) {
    if (uninstalled.graph) addLockfilePeers(installed.peers, manifests, uninstalled.graph);
    if (uninstalled.registryPeers) addPeerFacts(installed, uninstalled.registryPeers);
  }
  const tsconfigs = await readPathAliases(dir, configDirs(manifests, files));
  return analyzeUsage({
    files,
    manifests,
    ...installed,
    aliases: tsconfigs.aliases,
    skipped: [...skipped, ...tsconfigs.blindSpots],
    entries:
      entry.length > 0
        ? await glob([...entry], { cwd: dir, dot: true, ignore: ["**/node_modules/**"] })
        : [],
  });
}

/**
 * After footprints: an optional peer the code a used package reaches imports
 * is used through it (see `resolvePeerSpots`). Only declared packages carry
 * such spots, and only live roles are added, so dead code is no question here.
 */
export function settlePeers(packages: Map<string, UsageEvidence>): void {
  resolvePeerSpots(packages, (roles, spots) => classifyUsage(roles, spots, true, true));
}

/** Why no fraction is given for a package that is not installed and has no tarball to measure. */
export const notInstalled = notInstalledStatus.noSource;

/**
 * For every package the project imports: how much of the installed package
 * (found from the first importing file's folder, as Node finds it) those
 * imports use, or, when it is not installed, of its registry tarball. Each
 * package is read and parsed once per project, and not at all when the cache
 * holds its digest (see `digestKey` and `tarballDigestKey`).
 */
export async function addFootprints(
  dir: string,
  packages: Map<string, UsageEvidence>,
  limits: UsageLimits,
  options: FootprintOptions = {},
): Promise<void> {
  // Cache writes fsync: they are awaited once at the end while parsing goes on.
  const writes: Promise<unknown>[] = [];
  // Packages waiting for their type declarations' answer (a worker thread's), while the
  // loop measures the next ones.
  const later: Promise<void>[] = [];
  const checker = options.checker ?? createDeclarationChecker();
  const run: FootprintRun = { limits, options, writes, checker };
  // One package at a time, in this thread: a pool of two worker threads measured the same
  // wall time on two cores (each isolate warms up babel and ts-morph anew: +40% CPU) and
  // ~120 MB more memory on Kong/insomnia. Only the TypeScript checker has a thread of its own.
  try {
    for (const [name, usage] of firstTypedApart(packages)) {
      const first = usage.sites.find((s) => !s.typeOnly) ?? usage.sites[0];
      if (!first) continue;
      const installed = await findInstalled(path.join(dir, path.posix.dirname(first.file)), name);
      const measured = installed
        ? await installedFootprint(name, installed, usage.sites, run)
        : await tarballFootprint(name, usage.sites, run);
      if (!isLater(measured)) usage.footprint = measured;
      else
        later.push(
          measured.later.then((footprint) => {
            usage.footprint = footprint;
          }),
        );
    }
    await Promise.all(later);
  } finally {
    // A checker handed in is its giver's to close.
    if (!options.checker) await checker.close();
  }
  await Promise.all(writes);
}

/**
 * The packages in the order they are measured: first those typed by an
 * `@types` package the project has (lodash by @types/lodash). Their JS is
 * often a bundle whose API only the declarations name, so they are the ones
 * likely to wait for the TypeScript checker's thread; asked first, its answer
 * comes while this thread parses the rest, not after it.
 */
export function firstTypedApart(packages: Map<string, UsageEvidence>): [string, UsageEvidence][] {
  const typed = (name: string) => packages.has(typesPackageName(name));
  const all = [...packages];
  return [...all.filter(([name]) => typed(name)), ...all.filter(([name]) => !typed(name))];
}

type Measured = PackageFootprint | Later<PackageFootprint>;

/** What every package's measurement in one `addFootprints` shares. */
interface FootprintRun {
  limits: UsageLimits;
  options: FootprintOptions;
  /** Cache writes, awaited at the end. */
  writes: Promise<unknown>[];
  checker: DeclarationChecker;
}

/** The footprint of an installed package, from its cached digest or read from disk. */
async function installedFootprint(
  name: string,
  installed: string,
  sites: UsageSite[],
  run: FootprintRun,
): Promise<Measured> {
  const { limits, options, checker } = run;
  const key = options.cache ? await digestKey(name, installed, limits) : null;
  return measureCached(name, sites, key, run, async (cached) => {
    checker.prepare();
    const pkg = await readInstalledPackage(installed, limits);
    if (!pkg) return "unreadable: its package.json does not parse";
    return measureLoaded(name, sites, cached, pkg, limits.maxFileBytes, options.counters, checker);
  });
}

/** The footprint of a package that is not installed, from the registry tarball of its resolved version. */
async function tarballFootprint(
  name: string,
  sites: UsageSite[],
  run: FootprintRun,
): Promise<Measured> {
  const { limits, options, checker } = run;
  const source = options.tarballs;
  if (!source) return emptyFootprint(notInstalledStatus.noSource);
  const pkg = source.packages.get(name);
  if (!pkg) return emptyFootprint(notInstalledStatus.notInInventory);
  if (pkg.origin !== "registry")
    return emptyFootprint(notInstalledStatus.notFromRegistry(pkg.origin));
  const version = tarballVersion(pkg);
  if (!version) return emptyFootprint(notInstalledStatus.notInInventory);
  const key = tarballDigestKey(name, version, limits);
  const measured = await measureCached(name, sites, key, run, async (cached) => {
    if (!source.fetcher) return notInstalledStatus.offline;
    checker.prepare();
    const fetched = await source.fetcher.fetchTarball(name, version);
    if (!fetched.ok) return `tarball ${fetched.status}`;
    const read = await readTarballPackage(fetched.bytes, limits);
    if (!read.ok) return `tarball unreadable: ${read.problem}`;
    return measureLoaded(
      name,
      sites,
      cached,
      read.pkg,
      limits.maxFileBytes,
      options.counters,
      checker,
    );
  });
  const withCaveat = (footprint: PackageFootprint) => {
    if (footprint.status === "ok") footprint.caveats.unshift(tarballCaveat(pkg, version));
    return footprint;
  };
  return isLater(measured) ? { later: measured.later.then(withCaveat) } : withCaveat(measured);
}

/**
 * Measures from the digest cached under `key` when it answers, else afresh
 * through `fresh` (handed the cached digest that fell short, to extend), and
 * caches the digest (the write is pushed on `writes`). A null key caches
 * nothing; a string from `fresh` is the status of a package not measured.
 */
async function measureCached(
  name: string,
  sites: UsageSite[],
  key: string | null,
  run: FootprintRun,
  fresh: (cached: PackageDigest | null) => Promise<FreshFootprint | LaterFootprint | string>,
): Promise<Measured> {
  const { limits, options, writes } = run;
  const { cache, counters } = options;
  let cached: PackageDigest | null = null;
  if (cache && key) {
    const entry = await cache.read<PackageDigest>("usage", key).catch(() => null);
    cached = entry && isDigest(entry.value) ? entry.value : null;
    const measured = cached
      ? tryMeasure(name, cached, sites, limits.maxFileBytes, null, counters)
      : null;
    if (measured && measured !== needsDeclarations) {
      if (counters) counters.cacheHits++;
      return measured.footprint;
    }
  }
  const result = await fresh(cached);
  if (typeof result === "string") return emptyFootprint(result);
  const store = (fresh: FreshFootprint) => {
    if (cache && key && fresh.write)
      writes.push(cache.write("usage", key, fresh.digest).catch(() => undefined));
    return fresh.footprint;
  };
  return isLater(result) ? { later: result.later.then(store) } : store(result);
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

/**
 * `usage.ignoreDependencies`: the user says the package is used where jenga
 * cannot see it. A package jenga saw no use of (unused, unknown, dead code)
 * reads as used at runtime, with the config named as the evidence; one seen
 * used keeps its class. Every other finding on it stays.
 */
export function markUsed(usage: UsageEvidence): void {
  usage.configMentions = [...usage.configMentions, "jenga config: usage.ignoreDependencies"];
  if (!["unused", "unknown", "dead-code-only"].includes(usage.class)) return;
  usage.class = "runtime";
  usage.roles = [...new Set([...usage.roles, "runtime" as const])];
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
  const tarballs: TarballSource | null =
    options.tarballs === undefined
      ? null
      : { fetcher: options.tarballs, packages: new Map(declared.map((p) => [p.name, p])) };
  const analyses: UsageAnalysis[] = [];
  const graph = new Map(declared.map((p) => [p.name, p]));
  // Asked once, and only when a project lacks node_modules: it waits for the registry's answers.
  let registryPeers: Promise<PeerFacts> | undefined;
  for (const input of projectDirs) {
    const dir = (await stat(input).catch(() => null))?.isDirectory() ? input : path.dirname(input);
    const { registryOf } = options;
    if (registryOf && !existsSync(path.join(dir, "node_modules")))
      registryPeers ??= packumentPeers(declared, registryOf);
    const analysis = await analyzeProject(
      dir,
      limits,
      {
        cache: options.cache,
        counters: options.counters,
        graph,
        ...(registryPeers ? { registryPeers: await registryPeers } : {}),
        ...(tarballs ? { tarballs } : {}),
      },
      options.entry,
    ).catch(() => null);
    if (analysis) analyses.push(analysis);
  }
  const usage = mergeUsage(analyses.map((a) => a.packages));
  for (const name of options.ignoreDependencies ?? []) {
    const found = usage.get(name);
    if (found) markUsed(found);
  }
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
