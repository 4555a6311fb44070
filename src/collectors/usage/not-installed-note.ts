import type { Evidence } from "../types.js";
import type { UsageEvidence } from "./types.js";

/**
 * The run's one word on a project read without node_modules: the figures
 * that come from installed code (code closure, exports count) are partial,
 * measured from registry tarballs where there were any and missing
 * elsewhere, so the verdicts built on them (rewrite for a small used
 * fraction, the used-fraction notes) rest on less; and peers came from the
 * lockfile graph, not from installed package.json files.
 */
export function notInstalledNote(usage: ReadonlyMap<string, Evidence<UsageEvidence>>): string[] {
  let tarball = 0;
  let missing = 0;
  for (const evidence of usage.values()) {
    const footprint = evidence.data?.footprint;
    if (!footprint) continue;
    if (footprint.status.startsWith("not installed") || footprint.status.startsWith("tarball"))
      missing++;
    else if (footprint.caveats.some((c) => c.endsWith(": not installed here"))) tarball++;
  }
  if (tarball + missing === 0) return [];
  return [
    `node_modules missing: installed-code figures (code closure, exports count) are partial for ${tarball + missing} used packages (${tarball} measured from registry tarballs, ${missing} not measured); rewrite verdicts and used-fraction notes rest on them, and peers were taken from the lockfile graph (yarn classic and npm v1 lockfiles record none: install to read them).`,
  ];
}
