import type { Cache } from "../cache/disk-cache.js";
import { createRedisCache } from "../cache/redis-cache.js";
import type { EvidenceMaps } from "../collectors/types.js";
import type { LoadedConfig } from "../config/load-config.js";
import type { InventoryPackage } from "../inventory/types.js";
import { createQueueGatherer, type GatherOptions } from "./gather.js";
import { openRedis } from "./open-redis.js";
import { parseRedisAddress } from "./redis-address.js";

export interface QueuedAnalysis {
  /** The shared cache analyze() uses instead of the on-disk one. */
  cache: Cache;
  gather(packages: InventoryPackage[], config: LoadedConfig): Promise<Partial<EvidenceMaps>>;
  close(): Promise<void>;
}

/**
 * What `jenga analyze --queue URL` hands analyze(): the shared cache on Redis and the hook
 * that enqueues what it lacks and waits. Loaded only by that command, so an embedded run
 * never loads BullMQ or a Redis client. Redis unreachable: a UsageError naming the URL
 * without its password (exit 2), before any work.
 */
export async function openQueuedAnalysis(
  options: Omit<GatherOptions, "address" | "cache"> & { url: string; cacheDir: string },
): Promise<QueuedAnalysis> {
  const address = parseRedisAddress(options.url, options.env);
  const redis = await openRedis(address);
  const cache = createRedisCache({
    client: redis,
    mode: "normal",
    now: options.now,
    dir: options.cacheDir,
  });
  const gatherer = createQueueGatherer({ ...options, address, cache });
  return {
    cache,
    gather: (packages, config) => gatherer.gather(packages, config),
    async close() {
      await gatherer.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
