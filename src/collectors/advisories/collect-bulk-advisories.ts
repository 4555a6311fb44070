import { createHash } from "node:crypto";
import { type Cache, type CacheEntry, isFresh } from "../../cache/disk-cache.js";
import { cacheTtlMs } from "../../cache/ttl.js";
import { type Evidence, missingEvidence, okEvidence } from "../types.js";
import { type BulkAdvisory, parseBulkEntries } from "./bulk-advisory.js";
import type { BulkAdvisoryClient, BulkAdvisoryQuery } from "./bulk-advisory-client.js";
import { fromBulkAdvisories } from "./from-bulk-advisories.js";
import type { AdvisoryEvidence } from "./types.js";

export interface BulkAdvisoryContext {
  /** Null when offline: answers come from the cache only. */
  client: BulkAdvisoryClient | null;
  cache: Cache;
  now: () => Date;
}

/**
 * What is cached: the registry's validated entries for one package and
 * version set (the raw answer, so a change in how they are read needs no
 * refetch), and a hash of the registry that gave them (never its URL, which
 * may carry credentials).
 */
interface CachedBulkAnswer {
  registry: string;
  advisories: BulkAdvisory[];
}

/**
 * Advisory evidence from the registry's bulk endpoint for many packages at
 * once: from the cache when fresh and from the same registry (or whenever
 * offline), else from the registry, falling back to an older copy when the
 * registry fails. Never throws: every failure is that package's status.
 */
export async function collectBulkAdvisories(
  queries: readonly BulkAdvisoryQuery[],
  ctx: BulkAdvisoryContext,
): Promise<Map<string, Evidence<AdvisoryEvidence>>> {
  const evidence = new Map<string, Evidence<AdvisoryEvidence>>();
  const stale = new Map<string, { value: AdvisoryEvidence; storedAt: string }>();
  const toFetch: BulkAdvisoryQuery[] = [];
  const offline = ctx.client === null || ctx.cache.mode === "offline";
  for (const query of queries) {
    const registry = ctx.client ? registryHash(ctx.client.registryOf(query.name)) : null;
    const cached = await readCached(ctx.cache, query, registry);
    if (cached && (offline || isFresh(cached.entry, cacheTtlMs.advisories, ctx.now()))) {
      evidence.set(query.name, okEvidence("advisories", cached.value, cached.storedAt, true));
      continue;
    }
    if (cached) stale.set(query.name, cached);
    toFetch.push(query);
  }
  if (toFetch.length === 0) return evidence;
  if (!ctx.client) {
    for (const q of toFetch)
      evidence.set(q.name, missingEvidence("advisories", "offline: not in cache"));
    return evidence;
  }
  const client = ctx.client;
  const answers = await client.advisoriesFor(toFetch);
  for (const query of toFetch) {
    const answer = answers.get(query.name) ?? {
      ok: false,
      status: "unavailable: no answer for this package",
    };
    const old = stale.get(query.name);
    if (answer.ok) {
      const value: CachedBulkAnswer = {
        registry: registryHash(client.registryOf(query.name)),
        advisories: answer.advisories,
      };
      await ctx.cache.write("advisories", cacheKey(query), value);
      const data = fromBulkAdvisories(query.name, answer.advisories);
      evidence.set(query.name, okEvidence("advisories", data, ctx.now().toISOString(), false));
    } else if (old) {
      // Stale evidence beats none, and says how old it is.
      evidence.set(query.name, okEvidence("advisories", old.value, old.storedAt, true));
    } else {
      evidence.set(query.name, missingEvidence("advisories", answer.status));
    }
  }
  return evidence;
}

/**
 * The cached answer for exactly this version set, checked again as it is
 * read: a corrupt entry, an entry from another registry (the npm config
 * changed), or an entry that no longer validates is a miss.
 */
async function readCached(
  cache: Cache,
  query: BulkAdvisoryQuery,
  registry: string | null,
): Promise<{ value: AdvisoryEvidence; storedAt: string; entry: CacheEntry<unknown> } | null> {
  const entry = await cache.read<unknown>("advisories", cacheKey(query));
  const value = entry?.value as Partial<CachedBulkAnswer> | null | undefined;
  if (!entry || typeof value !== "object" || value === null) return null;
  if (registry !== null && value.registry !== registry) return null;
  const advisories = parseBulkEntries(value.advisories);
  if (advisories === null) return null;
  return { value: fromBulkAdvisories(query.name, advisories), storedAt: entry.storedAt, entry };
}

/** One entry per package and version set: the registry answers only for the versions posted. */
export function cacheKey(query: BulkAdvisoryQuery): string {
  const versions = [...new Set(query.versions)].sort();
  return `registry-bulk:${query.name}@${versions.join(",")}`;
}

function registryHash(registry: string): string {
  return createHash("sha256").update(registry).digest("hex").slice(0, 16);
}
