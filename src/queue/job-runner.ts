import type { Cache } from "../cache/disk-cache.js";
import { allSources } from "../collectors/all-sources.js";
import { createProxyDispatcher } from "../collectors/http/http-dispatcher.js";
import { loadNpmConfig } from "../collectors/http/npm-config.js";
import { repositoryCloneTarget } from "../collectors/repository-url.js";
import type { NeededEvidence, Source, SourceRun } from "../collectors/source.js";
import { type Evidence, missingEvidence, type SourceName } from "../collectors/types.js";
import type { LoadedConfig } from "../config/load-config.js";
import type { JengaConfig } from "../config/schema.js";
import type { InventoryPackage } from "../inventory/types.js";
import { defaultPolicy } from "../scoring/policy.js";
import { type JobData, packageOfJob } from "./queue-jobs.js";

export interface JobRunnerOptions {
  cache: Cache;
  cwd: string;
  env: Record<string, string | undefined>;
  home: string;
  toolVersion: string;
  now: () => Date;
  /** Requests and clones at once within this worker (its largest queue concurrency). */
  concurrency: number;
}

export interface JobRunner {
  /** The evidence the source returned for the job's package: the job's result. */
  run(data: JobData): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * What a worker does with a job: exactly what the embedded run does for that package,
 * with the same source object from the one array, through the shared cache. The raw
 * answer lands in the cache; the source's evidence (an answer, or a status such as
 * `unavailable: 404`) is the job's result, so the process that enqueued it reports what
 * an embedded run would. A source that needs another (git and issues need the registry's
 * repository URL) gets it the same way: a cache hit, since its job ran first.
 */
export async function createJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  // The worker's own npm configuration (its cwd's .npmrc, npm_config_* variables): the
  // registry, its credentials and proxies, which never travel through the queue.
  const npmSettings = await loadNpmConfig({
    cwd: options.cwd,
    env: options.env,
    userAgent: `jenga/${options.toolVersion}`,
  });
  const dispatcher = createProxyDispatcher(npmSettings, options.concurrency);
  const runOf = (allowHosts: string[]): SourceRun => ({
    paths: [],
    cwd: options.cwd,
    env: options.env,
    home: options.home,
    toolVersion: options.toolVersion,
    cache: options.cache,
    now: options.now,
    offline: false,
    concurrency: options.concurrency,
    config: {
      file: null,
      config: (allowHosts.length > 0 ? { git: { allowHosts } } : {}) as JengaConfig,
      policy: defaultPolicy,
    } satisfies LoadedConfig,
    flags: { git: true, usage: false, advisories: true, single: false },
    http: { npmSettings, dispatcher },
    injected: {},
  });

  // One git job per repository at a time in this process: two packages of one monorepo,
  // or a job BullMQ took back from a worker whose lock lapsed under load, must not clone
  // into one folder at once.
  const repositoryTurns = new Map<string, Promise<unknown>>();
  const inTurn = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (repositoryTurns.get(key) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    repositoryTurns.set(key, settled);
    void settled.then(() => {
      if (repositoryTurns.get(key) === settled) repositoryTurns.delete(key);
    });
    return next;
  };

  return {
    async run(data) {
      const run = runOf(data.allowHosts);
      const pkg = packageOfJob(data);
      const source = sourceById(data.source);
      const needed: NeededEvidence = {};
      for (const need of source.needs)
        (needed as Record<string, Evidence<unknown>>)[need] = await collectOne(
          sourceById(need),
          pkg,
          {},
          run,
        );
      if (data.source !== "git") return collectOne(source, pkg, needed, run);
      const repository = needed.registry?.data?.repository;
      const target = repositoryCloneTarget(repository?.url, repository?.directory ?? null);
      return inTurn(target?.url ?? data.name, () => collectOne(source, pkg, needed, run));
    },
    close: () => dispatcher.close(),
  };
}

function sourceById(id: SourceName): Source {
  const source = allSources.find((s) => s.id === id);
  if (!source) throw new Error(`no source ${id}`);
  return source;
}

/** One package through one source, opened and closed for it (a worker lives longer than a run's memo should). */
async function collectOne(
  source: Source,
  pkg: InventoryPackage,
  needed: NeededEvidence,
  run: SourceRun,
): Promise<Evidence<unknown>> {
  const off = source.off(run);
  if (off) return missingEvidence(source.id, off);
  const session = await source.open(run);
  try {
    await session.batch?.([pkg], async () => needed);
    return await session.collect(pkg, needed);
  } finally {
    await session.close?.();
  }
}
