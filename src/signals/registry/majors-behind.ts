import semver from "semver";
import type { RegistryEvidence } from "../../collectors/registry/types.js";
import { defineSignal } from "../define-signal.js";
import { latestVersion, newestInstalled } from "../registry-versions.js";

/**
 * Major lines published after the installed one, up to latest. Lines are
 * counted, not subtracted: a package that jumps from 4 to 24 (aligning with a
 * runtime's numbering) is one line behind, not twenty.
 */
export const majorsBehind = defineSignal({
  id: "majorsBehind",
  needs: ["registry"],
  compute({ evidence: { registry }, pkg }) {
    const installed = newestInstalled(registry, pkg)?.version;
    const latest = latestVersion(registry);
    if (!installed || !latest || !semver.valid(installed) || !semver.valid(latest))
      return { value: null };
    const behind = linesBetween(registry, installed, latest);
    return {
      value: behind,
      note: `installed ${installed}, latest ${latest}`,
      detail: { installed, latest },
    };
  },
});

/** Under 1.0 every minor may break (semver item 4), so 0.x minors count as lines. */
function lineKey(version: string): string {
  const major = semver.major(version);
  return major === 0 ? `0.${semver.minor(version)}` : String(major);
}

function linesBetween(registry: RegistryEvidence, installed: string, latest: string): number {
  if (semver.lte(latest, installed)) return 0;
  const own = lineKey(installed);
  const lines = new Set<string>();
  for (const version of Object.keys(registry.versions)) {
    if (!semver.valid(version) || semver.prerelease(version)) continue;
    if (semver.gt(version, installed) && semver.lte(version, latest)) lines.add(lineKey(version));
  }
  lines.delete(own);
  return lines.size;
}
