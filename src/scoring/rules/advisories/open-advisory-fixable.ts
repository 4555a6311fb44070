import { defineRule } from "../define-rule.js";
import { openAdvisories } from "./open-advisories.js";

export const openAdvisoryFixable = defineRule({
  id: "openAdvisoryFixable",
  feeds: "fix",
  signal: "openAdvisories",
  needs: ["openAdvisories"],
  decisive: true,
  points: () => 0,
  health: () => 0,
  doc: "Advisories affect the installed version and upstream has released a fix: upgrade. Points by the worst severity (advisories.points.fixableBySeverity), so a critical hole alone is fix and a low one is not.",
  test: ({ signals, policy }) => {
    const open = openAdvisories(signals);
    if (!open || open.fixable.length === 0 || open.upgrades === "") return null;
    const args = {
      ids: open.fixable.join(", "),
      installed: open.installed,
      upgrades: open.upgrades,
      severity: open.severity,
      crossesMajor: open.crossesMajor,
    };
    return { args, points: policy.advisories.points.fixableBySeverity[open.severity] };
  },
});
