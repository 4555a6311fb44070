/**
 * Issue-tracker evidence per repository: from the cache when fresh (or
 * whenever offline), else from the GitHub API. Each repository is fetched
 * once per run however many packages share it (a monorepo's packages do).
 */

import { issuesAnswerShape } from "../../cache/cached-shapes.js";
import { type Cache, isFresh } from "../../cache/disk-cache.js";
import { cacheTtlMs } from "../../cache/ttl.js";
import type { NormalizedRepository } from "../repository-url.js";
import { type Evidence, missingEvidence, okEvidence } from "../types.js";
import { fetchGitHubIssues, type IssuesAnswer, issuesFromAnswer } from "./fetch-github-issues.js";
import type { GitHubApi } from "./github-client.js";
import { gitHubRepository } from "./github-repository.js";
import { defaultIssueLimits, type IssueLimits } from "./limits.js";
import type { IssuesEvidence } from "./types.js";

export interface IssuesContext {
  /** Null when the network is off (`--offline`). */
  api: GitHubApi | null;
  cache: Cache;
  now: () => Date;
  limits?: Partial<IssueLimits>;
}

export interface IssuesCollector {
  collect(repository: NormalizedRepository | null): Promise<Evidence<IssuesEvidence>>;
}

export const notGitHub = "skipped: not a GitHub repository";

export function createIssuesCollector(ctx: IssuesContext): IssuesCollector {
  const limits = { ...defaultIssueLimits, ...ctx.limits };
  const inFlight = new Map<string, Promise<Evidence<IssuesEvidence>>>();

  async function collectRepo(key: string, repo: NonNullable<ReturnType<typeof gitHubRepository>>) {
    const entry = await ctx.cache.read<IssuesAnswer>("issues", key, issuesAnswerShape);
    if (entry && (ctx.cache.mode === "offline" || isFresh(entry, cacheTtlMs.issues, ctx.now())))
      return okEvidence("issues", issuesFromAnswer(entry.value), entry.storedAt, true);
    if (!ctx.api) return missingEvidence<IssuesEvidence>("issues", "offline: not in cache");
    const fetchedAt = ctx.now();
    const result = await fetchGitHubIssues(ctx.api, repo, limits, fetchedAt);
    if (!result.ok) return missingEvidence<IssuesEvidence>("issues", result.status);
    await ctx.cache.write("issues", key, result.answer);
    return okEvidence("issues", issuesFromAnswer(result.answer), fetchedAt.toISOString(), false);
  }

  return {
    collect(repository) {
      const repo = repository ? gitHubRepository(repository.url) : null;
      if (!repo) return Promise.resolve(missingEvidence("issues", notGitHub));
      const known = inFlight.get(repo.url);
      if (known) return known;
      const pending = collectRepo(repo.url, repo).catch(() =>
        // A bug here must not abort the analysis; the package says so instead.
        missingEvidence<IssuesEvidence>("issues", "unavailable: internal error"),
      );
      inFlight.set(repo.url, pending);
      return pending;
    },
  };
}
