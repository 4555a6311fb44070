import path from "node:path";
import type { Cache } from "../../cache/disk-cache.js";
import type { InventoryPackage } from "../../inventory/types.js";
import type { Dispatcher } from "../net/http-dispatcher.js";
import { createOsvClient, defaultOsvApiUrl } from "../net/osv-client.js";
import type { Evidence } from "../types.js";
import { collectAdvisories } from "./collect-advisories.js";
import { openOsvExport } from "./export-source.js";
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
}

/**
 * Advisories for registry packages only: a local or git dependency may share a
 * public name without sharing its code. `--osv PATH` reads a local export;
 * otherwise the OSV API (JENGA_OSV_URL replaces its address, for mirrors and tests).
 */
export async function collectPackageAdvisories(
  packages: InventoryPackage[],
  options: PackageAdvisoryOptions,
  ctx: { cache: Cache; now: () => Date },
): Promise<Map<string, Evidence<AdvisoryEvidence>>> {
  const names = packages.filter((p) => p.origin === "registry").map((p) => p.name);
  const source: AdvisorySource | null = !options.enabled
    ? null
    : options.osv
      ? openOsvExport(path.resolve(options.cwd, options.osv))
      : options.offline
        ? null
        : createOsvClient({
            baseUrl: options.env.JENGA_OSV_URL ?? defaultOsvApiUrl,
            userAgent: `jenga/${options.toolVersion}`,
            ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
          });
  try {
    return await collectAdvisories(names, { ...ctx, source, enabled: options.enabled });
  } finally {
    await source?.close();
  }
}
