import { type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { createRedisCache } from "../cache/redis-cache.js";
import type { JobRunner } from "./job-runner.js";
import { createJobRunner } from "./job-runner.js";
import type { JobData } from "./queue-jobs.js";
import {
  defaultStalledMs,
  keepCompleted,
  keepFailed,
  maxStalledCount,
  queuedSources,
  queuePrefix,
  sourceQueues,
} from "./queue-settings.js";
import { connectionOptions, type RedisAddress } from "./redis-address.js";

export interface WorkerOptions {
  address: RedisAddress;
  /** jenga's own connection (the cache); BullMQ opens its own, as it must for blocking reads. */
  redis: Redis;
  cacheDir: string;
  cwd: string;
  env: Record<string, string | undefined>;
  home: string;
  toolVersion: string;
  now?: () => Date;
  /** Replaces every queue's per-worker concurrency (`jenga worker --concurrency N`). */
  concurrency?: number;
  /** Lock and stall-check interval in ms; shortened by tests. */
  stalledMs?: number;
  /**
   * Issues jobs starting per minute across the fleet, for a larger GitHub budget than one
   * token's (a GitHub App, GitHub Enterprise with its own limits); default sourceQueues'.
   */
  issuesPerMinute?: number;
  onEvent?: (event: WorkerEvent) => void;
  /** Replaces the collectors (tests: a job that always throws). */
  runner?: JobRunner;
}

export type WorkerEvent =
  | { kind: "done"; source: string; jobId: string }
  | { kind: "failed"; source: string; jobId: string; reason: string };

export interface RunningWorkers {
  /** Stops taking jobs, lets running ones finish (BullMQ's graceful close), then disconnects. */
  close(): Promise<void>;
}

/**
 * One BullMQ worker per source queue, all in this process, sharing one job runner (its
 * clients) and the Redis cache. A job's result is the collector's evidence; a throw is
 * retried by BullMQ and, after the last attempt, recorded as the job's failure.
 */
export async function startWorkers(options: WorkerOptions): Promise<RunningWorkers> {
  const now = options.now ?? (() => new Date());
  const cache = createRedisCache({
    client: options.redis,
    mode: "normal",
    now,
    dir: options.cacheDir,
  });
  const stalledMs = options.stalledMs ?? defaultStalledMs;
  let largest = 1;
  for (const source of queuedSources)
    largest = Math.max(largest, options.concurrency ?? sourceQueues[source].concurrency);
  const runner: JobRunner =
    options.runner ??
    (await createJobRunner({
      cache,
      cwd: options.cwd,
      env: options.env,
      home: options.home,
      toolVersion: options.toolVersion,
      now,
      concurrency: largest,
    }));
  const workers = queuedSources.map((source) => {
    const worker = new Worker<JobData>(source, (job: Job<JobData>) => runner.run(job.data), {
      connection: connectionOptions(options.address),
      prefix: queuePrefix,
      concurrency: options.concurrency ?? sourceQueues[source].concurrency,
      limiter:
        source === "issues" && options.issuesPerMinute
          ? { max: options.issuesPerMinute, duration: 60_000 }
          : sourceQueues[source].limiter,
      lockDuration: stalledMs,
      stalledInterval: stalledMs,
      maxStalledCount,
      removeOnComplete: keepCompleted,
      removeOnFail: keepFailed,
    });
    worker.on("completed", (job) =>
      options.onEvent?.({ kind: "done", source, jobId: String(job.id) }),
    );
    worker.on("failed", (job, error) =>
      options.onEvent?.({
        kind: "failed",
        source,
        jobId: String(job?.id),
        reason: error.message,
      }),
    );
    // Connection errors are retried by BullMQ; they must not crash the process meanwhile.
    worker.on("error", () => undefined);
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await runner.close();
    },
  };
}
