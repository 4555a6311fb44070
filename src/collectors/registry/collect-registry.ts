import { registryShape } from "../../cache/cached-shapes.js";
import { type Cache, isFresh } from "../../cache/disk-cache.js";
import { cacheTtlMs } from "../../cache/ttl.js";
import type { InventoryPackage } from "../../inventory/types.js";
import { type Evidence, missingEvidence, okEvidence } from "../types.js";
import type { PackumentResult } from "./packument-result.js";
import type { RegistryEvidence } from "./types.js";

export interface PackumentFetcher {
  fetchPackument(name: string, options?: { etag?: string | null }): Promise<PackumentResult>;
}

export interface RegistryContext {
  /** Null when the network is off (`--offline`). */
  fetcher: PackumentFetcher | null;
  cache: Cache;
  now: () => Date;
}

/**
 * Registry evidence for one package: from the cache when fresh (or whenever
 * offline), else from the network, revalidating a stale entry with its ETag.
 * Never throws: every failure becomes the package's registry status.
 */
export async function collectRegistry(
  pkg: InventoryPackage,
  ctx: RegistryContext,
): Promise<Evidence<RegistryEvidence>> {
  if (pkg.origin !== "registry")
    return missingEvidence("registry", `skipped: ${pkg.origin} dependency, not from a registry`);
  const entry = await ctx.cache.read<RegistryEvidence>("registry", pkg.name, registryShape);
  if (entry && (ctx.cache.mode === "offline" || isFresh(entry, cacheTtlMs.registry, ctx.now()))) {
    return okEvidence("registry", entry.value, entry.storedAt, true);
  }
  if (!ctx.fetcher) return missingEvidence("registry", "offline: not in cache");

  const result = await ctx.fetcher.fetchPackument(pkg.name, { etag: entry?.etag ?? null });
  if (result.ok && result.notModified) {
    if (!entry) return missingEvidence("registry", "unavailable: 304 without a cached copy");
    await ctx.cache.write("registry", pkg.name, entry.value, entry.etag);
    return okEvidence("registry", entry.value, ctx.now().toISOString(), true);
  }
  if (result.ok) {
    await ctx.cache.write("registry", pkg.name, result.evidence, result.etag);
    return okEvidence("registry", result.evidence, ctx.now().toISOString(), false);
  }
  // The network failed but an older copy exists: stale evidence beats none, and says how old it is.
  if (entry) return okEvidence("registry", entry.value, entry.storedAt, true);
  return missingEvidence("registry", result.status);
}
