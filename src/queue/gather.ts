import path from "node:path";
import { type Job, Queue, QueueEvents } from "bullmq";
import pLimit from "p-limit";
import type { Cache } from "../cache/disk-cache.js";
import { allSources } from "../collectors/all-sources.js";
import { runSources } from "../collectors/run-sources.js";
import type { SourceRun } from "../collectors/source.js";
import {
  type Evidence,
  type EvidenceMaps,
  missingEvidence,
  type SourceName,
} from "../collectors/types.js";
import type { LoadedConfig } from "../config/load-config.js";
import type { InventoryPackage } from "../inventory/types.js";
import { type JobData, jobDataOf, jobIdOf, jobLabelOf } from "./queue-jobs.js";
import {
  jobAttempts,
  jobBackoff,
  keepCompleted,
  keepFailed,
  type QueuedSource,
  queuedSources,
  queuePrefix,
} from "./queue-settings.js";
import { connectionOptions, type RedisAddress } from "./redis-address.js";

export interface GatherOptions {
  address: RedisAddress;
  /** The shared cache on Redis: what it holds is served without a job. */
  cache: Cache;
  now: () => Date;
  cwd: string;
  env: Record<string, string | undefined>;
  home: string;
  toolVersion: string;
  /** The run's source switches: --no-git, --no-advisories, --osv (a local export is read here, never queued). */
  flags: { git: boolean; advisories: boolean; osv?: string };
  onProgress?: (event: { stage: string; done: number; total: number; name?: string }) => void;
  /** One line for the user (no worker listening, say). */
  onNotice?: (text: string) => void;
}

/** A finished job: its result (the source's evidence), or why it failed for good. */
type Outcome = { ok: true; value: unknown } | { ok: false; reason: string };

export interface QueueGatherer {
  gather(packages: InventoryPackage[], config: LoadedConfig): Promise<Partial<EvidenceMaps>>;
  close(): Promise<void>;
}

/** Jobs added to Redis at once: enough to keep a fleet busy, few enough to bound memory. */
const addConcurrency = 64;
/** What a source says, read offline, about a package the shared cache lacks. */
const notInCache = "offline: not in cache";

/**
 * The enqueuing side of a scale-out run. The queued sources first run here offline,
 * against the shared cache, through the same runner and source objects as an embedded
 * run: whatever they answer from the cache is kept, and each package a source could not
 * answer becomes a job. The registry goes first (git and issues need the repository it
 * names), then the others. The jobs' results (the sources' evidence, computed by workers)
 * fill in the rest, so analyze() gets what an embedded run would have collected. Offline,
 * the git source also accepts a cached history older than its TTL (at most 48 h: Redis
 * expires it then); the enqueuer's clone folder is its own, so it never reads a clone.
 */
