/**
 * The issue collector for a whole inventory: finds the token, opens one
 * GitHub client, and maps each package to its repository's evidence.
 */

import type { Cache } from "../../cache/disk-cache.js";
import type { InventoryPackage } from "../../inventory/types.js";
import type { Dispatcher } from "../http/http-dispatcher.js";
import type { RegistryEvidence } from "../registry/types.js";
import { normalizeRepositoryUrl } from "../repository-url.js";
import { type Evidence, missingEvidence } from "../types.js";
import { createIssuesCollector, type IssuesContext } from "./collect-issues.js";
import { createGitHubClient, defaultGitHubApiUrl, type RateBudget } from "./github-client.js";
import { findGitHubToken, type TokenSource } from "./github-token.js";
import { scopeToPackage } from "./scope-to-package.js";
import type { IssuesEvidence } from "./types.js";

export interface PackageIssueOptions {
  env: Record<string, string | undefined>;
  home: string;
  toolVersion: string;
  offline: boolean;
  concurrency?: number;
  limits?: IssuesContext["limits"];
  /** The connection pool to use (the run's proxies); the caller closes it. */
  dispatcher?: Dispatcher;
}

export interface PackageIssues {
  evidence: Map<string, Evidence<IssuesEvidence>>;
  /** The rate budget left at the end (for a note), and where the token came from; never the token. */
  budget: RateBudget | null;
  tokenSource: TokenSource | null;
}

/**
 * JENGA_GITHUB_API_URL replaces the API address (GitHub Enterprise, tests);
 * the token is sent to that address only.
 */
export async function collectPackageIssues(
  packages: InventoryPackage[],
  registry: Map<string, Evidence<RegistryEvidence>>,
  options: PackageIssueOptions,
  ctx: { cache: Cache; now: () => Date },
): Promise<PackageIssues> {
  const token = options.offline
    ? null
    : await findGitHubToken({ env: options.env, home: options.home });
  const api = options.offline
    ? null
    : createGitHubClient({
        baseUrl: options.env.JENGA_GITHUB_API_URL || defaultGitHubApiUrl,
        token: token?.token ?? null,
        userAgent: `jenga/${options.toolVersion}`,
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
  const collector = createIssuesCollector({
    api,
    cache: ctx.cache,
    now: ctx.now,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const evidence = new Map<string, Evidence<IssuesEvidence>>();
  try {
    // The client serves requests in the order they are made: direct dependencies, then the
    // most depended-on, spend the (unauthenticated: 60 an hour) budget first.
    const ordered = [...packages].sort(
      (a, b) => Number(b.direct) - Number(a.direct) || b.dependents - a.dependents,
    );
    await Promise.all(
      ordered.map(async (pkg) => {
        const data = registry.get(pkg.name)?.data;
        if (!data) {
          evidence.set(
            pkg.name,
            missingEvidence("issues", "skipped: no registry data to find the repository"),
          );
          return;
        }
        const repo = normalizeRepositoryUrl(
          data.repository?.url,
          data.repository?.directory ?? null,
        );
        const collected = await collector.collect(repo);
        evidence.set(
          pkg.name,
          collected.data
            ? {
                ...collected,
                data: scopeToPackage(collected.data, pkg.name, repo?.directory ?? null),
              }
            : collected,
        );
      }),
    );
  } finally {
    await api?.close();
  }
  return { evidence, budget: api?.budget() ?? null, tokenSource: token?.source ?? null };
}
