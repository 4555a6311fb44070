/**
 * The one shape every data source has. A source is an object in the array of
 * ./all-sources.ts; the runner (./run-sources.ts) owns what every source
 * needs alike: the order sources run in per package, concurrency, progress,
 * the status of a package a source could not judge, and error isolation (a
 * source that throws costs that package's status, never the run).
 */
import type { Cache } from "../cache/disk-cache.js";
import type { LoadedConfig } from "../config/load-config.js";
import type { InventoryPackage } from "../inventory/types.js";
import type { GitRunner } from "./git/collect-git.js";
import type { GitLimits } from "./git/limits.js";
import type { Dispatcher } from "./http/http-dispatcher.js";
import type { NpmSettings } from "./http/npm-settings.js";
import type { PackumentFetcher } from "./registry/collect-registry.js";
import type { Evidence, EvidenceBySource, SourceName, SourceStatus } from "./types.js";
import type { TarballFetcher } from "./usage/tarball-source.js";

/** What one run gives every source: its inputs, the cache, the clock, the network settings. */
export interface SourceRun {
  /** Project folders, lockfiles or SBOMs, absolute. */
  paths: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  home: string;
  toolVersion: string;
  cache: Cache;
  now: () => Date;
  /** Never touch the network: cached answers only. */
  offline: boolean;
  /** Requests (and clones) in flight at once, per source. */
  concurrency: number;
  config: LoadedConfig;
  /** Which sources the user turned off, and `--osv`. */
  flags: { git: boolean; usage: boolean; advisories: boolean; osv?: string; single: boolean };
  /** npm's configuration (registry, credentials, proxies), and the pool every HTTP source shares; null offline. */
  http: { npmSettings: NpmSettings; dispatcher: Dispatcher } | null;
  /** Replacements for tests and scale-out workers. */
  injected: {
    fetcher?: PackumentFetcher;
    tarballFetcher?: TarballFetcher;
    gitRunner?: GitRunner;
    gitLimits?: Partial<GitLimits>;
  };
}

/** The evidence a package already has from the sources this one `needs`. */
export type NeededEvidence = { [S in SourceName]?: Evidence<EvidenceBySource[S]> };

/** A source opened for one run: its client, and what it learnt from the whole set. */
export interface SourceSession<S extends SourceName> {
  /**
   * The batch hook: sees every package first, for sources that ask in bulk
   * (OSV's querybatch, the registry's bulk advisories) or read the whole
   * project at once (usage). Runs before any `collect` of this source.
   * `needed` waits for a package's evidence from the sources this one
   * `needs`, for a batch that reads it (usage without node_modules reads
   * the registry's peer dependencies).
   */
  batch?(
    packages: readonly InventoryPackage[],
    needed: (pkg: InventoryPackage) => Promise<NeededEvidence>,
  ): Promise<void>;
  /**
   * Sees each package's needed evidence as soon as it is there, before the
   * package waits for a slot to be collected: a source that shares work
   * between packages (git reads a monorepo's folders in one pass) learns of
   * every package that will ask, not only those already collecting.
   */
  announce?(pkg: InventoryPackage, needed: NeededEvidence): void;
  /** One package's evidence. May throw: the runner turns that into the package's status. */
  collect(pkg: InventoryPackage, needed: NeededEvidence): Promise<Evidence<EvidenceBySource[S]>>;
  /** Frees the client (connections, temporary files). */
  close?(): Promise<void>;
}

export interface Source<S extends SourceName = SourceName> {
  id: S;
  /** Sources whose evidence `collect` reads for the same package; they run first, for that package only. */
  needs: readonly SourceName[];
  /** Why this source does not run at all this time (turned off, nothing to read), or null. */
  off(run: SourceRun): SourceStatus | null;
  open(run: SourceRun): Promise<SourceSession<S>>;
}

/** Declares a source; the type parameter ties its id to its evidence. */
export function defineSource<S extends SourceName>(source: Source<S>): Source<S> {
  return source;
}
