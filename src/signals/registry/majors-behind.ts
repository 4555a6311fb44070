import semver from "semver";
import { defineSignal } from "../define-signal.js";
import { latestVersion, newestInstalled } from "../registry-versions.js";

export const majorsBehind = defineSignal({
  id: "majorsBehind",
  needs: ["registry"],
  compute({ evidence: { registry }, pkg }) {
    const installed = newestInstalled(registry, pkg)?.version;
    const latest = latestVersion(registry);
    if (!installed || !latest || !semver.valid(installed) || !semver.valid(latest))
      return { value: null };
    // Under 1.0 every minor may break (semver item 4), so 0.x minors count as majors.
    const bothZero = semver.major(latest) === 0 && semver.major(installed) === 0;
    const behind = bothZero
      ? semver.minor(latest) - semver.minor(installed)
      : semver.major(latest) - semver.major(installed);
    return {
      value: Math.max(0, behind),
      note: `installed ${installed}, latest ${latest}`,
      detail: { installed, latest },
    };
  },
});
