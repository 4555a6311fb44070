import path from "node:path";
import type { Cache } from "../../cache/disk-cache.js";
import type { InventoryPackage } from "../../inventory/types.js";
import type { Dispatcher } from "../http/http-dispatcher.js";
import type { NpmSettings } from "../http/npm-settings.js";
import { maxRetryWaitMs } from "../http/retry.js";
import type { Evidence } from "../types.js";
import { type BulkAdvisoryClient, createBulkAdvisoryClient } from "./bulk-advisory-client.js";
import { collectAdvisories } from "./collect-advisories.js";
import { collectBulkAdvisories } from "./collect-bulk-advisories.js";
import { combineProviders } from "./combine-providers.js";
import { openOsvExport } from "./export-source.js";
import { createOsvClient, defaultOsvApiUrl } from "./osv-client.js";
import type { AdvisoryEvidence, AdvisorySource } from "./types.js";

export interface PackageAdvisoryOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  toolVersion: string;
  offline: boolean;
  enabled: boolean;
  /** `--osv PATH`: a local export, read also offline. */
  osv?: string;
  /** The connection pool to use (the run's proxies); the caller closes it. */
  dispatcher?: Dispatcher;
  /**
   * The npm configuration whose registries are asked for bulk advisories.
   * Absent: that provider is not used online (the caller reaches the registry
   * its own way); offline its cached answers are still read.
   */
  npmSettings?: NpmSettings;
  /** Replaces the bulk advisory client built from `npmSettings` (tests); not closed here. */
  bulkClient?: BulkAdvisoryClient;
}

type Results = Map<string, Evidence<AdvisoryEvidence>>;

/**
 * Advisories for registry packages only: a local or git dependency may share a
 * public name without sharing its code.
 *
 * Providers, in order:
 * - `--osv PATH`: a local export, alone: the user chose that snapshot.
 * - Otherwise both the registry's bulk advisory endpoint and the OSV API
 *   (JENGA_OSV_URL replaces its address, for mirrors and tests), asked at
 *   once. The registry comes first because it is the one source a user behind
 *   a firewall is sure to reach (it is where their packages come from); OSV
 *   comes second and, for an advisory both know (the same GHSA id), its
 *   record wins: it carries publication dates and every affected range, where
 *   the registry lists only the ranges of the versions posted and no dates.
 *   `sources.advisories` is `ok` when either answered.
 * - Offline: the cached answers of both, nothing else.
 */
export async function collectPackageAdvisories(
  packages: InventoryPackage[],
  options: PackageAdvisoryOptions,
  ctx: { cache: Cache; now: () => Date },
): Promise<Results> {
  const registryPackages = packages.filter((p) => p.origin === "registry");
  const names = registryPackages.map((p) => p.name);
  if (!options.enabled || options.osv) {
    const source =
      options.enabled && options.osv ? openOsvExport(path.resolve(options.cwd, options.osv)) : null;
    try {
      return await collectAdvisories(names, { ...ctx, source, enabled: options.enabled });
    } finally {
      await source?.close();
    }
  }
  const osv: AdvisorySource | null = options.offline
    ? null
    : createOsvClient({
        baseUrl: options.env.JENGA_OSV_URL ?? defaultOsvApiUrl,
        userAgent: `jenga/${options.toolVersion}`,
        maxRetryAfterMs: maxRetryWaitMs(options.env),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
  const ownBulk =
    options.offline || options.bulkClient || !options.npmSettings
      ? null
      : createBulkAdvisoryClient(options.npmSettings, {
          maxRetryAfterMs: maxRetryWaitMs(options.env),
        });
  const bulk = options.offline ? null : (options.bulkClient ?? ownBulk);
  const useBulk = options.offline || bulk !== null;
  try {
    const queries = registryPackages.map((p) => ({ name: p.name, versions: p.versions }));
    const [fromOsv, fromRegistry] = await Promise.all([
      collectAdvisories(names, { ...ctx, source: osv }),
      useBulk ? collectBulkAdvisories(queries, { ...ctx, client: bulk }) : Promise.resolve(null),
    ]);
    if (!fromRegistry) return fromOsv;
    const combined: Results = new Map();
    for (const name of new Set(names)) {
      const registry = fromRegistry.get(name);
      const api = fromOsv.get(name);
      combined.set(
        name,
        combineProviders(name, [
          ...(registry ? [{ provider: "registry-bulk" as const, evidence: registry }] : []),
          ...(api ? [{ provider: "osv-api" as const, evidence: api }] : []),
        ]),
      );
    }
    return combined;
  } finally {
    await osv?.close();
    await ownBulk?.close();
  }
}
