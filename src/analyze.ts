import { stat } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import {
  type Cache,
  type CacheMode,
  createDiskCache,
  defaultCacheDir,
} from "./cache/disk-cache.js";
import { collectPackageAdvisories } from "./collectors/advisories/collect-package-advisories.js";
import type { AdvisoryEvidence } from "./collectors/advisories/types.js";
import { createGitCollector, type GitRunner } from "./collectors/git/collect-git.js";
import type { GitLimits } from "./collectors/git/limits.js";
import type { GitEvidence } from "./collectors/git/types.js";
import { createProxyDispatcher } from "./collectors/http/http-dispatcher.js";
import { loadNpmConfig } from "./collectors/http/npm-config.js";
import { collectPackageIssues } from "./collectors/issues/collect-package-issues.js";
import type { IssuesEvidence } from "./collectors/issues/types.js";
import { collectRegistry, type PackumentFetcher } from "./collectors/registry/collect-registry.js";
import { createRegistryClient } from "./collectors/registry/registry-client.js";
import { createTarballClient } from "./collectors/registry/tarball-client.js";
import type { RegistryEvidence } from "./collectors/registry/types.js";
import { repositoryCloneTarget } from "./collectors/repository-url.js";
import {
  type Evidence,
  missingEvidence,
  type SourceName,
  type SourceStatus,
} from "./collectors/types.js";
import { collectUsage } from "./collectors/usage/collect-usage.js";
import type { TarballFetcher } from "./collectors/usage/tarball-source.js";
import type { UsageEvidence } from "./collectors/usage/types.js";
import { loadConfig } from "./config/load-config.js";
import type { JengaConfig } from "./config/schema.js";
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
  /** Replaces the on-disk cache (scale-out: the shared cache on Redis, src/queue/). */
  cache?: Cache;
  /**
   * Scale-out (src/queue/): gathers these sources' evidence elsewhere (queue workers),
   * handed the packages once the inventory is read. A source it returns is not collected
   * here; one it leaves out is, as usual.
   */
  gather?: (packages: InventoryPackage[], config: JengaConfig) => Promise<GatheredEvidence>;
}

/** Evidence per package name, for the sources a `gather` hook collected. */
export interface GatheredEvidence {
  registry?: Map<string, Evidence<RegistryEvidence>>;
  git?: Map<string, Evidence<GitEvidence>>;
  advisories?: Map<string, Evidence<AdvisoryEvidence>>;
  issues?: Map<string, Evidence<IssuesEvidence>>;
}

export interface ProgressEvent {
  stage: "inventory" | "registry" | "git" | "scoring";
  done: number;
  total: number;
  name?: string;
}

