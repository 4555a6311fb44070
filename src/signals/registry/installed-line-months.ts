import semver from "semver";
import type { RegistryEvidence } from "../../collectors/registry/types.js";
import { defineSignal } from "../define-signal.js";
import { assessPublishTimes } from "../publish-times.js";
import { latestVersion, newestInstalled } from "../registry-versions.js";
import { monthsBetween } from "../time.js";

/**
 * How long the installed major line has gone without a release, beside how
 * recently the latest line had one: a line nobody releases any more while a
 * newer one is maintained is out of support, a real problem (not mere lag).
 */
export const installedLineMonths = defineSignal({
  id: "installedLineMonths",
  needs: ["registry"],
  compute({ evidence: { registry }, pkg, now }) {
    const installed = newestInstalled(registry, pkg)?.version;
    const latest = latestVersion(registry);
    if (!installed || !latest || !semver.valid(installed) || !semver.valid(latest))
      return { value: null, note: "no comparable versions" };
    const line = lineOf(installed);
    const newest = lineOf(latest);
    const lineTime = newestTimeIn(registry, line);
    const latestTime = newestTimeIn(registry, newest);
    if (lineTime === null || latestTime === null) return { value: null, note: "no publish times" };
    const { trusted, why } = assessPublishTimes(registry, now);
    return {
      value: monthsBetween(lineTime, now.getTime()),
      trusted,
      ...(why ? { note: why } : {}),
      detail: {
        line,
        latestLine: newest,
        latestLineMonths: monthsBetween(latestTime, now.getTime()),
      },
    };
  },
});

/** `2.x` for 2.3.1; `0.4.x` under 1.0, where each minor is its own line (semver item 4). */
function lineOf(version: string): string {
  const major = semver.major(version);
  return major === 0 ? `0.${semver.minor(version)}.x` : `${major}.x`;
}

function newestTimeIn(registry: RegistryEvidence, line: string): number | null {
  let newest: number | null = null;
  for (const [version, record] of Object.entries(registry.versions)) {
    if (!semver.valid(version) || semver.prerelease(version) || lineOf(version) !== line) continue;
    const t = record.time ? Date.parse(record.time) : Number.NaN;
    if (Number.isFinite(t) && (newest === null || t > newest)) newest = t;
  }
  return newest;
}
