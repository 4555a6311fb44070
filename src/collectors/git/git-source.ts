import { repositoryCloneTarget } from "../repository-url.js";
import { defineSource } from "../source.js";
import { missingEvidence } from "../types.js";
import { createGitCollector } from "./collect-git.js";

/**
 * The history of each package's repository, cloned once however many
 * packages share it. The repository comes from the registry's answer.
 */
export const gitSource = defineSource({
  id: "git",
  needs: ["registry"],
  off: (run) => (run.flags.git ? null : "skipped: --no-git"),
  async open(run) {
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
    return {
      async collect(_pkg, needed) {
        const data = needed.registry?.data;
        if (!data)
          return missingEvidence("git", "skipped: no registry data to find the repository");
        const repo = repositoryCloneTarget(
          data.repository?.url,
          data.repository?.directory ?? null,
        );
        if (!repo) return missingEvidence("git", "skipped: no usable repository URL");
        return collector.collect(repo);
      },
    };
  },
});