export function createQueueGatherer(options: GatherOptions): QueueGatherer {
  const connection = connectionOptions(options.address);
  const queues = new Map<QueuedSource, Queue<JobData>>();
  const events = new Map<QueuedSource, QueueEvents>();
  for (const source of queuedSources) {
    queues.set(source, new Queue<JobData>(source, { connection, prefix: queuePrefix }));
    const queueEvents = new QueueEvents(source, { connection, prefix: queuePrefix });
    queueEvents.on("error", () => undefined);
    events.set(source, queueEvents);
  }
  const startedAt = options.now().getTime();
  const addLimit = pLimit(addConcurrency);

  const counter = (source: string): StageCounter => {
    const counted: StageCounter = {
      total: 0,
      done: 0,
      finish(name) {
        counted.done++;
        options.onProgress?.({
          stage: `queue ${source}`,
          done: counted.done,
          total: counted.total,
          name,
        });
      },
    };
    return counted;
  };

  /** Enqueues a job and waits for its end. */
  const submit = (data: JobData, stage: StageCounter): Promise<Outcome> => {
    stage.total++;
    const queue = queues.get(data.source) as Queue<JobData>;
    const queueEvents = events.get(data.source) as QueueEvents;
    return addLimit(() => addFresh(queue, data, jobIdOf(data), startedAt))
      .then((job) => job.waitUntilFinished(queueEvents))
      .then(
        (value: unknown): Outcome => ({ ok: true, value }),
        (error: unknown): Outcome => ({ ok: false, reason: reasonOf(error) }),
      )
      .then((result) => {
        stage.finish(jobLabelOf(data));
        return result;
      });
  };

  const warnIfNoWorker = async (source: QueuedSource, stage: StageCounter) => {
    if (stage.total === 0) return;
    const queue = queues.get(source) as Queue<JobData>;
    if ((await queue.getWorkersCount()) === 0)
      options.onNotice?.(
        `no worker is listening on ${options.address.display} for ${source} jobs yet; start one with: jenga worker --queue ${options.address.display}`,
      );
  };

  /** Jobs for every package this source could not answer from the cache; their evidence replaces the miss. */
  async function fillFromQueue(
    source: QueuedSource,
    found: Map<string, Evidence<unknown>>,
    packages: InventoryPackage[],
    config: LoadedConfig,
  ): Promise<void> {
    const stage = counter(source);
    const waits: Promise<void>[] = [];
    for (const pkg of packages) {
      const evidence = found.get(pkg.name);
      if (evidence && !needsJob(source, evidence)) continue;
      const data = jobDataOf(source, pkg, config.config.git?.allowHosts ?? []);
      waits.push(
        submit(data, stage).then((outcome) => {
          found.set(pkg.name, evidenceOf(source, outcome));
        }),
      );
    }
    await warnIfNoWorker(source, stage);
    await Promise.all(waits);
  }

  return {
    async gather(packages, config) {
      await Promise.all([...events.values()].map((e) => e.waitUntilReady()));
      const run: SourceRun = {
        paths: [],
        cwd: options.cwd,
        env: options.env,
        home: options.home,
        toolVersion: options.toolVersion,
        // Clones are for workers: an empty folder of its own keeps offline git to the cache.
        cache: { ...options.cache, dir: path.join(options.cache.dir, "enqueuer") },
        now: options.now,
        offline: true,
        concurrency: addConcurrency,
        config,
        flags: { ...options.flags, usage: false, single: false },
        http: null,
        injected: {},
      };
      const sourcesOf = (ids: readonly SourceName[]) =>
        allSources.filter((s) => ids.includes(s.id));
      const first = await runSources(sourcesOf(["registry"]), packages, run);
      await fillFromQueue(
        "registry",
        first.registry as Map<string, Evidence<unknown>>,
        packages,
        config,
      );
      const rest = await runSources(
        sourcesOf(["registry", "git", "advisories", "issues"]),
        packages,
        run,
        {
          // The runner hands a source what it needs only from sources in its list: the registry
          // is listed, and given, so it is not asked again.
          given: { registry: first.registry },
        },
      );
      await Promise.all(
        (["git", "advisories", "issues"] as const).map((source) =>
          fillFromQueue(source, rest[source] as Map<string, Evidence<unknown>>, packages, config),
        ),
      );
      return {
        registry: first.registry,
        git: rest.git,
        advisories: rest.advisories,
        issues: rest.issues,
      };
    },
    async close() {
      await Promise.all([...events.values()].map((e) => e.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

/** A package the cache could not answer for; for advisories, also one where a provider did not answer (a worker asks again). */
function needsJob(source: QueuedSource, evidence: Evidence<unknown>): boolean {
  if (evidence.status === notInCache) return true;
  if (source !== "advisories" || evidence.status !== "ok") return false;
  const providers = (evidence.data as { providers?: { status: string }[] } | null)?.providers ?? [];
  return providers.some((p) => p.status !== "ok");
}

interface StageCounter {
  total: number;
  done: number;
  finish(name: string): void;
}

/**
 * Adds the job, or finds the one with its id. A job that finished before this run began
 * (kept for an hour, see keepCompleted) answered an older question: it is replaced, so
 * a failure or a stale answer is asked again, as an embedded run would.
 */
async function addFresh(
  queue: Queue<JobData>,
  data: JobData,
  jobId: string,
  startedAt: number,
): Promise<Job<JobData>> {
  const options = {
    jobId,
    attempts: jobAttempts,
    backoff: jobBackoff,
    removeOnComplete: keepCompleted,
    removeOnFail: keepFailed,
  };
  const existing = await queue.getJob(jobId);
  if (existing?.finishedOn !== undefined && existing.finishedOn < startedAt)
    await existing.remove().catch(() => undefined);
  // With an id Redis already holds (waiting, running, or finished during this run), add() changes nothing.
  return queue.add(data.source, data, options);
}

/** A job's evidence, or its failure as the package's status for that source. */
function evidenceOf<T>(source: SourceName, outcome: Outcome): Evidence<T> {
  if (!outcome.ok) return missingEvidence(source, `unavailable: ${outcome.reason}`);
  const value = outcome.value as Evidence<T> | null;
  if (!value || typeof value !== "object" || typeof value.status !== "string")
    return missingEvidence(source, "unavailable: the worker gave no answer");
  return value;
}

/** A job's failure as a short status: its first line, printable, never a stack. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").replace(/[^\x20-\x7e]/g, "?").slice(0, 200) || "job failed";
}
