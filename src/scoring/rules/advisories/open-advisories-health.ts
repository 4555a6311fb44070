import { list } from "../../signal-values.js";
import { defineRule } from "../define-rule.js";

export const openAdvisoriesHealth = defineRule({
  id: "openAdvisoriesHealth",
  feeds: "health",
  signal: "openAdvisories",
  needs: ["openAdvisories"],
  points: () => 0,
  health: (p) => p.healthPenalties.openAdvisoryMedium,
  doc: "A known hole in the installed version costs health by its worst severity (CVSS bands, as npm audit uses them).",
  test: ({ signals, policy }) => {
    const open = list(signals, "openAdvisories");
    if (open.length === 0) return null;
    const p = policy.healthPenalties;
    const worst = String(signals.maxSeverity?.value ?? "unknown");
    const penalty =
      {
        critical: p.openAdvisoryCritical,
        high: p.openAdvisoryHigh,
        medium: p.openAdvisoryMedium,
        low: p.openAdvisoryLow,
      }[worst] ?? p.openAdvisoryMedium;
    return {
      args: { count: open.length, ids: open.slice(0, 3).join(", "), severity: worst },
      health: penalty,
    };
  },
});
