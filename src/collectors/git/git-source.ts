import { repositoryCloneTarget } from "../repository-url.js";
import { defineSource, type NeededEvidence } from "../source.js";
import { missingEvidence } from "../types.js";

/**
 * The history of each package's repository, cloned once however many
 * packages share it. The repository comes from the registry's answer.
 */
export const gitSource = defineSource({
  id: "git",
  needs: ["registry"],
  off: (run) => (run.flags.git ? null : "skipped: --no-git"),
  async open(run) {
    // Loaded when the source runs: a run without it (--no-git) never parses the git collector.
    const { createGitCollector } = await import("./collect-git.js");
    const collector = createGitCollector({
      cache: run.cache,
      now: run.now,
      env: run.env,
      concurrency: run.concurrency,
      offline: run.offline,
      allowHosts: run.config.config.git?.allowHosts ?? [],
      ...(run.injected.gitRunner ? { runner: run.injected.gitRunner } : {}),
      ...(run.injected.gitLimits ? { limits: run.injected.gitLimits } : {}),
    });
    const target = (needed: NeededEvidence) => {
      const repository = needed.registry?.data?.repository;
      return repositoryCloneTarget(repository?.url, repository?.directory ?? null);
    };
    return {
      // Every package of a monorepo is announced as soon as the registry names its folder,
      // so the repository's one history pass covers packages still waiting for a slot.
      announce(_pkg, needed) {
        const repo = target(needed);
        if (repo) collector.expect([repo]);
      },
      async collect(_pkg, needed) {
        if (!needed.registry?.data)
          return missingEvidence("git", "skipped: no registry data to find the repository");
        const repo = target(needed);
        if (!repo) return missingEvidence("git", "skipped: no usable repository URL");
        return collector.collect(repo);
      },
    };
  },
});
