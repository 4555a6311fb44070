import semver from "semver";
import { defineSignal } from "../define-signal.js";
import { assessPublishTimes } from "../publish-times.js";
import { yearMs } from "../time.js";

/** Three years smooths out a quiet year without reaching back to a different era of the project. */
const windowYears = 3;

export const releasesPerYear = defineSignal({
  id: "releasesPerYear",
  needs: ["registry"],
  compute({ evidence: { registry }, now }) {
    const since = now.getTime() - windowYears * yearMs;
    let count = 0;
    for (const [version, record] of Object.entries(registry.versions)) {
      const t = record.time ? Date.parse(record.time) : NaN;
      if (t >= since && semver.valid(version) && !semver.prerelease(version)) count++;
    }
    const { trusted, why } = assessPublishTimes(registry, now);
    return {
      value: Math.round((count / windowYears) * 10) / 10,
      trusted,
      ...(why ? { note: why } : {}),
    };
  },
});
