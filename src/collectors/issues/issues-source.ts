import { normalizeRepositoryUrl } from "../repository-url.js";
import { defineSource } from "../source.js";
import { missingEvidence } from "../types.js";
import { createIssuesCollector } from "./collect-issues.js";
import { createGitHubClient, defaultGitHubApiUrl } from "./github-client.js";
import { findGitHubToken } from "./github-token.js";
import { scopeToPackage } from "./scope-to-package.js";

/**
 * How each package's issue tracker answers bug reports (GitHub's API). The
 * token is GITHUB_TOKEN, GH_TOKEN, else the gh CLI's hosts.yml under home;
 * JENGA_GITHUB_API_URL replaces the API address (GitHub Enterprise, tests),
 * and the token is sent to that address only. The client serves requests in
 * the order they are made, and the runner asks for direct dependencies, then
 * the most depended-on, first: they spend the (unauthenticated: 60 an hour)
 * budget first.
 */
export const issuesSource = defineSource({
  id: "issues",
  needs: ["registry"],
  off: () => null,
  async open(run) {
    const token = run.offline ? null : await findGitHubToken({ env: run.env, home: run.home });
    const api = run.offline
      ? null
      : createGitHubClient({
          baseUrl: run.env.JENGA_GITHUB_API_URL || defaultGitHubApiUrl,
          token: token?.token ?? null,
          userAgent: `jenga/${run.toolVersion}`,
          ...(run.http ? { dispatcher: run.http.dispatcher } : {}),
        });
    const collector = createIssuesCollector({ api, cache: run.cache, now: run.now });
    return {
      async collect(pkg, needed) {
        const data = needed.registry?.data;
        if (!data)
          return missingEvidence("issues", "skipped: no registry data to find the repository");
        const repo = normalizeRepositoryUrl(
          data.repository?.url,
          data.repository?.directory ?? null,
        );
        const collected = await collector.collect(repo);
        return collected.data
          ? {
              ...collected,
              data: scopeToPackage(collected.data, pkg.name, repo?.directory ?? null),
            }
          : collected;
      },
      close: async () => {
        await api?.close();
      },
    };
  },
});
