import { maxRetryWaitMs } from "../http/retry.js";
import { defineSource } from "../source.js";
import type { Evidence } from "../types.js";
import { missingEvidence } from "../types.js";
import type { UsageEvidence } from "./types.js";

/**
 * What the project's own code uses of each package. The whole project is
 * read at once (the batch hook): a package's use is only known once every
 * file has been read. Packages that are imported but not installed are
 * measured from their registry tarball. It needs the registry: a project
 * read without node_modules takes its dependencies' peers from their
 * packuments (yarn classic and npm v1 lockfiles record none).
 */
export const usageSource = defineSource({
  id: "usage",
  needs: ["registry"],
  off: (run) =>
    run.flags.single
      ? "skipped: no project to read (jenga check)"
      : run.flags.usage
        ? null
        : "skipped: --no-usage",
  async open(run) {
    // Loaded when the source runs: a run without it (--no-usage) never parses Babel, ts-morph or tar.
    const [{ collectUsage }, { createTarballClient }] = await Promise.all([
      import("./collect-usage.js"),
      import("./tarball-client.js"),
    ]);
    // A replaced registry client means the registry is the caller's to reach: no tarballs then.
    const own =
      run.injected.fetcher || run.injected.tarballFetcher || !run.http
        ? null
        : createTarballClient(run.http.npmSettings, { maxRetryAfterMs: maxRetryWaitMs(run.env) });
    const tarballs = run.offline ? null : (run.injected.tarballFetcher ?? own);
    let answers = new Map<string, Evidence<UsageEvidence>>();
    return {
      async batch(packages, needed) {
        answers = await collectUsage(run.paths, packages, {
          enabled: true,
          now: run.now,
          ignoreDependencies: run.config.config.usage?.ignoreDependencies ?? [],
          entry: run.config.config.usage?.entry ?? [],
          registryOf: async (pkg) => (await needed(pkg)).registry?.data ?? null,
          cache: run.cache,
          // Offline, null: cached measurements only. Undefined: no registry to fetch from.
          ...(tarballs || run.offline ? { tarballs } : {}),
        });
      },
      async collect(pkg) {
        return answers.get(pkg.name) ?? missingEvidence("usage", "skipped: not collected");
      },
      close: async () => {
        await own?.close();
      },
    };
  },
});
