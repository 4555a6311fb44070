import type { SourceName } from "../collectors/types.js";

/** The sources that run as queue jobs. Inventory and usage read the project's own files, so they stay in the process that enqueues. */
export const queuedSources = ["registry", "git", "advisories", "issues"] as const;
export type QueuedSource = (typeof queuedSources)[number] & SourceName;

/** Every BullMQ key of jenga's queues starts with this; the cache's keys with `jenga:cache:`. */
export const queuePrefix = "jenga:queue";

export interface SourceQueueSettings {
  /** Jobs one worker process runs at once. */
  concurrency: number;
  /** BullMQ's limiter: at most `max` jobs start per `duration` ms, counted in Redis across all workers. */
  limiter: { max: number; duration: number };
}

/**
 * One queue per source, so each has its own pace. The limiter is shared by every worker
 * on the queue (BullMQ keeps its counter in Redis): adding workers adds throughput only
 * up to it.
 */
export const sourceQueues = {
  // A packument is one request; the public registry copes with far more, and this keeps a
  // thousand-worker fleet from looking like an attack.
  registry: { concurrency: 16, limiter: { max: 200, duration: 1_000 } },
  // A clone is seconds of network and disk: a few per worker, and at most 20 starting a
  // second across the fleet, so a code host never sees a burst of hundreds.
  git: { concurrency: 4, limiter: { max: 20, duration: 1_000 } },
  // One OSV query and one bulk request per package.
  advisories: { concurrency: 8, limiter: { max: 100, duration: 1_000 } },
  // Each repository costs several GitHub API requests; a token allows 5,000 an hour, so
  // ~1,000 repositories an hour (about 17 a minute) is all one token's budget carries.
  issues: { concurrency: 2, limiter: { max: 17, duration: 60_000 } },
} as const satisfies Record<QueuedSource, SourceQueueSettings>;

/**
 * Retries with backoff for a job that throws (a collector reports failures as statuses,
 * so a throw is a bug or a dying worker). After the last, the job is failed and its
 * reason becomes each of its packages' `unavailable: …` status.
 */
export const jobAttempts = 3;
export const jobBackoff = { type: "exponential", delay: 1_000 } as const;
/**
 * Kept long enough for every process waiting on a job to read its answer, then dropped
 * (Redis runs with noeviction: nothing else removes them). Failed jobs stay a day, for
 * `jenga queue status`.
 */
export const keepCompleted = { age: 60 * 60, count: 100_000 };
export const keepFailed = { age: 24 * 60 * 60, count: 10_000 };

/**
 * BullMQ's stalled-job recovery: a worker renews its lock on a job every lockDuration/2;
 * a killed worker stops renewing, and after stalledInterval another worker takes the job
 * back. Tests shorten both (JENGA_QUEUE_STALLED_MS) so a kill is recovered in seconds.
 */
export const defaultStalledMs = 30_000;
/** A job whose worker died this many times is failed rather than retried forever. */
export const maxStalledCount = 2;
