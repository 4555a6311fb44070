import { createHash } from "node:crypto";
import path from "node:path";
import type { SourceName } from "../collectors/types.js";
import type { Cache, CachedShape, CacheEntry, CacheMode } from "./disk-cache.js";
import { cacheFormats } from "./formats.js";
import { cacheTtlMs } from "./ttl.js";

/**
 * The cache on Redis, shared by every queue worker and the process that enqueues: the
 * same interface and entry format as the on-disk cache, so every source reads and
 * writes it unchanged. BullMQ needs `maxmemory-policy noeviction` (an evicted job is a
 * lost job), so Redis never makes room by itself: each entry expires (see `expiryMs`)
 * and no value may exceed `maxValueBytes`. Anything odd on read (unparsable, another
 * key, the wrong shape) is a miss, as on disk.
 *
 * Only the type of the client is named here: the connection is the queue path's
 * (src/queue/), so nothing on the embedded path loads a Redis client.
 */
export interface RedisCacheClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, unit: "PX", ms: number): Promise<unknown>;
}

/**
 * Kept past its TTL for as long again: a stale entry still serves an ETag revalidation
 * and the "stale beats none" fallback when a source fails, as the on-disk cache does.
 */
const expiryFactor = 2;
/**
 * Far above any real entry (a ten-year git history of a large repository is a few MB), low
 * enough that one hostile answer cannot take a shared Redis's memory. Larger values are
 * not stored; the run says so in its notes.
 */
export const maxValueBytes = 16 * 1024 * 1024;
/** Keys are strangers' strings (names, URLs): long ones are cut and kept apart by a hash. */
const maxReadableKeyLength = 200;
const namespace = "jenga:cache:v1";

/** `jenga:cache:v1:<source>@<format>:<key>`: a new format of a source's answers is a new key (./formats.ts). */
export function redisCacheKey(source: SourceName, key: string): string {
  const prefix = `${namespace}:${source}@${cacheFormats[source]}`;
  if (key.length <= maxReadableKeyLength) return `${prefix}:${key}`;
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 16);
  return `${prefix}:${key.slice(0, maxReadableKeyLength)}#${hash}`;
}

export function createRedisCache(options: {
  client: RedisCacheClient;
  mode: CacheMode;
  now: () => Date;
  /** Local folder for what cannot be shared: git clones stay on the machine that made them. */
  dir: string;
}): Cache {
  let failures = 0;
  let firstFailure = "";
  const fail = (why: string) => {
    failures++;
    if (!firstFailure) firstFailure = why;
  };
  return {
    mode: options.mode,
    dir: path.resolve(options.dir, "v1"),
    async read<T>(
      source: SourceName,
      key: string,
      shape?: CachedShape,
    ): Promise<CacheEntry<T> | null> {
      if (options.mode === "refresh") return null;
      let text: string | null;
      try {
        text = await options.client.get(redisCacheKey(source, key));
      } catch {
        return null;
      }
      if (text === null || text.length > maxValueBytes) return null;
      try {
        const entry = JSON.parse(text) as CacheEntry<T>;
        if (!entry || entry.key !== key || typeof entry.storedAt !== "string") return null;
        if (entry.format !== cacheFormats[source]) return null;
        return shape && !shape.safeParse(entry.value).success ? null : entry;
      } catch {
        return null;
      }
    },
    async write<T>(source: SourceName, key: string, value: T, etag: string | null = null) {
      const entry: CacheEntry<T> = {
        key,
        format: cacheFormats[source],
        storedAt: options.now().toISOString(),
        etag,
        value,
      };
      const text = JSON.stringify(entry);
      if (Buffer.byteLength(text) > maxValueBytes) {
        fail(`an entry over ${maxValueBytes / 1024 / 1024} MB`);
        return;
      }
      try {
        await options.client.set(
          redisCacheKey(source, key),
          text,
          "PX",
          cacheTtlMs[source] * expiryFactor,
        );
      } catch (error) {
        fail((error as { code?: string }).code ?? String(error).slice(0, 120));
      }
    },
    writeProblem() {
      if (failures === 0) return null;
      return `The Redis cache could not store ${failures} entr${failures === 1 ? "y" : "ies"} (${firstFailure}): those answers were used but not shared.`;
    },
  };
}
