import semver from "semver";
import { openAdvisories as findOpen } from "../advisory-versions.js";
import { defineSignal } from "../define-signal.js";

export const openAdvisories = defineSignal({
  id: "openAdvisories",
  needs: ["advisories"],
  compute({ evidence: { advisories }, pkg }) {
    if (!pkg.versions.some((v) => semver.valid(v)))
      return { value: null, note: "no installed version is a semver version" };
    const { open, fixable, unfixed, upgrades } = findOpen(advisories.advisories, pkg.versions);
    if (open.length === 0) return { value: [] };
    const targets = upgrades.flatMap((u) => (u.upgradeTo ? [u.upgradeTo] : []));
    const detail: Record<string, string | number> = {
      installed: upgrades.map((u) => u.installed).join(", "),
      fixable: fixable.map((a) => a.id).join(", "),
      unfixed: unfixed.map((a) => a.id).join(", "),
      upgrades: upgrades
        .filter((u) => u.upgradeTo)
        .map((u) => `${u.installed} → ${u.upgradeTo}`)
        .join(", "),
      crossesMajor: upgrades.some((u) => u.crossesMajor) ? 1 : 0,
    };
    const highest = targets.sort(semver.rcompare)[0];
    if (highest) detail.upgradeTo = highest;
    return { value: open.map((a) => a.id), detail };
  },
});
