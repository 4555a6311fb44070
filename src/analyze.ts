import { stat } from "node:fs/promises";
import path from "node:path";
import {
  type Cache,
  type CacheMode,
  createDiskCache,
  defaultCacheDir,
} from "./cache/disk-cache.js";
import { claimCacheFolder, type ProcessTable } from "./cache/stale-temps.js";
import { allSources } from "./collectors/all-sources.js";
import type { GitRunner } from "./collectors/git/collect-git.js";
import type { GitLimits } from "./collectors/git/limits.js";
import { createProxyDispatcher } from "./collectors/http/http-dispatcher.js";
import { loadNpmConfig } from "./collectors/http/npm-config.js";
import type { PackumentFetcher } from "./collectors/registry/collect-registry.js";
import { runSources } from "./collectors/run-sources.js";
import type { SourceRun } from "./collectors/source.js";
import type { EvidenceMaps, SourceName } from "./collectors/types.js";
import type { TarballFetcher } from "./collectors/usage/tarball-source.js";
import { type LoadedConfig, loadConfig } from "./config/load-config.js";
import { readInventory } from "./inventory/read-inventory.js";
import {
  type PackageSpec,
  resolveRequested,
  singlePackageInventory,
} from "./inventory/single-package.js";
import type { InventoryPackage } from "./inventory/types.js";
import { buildResult } from "./result/build-result.js";
import type { JengaResult } from "./result/types.js";

export interface AnalyzeOptions {
  /** Project folders, lockfiles or SBOMs; relative to cwd. Default: cwd. */
  paths: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  home: string;
  cacheDir?: string;
  offline?: boolean;
  refresh?: boolean;
  configFile?: string;
  concurrency?: number;
  git?: boolean;
  usage?: boolean;
  advisories?: boolean;
  osv?: string;
  toolVersion: string;
  /** Injected clock: every age-based signal is computed against it. */
  now?: () => Date;
  onProgress?: (event: ProgressEvent) => void;
  /** Replaces the registry client (tests, scale-out workers). */
  fetcher?: PackumentFetcher;
  /**
   * Replaces the tarball client that measures imported packages that are not
   * installed. When `fetcher` replaces the registry client and this is absent,
   * no tarball is fetched: the registry is the caller's to reach.
   */
  tarballFetcher?: TarballFetcher;
  /**
   * `jenga check`: judge this one package as a project's only direct dependency, instead
   * of reading `paths`. Its version is resolved from the registry's answer.
   */
  single?: PackageSpec;
  /** Replaces the system git (tests); and tighter limits per repository. */
  gitRunner?: GitRunner;
  gitLimits?: Partial<GitLimits>;
  /** This process and a liveness probe: with it, what killed runs left in the cache is removed. */
  processes?: ProcessTable;
  /** Replaces the on-disk cache (scale-out: the shared cache on Redis, src/queue/). */
  cache?: Cache;
  /**
   * Scale-out (src/queue/): gathers some sources' evidence elsewhere (queue workers),
   * handed the packages once the inventory is read. A source it returns is not run
   * here; one it leaves out runs as usual.
   */
  gather?: (packages: InventoryPackage[], config: LoadedConfig) => Promise<Partial<EvidenceMaps>>;
}

/** One step of a stage: the inventory, then each source (they overlap), `done` of `total` packages. */
export interface ProgressEvent {
  stage: "inventory" | SourceName;
  done: number;
  total: number;
  name?: string;
}

export const defaultConcurrency = 16;

/**
 * The whole analysis as a library function: inputs in, the JSON result out.
 * It never prints and never exits; the CLI decides what to do with the result.
 */
