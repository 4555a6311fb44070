import { type Job, Queue, QueueEvents } from "bullmq";
import pLimit from "p-limit";
import { gitShape } from "../cache/cached-shapes.js";
import { type Cache, isFresh } from "../cache/disk-cache.js";
import { cacheTtlMs } from "../cache/ttl.js";
import { collectPackageAdvisories } from "../collectors/advisories/collect-package-advisories.js";
import type { AdvisoryEvidence } from "../collectors/advisories/types.js";
import { hostOfRepoUrl, isPrivateHost } from "../collectors/git/private-host.js";
import { safeRepoUrl } from "../collectors/git/safe-repo-url.js";
import type { GitEvidence } from "../collectors/git/types.js";
import { createIssuesCollector } from "../collectors/issues/collect-issues.js";
import { scopeToPackage } from "../collectors/issues/scope-to-package.js";
import type { IssuesEvidence } from "../collectors/issues/types.js";
import { collectRegistry } from "../collectors/registry/collect-registry.js";
import type { RegistryEvidence } from "../collectors/registry/types.js";
import { normalizeRepositoryUrl, repositoryCloneTarget } from "../collectors/repository-url.js";
import type { EvidenceMaps } from "../collectors/types.js";
import {
  type Evidence,
  missingEvidence,
  okEvidence,
  type SourceName,
} from "../collectors/types.js";
import type { JengaConfig } from "../config/schema.js";
import type { InventoryPackage } from "../inventory/types.js";
import { type JobData, jobIdOf, jobLabelOf } from "./queue-jobs.js";
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
  /** The shared cache on Redis: what it holds fresh is not enqueued. */
  cache: Cache;
  now: () => Date;
  cwd: string;
  env: Record<string, string | undefined>;
  toolVersion: string;
  git: boolean;
  /** False for --no-advisories, or with --osv (a local export is read here, not by workers). */
  advisories: boolean;
  onProgress?: (event: { stage: string; done: number; total: number; name?: string }) => void;
  /** One line for the user (no worker listening, say). */
  onNotice?: (text: string) => void;
}

/** A finished job: its result (the collector's evidence), or why it failed for good. */
type Outcome = { ok: true; value: unknown } | { ok: false; reason: string };

export interface QueueGatherer {
  gather(packages: InventoryPackage[], config: JengaConfig): Promise<Partial<EvidenceMaps>>;
  close(): Promise<void>;
}

/** Jobs added to Redis at once: enough to keep a fleet busy, few enough to bound memory. */
const addConcurrency = 64;

