import type { Cache } from "../cache/disk-cache.js";
import { collectPackageAdvisories } from "../collectors/advisories/collect-package-advisories.js";
import { createGitCollector } from "../collectors/git/collect-git.js";
import { createProxyDispatcher } from "../collectors/http/http-dispatcher.js";
import { loadNpmConfig } from "../collectors/http/npm-config.js";
import { maxRetryWaitMs } from "../collectors/http/retry.js";
import { createIssuesCollector } from "../collectors/issues/collect-issues.js";
import { createGitHubClient, defaultGitHubApiUrl } from "../collectors/issues/github-client.js";
import { findGitHubToken } from "../collectors/issues/github-token.js";
import { collectRegistry } from "../collectors/registry/collect-registry.js";
import { createRegistryClient } from "../collectors/registry/registry-client.js";
import type { Evidence } from "../collectors/types.js";
import type { InventoryPackage } from "../inventory/types.js";
import type { JobData } from "./queue-jobs.js";

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
  /** The evidence the source's collector returned: the job's result. */
  run(data: JobData): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * What a worker does with a job: exactly what the embedded run does for that package or
 * repository, with the same collector, through the shared cache. The raw answer lands in
 * the cache; the collector's evidence (an answer, or a status such as `unavailable: 404`)
 * is the job's result, so the process that enqueued it reports what an embedded run
 * would. Clients are made once per worker: one connection pool, one GitHub rate budget.
 */
export async function createJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { cache, now, env } = options;
  // The worker's own npm configuration (its cwd's .npmrc, npm_config_* variables): the
  // registry, its credentials and proxies, which never travel through the queue.
  const npmSettings = await loadNpmConfig({
    cwd: options.cwd,
    env,
    userAgent: `jenga/${options.toolVersion}`,
  });
  const registryClient = createRegistryClient(npmSettings, {
    concurrency: options.concurrency,
    maxRetryAfterMs: maxRetryWaitMs(env),
  });
  const outbound = createProxyDispatcher(npmSettings, options.concurrency);
  const token = await findGitHubToken({ env, home: options.home });
  const github = createGitHubClient({
    baseUrl: env.JENGA_GITHUB_API_URL || defaultGitHubApiUrl,
    token: token?.token ?? null,
    userAgent: `jenga/${options.toolVersion}`,
    dispatcher: outbound,
  });

  // One git job per repository at a time in this process: a job BullMQ took back from a
  // worker it thought dead (a lock lapsed under load) may run here twice, and two git
  // processes cloning into one folder break each other.
  const repositoryTurns = new Map<string, Promise<unknown>>();
  const inTurn = <T>(url: string, work: () => Promise<T>): Promise<T> => {
    const previous = repositoryTurns.get(url) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    repositoryTurns.set(url, settled);
    void settled.then(() => {
      if (repositoryTurns.get(url) === settled) repositoryTurns.delete(url);
    });
    return next;
  };

  const run = async (data: JobData): Promise<unknown> => {
    switch (data.source) {
      case "registry":
        return collectRegistry(registryPackage(data.name, []), {
          fetcher: registryClient,
          cache,
          now,
        });
      case "git":
        return inTurn(data.url, async () => {
          // A collector per job: its clone-once memo is per run, and a worker lives for many.
          const git = createGitCollector({
            cache,
            now,
            env,
            concurrency: 1,
            offline: false,
            allowHosts: data.allowHosts,
          });
          const byDirectory: Record<string, Evidence<unknown>> = {};
          for (const directory of data.directories)
            byDirectory[directory] = await git.collect({
              url: data.url,
              directory: directory === "" ? null : directory,
            });
          return byDirectory;
        });
      case "advisories": {
        const found = await collectPackageAdvisories(
          [registryPackage(data.name, data.versions)],
          {
            cwd: options.cwd,
            env,
            toolVersion: options.toolVersion,
            offline: false,
            enabled: true,
            dispatcher: outbound,
            npmSettings,
          },
          { cache, now },
        );
        return found.get(data.name) ?? null;
      }
      case "issues":
        // Per job too: the collector's per-run memo would serve a day-old answer for ever.
        return createIssuesCollector({ api: github, cache, now }).collect({
          url: data.url,
          directory: null,
        });
    }
  };

  return {
    run,
    async close() {
      await registryClient.close();
      await github.close();
      await outbound.close();
    },
  };
}

/** The little of an inventory entry a registry-side collector reads: its name, versions and origin. */
function registryPackage(name: string, versions: string[]): InventoryPackage {
  return {
    name,
    versions,
    direct: false,
    scopes: ["prod"],
    dependents: 0,
    path: [],
    dependencies: [],
    via: [],
    projects: [],
    origin: "registry",
  };
}