export const defaultConcurrency = 16;
/** Cache reads and scoring are cheap; this only keeps open file handles bounded. */
const localWorkLimit = 64;

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
  const concurrency = options.concurrency ?? defaultConcurrency;
  // npm's own configuration: the registry, its credentials, and the proxies every source uses.
  const npmSettings = options.offline
    ? null
    : await loadNpmConfig({
        cwd: firstDir,
        env: options.env,
        userAgent: `jenga/${options.toolVersion}`,
      });
  const ownClient =
    options.fetcher || !npmSettings ? null : createRegistryClient(npmSettings, { concurrency });
  const outbound = npmSettings ? createProxyDispatcher(npmSettings, concurrency) : null;
  const ownTarballs =
    options.fetcher || options.tarballFetcher || !npmSettings
      ? null
      : createTarballClient(npmSettings);
  try {
    const fetcher = options.offline ? null : (options.fetcher ?? ownClient);
    const gathered = options.gather ? await options.gather(packages, loaded.config) : {};

    const registry = gathered.registry ?? new Map<string, Evidence<RegistryEvidence>>();
    const limit = pLimit(localWorkLimit);
    let done = 0;
    try {
      if (!gathered.registry)
        await Promise.all(
          packages.map((pkg) =>
            limit(async () => {
              registry.set(pkg.name, await collectRegistry(pkg, { fetcher, cache, now }));
              options.onProgress?.({
                stage: "registry",
                done: ++done,
                total: packages.length,
                name: pkg.name,
              });
            }),
          ),
        );
    } finally {
      await ownClient?.close();
    }
    if (options.single) packages = packages.map((pkg) => withResolvedVersion(pkg, registry));

    const git =
      gathered.git ??
      (options.git === false
        ? new Map<string, Evidence<GitEvidence>>()
        : await collectGit(
            packages,
            registry,
            {
              cache,
              now,
              env: options.env,
              concurrency,
              offline: options.offline === true,
              allowHosts: loaded.config.git?.allowHosts ?? [],
              ...(options.gitRunner ? { runner: options.gitRunner } : {}),
              ...(options.gitLimits ? { limits: options.gitLimits } : {}),
            },
            options.onProgress,
          ));

    const advisories =
      gathered.advisories ??
      (await collectPackageAdvisories(
        packages,
        {
          cwd: options.cwd,
          env: options.env,
          toolVersion: options.toolVersion,
          offline: options.offline === true,
          enabled: options.advisories !== false,
          ...(options.osv ? { osv: options.osv } : {}),
          ...(outbound ? { dispatcher: outbound } : {}),
          // The registry's bulk advisories, unless a replaced fetcher means the registry is the caller's to reach.
          ...(npmSettings && !options.fetcher ? { npmSettings } : {}),
        },
        { cache, now },
      ));

    const tarballs = options.offline ? null : (options.tarballFetcher ?? ownTarballs);
    // `jenga check` has no project: nothing reads code, and the status says why.
    const usage = options.single
      ? new Map<string, Evidence<UsageEvidence>>()
      : await collectUsage(paths, packages, {
          enabled: options.usage !== false,
          now,
          cache,
          // Offline, null: cached measurements only. Undefined: no registry to fetch from.
          ...(tarballs || options.offline ? { tarballs } : {}),
        });

    // The GitHub token: GITHUB_TOKEN, GH_TOKEN, else the gh CLI's hosts.yml under home.
    const issues =
      gathered.issues ??
      (
        await collectPackageIssues(
          packages,
          registry,
          {
            env: options.env,
            home: options.home,
            toolVersion: options.toolVersion,
            offline: options.offline === true,
            ...(outbound ? { dispatcher: outbound } : {}),
          },
          { cache, now },
        )
      ).evidence;

    const otherStatuses = sourceStatuses(options);
    const result = buildResult({
      inventory: { ...inventory, packages },
      registry,
      git,
      advisories,
      usage,
      issues,
      otherStatuses,
      config: loaded,
      now: now(),
      toolVersion: options.toolVersion,
    });
    const cacheProblem = cache.writeProblem();
    if (cacheProblem) result.notes.push(cacheProblem);
    return result;
  } finally {
    await outbound?.close();
    await ownTarballs?.close();
  }
}

/**
 * Git evidence for every package whose registry data names a repository. The
 * collector clones each repository once, however many packages share it.
 */
async function collectGit(
  packages: InventoryPackage[],
  registry: Map<string, Evidence<RegistryEvidence>>,
  ctx: Parameters<typeof createGitCollector>[0],
  onProgress?: (event: ProgressEvent) => void,
): Promise<Map<string, Evidence<GitEvidence>>> {
  const collector = createGitCollector(ctx);
  const result = new Map<string, Evidence<GitEvidence>>();
  let done = 0;
  const report = (name: string) =>
    onProgress?.({ stage: "git", done: ++done, total: packages.length, name });
  await Promise.all(
    packages.map(async (pkg) => {
      const data = registry.get(pkg.name)?.data;
      if (!data) {
        result.set(
          pkg.name,
          missingEvidence("git", "skipped: no registry data to find the repository"),
        );
        report(pkg.name);
        return;
      }
      const repo = repositoryCloneTarget(data.repository?.url, data.repository?.directory ?? null);
      if (!repo) {
        result.set(pkg.name, missingEvidence("git", "skipped: no usable repository URL"));
        report(pkg.name);
        return;
      }
      result.set(pkg.name, await collector.collect(repo));
      report(pkg.name);
    }),
  );
  return result;
}

async function projectDirOf(input: string): Promise<string> {
  const info = await stat(input).catch(() => null);
  return info?.isDirectory() ? input : path.dirname(input);
}

/** The status of a source for a package its collector did not reach (turned off, or nothing to collect). */
function sourceStatuses(
  options: AnalyzeOptions,
): Record<Exclude<SourceName, "registry">, SourceStatus> {
  return {
    git: options.git === false ? "skipped: --no-git" : "skipped: not collected",
    advisories:
      options.advisories === false ? "skipped: --no-advisories" : "skipped: not collected",
    issues: "skipped: not collected",
    usage: options.single
      ? "skipped: no project to read (jenga check)"
      : options.usage === false
        ? "skipped: --no-usage"
        : "skipped: not collected",
  };
}

/** `jenga check`'s request (`latest`, `^2`, `next`) as the concrete version the registry names. */
function withResolvedVersion(
  pkg: InventoryPackage,
  registry: Map<string, Evidence<RegistryEvidence>>,
): InventoryPackage {
  const data = registry.get(pkg.name)?.data;
  const requested = pkg.versions[0];
  if (!data || requested === undefined) return pkg;
  const version = resolveRequested(requested, Object.keys(data.versions), data.distTags);
  return version ? { ...pkg, versions: [version] } : pkg;
}