export async function analyze(options: AnalyzeOptions): Promise<JengaResult> {
  const now = options.now ?? (() => new Date());
  const paths = (options.paths.length > 0 ? options.paths : ["."]).map((p) =>
    path.resolve(options.cwd, p),
  );
  const firstDir = await projectDirOf(paths[0] as string);
  const loaded = await loadConfig({
    ...(options.configFile ? { file: path.resolve(options.cwd, options.configFile) } : {}),
    projectDir: firstDir,
  });
  const inventory = options.single
    ? singlePackageInventory(options.single, options.cwd)
    : await readInventory(paths, { cwd: options.cwd });
  const ignored = new Set(loaded.config.ignore ?? []);
  let packages = inventory.packages.filter(
    (p) => !ignored.has(p.name) && (loaded.policy.includeDev || p.scopes.some((s) => s !== "dev")),
  );
  options.onProgress?.({ stage: "inventory", done: packages.length, total: packages.length });

  const mode: CacheMode = options.offline ? "offline" : options.refresh ? "refresh" : "normal";
  const cache =
    options.cache ??
    createDiskCache({
      dir: options.cacheDir ?? defaultCacheDir(options.env, options.home),
      mode,
      now,
    });
  // The file system's clock, not the injected one: it is compared with files' mtimes. A shared
  // cache (Redis) has no folder to clean.
  const claim =
    options.processes && !options.cache
      ? await claimCacheFolder(cache.dir, options.processes, new Date())
      : null;
  const concurrency = options.concurrency ?? defaultConcurrency;
  // npm's own configuration: the registry, its credentials, and the proxies every source uses.
  const npmSettings = options.offline
    ? null
    : await loadNpmConfig({
        cwd: firstDir,
        env: options.env,
        userAgent: `jenga/${options.toolVersion}`,
      });
  const dispatcher = npmSettings ? createProxyDispatcher(npmSettings, concurrency) : null;
  const run: SourceRun = {
    paths,
    cwd: options.cwd,
    env: options.env,
    home: options.home,
    toolVersion: options.toolVersion,
    cache,
    now,
    offline: options.offline === true,
    concurrency,
    config: loaded,
    flags: {
      git: options.git !== false,
      usage: options.usage !== false,
      advisories: options.advisories !== false,
      ...(options.osv ? { osv: options.osv } : {}),
      single: options.single !== undefined,
    },
    http: npmSettings && dispatcher ? { npmSettings, dispatcher } : null,
    injected: {
      ...(options.fetcher ? { fetcher: options.fetcher } : {}),
      ...(options.tarballFetcher ? { tarballFetcher: options.tarballFetcher } : {}),
      ...(options.gitRunner ? { gitRunner: options.gitRunner } : {}),
      ...(options.gitLimits ? { gitLimits: options.gitLimits } : {}),
    },
  };
  try {
    const onProgress = options.onProgress;
    const given: Partial<EvidenceMaps> = {};
    if (options.single) {
      // `jenga check`'s request (`latest`, `^2`) becomes a version before any other source asks.
      const registryOnly = allSources.filter((source) => source.id === "registry");
      given.registry = (await runSources(registryOnly, packages, run, { onProgress })).registry;
      packages = packages.map((pkg) => withResolvedVersion(pkg, given.registry));
    }
    if (options.gather) Object.assign(given, await options.gather(packages, loaded));
    const evidence = await runSources(allSources, packages, run, { onProgress, given });
    const result = buildResult({
      inventory: { ...inventory, packages },
      evidence,
      config: loaded,
      now: now(),
      toolVersion: options.toolVersion,
    });
    const cacheProblem = cache.writeProblem();
    if (cacheProblem) result.notes.push(cacheProblem);
    return result;
  } finally {
    await dispatcher?.close();
    await claim?.release();
  }
}

async function projectDirOf(input: string): Promise<string> {
  const info = await stat(input).catch(() => null);
  return info?.isDirectory() ? input : path.dirname(input);
}

/** `jenga check`'s request (`latest`, `^2`, `next`) as the concrete version the registry names. */
function withResolvedVersion(
  pkg: InventoryPackage,
  registry: EvidenceMaps["registry"] | undefined,
): InventoryPackage {
  const data = registry?.get(pkg.name)?.data;
  const requested = pkg.versions[0];
  if (!data || requested === undefined) return pkg;
  const version = resolveRequested(requested, Object.keys(data.versions), data.distTags);
  return version ? { ...pkg, versions: [version] } : pkg;
}
