import { defineSource } from "../source.js";
import type { Evidence } from "../types.js";
import { missingEvidence } from "../types.js";
import type { AdvisoryEvidence } from "./types.js";

/**
 * Advisories for every registry package, asked in bulk (the batch hook): the
 * registry's bulk advisory endpoint and the OSV API at once, or `--osv`'s
 * local export alone. A local or git dependency may share a public name
 * without sharing its code, so it gets no advisories.
 */
export const advisoriesSource = defineSource({
  id: "advisories",
  needs: [],
  off: (run) => (run.flags.advisories ? null : "skipped: --no-advisories"),
  async open(run) {
    // Loaded when the source runs: a run without it (--no-advisories) never parses the OSV and CVSS readers.
    const { collectPackageAdvisories } = await import("./collect-package-advisories.js");
    let answers = new Map<string, Evidence<AdvisoryEvidence>>();
    return {
      async batch(packages) {
        answers = await collectPackageAdvisories(
          [...packages],
          {
            cwd: run.cwd,
            env: run.env,
            toolVersion: run.toolVersion,
            offline: run.offline,
            enabled: true,
            ...(run.flags.osv ? { osv: run.flags.osv } : {}),
            ...(run.http ? { dispatcher: run.http.dispatcher } : {}),
            // The registry's bulk advisories, unless a replaced fetcher means the registry is the caller's to reach.
            ...(run.http && !run.injected.fetcher ? { npmSettings: run.http.npmSettings } : {}),
          },
          { cache: run.cache, now: run.now },
        );
      },
      async collect(pkg) {
        return (
          answers.get(pkg.name) ??
          missingEvidence("advisories", `skipped: ${pkg.origin} dependency, not from a registry`)
        );
      },
    };
  },
});
