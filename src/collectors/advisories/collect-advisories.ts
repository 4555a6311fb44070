import { osvAnswerShape } from "../../cache/cached-shapes.js";
import { type Cache, isFresh } from "../../cache/disk-cache.js";
import { cacheTtlMs } from "../../cache/ttl.js";
import { type Evidence, missingEvidence, okEvidence } from "../types.js";
import { fromOsvRecords } from "./from-osv-records.js";
import type { AdvisoryEvidence, AdvisorySource, AdvisorySourceKind, OsvRecord } from "./types.js";

/** What the cache keeps: the records as the source gave them; evidence is derived on every read. */
interface CachedOsvAnswer {
  kind: AdvisorySourceKind;
  records: OsvRecord[];
}

export interface AdvisoryContext {
  /** Null when the network is off (`--offline`) and no export was given. */
  source: AdvisorySource | null;
  cache: Cache;
  now: () => Date;
  /** False for `--no-advisories`. */
  enabled?: boolean;
}

/**
 * Advisory evidence for many packages at once (the OSV API answers a batch
 * in one request): from the cache when fresh (or whenever offline), else
 * from the source. Records from a local export are not cached: the export
 * is the user's own snapshot and reading it again is the point.
 * Never throws: every failure becomes that package's advisories status.
 */
export async function collectAdvisories(
  names: readonly string[],
  ctx: AdvisoryContext,
): Promise<Map<string, Evidence<AdvisoryEvidence>>> {
  const unique = [...new Set(names)];
  const evidence = new Map<string, Evidence<AdvisoryEvidence>>();
  if (ctx.enabled === false) {
    for (const name of unique)
      evidence.set(name, missingEvidence("advisories", "skipped: --no-advisories"));
    return evidence;
  }
  const useCache = ctx.source === null || ctx.source.cacheable;
  const stale = new Map<string, { value: AdvisoryEvidence; storedAt: string }>();
  const toFetch: string[] = [];
  for (const name of unique) {
    const entry = useCache
      ? await ctx.cache.read<CachedOsvAnswer>("advisories", name, osvAnswerShape)
      : null;
    const cached = entry
      ? {
          value: fromOsvRecords(name, entry.value.records, entry.value.kind),
          storedAt: entry.storedAt,
        }
      : null;
    if (
      entry &&
      cached &&
      (ctx.cache.mode === "offline" || isFresh(entry, cacheTtlMs.advisories, ctx.now()))
    ) {
      evidence.set(name, okEvidence("advisories", cached.value, cached.storedAt, true));
      continue;
    }
    if (cached) stale.set(name, cached);
    toFetch.push(name);
  }
  if (toFetch.length === 0) return evidence;
  if (!ctx.source) {
    for (const name of toFetch)
      evidence.set(name, missingEvidence("advisories", "offline: not in cache"));
    return evidence;
  }
  const source = ctx.source;
  const results = await source.recordsFor(toFetch);
  for (const name of toFetch) {
    const result = results.get(name) ?? {
      ok: false,
      status: "unavailable: no answer for this package",
    };
    const old = stale.get(name);
    if (result.ok) {
      const value = fromOsvRecords(name, result.records, source.kind);
      if (source.cacheable)
        await ctx.cache.write<CachedOsvAnswer>("advisories", name, {
          kind: source.kind,
          records: result.records,
        });
      evidence.set(name, okEvidence("advisories", value, ctx.now().toISOString(), false));
    } else if (old) {
      // The source failed but an older copy exists: stale evidence beats none, and says how old it is.
      evidence.set(name, okEvidence("advisories", old.value, old.storedAt, true));
    } else {
      evidence.set(name, missingEvidence("advisories", result.status));
    }
  }
  return evidence;
}