/**
 * The enqueuing side of a scale-out run. For each queued source, in the order their inputs
 * allow (registry first: git and issues need the repository it names), it serves what the
 * shared cache holds fresh, enqueues the rest as idempotent jobs, waits on their events,
 * and hands analyze() each package's evidence, as an embedded run would have collected it.
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
  const pending = new Map<string, Promise<Outcome>>();

  /** Enqueues a job (once per run however many packages need it) and waits for its end. */
  const submit = (data: JobData, stage: StageCounter): Promise<Outcome> => {
    const id = jobIdOf(data);
    const known = pending.get(id);
    if (known) return known;
    stage.total++;
    const queue = queues.get(data.source) as Queue<JobData>;
    const queueEvents = events.get(data.source) as QueueEvents;
    const outcome = addLimit(() => addFresh(queue, data, id, startedAt))
      .then((job) => job.waitUntilFinished(queueEvents))
      .then(
        (value: unknown): Outcome => ({ ok: true, value }),
        (error: unknown): Outcome => ({ ok: false, reason: reasonOf(error) }),
      )
      .then((result) => {
        stage.finish(jobLabelOf(data));
        return result;
      });
    pending.set(id, outcome);
    return outcome;
  };

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

  const warnIfNoWorker = async (source: QueuedSource, stage: StageCounter) => {
    if (stage.total === 0) return;
    const queue = queues.get(source) as Queue<JobData>;
    if ((await queue.getWorkersCount()) === 0)
      options.onNotice?.(
        `no worker is listening on ${options.address.display} for ${source} jobs yet; start one with: jenga worker --queue ${options.address.display}`,
      );
  };

  async function gatherRegistry(packages: InventoryPackage[]) {
    const stage = counter("registry");
    const found = new Map<string, Evidence<RegistryEvidence>>();
    const waits: Promise<void>[] = [];
    for (const pkg of packages) {
      // Fresh in the shared cache (or not from a registry at all): no job.
      const cached = await collectRegistry(pkg, {
        fetcher: null,
        cache: options.cache,
        now: options.now,
      });
      if (cached.status === "ok" || pkg.origin !== "registry") {
        found.set(pkg.name, cached);
        continue;
      }
      waits.push(
        submit({ source: "registry", name: pkg.name }, stage).then((outcome) => {
          found.set(pkg.name, evidenceOf<RegistryEvidence>("registry", outcome));
        }),
      );
    }
    await warnIfNoWorker("registry", stage);
    await Promise.all(waits);
    return found;
  }

  async function gatherGit(
    packages: InventoryPackage[],
    registry: Map<string, Evidence<RegistryEvidence>>,
    allowHosts: string[],
  ) {
    const stage = counter("git");
    const found = new Map<string, Evidence<GitEvidence>>();
    // Packages whose repository must be read, by repository: one job clones it once.
    const byUrl = new Map<string, { pkg: string; directory: string }[]>();
    for (const pkg of packages) {
      const data = registry.get(pkg.name)?.data;
      if (!data) {
        found.set(
          pkg.name,
          missingEvidence("git", "skipped: no registry data to find the repository"),
        );
        continue;
      }
      const target = repositoryCloneTarget(
        data.repository?.url,
        data.repository?.directory ?? null,
      );
      if (!target) {
        found.set(pkg.name, missingEvidence("git", "skipped: no usable repository URL"));
        continue;
      }
      const cached = await freshGit(options.cache, target.url, target.directory, options.now());
      if (cached) {
        found.set(pkg.name, cached);
        continue;
      }
      const list = byUrl.get(target.url) ?? [];
      list.push({ pkg: pkg.name, directory: target.directory ?? "" });
      byUrl.set(target.url, list);
    }
    const waits = [...byUrl].map(([url, wanted]) => {
      const directories = [...new Set(wanted.map((w) => w.directory))].sort();
      return submit({ source: "git", url, directories, allowHosts }, stage).then((outcome) => {
        for (const { pkg, directory } of wanted) {
          const value = outcome.ok
            ? (outcome.value as Record<string, Evidence<GitEvidence>> | null)?.[directory]
            : undefined;
          found.set(
            pkg,
            value ??
              evidenceOf<GitEvidence>(
                "git",
                outcome.ok ? { ok: false, reason: "no answer for this folder" } : outcome,
              ),
          );
        }
      });
    });
    await warnIfNoWorker("git", stage);
    await Promise.all(waits);
    return found;
  }

  async function gatherAdvisories(packages: InventoryPackage[]) {
    const stage = counter("advisories");
    const registryPackages = packages.filter((p) => p.origin === "registry");
    // Offline against the shared cache: what both providers answered before, and nothing else.
    const cached = await collectPackageAdvisories(
      registryPackages,
      {
        cwd: options.cwd,
        env: options.env,
        toolVersion: options.toolVersion,
        offline: true,
        enabled: true,
      },
      { cache: options.cache, now: options.now },
    );
    const found = new Map<string, Evidence<AdvisoryEvidence>>();
    // As the advisories source says it: a local or git dependency may share a public name, not its code.
    for (const pkg of packages)
      if (pkg.origin !== "registry")
        found.set(
          pkg.name,
          missingEvidence("advisories", `skipped: ${pkg.origin} dependency, not from a registry`),
        );
    const waits: Promise<void>[] = [];
    for (const pkg of registryPackages) {
      const hit = cached.get(pkg.name);
      if (hit && completeAdvisories(hit)) {
        found.set(pkg.name, hit);
        continue;
      }
      waits.push(
        submit({ source: "advisories", name: pkg.name, versions: pkg.versions }, stage).then(
          (outcome) => {
            found.set(pkg.name, evidenceOf<AdvisoryEvidence>("advisories", outcome));
          },
        ),
      );
    }
    await warnIfNoWorker("advisories", stage);
    await Promise.all(waits);
    return found;
  }

  async function gatherIssues(
    packages: InventoryPackage[],
    registry: Map<string, Evidence<RegistryEvidence>>,
  ) {
    const stage = counter("issues");
    const fromCache = createIssuesCollector({ api: null, cache: options.cache, now: options.now });
    const found = new Map<string, Evidence<IssuesEvidence>>();
    const waits: Promise<void>[] = [];
    for (const pkg of packages) {
      const data = registry.get(pkg.name)?.data;
      if (!data) {
        found.set(
          pkg.name,
          missingEvidence("issues", "skipped: no registry data to find the repository"),
        );
        continue;
      }
      const repo = normalizeRepositoryUrl(data.repository?.url, data.repository?.directory ?? null);
      const scoped = (evidence: Evidence<IssuesEvidence>) => {
        found.set(
          pkg.name,
          evidence.data
            ? {
                ...evidence,
                data: scopeToPackage(evidence.data, pkg.name, repo?.directory ?? null),
              }
            : evidence,
        );
      };
      const cached = await fromCache.collect(repo);
      if (!repo || cached.status !== "offline: not in cache") {
        scoped(cached);
        continue;
      }
      waits.push(
        submit({ source: "issues", url: repo.url }, stage).then((outcome) =>
          scoped(evidenceOf<IssuesEvidence>("issues", outcome)),
        ),
      );
    }
    await warnIfNoWorker("issues", stage);
    await Promise.all(waits);
    return found;
  }

  return {
    async gather(packages, config) {
      await Promise.all([...events.values()].map((e) => e.waitUntilReady()));
      const registry = await gatherRegistry(packages);
      const [git, advisories, issues] = await Promise.all([
        options.git ? gatherGit(packages, registry, config.git?.allowHosts ?? []) : undefined,
        options.advisories ? gatherAdvisories(packages) : undefined,
        gatherIssues(packages, registry),
      ]);
      return {
        registry,
        ...(git ? { git } : {}),
        ...(advisories ? { advisories } : {}),
        issues,
      };
    },
    async close() {
      await Promise.all([...events.values()].map((e) => e.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
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

/** Advisories from the cache count only when every provider answered: otherwise a worker asks again. */
function completeAdvisories(evidence: Evidence<AdvisoryEvidence>): boolean {
  if (evidence.status !== "ok" || !evidence.data) return false;
  const providers = (evidence.data as { providers?: { status: string }[] }).providers ?? [];
  return providers.length > 0 && providers.every((p) => p.status === "ok");
}

/**
 * Git evidence the shared cache holds fresh for a repository folder, read as the collector
 * reads it. Unsafe or private URLs are left to a worker: the collector there says why.
 */
async function freshGit(
  cache: Cache,
  rawUrl: string,
  directory: string | null,
  now: Date,
): Promise<Evidence<GitEvidence> | null> {
  const safe = safeRepoUrl(rawUrl);
  if (!safe.ok) return null;
  const host = hostOfRepoUrl(safe.url);
  if (host && isPrivateHost(host)) return null;
  const entry = await cache.read<GitEvidence>("git", `${safe.url}#${directory ?? ""}`, gitShape);
  if (!entry || !isFresh(entry, cacheTtlMs.git, now)) return null;
  return okEvidence("git", entry.value, entry.storedAt, true);
}

/** A job's failure as a short status: its first line, printable, never a stack. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").replace(/[^\x20-\x7e]/g, "?").slice(0, 200) || "job failed";
}
