import type { Evidence } from "../collectors/types.js";
import type { BlindSpot, UsageEvidence } from "../collectors/usage/types.js";

/**
 * The run's one word on source files that did not parse: how many, and the
 * first (`3 files not parsed (first: src/x.ts:12: unexpected token)`).
 * Every package of a project carries that project's spots, so they are
 * gathered from all and counted once per file.
 */
export function unparsedFilesNote(usage: ReadonlyMap<string, Evidence<UsageEvidence>>): string[] {
  const files = new Map<string, BlindSpot>();
  for (const evidence of usage.values()) {
    for (const spot of evidence.data?.blindSpots ?? []) {
      if (spot.kind === "parse-error" && spot.message !== undefined && !files.has(spot.file))
        files.set(spot.file, spot);
    }
  }
  const first = [...files.values()].sort((a, b) => a.file.localeCompare(b.file))[0];
  if (!first) return [];
  const count = files.size === 1 ? "1 file" : `${files.size} files`;
  return [
    `${count} not parsed (first: ${first.file}:${first.line}: ${first.message}): a dependency seen used nowhere else is usage unknown, not unused.`,
  ];
}

/**
 * The run's one word on a project read without node_modules: the figures
 * that come from installed code (code closure, exports count) are partial,
 * measured from registry tarballs where there were any and missing
 * elsewhere, so the verdicts built on them (rewrite for a small used
 * fraction, the used-fraction notes) rest on less; and peers came from the
 * lockfile graph and the registry's packuments, not from installed package.json files.
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
    `node_modules missing: installed-code figures (code closure, exports count) are partial for ${tarball + missing} used packages (${tarball} measured from registry tarballs, ${missing} not measured); rewrite verdicts and used-fraction notes rest on them, and peers were taken from the lockfile graph and from the packuments of the resolved versions.`,
  ];
}
