import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRedisCache } from "../../src/cache/redis-cache.js";
import { createQueueGatherer } from "../../src/queue/gather.js";
import { openRedis } from "../../src/queue/open-redis.js";
import { formatQueueStatus, readQueueStatus } from "../../src/queue/queue-status.js";
import { parseRedisAddress } from "../../src/queue/redis-address.js";
import { startWorkers } from "../../src/queue/start-workers.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { inventoryPackage } from "../helpers/evidence.js";
import { type RedisServer, startRedisServer } from "./helpers/redis-server.js";

// A job whose worker throws every time: BullMQ retries it (3 attempts, with backoff), then
// fails it for good; the run ends with the reason as the package's status instead of
// waiting for ever, and `jenga queue status` lists the reason.

let redis: RedisServer;
let dir: string;
beforeEach(async () => {
  redis = await startRedisServer();
  dir = await mkdtemp(path.join(os.tmpdir(), "jenga-queue-fail-"));
});
afterEach(async () => {
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("a job that keeps failing", () => {
  it("ends as the package's unavailable status after its attempts, and queue status says why", async () => {
    const address = parseRedisAddress(redis.url, {});
    const client = await openRedis(address);
    const now = () => new Date();
    let attempts = 0;
    const workers = await startWorkers({
      address,
      redis: client,
      cacheDir: dir,
      cwd: dir,
      env: {},
      home: dir,
      toolVersion: "0.0.0",
      runner: {
        async run(data) {
          attempts++;
          throw new Error(`the registry answered nonsense for ${data.name}`);
        },
        close: async () => undefined,
      },
    });
    const cache = createRedisCache({ client, mode: "normal", now, dir });
    const gatherer = createQueueGatherer({
      address,
      cache,
      now,
      cwd: dir,
      env: {},
      home: dir,
      toolVersion: "0.0.0",
      flags: { git: false, advisories: false },
    });
    try {
      const pkg = inventoryPackage({ name: "doomed" });
      const gathered = await gatherer.gather([pkg], {
        file: null,
        config: {},
        policy: defaultPolicy,
      });
      expect(gathered.registry?.get("doomed")?.status).toBe(
        "unavailable: the registry answered nonsense for doomed",
      );
      expect(attempts).toBe(3);
      // No registry data: the sources that need it say so, without a job.
      expect(gathered.issues?.get("doomed")?.status).toBe(
        "skipped: no registry data to find the repository",
      );
      const status = await readQueueStatus(address);
      expect(status.find((s) => s.source === "registry")).toMatchObject({
        waiting: 0,
        active: 0,
        failed: 1,
        failures: [{ count: 1, example: "doomed@1.0.0" }],
      });
      expect(formatQueueStatus(address, status)).toContain(
        "failed ×1: the registry answered nonsense for doomed (e.g. doomed@1.0.0)",
      );
    } finally {
      await gatherer.close();
      await workers.close();
      await client.quit();
    }
  }, 60_000);
});

describe("the Redis address", () => {
  it("takes the password from JENGA_REDIS_PASSWORD and never shows it", () => {
    const fromEnv = parseRedisAddress("redis://cache.internal:6380/2", {
      JENGA_REDIS_PASSWORD: "pw",
    });
    expect(fromEnv).toMatchObject({ host: "cache.internal", port: 6380, db: 2, password: "pw" });
    expect(fromEnv.display).toBe("redis://cache.internal:6380/2");
    const inUrl = parseRedisAddress("rediss://me:p%40ss@cache.internal", {});
    expect(inUrl).toMatchObject({ username: "me", password: "p@ss", tls: true, port: 6379 });
    expect(inUrl.display).toBe("rediss://me:***@cache.internal");
    expect(() => parseRedisAddress("http://me:secret@x", {})).toThrow(/not a Redis URL/);
    expect(() => parseRedisAddress("redis://me:secret@[::1", {})).toThrow(
      "--queue: not a URL: redis://***@[::1",
    );
  });
});
