import { fixedVersions } from "../../collectors/advisories/affects.js";
import { defineSignal } from "../define-signal.js";
import { assessPublishTimes } from "../publish-times.js";
import { dayMs } from "../time.js";

export const timeToFix = defineSignal({
  id: "timeToFix",
  needs: ["advisories", "registry"],
  compute({ evidence: { advisories, registry }, now }) {
    const { trusted, why } = assessPublishTimes(registry, now);
    // Mirror-rewritten times would turn a fix shipped in a week into one shipped "yesterday" or in years.
    if (!trusted) return { value: null, trusted: false, note: why ?? "publish times untrusted" };
    const days: number[] = [];
    for (const advisory of advisories.advisories) {
      const published = advisory.published ? Date.parse(advisory.published) : Number.NaN;
      const fixTimes = fixedVersions(advisory.affected)
        .map((v) => registry.versions[v]?.time)
        .map((t) => (t ? Date.parse(t) : Number.NaN))
        .filter(Number.isFinite);
      if (!Number.isFinite(published) || fixTimes.length === 0) continue;
      // A fix released before the advisory (coordinated disclosure) took no time from the users' view.
      days.push(Math.max(0, (Math.min(...fixTimes) - published) / dayMs));
    }
    if (days.length === 0) return { value: null, note: "no advisory with a published fix version" };
    return { value: Math.round(median(days)), detail: { advisories: days.length } };
  },
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
