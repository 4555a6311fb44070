import type { GitEvidence } from "../../collectors/git/types.js";
import type { RegistryEvidence } from "../../collectors/registry/types.js";
import { minOf } from "../../util/extremes.js";
import { undatedAdvisories } from "../advisory-versions.js";
import { defineSignal, type EvidenceSet } from "../define-signal.js";
import { assessPublishTimes } from "../publish-times.js";
import { dayMs } from "../time.js";
import { fixedVersions } from "./affects.js";

/** A version's release time: from the registry when its times are real, else from its git tag. */
type ReleaseTime = (version: string) => number;

export const timeToFix = defineSignal({
  id: "timeToFix",
  needs: ["advisories", "registry"],
  compute({ evidence, now }) {
    const { advisories, registry } = evidence;
    const undated = undatedAdvisories(advisories);
    if (undated) return { value: null, note: undated };
    const { trusted, why } = assessPublishTimes(registry, now);
    // Git is optional here: when the registry's times are rewritten by a mirror, the release
    // tags in the repository date the fixes instead (the git collector reads their dates).
    const git = (evidence as EvidenceSet).git;
    const tagged = git && git.tags.length > 0 ? tagTimes(git) : null;
    // Mirror-rewritten times would turn a fix shipped in a week into one shipped "yesterday" or in years.
    if (!trusted && !tagged)
      return { value: null, trusted: false, note: why ?? "publish times untrusted" };
    const releaseTime: ReleaseTime = trusted ? registryTimes(registry) : (tagged as ReleaseTime);
    const days: number[] = [];
    for (const advisory of advisories.advisories) {
      const published = advisory.published ? Date.parse(advisory.published) : Number.NaN;
      const fixTimes = fixedVersions(advisory.affected).map(releaseTime).filter(Number.isFinite);
      if (!Number.isFinite(published) || fixTimes.length === 0) continue;
      // A fix released before the advisory (coordinated disclosure) took no time from the users' view.
      days.push(Math.max(0, (minOf(fixTimes) - published) / dayMs));
    }
    if (days.length === 0) return { value: null, note: "no advisory with a dated fix version" };
    const source = trusted ? "registry publish times" : "git tag dates (registry times untrusted)";
    return {
      value: Math.round(median(days)),
      note: `from ${source}`,
      detail: { advisories: days.length },
    };
  },
});

function registryTimes(registry: RegistryEvidence): ReleaseTime {
  return (version) => {
    const time = registry.versions[version]?.time;
    return time ? Date.parse(time) : Number.NaN;
  };
}

/** Tags name versions as `1.2.3`, `v1.2.3` or `name@1.2.3` (monorepos); any of them dates the release. */
function tagTimes(git: GitEvidence): ReleaseTime {
  const byVersion = new Map<string, number>();
  for (const tag of git.tags) {
    const version = tag.name.replace(/^.*@/, "").replace(/^v/, "");
    const seconds = byVersion.get(version);
    if (seconds === undefined || tag.time < seconds) byVersion.set(version, tag.time);
  }
  return (version) => {
    const seconds = byVersion.get(version);
    return seconds === undefined ? Number.NaN : seconds * 1000;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
